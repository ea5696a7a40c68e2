"""How bulletin text and a reader's query become search tokens: one rule on both sides.

Pagefind's own Chinese support segments a page with one segmenter when it
indexes and the query with another (the browser's ``Intl.Segmenter``); where
the two cut a phrase differently, a word that stands in a bulletin is not
found. Measured on 1,000 synthetic bulletins: 送温暖 found in 27 of the 324
pages that contain it, 换届选举 in 0 of 147. So we cut the text ourselves, with
a rule that needs no dictionary for the two sides to agree:

* every run of Han characters is indexed as its overlapping character pairs
  plus its last character alone (送温暖 → 送温, 温暖, 暖), so every character
  position starts an indexed token;
* every term of the site vocabulary (union words, organisation and topic
  names; see :mod:`.vocabulary`) that occurs in the text is indexed once more
  as one token;
* a query is cut the same way: vocabulary terms first (longest first), the
  rest as pairs. A page that contains the query's words verbatim contains
  every token of the query, so it is always found; ``search.js`` applies the
  same rule in the browser, and a test checks that the two agree.

Tokens are written in ASCII, ``_`` and three base-36 letters per character
(送温 → ``_bp07ix``, an example, not the real code), so that neither Pagefind's
indexer nor the browser's segmenter cuts them again, and Pagefind's index
chunks split as they do for English. Letters and digits outside Han runs stay
words of their own, lower-cased.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007"
_HAN = re.compile(f"[{HAN_CLASS}]+")
# A Han run, or a run of other letters and digits (not ``_``, which marks our tokens).
_PIECES = re.compile(f"(?P<han>[{HAN_CLASS}]+)|(?P<word>(?:(?![{HAN_CLASS}])[^\\W_])+)")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
MIN_TERM = 3  # a vocabulary term of two characters is already a pair


def normalise(text: str) -> str:
    """Full-width letters and digits to ASCII, compatibility forms to their usual ones, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def is_han(text: str) -> bool:
    return bool(text) and _HAN.fullmatch(text) is not None


def char_code(ch: str) -> str:
    """Three base-36 letters for one Han character (the same numbering as search.js)."""
    o = ord(ch)
    if ch == "\u3007":
        n = 28160
    elif o >= 0xF900:
        n = 27648 + o - 0xF900
    else:
        n = o - 0x3400
    return _DIGITS[n // 1296] + _DIGITS[n // 36 % 36] + _DIGITS[n % 36]


def han_token(chars: str) -> str:
    return "_" + "".join(char_code(c) for c in chars)


def _run_tokens(run: str) -> Iterator[str]:
    for i in range(len(run) - 1):
        yield han_token(run[i : i + 2])
    yield han_token(run[-1])


def text_tokens(text: str, vocabulary: Iterable[str] = (), *, cap: int | None = None) -> list[str]:
    """The tokens that index ``text``: pairs of every Han run, other words, vocabulary terms found.

    ``cap`` keeps at most that many occurrences of each token (the body is indexed
    with cap=1: what matters for finding a page is that a token is there at all,
    and every further occurrence costs index bytes a phone downloads).
    """
    text = normalise(text)
    out: list[str] = []
    for m in _PIECES.finditer(text):
        if m.group("han"):
            out.extend(_run_tokens(m.group("han")))
        else:
            out.append(m.group("word"))
    present = set(out)
    for term in vocabulary:
        if len(term) >= MIN_TERM and han_token(term[:2]) in present and term in text:
            out.append(han_token(term))
    if cap is None:
        return out
    seen: dict[str, int] = {}
    kept: list[str] = []
    for t in out:
        n = seen.get(t, 0)
        if n < cap:
            seen[t] = n + 1
            kept.append(t)
    return kept


def query_tokens(query: str, vocabulary: Iterable[str] = ()) -> list[str]:
    """The tokens a query is searched with; every one of them is in each page that contains the query verbatim."""
    terms = {t for t in vocabulary if len(t) >= MIN_TERM}
    longest = max((len(t) for t in terms), default=0)
    out: list[str] = []
    for m in _PIECES.finditer(normalise(query)):
        run = m.group("han")
        if not run:
            out.append(m.group("word"))
            continue
        gap_start = i = 0
        pieces: list[tuple[int, int, bool]] = []
        while i < len(run):
            size = next((n for n in range(min(longest, len(run) - i), MIN_TERM - 1, -1) if run[i : i + n] in terms), 0)
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
