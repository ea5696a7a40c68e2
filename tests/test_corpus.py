"""Checks the synthetic corpus generator (tests/bench/corpus.py) used by the benchmarks.

It must be deterministic (same seed, same bytes) and every bulletin it writes
must satisfy the basic rules of CONTENT_SPEC.md, or the benchmark would measure
error reporting instead of building.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

CORPUS_PY = Path(__file__).resolve().parent / "bench" / "corpus.py"
TYPES = {"summary", "plan", "news", "notice"}
LEVELS = {"county", "township", "town", "street", "enterprise"}
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
N = 60


def _load_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", CORPUS_PY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up by name
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus()


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    head, sep, body = text[4:].partition("\n---\n")
    assert sep, f"{path}: front matter not closed"
    assert body.strip(), f"{path}: empty body"
    meta = yaml.safe_load(head)
    assert isinstance(meta, dict), path
    return meta


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("corpus-a")
    summary = corpus.generate(out, N, seed=1)
    return out, summary


def test_same_seed_gives_identical_bytes(site: tuple[Path, dict[str, Any]],
                                         tmp_path: Path) -> None:
    first, summary = site
    again = corpus.generate(tmp_path, N, seed=1)
    assert again == summary
    assert _tree(first) == _tree(tmp_path)


def test_other_seed_gives_other_corpus(site: tuple[Path, dict[str, Any]],
                                       tmp_path: Path) -> None:
    corpus.generate(tmp_path, N, seed=2)
    assert _tree(site[0]) != _tree(tmp_path)


def test_refuses_to_write_over_a_corpus(site: tuple[Path, dict[str, Any]]) -> None:
    with pytest.raises(FileExistsError):
        corpus.generate(site[0], N, seed=1)


def test_layout_and_counts(site: tuple[Path, dict[str, Any]]) -> None:
    out, summary = site
    files = sorted((out / "content" / "bulletins").rglob("*.md"))
    assert len(files) == N
    assert summary["bulletins"] == N
    assert sum(summary["types"].values()) == N
    assert (out / "content" / "index.md").is_file()
    for name in ("organisations.yml", "metrics.yml", "topics.yml"):
        assert (out / "site_config" / name).is_file()
    for f in files:
        rel = f.relative_to(out / "content" / "bulletins")
        assert re.fullmatch(r"\d{4}/[a-z0-9][a-z0-9-]*\.md", rel.as_posix()), rel


def test_organisations_form_a_tree(site: tuple[Path, dict[str, Any]]) -> None:
    orgs = yaml.safe_load((site[0] / "site_config" / "organisations.yml").read_text("utf-8"))
    assert len(orgs) >= 6
    roots = [k for k, o in orgs.items() if not o.get("parent")]
    assert len(roots) == 1 and orgs[roots[0]]["level"] == "county"
    for key, org in orgs.items():
        assert org["name"] and org["level"] in LEVELS, key
        seen = {key}
        parent = org.get("parent")
        while parent:  # every chain ends at the root, without cycles
            assert parent in orgs and parent not in seen, key
            seen.add(parent)
            parent = orgs[parent].get("parent")


def test_every_bulletin_follows_the_spec(site: tuple[Path, dict[str, Any]]) -> None:
    _check_spec(site[0], N)


def _check_spec(out: Path, n: int) -> None:
    cfg = out / "site_config"
    orgs = yaml.safe_load((cfg / "organisations.yml").read_text("utf-8"))
    metrics = yaml.safe_load((cfg / "metrics.yml").read_text("utf-8"))
    topics = yaml.safe_load((cfg / "topics.yml").read_text("utf-8"))
    seen_types: set[str] = set()
    bodies: set[str] = set()
    for path in sorted((out / "content" / "bulletins").rglob("*.md")):
        meta = _front_matter(path)
        bodies.add(path.read_text("utf-8").split("\n---\n", 1)[1])
        where = path.name
        for required in ("title", "date", "org", "type"):
            assert meta.get(required), f"{where}: missing {required}"
        assert isinstance(meta["title"], str), where
        date = meta["date"]
        if isinstance(date, str):
            assert DATE_TIME.match(date), f"{where}: date {date!r}"
            date = dt.datetime.strptime(date, "%Y-%m-%d %H:%M").date()
        assert isinstance(date, dt.date), f"{where}: date {date!r}"
        assert meta["org"] in orgs, where
        assert meta["type"] in TYPES, where
        seen_types.add(meta["type"])
        if meta["type"] in ("summary", "plan"):
            assert isinstance(meta.get("year"), int), f"{where}: year"
        if meta["type"] == "summary":
            year = meta["year"]
            assert (date.year, date.month) in {(year, 12), (year + 1, 1), (year + 1, 2)}, where
        if "year" in meta and meta["type"] in ("news", "notice"):
            assert meta["year"] == date.year, where
        assert path.parent.name == str(meta.get("year", date.year)), where
        assert 1 <= len(meta.get("topics", [])) <= 3, where
        assert all(t in topics for t in meta["topics"]), where
        for key, value in (meta.get("stats") or {}).items():
            assert key in metrics, f"{where}: metric {key}"
            assert isinstance(value, (int, float)) and not isinstance(value, bool), where
            assert value >= 0, where
        for fig in meta.get("figures") or []:
            assert set(fig) == {"label", "value", "unit"}, where
            assert isinstance(fig["value"], (int, float)) and fig["value"] >= 0, where
        if "summary" in meta:
            assert isinstance(meta["summary"], str) and meta["summary"], where
        if "index_no" in meta:
            assert isinstance(meta["index_no"], str), where
    assert seen_types == TYPES
    assert len(bodies) == n, "two bulletins have the same text"


def test_cli_prints_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert corpus.main(["--bulletins", "8", "--seed", "3", "--out", str(tmp_path)]) == 0
    assert '"bulletins": 8' in capsys.readouterr().out
    assert len(list((tmp_path / "content" / "bulletins").rglob("*.md"))) == 8


# ---------------------------------------------------------------- real-length mode

# Counted independently of the generator: Han characters and Chinese punctuation; a figure is
# a number followed by a measure word, 元/万元 or %.
HAN = re.compile(r"[\u4e00-\u9fff，。、；：？！“”（）《》—…]")
FIGURE = re.compile(r"\d+(?:\.\d+)?(?:-\d+)?(?:多|余)?(?:万元|元|名|人次|人|家|场|件|份|户|个|期|次|册|条|处|宗|项|支|篇|%)")
N_REAL = 90


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("corpus-real")
    return out, corpus.generate(out, N_REAL, seed=5, length="real")


def _bodies(out: Path, kind: str) -> list[str]:
    found = []
    for path in sorted((out / "content" / "bulletins").rglob("*.md")):
        if _front_matter(path)["type"] == kind:
            found.append(path.read_text("utf-8").split("\n---\n", 1)[1])
    return found


def test_real_mode_is_deterministic_and_differs(real_site: tuple[Path, dict[str, Any]],
                                                site: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    out, summary = real_site
    assert summary["length"] == "real"
    again = corpus.generate(tmp_path / "again", N_REAL, seed=5, length="real")
    assert again == summary
    assert _tree(out) == _tree(tmp_path / "again")
    corpus.generate(tmp_path / "other", N_REAL, seed=6, length="real")
    assert _tree(out) != _tree(tmp_path / "other")
    with pytest.raises(ValueError):
        corpus.generate(tmp_path / "bad", 5, seed=1, length="long")


def test_real_mode_follows_the_spec(real_site: tuple[Path, dict[str, Any]]) -> None:
    _check_spec(real_site[0], N_REAL)


def test_real_summaries_have_the_length_and_figures_of_real_ones(real_site: tuple[Path, dict[str, Any]]) -> None:
    summaries = _bodies(real_site[0], "summary")
    assert len(summaries) >= 25
    lengths, figures = [], []
    for body in summaries:
        chars, figs = len(HAN.findall(body)), len(FIGURE.findall(body))
        assert 1500 <= chars <= 4500, (chars, body[:200])
        assert 20 <= figs <= 60, (figs, body[:200])
        assert re.search(r"^## 一、", body, re.M) and re.search(r"^### （一）", body, re.M), body[:300]
        lengths.append(chars)
        figures.append(figs)
    # Spread over the range, not bunched at one end.
    assert min(lengths) < 2200 and max(lengths) > 3500, (min(lengths), max(lengths))
    assert min(figures) < 30 and max(figures) > 45, (min(figures), max(figures))


def test_real_summaries_are_not_one_sentence_repeated(real_site: tuple[Path, dict[str, Any]]) -> None:
    # The index size depends on vocabulary variety: many different sentences, none repeated within a
    # summary, and none in nearly every summary.
    bodies = _bodies(real_site[0], "summary")
    shapes: dict[str, int] = {}
    for body in bodies:
        sentences = [x.strip() for x in re.split(r"(?<=。)", body) if len(x.strip()) > 10]
        assert len(sentences) == len(set(sentences)), body[:200]
        for x in {re.sub(r"\d+(\.\d+)?", "0", x.split("\n")[-1]) for x in sentences}:
            shapes[x] = shapes.get(x, 0) + 1
    assert len(shapes) > 300, len(shapes)
    assert max(shapes.values()) < 0.75 * len(bodies), max(shapes.values())


def test_real_news_is_longer(real_site: tuple[Path, dict[str, Any]]) -> None:
    news = _bodies(real_site[0], "news")
    assert news
    for body in news:
        assert 400 <= len(HAN.findall(body)) <= 1200, body[:200]


def test_synthetic_is_the_default(site: tuple[Path, dict[str, Any]]) -> None:
    assert site[1]["length"] == "synthetic"
    for body in _bodies(site[0], "summary"):
        assert len(HAN.findall(body)) < 1500
