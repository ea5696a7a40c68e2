"""Photos: what a bulletin's pictures become on the published site.

A phone photo is published neither as the phone wrote it (4000 pixels wide,
several megabytes, with its EXIF: the camera, the time and often the GPS
position of the place it was taken) nor as one size for every screen. Each
raster image a bulletin uses (its ``cover`` and the images in its body) is
published as resized variants (:data:`WIDTHS`, never wider than the image
itself), each as WebP and as a fallback for browsers without WebP: JPEG, or
PNG for an image with transparent pixels (JPEG has no transparency; a PNG logo
flattened onto white would show a white box in dark mode).

Before resizing, the EXIF orientation is applied (a portrait photo that the
phone stored sideways comes out upright), an embedded ICC profile is converted
to sRGB (what browsers assume for an untagged image), and then nothing of the
source's metadata is written: no EXIF (GPS included), no XMP, no ICC profile,
no comments. HEIC/HEIF photos from phones are read through pillow-heif.

Encoding is slow (a second or more for a phone photo), so it is cached on disk
by content: an entry's key is the hash of the file's bytes, the widths, the
formats and qualities, :data:`ENCODER_VERSION` and Pillow's version. An
unchanged rebuild encodes nothing; a changed photo re-encodes only itself.
Photos to encode are shared among worker processes, one per core; each worker
holds one photo at a time, so memory stays bounded by the number of cores.
The same bytes always give the same files (Pillow's encoders are
deterministic for the same settings).

What cannot be published (not an image, a format we do not take, a file cut
short or damaged, a "decompression bomb" of more than :data:`MAX_PIXELS`
pixels) is a :class:`Failure` with a message for the author; the page shows
the image's description in its place (see the MkDocs plugin).

No MkDocs here: the plugin hands in :class:`Source` values and gets
:class:`Photo` or :class:`Failure` values and the markup.
"""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import os
import re
import shutil
import struct
import tempfile
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path, PurePosixPath

import PIL
from markupsafe import Markup, escape
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from . import media  # noqa: F401  (registers the HEIC/HEIF reader)
from .cache import digest, place
from .problems import Problem

#: Widths of the published variants, in pixels. 480: a phone at 1×, or a small picture; 960: a phone at 2–3×
#: or a laptop; 1600: a large screen, and what the lightbox shows.
WIDTHS = (480, 960, 1600)
WEBP_QUALITY = 80
JPEG_QUALITY = 82
#: Bump when the encoding changes in a way the settings above do not show (resampling, colour handling…):
#: every cached photo is then encoded again.
ENCODER_VERSION = "1"
#: Refuse images with more pixels than this (a 108-megapixel phone photo has 108 million): a tiny file can
#: declare a huge picture, and decoding it would take gigabytes ("decompression bomb").
MAX_PIXELS = 120_000_000
#: File name endings taken for photos. GIF is not among them: an animated GIF would lose its animation; it is
#: published as it is. BMP and TIFF are, so that the author learns they cannot be shown.
SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".bmp", ".tif", ".tiff"})
#: What Pillow names the formats we publish from (MPO: the JPEG with a second picture many phones write).
FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "HEIF"})
EXPECTED = "JPEG、PNG、WebP 或 HEIC 照片"
#: How wide a photo is shown, for its sizes attribute: a cover spans the content column, at most about 1140 px
#: (Material's grid, our pages without sidebars); a photo in the body spans the body, at most 42em (bulletin.css:
#: .ub-body), which sizes counts in the browser's default 16 px.
COVER_COLUMN = ("(min-width: 1220px)", "1140px")
BODY_COLUMN = ("(min-width: 720px)", "42em")


@dataclass(frozen=True)
class Source:
    """One image file a page uses."""

    path: Path  # on disk
    shown: str  # as authors know it (relative to the project folder)
    dest: str  # where it would be published: a site-relative POSIX path (bulletins/2024/images/a.jpg)


@dataclass(frozen=True)
class Variant:
    """One published size of a photo, in WebP and in the fallback format."""

    width: int
    height: int
    webp: str  # site-relative path
    fallback: str


@dataclass(frozen=True)
class Photo:
    """A photo as published: its upright size and its variants, smallest first."""

    width: int
    height: int
    variants: tuple[Variant, ...]

    @property
    def large(self) -> Variant:
        return self.variants[-1]


@dataclass(frozen=True)
class Failure:
    """Why an image cannot be published: what was found, what was expected."""

    found: str
    expected: str
    suggestion: str = "用看图软件打开检查，或从手机、相机重新导出图片"

    def problem(self, source: Source, page: str) -> Problem:
        """The author's message: the page (bulletin file), the image file, what was found and what was expected."""
        suggestion = f"本页在图片位置显示其文字说明；{self.suggestion}"
        return Problem(page, f"图片 {source.shown}", self.found, self.expected, suggestion)


@dataclass(frozen=True)
class Settings:
    """What, besides the bytes, decides the published files: part of the cache key."""

    widths: tuple[int, ...] = WIDTHS
    webp_quality: int = WEBP_QUALITY
    jpeg_quality: int = JPEG_QUALITY
    max_pixels: int = MAX_PIXELS

    def key(self, content: str) -> str:
        return digest(f"{ENCODER_VERSION}|{PIL.__version__}|{self!r}|{content}")


@dataclass(frozen=True)
class Outcome:
    """What one run did: every source's photo or failure, and how many were encoded and reused."""

    photos: Mapping[str, Photo | Failure]  # by Source.dest
    encoded: int
    reused: int

    @property
    def summary(self) -> str:
        return f"照片：新压制 {self.encoded} 张，沿用缓存 {self.reused} 张"


def is_photo(name: str) -> bool:
    """Whether a file, by its name, is taken into the photo pipeline."""
    return PurePosixPath(name).suffix.lower() in SUFFIXES


def publish(sources: Iterable[Source], site_dir: Path, cache_dir: Path, settings: Settings = Settings(), *, workers: int = 0) -> Outcome:
    """Encode what the cache lacks (in worker processes), then write every photo's variants into ``site_dir``."""
    unique = {s.dest: s for s in sources}
    names = _names(unique.values())
    entries: dict[str, Path] = {}
    todo: list[tuple[str, Path]] = []
    for dest, source in sorted(unique.items()):
        try:
            content = digest(source.path.read_bytes())
        except OSError:
            content = f"unreadable:{dest}"
        entry = cache_dir / "photos" / settings.key(content)
        entries[dest] = entry
        if not (entry / "meta.json").is_file() and entry not in {e for _, e in todo}:  # the same bytes twice: encoded once
            todo.append((str(source.path), entry))
    _encode_all(todo, settings, workers)
    photos: dict[str, Photo | Failure] = {}
    for dest, entry in entries.items():
        photos[dest] = _place(entry, names[dest], site_dir)
    return Outcome(photos, encoded=len(todo), reused=len(entries) - len(todo))


def _names(sources: Iterable[Source]) -> dict[str, str]:
    """Each source's published name before "-<width>.<ext>": its path without the ending, or with it when two share a stem."""
    by_stem: dict[str, list[str]] = {}
    for s in sources:
        p = PurePosixPath(s.dest)
        by_stem.setdefault(str(p.with_suffix("")), []).append(s.dest)
    names: dict[str, str] = {}
    for stem, dests in by_stem.items():
        for dest in dests:
            names[dest] = stem if len(dests) == 1 else f"{stem}-{PurePosixPath(dest).suffix.lstrip('.').lower()}"
    return names


def _encode_all(todo: Sequence[tuple[str, Path]], settings: Settings, workers: int) -> None:
    """Encode into the cache, in worker processes when there is more than one photo (one per core by default)."""
    if not todo:
        return
    count = min(len(todo), workers or os.cpu_count() or 1)
    if count <= 1:
        for path, entry in todo:
            encode(path, str(entry), settings)
        return
    # spawn, not fork: the build process may run threads (search indexing, the preview's file watcher).
    context = multiprocessing.get_context("spawn")
    try:
        with concurrent.futures.ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            for done in pool.map(encode, [p for p, _ in todo], [str(e) for _, e in todo], [settings] * len(todo)):
                del done
    except concurrent.futures.process.BrokenProcessPool:
        # A worker could not start (a program read from standard input cannot be imported again by spawn) or
        # was killed: encode what is still missing here, one at a time.
        for path, entry in todo:
            if not (entry / "meta.json").is_file():
                encode(path, str(entry), settings)


def _place(entry: Path, name: str, site_dir: Path) -> Photo | Failure:
    """Copy a cache entry's files to their published names; the photo they make, or the failure recorded."""
    meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
    if "found" in meta:
        return Failure(meta["found"], meta["expected"], meta["suggestion"])
    fallback_ext = meta["fallback"]
    variants = []
    (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
    for width, height in meta["variants"]:
        webp, fallback = f"{name}-{width}.webp", f"{name}-{width}.{fallback_ext}"
        for stored, published in ((f"{width}.webp", webp), (f"{width}.{fallback_ext}", fallback)):
            place(entry / stored, site_dir / published)  # an entry is written in a folder of its own and renamed whole
        variants.append(Variant(width, height, webp, fallback))
    return Photo(meta["width"], meta["height"], tuple(variants))


# -- encoding (runs in the worker processes) ---------------------------------------------------------


class _Bad(Exception):
    def __init__(self, failure: Failure) -> None:
        self.failure = failure


def encode(path: str, entry: str, settings: Settings) -> None:
    """Encode one image into the cache entry folder ``entry`` (its variants and meta.json), or record why it cannot be."""
    target = Path(entry)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
    try:
        try:
            meta = _encode(Path(path), work, settings)
        except _Bad as bad:
            meta = _failed(bad.failure)
        except MemoryError:
            raise
        except Exception:  # a decoder's own error on a malformed file (IndexError, TypeError…): this image's failure, said
            meta = _failed(Failure("Pillow 无法处理的图片（解码时出错）", EXPECTED))
        (work / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        try:
            work.rename(target)  # whole entries only: a build stopped half-way leaves no half-written entry
        except OSError:
            if not (target / "meta.json").is_file():  # another process wrote it first: theirs is the same
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _failed(failure: Failure) -> dict[str, object]:
    return {"found": failure.found, "expected": failure.expected, "suggestion": failure.suggestion}


def _encode(path: Path, out: Path, settings: Settings) -> dict[str, object]:
    img = _open(path, settings)
    with img:
        width, height = _upright_size(img)
        largest = min(max(settings.widths), width)
        # Decode a JPEG at a reduced scale when the largest variant is much smaller: several times faster.
        scale = largest / width
        if img.format in ("JPEG", "MPO") and scale < 0.5:
            stored = (img.width, img.height)
            img.draft("RGB", (max(1, round(stored[0] * scale)), max(1, round(stored[1] * scale))))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                img.load()
                pixels = _clean(img)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _Bad(_too_large(img.width, img.height, settings)) from None
        except (OSError, SyntaxError, ValueError, EOFError, struct.error):
            size = path.stat().st_size
            raise _Bad(Failure(f"不完整或已损坏的 {_format_name(img.format)} 文件（{size} 字节），无法解码", f"完整的{EXPECTED}")) from None
    alpha = pixels.mode == "RGBA"
    fallback = "png" if alpha else "jpg"
    variants = []
    current = pixels
    for w in sorted({min(w, width) for w in settings.widths}, reverse=True):
        h = max(1, round(height * w / width))
        if current.size != (w, h):
            current = current.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
        current.save(out / f"{w}.webp", "WEBP", quality=settings.webp_quality, method=4, exact=False)
        if alpha:
            current.save(out / f"{w}.png", "PNG", optimize=True)
        else:
            current.save(out / f"{w}.jpg", "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True)
        variants.append((w, h))
    return {"width": width, "height": height, "fallback": fallback, "variants": sorted(variants)}


def _open(path: Path, settings: Settings) -> Image.Image:
    """The image, its header read but not decoded; refuses what is not an image, not ours, or too large."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # read the declared size first, to name it in the message; decoding is checked below
    try:
        img = Image.open(path)
    except (UnidentifiedImageError, ValueError, SyntaxError, struct.error):
        raise _Bad(Failure("无法识别的文件内容（不是图片，或文件已损坏）", EXPECTED)) from None
    except OSError:
        raise _Bad(Failure("无法读取的文件", EXPECTED, "检查文件是否存在、能否打开")) from None
    finally:
        Image.MAX_IMAGE_PIXELS = previous
    if img.format not in FORMATS:
        name = _format_name(img.format)
        img.close()
        raise _Bad(Failure(f"{name} 格式的图片（网页不能直接显示或本站不处理）", EXPECTED, "用看图软件另存为 JPEG 或 PNG"))
    if img.width * img.height > settings.max_pixels:
        w, h = img.size
        img.close()
        raise _Bad(_too_large(w, h, settings))
    return img


def _too_large(width: int, height: int, settings: Settings) -> Failure:
    return Failure(
        f"{width}×{height} 像素的图片（{width * height:,} 像素）",
        f"不超过 {settings.max_pixels:,} 像素的照片",
        "缩小图片（如宽度 4000 像素以内）后再用",
    )


def _format_name(fmt: str | None) -> str:
    return {"JPEG": "JPEG", "MPO": "JPEG", "WEBP": "WebP", "HEIF": "HEIC"}.get(fmt or "", fmt or "未知")


def _upright_size(img: Image.Image) -> tuple[int, int]:
    """The size after the EXIF orientation is applied (5–8 swap width and height)."""
    orientation = img.getexif().get(0x0112, 1)
    return (img.height, img.width) if orientation in (5, 6, 7, 8) else (img.width, img.height)


def _clean(img: Image.Image) -> Image.Image:
    """Upright, sRGB, RGB or RGBA pixels with no metadata at all."""
    icc = img.info.get("icc_profile")
    upright = ImageOps.exif_transpose(img) or img
    if upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info):
        pixels = upright.convert("RGBA")
        if pixels.getchannel("A").getextrema()[0] == 255:  # an alpha channel with nothing transparent
            pixels = pixels.convert("RGB")
    elif upright.mode == "RGB":
        pixels = upright.copy() if upright is img else upright
    else:
        pixels = upright.convert("RGB") if upright.mode != "CMYK" or not icc else upright
    if icc:
        pixels = _to_srgb(pixels, icc)
    pixels.info = {}  # no EXIF, XMP, ICC or comment reaches a published file
    return pixels


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(img: Image.Image, icc: bytes) -> Image.Image:
    """The pixels converted from the embedded profile to sRGB; unchanged if the profile cannot be read."""
    mode = "RGBA" if img.mode == "RGBA" else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc))
        if img.mode == "RGBA":
            converted = ImageCms.profileToProfile(img.convert("RGB"), source, _SRGB, outputMode="RGB")
            assert converted is not None
            converted.putalpha(img.getchannel("A"))
            return converted
        converted = ImageCms.profileToProfile(img, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return img.convert(mode) if img.mode not in ("RGB", "RGBA") else img
    assert converted is not None
    return converted


# -- markup ----------------------------------------------------------------------------------------


def picture(photo: Photo, alt: str, url: Callable[[str], str], *, eager: bool, title: str = "", css_class: str = "", width: int | None = None,
            column: tuple[str, str] = BODY_COLUMN) -> Markup:
    """The ``<picture>`` of a photo inside a link to its large variant (the lightbox opens it; without script, the browser does).

    ``url`` turns a site-relative path into the address the page uses. ``width``: the display width the author
    asked for, if any. The first photo of a page is ``eager``; the others load when scrolled near.
    """
    large = photo.large
    shown_w = min(width, large.width) if width else large.width
    shown_h = max(1, round(large.height * shown_w / large.width))
    sizes = _sizes(shown_w if width else None, large.width / large.height, column)
    webp = ", ".join(f"{url(v.webp)} {v.width}w" for v in photo.variants)
    fallback = ", ".join(f"{url(v.fallback)} {v.width}w" for v in photo.variants)
    middle = photo.variants[min(1, len(photo.variants) - 1)]
    attrs = [
        f'src="{escape(url(middle.fallback))}"', f'srcset="{escape(fallback)}"', f'sizes="{sizes}"',
        f'width="{shown_w}"', f'height="{shown_h}"', f'alt="{escape(alt)}"',
    ]
    if title:
        attrs.append(f'title="{escape(title)}"')
    if css_class:
        attrs.append(f'class="{escape(css_class)}"')
    if not eager:
        attrs += ['loading="lazy"', 'decoding="async"']
    caption = f' data-title="{escape(alt)}"' if alt else ""
    return Markup(
        f'<a class="glightbox ub-photo" href="{escape(url(large.webp))}" data-type="image"{caption}>'
        f'<picture><source type="image/webp" srcset="{escape(webp)}" sizes="{sizes}">'
        f"<img {' '.join(attrs)}></picture></a>"
    )


def _sizes(width: int | None, ratio: float, column: tuple[str, str]) -> str:
    """The ``sizes`` attribute: the column's width, or the width the author asked for; a portrait photo is at most 80vh tall."""

    def least(*lengths: str) -> str:
        return lengths[0] if len(lengths) == 1 else f"min({', '.join(lengths)})"

    tall = (f"{round(80 * ratio)}vh",) if ratio < 1 else ()  # bulletin.css: max-height 80vh
    if width:
        return least(f"{width}px", "100vw", *tall)
    return f"{column[0]} {least(column[1], *tall)}, {least('100vw', *tall)}"


def unavailable(alt: str) -> Markup:
    """What a reader sees where an image could not be published: its description, marked as a missing picture."""
    text = f"图片暂不能显示：{alt}" if alt else "图片暂不能显示"
    return Markup(f'<span class="ub-photo-missing" role="img" aria-label="{escape(text)}">{escape(text)}</span>')


# -- finding a page's photos -------------------------------------------------------------------------

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_MARK = re.compile(r"<!--ub-photo:(\d+)-->")


@dataclass(frozen=True)
class Use:
    """One place a page shows a photo, with what the ``<img>`` said about it."""

    source: Source
    page: str  # the page's file, as authors know it
    page_url: str  # the page's address, relative to the site root
    alt: str = ""
    title: str = ""
    css_class: str = ""
    width: int | None = None  # the display width the author asked for
    eager: bool = False
    cover: bool = False  # the bulletin's cover, above the body and wider than it

    def markup(self, found: Photo | Failure, url: Callable[[str, str], str]) -> Markup:
        """What the page shows: the picture, or the description where the image could not be published."""
        if isinstance(found, Failure):
            return unavailable(self.alt)
        return picture(found, self.alt, lambda dest: url(dest, self.page_url), eager=self.eager, title=self.title,
                       css_class=self.css_class, width=self.width, column=COVER_COLUMN if self.cover else BODY_COLUMN)

    def printed(self, found: Photo | Failure, url: Callable[[str, str], str]) -> Markup:
        """For the compiled report (printed): one plain image, the large fallback, no lazy loading."""
        if isinstance(found, Failure):
            return unavailable(self.alt)
        v = found.large
        return Markup(f'<img src="{escape(url(v.fallback, self.page_url))}" width="{v.width}" height="{v.height}" alt="{escape(self.alt)}">')


def has_img(html: str) -> bool:
    """Whether ``html`` has an ``<img>`` that :func:`mark` would look at."""
    return _IMG.search(html) is not None


def mark(html: str, resolve: Callable[[str], Source | None], page: str, page_url: str, *, first: int, eager: bool) -> tuple[str, list[Use]]:
    """``html`` with each photo's ``<img>`` replaced by a mark ``<!--ub-photo:N-->`` (N from ``first`` on), and the uses.

    ``resolve`` turns an ``<img src>`` into its source file, or None for what is not a photo of ours (an address on
    another site, an SVG, a GIF). ``eager``: the first photo loads at once (the page has no cover above it).
    """
    uses: list[Use] = []

    def replace(m: re.Match[str]) -> str:
        attrs = _attributes(m.group(0))
        source = resolve(attrs.get("src", ""))
        if source is None:
            return m.group(0)
        width = attrs.get("width", "").strip().removesuffix("px")
        uses.append(Use(source, page, page_url, attrs.get("alt", ""), attrs.get("title", ""), attrs.get("class", ""),
                        int(width) if width.isdigit() and int(width) > 0 else None, eager and not uses))
        return f"<!--ub-photo:{first + len(uses) - 1}-->"

    return _IMG.sub(replace, html), uses


def fill(html: str, markups: Sequence[str]) -> str:
    """``html`` with each mark replaced by its markup."""
    if "<!--ub-photo:" not in html:
        return html
    return _MARK.sub(lambda m: markups[int(m.group(1))] if int(m.group(1)) < len(markups) else m.group(0), html)


def _attributes(tag: str) -> dict[str, str]:
    found: dict[str, str] = {}

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.update((k, v or "") for k, v in attrs)

        handle_startendtag = handle_starttag

    p = Parser(convert_charrefs=True)
    p.feed(tag)
    p.close()
    return found


def photo_problems(uses: Iterable[Use], photos: Mapping[str, Photo | Failure]) -> list[Problem]:
    """One message for each image that could not be published and each page that uses it, in the order of the pages."""
    seen: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    for use in sorted(uses, key=lambda u: u.page):
        found = photos.get(use.source.dest)
        if isinstance(found, Failure) and (use.page, use.source.dest) not in seen:
            seen.add((use.page, use.source.dest))
            problems.append(found.problem(use.source, use.page))
    return problems
