"""What every page gets for its readers, whichever template made it.

- A tiny inline script in the head that turns on large-text mode (大字) before
  the first paint when the reader chose it (``localStorage['ub-large']``), so
  the small page never flashes. The button itself, the print date and the
  printed link addresses come from ``reader.js``.
- A block that only print shows: site name, publisher, the page's address and
  the print date (filled in by ``reader.js`` as the page loads and again just
  before printing).

Plain string work on the finished HTML, so it reaches pages made by the
theme's own templates (the about page, 404) as well as ours.
"""

from __future__ import annotations

from html import escape

from .splice import splice

STORAGE_KEY = "ub-large"
LARGE_CLASS = "ub-large"
HEAD_SCRIPT = (
    f'<script>try{{if(localStorage.getItem("{STORAGE_KEY}")==="1")'
    f'document.documentElement.classList.add("{LARGE_CLASS}")}}catch(e){{}}</script>'
)
CONTENT_START = '<article class="md-content__inner md-typeset">'


def add_head_script(html: str) -> str:
    """The large-text switch at the end of the head: it runs before the body exists, so before any paint."""
    return splice(html, "</head>", HEAD_SCRIPT, unless=HEAD_SCRIPT)


def print_info(site_name: str, publisher: str, address: str) -> str:
    """The provenance block printed at the top of every page (hidden on screen)."""
    who = f'<span class="ub-print-info__publisher">发布单位：{escape(publisher)}</span>' if publisher else ""
    return (
        '<div class="ub-print-info">'
        f'<p><strong class="ub-print-info__site">{escape(site_name)}</strong>{who}</p>'
        f'<p><span>本页网址：<span class="ub-print-info__url">{escape(address)}</span></span>'
        '<span>打印日期：<span class="ub-print-info__date"></span></span></p>'
        "</div>"
    )


def add_print_info(html: str, block: str) -> str:
    """Put ``block`` first in the page's content area (Material's article)."""
    return splice(html, CONTENT_START, block, unless="ub-print-info", after=True)
