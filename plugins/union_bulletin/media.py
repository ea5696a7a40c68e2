"""Pictures: what Pillow can tell about an image without decoding it; HEIC/HEIF support (pillow-heif) for every reader of images."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()  # HEIC/HEIF, iPhones' default format: for cover sizes here and the photo pipeline


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height of an image file (read from its header), or None if it is not an image.

    Pillow's decompression-bomb check is off for this header read: nothing is decoded here, and the photo
    pipeline (photos.py) names an image with too many pixels to its author.
    """
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(path) as img:
            return img.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = previous
