"""A QR code of a page's address, as inline SVG (segno): readers scan it with WeChat from a screen or a printed sheet.

No script and no image file: the SVG is part of the page, drawn black on
white whatever the colour scheme, since scanners want dark modules on a light ground.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno


@dataclass(frozen=True)
class Share:
    """What the 分享 control shows: the address and its QR code."""

    url: str
    svg: str


def share(url: str) -> Share | None:
    """The 分享 block's content for an absolute address; None without one (no site_url)."""
    if not url:
        return None
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, dark="#000", light="#fff", svgclass="ub-share__qr", lineclass=None, omitsize=True, title="本页网址的二维码")
    return Share(url, svg.replace("<svg ", '<svg role="img" aria-label="本页网址的二维码" ', 1))
