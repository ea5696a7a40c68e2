"""A bulletin's rendered body moved into the year's compiled report (合订本).

The body was rendered for its own address (``bulletins/2024/x/``); in the
report it sits at ``years/2024/print/`` beside other bodies. So relative links
and image sources are re-pointed from the new address, element ids get a
per-bulletin prefix (two bulletins may both have a heading 一、工作回顾), links
to those ids follow, and headings move one level down under the bulletin's own
title.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin, urlsplit

_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_ID = re.compile(r'(\sid=")([^"]*)(")')
_HEADING = re.compile(r"<(/?)h([2-5])\b")


def rebase(html: str, from_url: str, to_url: str, prefix: str) -> str:
    """``html`` rendered at ``from_url`` (site-root relative), made to work at ``to_url``; ids prefixed with ``prefix``."""
    source = "/" + from_url.lstrip("/")
    target = "/" + to_url.lstrip("/")

    def link(m: re.Match[str]) -> str:
        return m.group(1) + _moved(m.group(2), source, target, prefix) + m.group(3)

    html = _ATTR.sub(link, html)
    html = _ID.sub(lambda m: m.group(1) + prefix + m.group(2) + m.group(3), html)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def _moved(ref: str, source: str, target: str, prefix: str) -> str:
    if ref.startswith("#"):
        return "#" + prefix + ref[1:]
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith("/") or not ref:
        return ref
    absolute = urljoin(source, ref)
    path, _, fragment = absolute.partition("#")
    if path == source and fragment:
        return "#" + prefix + fragment  # a link to a heading of the same bulletin
    base = target if target.endswith("/") else posixpath.dirname(target) + "/"
    moved = posixpath.relpath(path.split("?")[0], base)
    if path.split("?")[0].endswith("/") and not moved.endswith("/"):
        moved += "/"
    query = "?" + path.split("?", 1)[1] if "?" in path else ""
    return moved + query + ("#" + fragment if fragment else "")
