"""A QR code of a page's address, as inline SVG (segno): readers scan it with WeChat from a screen or a printed sheet.

No script and no image file: the SVG is part of the page, drawn black on
white whatever the colour scheme, since scanners want dark modules on a light ground.

Drawing one is not free (segno tries every mask and keeps the one that scans
best), and a site draws one per bulletin on every build. So a build keeps each
address's SVG on disk (``cache``), and a rebuild reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

from ..cache import FileCache, digest

#: Bump when the drawing changes, so every kept QR code is drawn again.
DRAWING_VERSION = 1


@dataclass(frozen=True)
class Share:
    """What the 分享 control shows: the address and its QR code."""

    url: str
    svg: str


def share(url: str, cache: FileCache | None = None) -> Share | None:
    """The 分享 block's content for an absolute address; None without one (no site_url). With ``cache``, the SVG drawn
    for this address by an earlier build is read back (a cache that cannot be written costs only time)."""
    if not url:
        return None
    key = digest(f"{DRAWING_VERSION}\0{url}")
    kept = cache.get(key) if cache is not None else None
    if kept is not None:
        try:
            return Share(url, kept.read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            pass
    made = Share(url, _svg(url))
    if cache is not None:
        try:
            cache.put(key, made.svg.encode("utf-8"))
        except OSError:
            pass
    return made


def _svg(url: str) -> str:
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, dark="#000", light="#fff", svgclass="ub-share__qr", lineclass=None, omitsize=True, title="本页网址的二维码")
    return svg.replace("<svg ", '<svg role="img" aria-label="本页网址的二维码" ', 1)
