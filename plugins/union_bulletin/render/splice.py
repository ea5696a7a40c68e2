"""Put a block of our HTML into a page the theme has already rendered, once."""

from __future__ import annotations


def splice(html: str, anchor: str, block: str, *, unless: str, after: bool = False) -> str:
    """``html`` with ``block`` before (or ``after``) the first ``anchor``.

    Unchanged when the anchor is not there (another theme, a page of its own), when
    ``block`` is empty, or when ``unless`` already stands in the page (it has the block).
    """
    at = html.find(anchor)
    if at < 0 or not block or unless in html:
        return html
    if after:
        at += len(anchor)
    return html[:at] + block + html[at:]
