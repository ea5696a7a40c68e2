"""The browser's tokenizer (tokens.js, run under node) and tokens.py cut every string the same way.

search.js cuts the reader's query with tokens.js; the index was cut at build
time with tokens.py. Any difference between the two loses pages, so hypothesis
generates thousands of strings (Han from every range, Latin, digits, full-width
forms, punctuation, overlapping vocabulary terms) and both must give identical
tokens for documents (all and capped) and for queries.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from union_bulletin.search.tokens import RULE, is_han, normalise, query_tokens, text_tokens
from union_bulletin.search.vocabulary import UNION_TERMS

ROOT = Path(__file__).resolve().parent.parent
TOKENS_JS = ROOT / "plugins/union_bulletin/search/theme/assets/union-bulletin/tokens.js"
DRIVER = Path(__file__).resolve().parent / "js" / "token_driver.js"


class Node:
    """One node process running tokens.js, answering one JSON line per job."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("node is needed for the tokenizer parity test (.ci/run installs nodejs)")
        self.proc = subprocess.Popen([node, str(DRIVER), str(TOKENS_JS)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def run(self, vocabulary: list[str], texts: list[str], queries: list[str]) -> dict[str, list[list[str]]]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps({"rule": RULE, "vocabulary": vocabulary, "texts": texts, "queries": queries}) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            pytest.fail(f"node stopped (exit {self.proc.poll()})")
        answer: dict[str, list[list[str]]] = json.loads(line)
        return answer

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def node() -> Iterator[Node]:
    n = Node()
    yield n
    n.close()


def _chars(*ranges: tuple[int, int]) -> st.SearchStrategy[str]:
    return st.one_of(*(st.integers(a, b).map(chr) for a, b in ranges))


HAN = st.one_of(
    _chars((0x4E00, 0x9FFF)),
    st.sampled_from("工会职工送温暖书屋集体协商资安康杯金秋助学岚湾镇总年春节"),  # dense, so pairs and terms repeat
    _chars((0x3400, 0x4DBF), (0xF900, 0xFAFF)),
    st.just("〇"),
)
OTHER = st.one_of(
    st.sampled_from("abcxyzABCXYZ0123456789"),
    _chars((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)),  # full-width digits and letters
    st.sampled_from(" \t\n，。！？、；：“”‘’（）《》【】…—·,.;:!?()[]{}<>'\"-_/#&%+=@~|*"),
    st.sampled_from("éüßΣσΩЖж①②Ⅻ½²"),  # other letters and numbers, as stray input
)
TERMS = [*UNION_TERMS[:30], "工资集体", "集体协商工资", "职工书屋", "工会工作", "总工会", "岚湾镇总工会", "送温", "ＳＭＴ比武", "安康杯竞赛"]
PIECE = st.one_of(st.text(HAN, min_size=1, max_size=8), st.text(OTHER, min_size=1, max_size=4), st.sampled_from(TERMS))
TEXT = st.lists(PIECE, max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=st.lists(TEXT, min_size=50, max_size=50), vocabulary=st.lists(st.sampled_from(TERMS), max_size=20, unique=True))
def test_python_and_javascript_cut_every_string_the_same_way(node: Node, texts: list[str], vocabulary: list[str]) -> None:
    vocab = [normalise(t).strip() for t in vocabulary]
    vocab = sorted(t for t in vocab if len(t) >= RULE["min_term"] and is_han(t))
    queries = [t[: len(t) // 2 + 1] for t in texts]
    got = node.run(vocab, texts, queries)
    for i, text in enumerate(texts):
        assert got["text"][i] == text_tokens(text, vocab), text
        assert got["capped"][i] == text_tokens(text, vocab, cap=1), text
        assert got["query"][i] == query_tokens(queries[i], vocab), queries[i]


def test_the_parity_test_sees_a_difference(node: Node) -> None:
    """The comparison can fail: a rule changed on one side only gives other tokens."""
    other = {**RULE, "word_prefix": "y"}
    assert other != RULE
    node.proc.stdin.write(json.dumps({"rule": other, "vocabulary": [], "texts": ["SMT"], "queries": []}) + "\n")  # type: ignore[union-attr]
    node.proc.stdin.flush()  # type: ignore[union-attr]
    answer = json.loads(node.proc.stdout.readline())  # type: ignore[union-attr]
    assert answer["text"][0] != text_tokens("SMT")


def test_both_sides_agree_on_what_counts_as_a_vocabulary_term(node: Node) -> None:
    words = ["送温暖", "工会", "SMT比武", "安康杯", "〇〇七", "ｓｍｔ"]
    got = node.run(words, [], [])
    assert got["terms"] == [len(normalise(w).strip()) >= RULE["min_term"] and is_han(normalise(w).strip()) for w in words]


@given(st.text(alphabet=st.sampled_from("Ａａ１，：（）！～…\u3000\u0301\u0308\u20dd①㈠ｶﾞ가\uf900一二AZaz09 .,")))
def test_normalise_is_nfkc_and_lower_case(text: str) -> None:
    """normalise() replaces full-width forms before NFKC, to spare most texts a full pass; the result is NFKC's own."""
    assert normalise(text) == unicodedata.normalize("NFKC", text).lower()
