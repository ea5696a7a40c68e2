"""One bulletin as Pagefind indexes it: a small HTML document made from the catalog.

We do not hand Pagefind the built page: its text would be segmented by
Pagefind's Chinese segmenter (see :mod:`.tokens` for why not), and the page
carries navigation, the metadata block, cards and links to other years that
are not the bulletin's words. The document holds

* the title's tokens in an ``h1`` weighted above the body (``TITLE_WEIGHT``),
* the body's tokens, each distinct token once,
* what a result shows, as Pagefind metadata: the bulletin's address, title,
  organisation, year, type and date, and the name of the file that holds the
  body as plain text (``EXCERPTS``): the browser cuts the excerpt from it. The
  text is not Pagefind metadata because Pagefind spends CPU on every byte it
  stores (``tests/bench/bench_pagefind.py`` measures it with and without that
  text); a file of its own costs the reader the same
  bytes, fetched beside each shown result,
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
EXCERPTS = "text"  # the folder, in the search bundle, of the texts excerpts are cut from (one file per bulletin)
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


def excerpt_text(doc: SearchDocument) -> str:
    """What the file an excerpt is cut from holds."""
    return doc.text[:TEXT_LIMIT]


def render(doc: SearchDocument, vocabulary: Vocabulary | Sequence[str], excerpt: str = "") -> tuple[str, int]:
    """The HTML Pagefind indexes for ``doc``, and how many words of ours it holds (what Pagefind's memory follows).

    ``excerpt`` is the name of the file, under ``EXCERPTS`` in the bundle, that holds :func:`excerpt_text`.
    """
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
        "excerpt": excerpt,
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
