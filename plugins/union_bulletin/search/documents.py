"""One bulletin as Pagefind indexes it: a small HTML document made from the catalog.

We do not hand Pagefind the built page: its text would be segmented by
Pagefind's Chinese segmenter (see :mod:`.tokens` for why not), and the page
carries navigation, the metadata block, cards and links to other years that
are not the bulletin's words. The document holds

* the title's tokens in an ``h1`` weighted above the body (``TITLE_WEIGHT``),
* the body's tokens, each distinct token once,
* what a result shows, as Pagefind metadata: the bulletin's address, title,
  organisation, year, type, date and the body as plain text (the excerpt is
  cut from it in the browser),
* filters (year, organisation, type, topic). No sort key: the shards are
  already newest first, and a sort key costs every reader bytes per page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .tokens import Vocabulary, text_tokens

TITLE_WEIGHT = 10  # Pagefind's highest weight; body text has weight 1
TEXT_LIMIT = 6000  # characters of body kept for excerpts: bounds the bytes one result costs
LANGUAGE = "x-ub"  # not zh: Pagefind must not segment our tokens again (see tokens.py)

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
_BLOCK = re.compile(r"</?(p|div|li|ul|ol|h[1-6]|tr|td|th|table|br|blockquote|section|figure|figcaption|dd|dt|dl|pre)\b[^>]*>", re.I)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchDocument:
    """What the index knows of one bulletin."""

    url: str  # relative to the site root, as MkDocs gives it ("bulletins/2024/x/")
    title: str
    organisation: str
    year: int
    type_label: str
    date: str  # YYYY-MM-DD
    topics: Sequence[str]
    text: str  # the body as plain text


def plain_text(body_html: str) -> str:
    """The reader's text of rendered HTML: tags out, entities decoded, blocks kept apart by a space."""
    text = _BLOCK.sub(" ", body_html)
    text = _TAG.sub("", text)
    return _SPACE.sub(" ", html.unescape(text)).strip()


def render(doc: SearchDocument, vocabulary: Vocabulary | Sequence[str]) -> tuple[str, int]:
    """The HTML Pagefind indexes for ``doc``, and how many words of ours it holds (what Pagefind's memory follows)."""
    e = html.escape
    vocab = Vocabulary.of(vocabulary)
    title_tokens = text_tokens(doc.title, vocab)
    body_tokens = text_tokens(doc.text, vocab, cap=1)
    title = " ".join(title_tokens)
    body = " ".join(body_tokens)
    meta = {
        "url": "/" + doc.url.lstrip("/"),  # Pagefind's own url is the staged file's name
        "title": doc.title,
        "org": doc.organisation,
        "year": str(doc.year),
        "type": doc.type_label,
        "date": doc.date,
        "text": doc.text[:TEXT_LIMIT],
    }
    filters = [("year", str(doc.year)), ("org", doc.organisation), ("type", doc.type_label)] + [("topic", t) for t in doc.topics]
    parts = [
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>{e(doc.title)}</title></head><body>',
        "<main data-pagefind-body>",
        f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{e(title)}</h1>',
        f"<p>{e(body)}</p>",
        "<div data-pagefind-ignore>",
        *(f'<span data-pagefind-meta="{k}">{e(v)}</span>' for k, v in meta.items()),
        *(f'<span data-pagefind-filter="{k}">{e(v)}</span>' for k, v in filters if v),
        "</div></main></body></html>\n",
    ]
    return "\n".join(parts), len(title_tokens) + len(body_tokens)
