"""Bulletins as Pagefind indexes them: small HTML pages made from the catalog, a few bulletins to a page.

We do not hand Pagefind the built page: its text would be segmented by
Pagefind's Chinese segmenter (see :mod:`.tokens` for why not), and the page
carries navigation, the metadata block, cards and links to other years that
are not the bulletin's words. A page holds one or more bulletins (a pack: the
indexer says why), for each

* the title's tokens in an ``h1`` weighted above the body (``TITLE_WEIGHT``),
* the body's tokens, each distinct token once,

then, once for the page, the filters (year, organisation, type, topic) of
every bulletin in it. No sort key: the shards are already newest first, and a
sort key costs every reader bytes per page.

What a result shows is not taken from Pagefind's page (which keeps its first
bulletin's title, as Pagefind would otherwise take the first ``h1``'s tokens,
and nothing search.js reads): each bulletin has a file of its own in the bundle (``EXCERPTS``, :func:`shown_file`): a line of JSON
(address, title, organisation, year, type, date), then the body as plain text,
from which the browser cuts the excerpt. search.js fetches that file for each
shown result and never Pagefind's fragment, which holds the page's tokens: a
pack's tokens to show one bulletin. Nor is it Pagefind metadata, because Pagefind
spends CPU on every byte it stores (``tests/bench/bench_pagefind.py`` measures
it with and without the text).
"""

from __future__ import annotations

import html
import json
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
    """The text an excerpt is cut from."""
    return doc.text[:TEXT_LIMIT]


def shown_file(member: Member, doc: SearchDocument) -> str:
    """What search.js fetches for a shown result: a line of JSON (SHOWN's values), then :func:`excerpt_text`."""
    return json.dumps(list(member.meta), ensure_ascii=False, separators=(",", ":")) + "\n" + excerpt_text(doc)


@dataclass(frozen=True)
class Member:
    """What a pack page carries of one bulletin besides its words: where they lie, what a result shows, its filters."""

    words: int  # its title's and body's words (what Pagefind's memory follows)
    title_words: int  # the first ``title_words`` of them are the title's
    meta: tuple[str, ...]  # SHOWN's values, in that order
    shown: str  # the name of its file under EXCERPTS (shown_file)
    filters: tuple[tuple[str, str], ...]

    def of(self, key: str) -> str:
        """One of SHOWN's values ("org", "year", …)."""
        return self.meta[SHOWN.index(key)]


#: What search.js shows of a bulletin, in this order: the first line of its file under EXCERPTS (shown_file).
SHOWN = ("url", "title", "org", "year", "type", "date")


def section(doc: SearchDocument, vocabulary: Vocabulary | Sequence[str], excerpt: str = "") -> tuple[str, Member]:
    """One bulletin's part of a page: its title's tokens in a weighted ``h1``, then its body's tokens, each once.

    ``excerpt`` is the name of the file, under ``EXCERPTS`` in the bundle, that holds :func:`shown_file`.
    """
    vocab = Vocabulary.of(vocabulary)
    title_tokens = text_tokens(doc.title, vocab)
    body_tokens = text_tokens(doc.text, vocab, cap=1)
    e = html.escape
    part = f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{e(" ".join(title_tokens))}</h1>\n<p>{e(" ".join(body_tokens))}</p>\n'
    meta = ("/" + doc.url.lstrip("/"), doc.title, doc.organisation, str(doc.year), doc.type_label, doc.date)
    filters = tuple((k, v) for k, v in [("year", str(doc.year)), ("org", doc.organisation), ("type", doc.type_label)]
                    + [("topic", t) for t in doc.topics] if v)
    return part, Member(len(title_tokens) + len(body_tokens), len(title_tokens), meta, excerpt, filters)


def page(parts: Sequence[str], members: Sequence[Member]) -> str:
    """The HTML Pagefind indexes for one or more bulletins (a pack): their parts in order and the filters of
    every member. Nothing a result shows: that is in each bulletin's file under EXCERPTS.

    Pagefind numbers a page's words in order, the parts' words one after the other, so member ``i``'s words are
    positions ``sum(words of the members before it)`` onwards; search.js tells members apart by those positions.
    """
    e = html.escape
    title = members[0].of("title")
    filters = dict.fromkeys(f for m in members for f in m.filters)
    return "".join([
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>{e(title)}</title></head><body>\n',
        "<main data-pagefind-body>\n",
        *parts,
        "<div data-pagefind-ignore>\n",
        f'<span data-pagefind-meta="title">{e(title)}</span>\n',
        *(f'<span data-pagefind-filter="{k}">{e(v)}</span>\n' for k, v in filters),
        "</div></main></body></html>\n",
    ])


def render(doc: SearchDocument, vocabulary: Vocabulary | Sequence[str], excerpt: str = "") -> tuple[str, int]:
    """The HTML Pagefind indexes for ``doc`` alone, and how many words of ours it holds."""
    part, member = section(doc, vocabulary, excerpt)
    return page([part], [member]), member.words
