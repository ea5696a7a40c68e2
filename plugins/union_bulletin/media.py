"""Pictures: what Pillow can tell about a cover image without decoding it."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height of an image file (read from its header), or None if it is not an image."""
    try:
        with Image.open(path) as img:
            return img.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
