"""How bulletin text and a reader's query become search tokens: one rule on both sides.

Pagefind's own Chinese support segments a page with one segmenter when it
indexes and the query with another (the browser's ``Intl.Segmenter``); where
the two cut a phrase differently, a word that stands in a bulletin is not
found. Measured on 1,000 synthetic bulletins: 送温暖 found in 27 of the 324
pages that contain it, 换届选举 in 0 of 147. So we cut the text ourselves, with
a rule that needs no dictionary for the two sides to agree:

* every run of Han characters is indexed as its overlapping character pairs
  plus its last character alone (送温暖 → 送温, 温暖, 暖), so every character
  position starts an indexed token; the last character alone only where no
  pair of the same text starts with it (a one-character query is matched
  against the start of the indexed words, so that pair finds the page);
* every term of the site vocabulary (union words, organisation and topic
  names; see :mod:`.vocabulary`) that occurs in the text is indexed once more
  as one token;
* a query is cut the same way: vocabulary terms first (longest first), the
  rest as pairs. A page that contains the query's words verbatim contains
  every token of the query, so it is always found.

Tokens are written in ASCII letters and digits only: each Han character is
three base-36 symbols (its number in :data:`RULE`'s ranges), so neither
Pagefind's indexer nor the browser's segmenter cuts them again. No other
character may appear in a token: Pagefind treats a word with ``_``, ``-`` or
other punctuation as a compound and stores each part again (measured: 40% of
its memory and half its CPU went to those parts). A Han code never starts
with a symbol above ``l``, so other words (letters and digits outside Han
runs, lower-cased) are written with the prefix ``z`` and can never be taken
for the start of a Han token.

The rule's constants (:data:`RULE`) are written into the search settings
(``pagefind/ub-search.json``) and read by the browser's tokenizer,
``search/theme/assets/union-bulletin/tokens.js``; ``tests/test_token_parity.py``
runs both implementations on thousands of generated strings (hypothesis) and
requires identical tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

#: Han code-point ranges and the number each range's first character gets: (first, last, number of first).
HAN_RANGES: tuple[tuple[int, int, int], ...] = (
    (0x3400, 0x4DBF, 0),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF, 0x4E00 - 0x3400),  # CJK Unified Ideographs
    (0xF900, 0xFAFF, 27648),  # CJK Compatibility Ideographs
    (0x3007, 0x3007, 28160),  # 〇, the ideographic zero
)
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
WIDTH = 3  # symbols per Han character: 36**3 = 46,656 numbers, 28,161 used
WORD_PREFIX = "z"  # marks a non-Han word; no Han code starts with it
MIN_TERM = 3  # a vocabulary term of two characters is already a pair

#: Everything the browser needs to cut a query the same way (sent in ub-search.json).
RULE: dict[str, Any] = {
    "ranges": [list(r) for r in HAN_RANGES],
    "alphabet": ALPHABET,
    "width": WIDTH,
    "word_prefix": WORD_PREFIX,
    "min_term": MIN_TERM,
}

HAN_CLASS = "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b, _ in HAN_RANGES)
_HAN = re.compile(f"[{HAN_CLASS}]+")
# A Han run, or a run of other letters and digits (``_`` is not a letter).
_PIECES = re.compile(f"(?P<han>[{HAN_CLASS}]+)|(?P<word>(?:(?![{HAN_CLASS}])[^\\W_])+)")
# Every pair of neighbouring characters in an encoded run (codes of WIDTH symbols): a look-ahead takes two codes, the match moves on by one.
_PAIRS = re.compile(f"(?=(.{{{2 * WIDTH}}})).{{{WIDTH}}}")


def _code(n: int) -> str:
    out = ""
    for _ in range(WIDTH):
        n, d = divmod(n, len(ALPHABET))
        out = ALPHABET[d] + out
    return out


#: str.translate table: each Han character → its code, so a whole run is encoded in one call.
_TABLE: dict[int, str] = {o: _code(base + o - first) for first, last, base in HAN_RANGES for o in range(first, last + 1)}
assert max(c[0] for c in _TABLE.values()) < WORD_PREFIX, "a Han code must never start with the word prefix"


#: Full-width ASCII forms, the ellipsis and the ideographic space, each to what NFKC makes of it (one ASCII character
#: or three dots, no combining marks). Replaced first, they leave most Chinese text already in NFKC, which
#: unicodedata then returns after its quick check instead of decomposing and composing every character again.
_WIDE = {o: unicodedata.normalize("NFKC", chr(o)) for o in (*range(0xFF01, 0xFF5F), 0x2026, 0x3000)}


def normalise(text: str) -> str:
    """Full-width letters and digits to ASCII, compatibility forms to their usual ones, lower case."""
    return unicodedata.normalize("NFKC", text.translate(_WIDE)).lower()


def is_han(text: str) -> bool:
    return bool(text) and _HAN.fullmatch(text) is not None


def char_code(ch: str) -> str:
    """The symbols of one Han character (the same numbering as tokens.js)."""
    return _TABLE[ord(ch)]


def han_token(chars: str) -> str:
    return chars.translate(_TABLE)


def word_token(word: str) -> str:
    return WORD_PREFIX + word


@dataclass(frozen=True)
class Vocabulary:
    """The site's terms, ready for cutting: in their order, and grouped by the code of their first two characters."""

    terms: tuple[str, ...]
    by_start: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)  # pair code -> terms starting with it
    rank: dict[str, int] = field(default_factory=dict, compare=False)
    longest: int = 0

    @classmethod
    def of(cls, terms: Iterable[str]) -> Vocabulary:
        if isinstance(terms, Vocabulary):
            return terms
        kept = tuple(dict.fromkeys(t for t in terms if len(t) >= MIN_TERM))
        by_start: dict[str, list[str]] = {}
        for t in kept:
            if is_han(t[:2]):  # a term is only looked for inside a Han run, by its first pair's code
                by_start.setdefault(han_token(t[:2]), []).append(t)
        return cls(kept, {k: tuple(v) for k, v in by_start.items()}, {t: i for i, t in enumerate(kept)}, max(map(len, kept), default=0))

    def __iter__(self) -> Any:
        return iter(self.terms)


def text_tokens(text: str, vocabulary: Iterable[str] = (), *, cap: int | None = None) -> list[str]:
    """The tokens that index ``text``: pairs of every Han run (and its last character where no pair of the
    text starts with it), other words, vocabulary terms found.

    ``cap`` keeps at most that many occurrences of each token (the body is indexed
    with cap=1: what matters for finding a page is that a token is there at all,
    and every further occurrence costs index bytes a phone downloads).
    """
    vocab = Vocabulary.of(vocabulary)
    text = normalise(text)
    out: list[str] = []
    found: set[str] = set()
    starts = vocab.by_start
    pieces = _PIECES.findall(text)
    first = set("".join(han[:-1] for han, _ in pieces))  # the characters some pair of this text starts with
    for han, word in pieces:
        if not han:
            out.append(WORD_PREFIX + word)
            continue
        code = han.translate(_TABLE)
        pairs = _PAIRS.findall(code)
        out += pairs
        if han[-1] not in first:
            out.append(code[-WIDTH:])
        # A term can only stand in this run if its first pair does: one set intersection (in C), then a
        # substring test per candidate term, instead of a look at every position.
        if len(han) > 2:
            for start in starts.keys() & pairs:
                found.update(term for term in starts[start] if term in han)
    # Terms in the vocabulary's order, so that the output does not depend on where a term stood first.
    out.extend(han_token(t) for t in sorted(found, key=vocab.rank.__getitem__))
    if cap is None:
        return out
    if cap == 1:
        return list(dict.fromkeys(out))
    seen: dict[str, int] = {}
    kept: list[str] = []
    for t in out:
        k = seen.get(t, 0)
        if k < cap:
            seen[t] = k + 1
            kept.append(t)
    return kept


def query_tokens(query: str, vocabulary: Iterable[str] = ()) -> list[str]:
    """The tokens a query is searched with; every one of them is in each page that contains the query verbatim."""
    vocab = Vocabulary.of(vocabulary)
    terms = vocab.rank
    out: list[str] = []
    for m in _PIECES.finditer(normalise(query)):
        run = m.group("han")
        if not run:
            out.append(WORD_PREFIX + m.group("word"))
            continue
        gap_start = i = 0
        pieces: list[tuple[int, int, bool]] = []
        while i < len(run):
            size = next((n for n in range(min(vocab.longest, len(run) - i), MIN_TERM - 1, -1) if run[i : i + n] in terms), 0)
            if size:
                if gap_start < i:
                    pieces.append((gap_start, i, False))
                pieces.append((i, i + size, True))
                i += size
                gap_start = i
            else:
                i += 1
        if gap_start < len(run):
            pieces.append((gap_start, len(run), False))
        for start, end, whole in pieces:
            if whole:
                out.append(han_token(run[start:end]))
            elif end - start >= 2:
                out.extend(han_token(run[k : k + 2]) for k in range(start, end - 1))
            elif len(run) == 1:
                out.append(han_token(run))  # one character alone: every token that starts with it
            else:
                # A single character between vocabulary terms: the pair it makes with a neighbour.
                k = start - 1 if start > 0 else start
                out.append(han_token(run[k : k + 2]))
    return list(dict.fromkeys(out))


def search_rule() -> dict[str, Any]:
    """A copy of :data:`RULE` for the settings file."""
    return {k: (list(v) if isinstance(v, Sequence) and not isinstance(v, str) else v) for k, v in RULE.items()}
