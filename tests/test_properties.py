"""Property-based: whatever an author writes, reading it gives a bulletin or problems, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from union_bulletin import yamlio
from union_bulletin.frontmatter import Reading, read_bulletin
from union_bulletin.model import Organisation
from union_bulletin.problems import InputError
from union_bulletin.site_config import SiteConfig, _defaults_metrics, _defaults_topics, load_site_config

CONFIG = SiteConfig({"town-a": Organisation("town-a", "石桥镇总工会", "town")}, _defaults_metrics(), _defaults_topics())
FIELDS = ["title", "date", "year", "org", "type", "topics", "summary", "stats", "figures", "cover", "attachments", "index_no", "draft", "privacy_allow"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.sampled_from(["2024-01-15", "2023-02-30", "20xx", "town-a", "summary", "new_members", "1,000"]),
)
keys = st.one_of(st.sampled_from([*FIELDS, "new_members", "label", "value", "file"]), st.text(max_size=8))
values = st.recursive(
    scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=12
)
front = st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=10)), values, max_size=10)


def _locate(path: str) -> Path | None:
    return None


@settings(max_examples=300, deadline=None)
@given(front)
def test_any_front_matter_gives_a_bulletin_or_problems(meta: dict[object, object]) -> None:
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n正文"
    reading = read_bulletin("bulletins/x.md", "content/bulletins/x.md", "bulletins/x/", text.encode("utf-8"), CONFIG, _locate)
    assert reading.bulletin is not None or reading.problems
    for p in reading.problems:
        assert str(p).startswith("content/bulletins/x.md: ")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_bulletin_or_problems(data: bytes) -> None:
    reading = read_bulletin("bulletins/x.md", "content/bulletins/x.md", "bulletins/x/", b"---\n" + data, CONFIG, _locate)
    assert reading.bulletin is not None or reading.problems


def read_front_matter(text: str) -> Reading:
    """``text`` read as a bulletin's front matter: a bulletin or its problems, never an exception."""
    reading = read_bulletin("bulletins/x.md", "content/bulletins/x.md", "bulletins/x/", f"---\n{text}\n---\n正文".encode(), CONFIG, _locate)
    assert reading.bulletin is not None or reading.problems
    return reading


yaml_ish = st.text(alphabet=st.sampled_from(list("ab-:[]{}#&*!|>'\"%@`,?\t\n 0.9工会\ufeff\r")), max_size=120)


@settings(max_examples=300, deadline=None)
@given(yaml_ish)
def test_any_text_as_front_matter_gives_a_bulletin_or_problems(text: str) -> None:
    read_front_matter(text)  # it asserts: a bulletin or its problems


@pytest.mark.parametrize("name", ["organisations.yml", "metrics.yml", "topics.yml", "site.yml"])
@settings(max_examples=100, deadline=None)
@given(content=st.one_of(yaml_ish, values.map(lambda v: yaml.safe_dump(v, allow_unicode=True))))
def test_any_site_config_file_gives_a_config_or_our_error(name: str, content: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "site_config").mkdir()
        (root / "site_config/organisations.yml").write_text("town-a:\n  name: 石桥镇总工会\n  level: town\n", "utf-8")
        (root / "site_config" / name).write_text(content, "utf-8")
        try:
            config, problems = load_site_config(root / "site_config", root)
        except InputError as exc:
            assert exc.problems and all(str(p).startswith("site_config/organisations.yml: ") for p in exc.problems)
        else:
            assert config.organisations or problems
            assert all(str(p).startswith("site_config/") for p in problems)


# Full-width punctuation typed by a Chinese input method, among YAML's own: the repair never breaks the reading.
yaml_slips = st.text(alphabet=st.sampled_from(list("ab-:：，“”‘’[]{}#|>'\", \n0工")), max_size=120)


@settings(max_examples=300, deadline=None)
@given(yaml_slips)
def test_full_width_slips_are_reported_on_a_line_of_the_front_matter(text: str) -> None:
    reading = read_front_matter(text)
    lines = text.split("\n")
    for p in reading.problems:
        if isinstance(p, yamlio.Slip):
            assert reading.bulletin is None
            n = int(p.field.removeprefix("第 ").removesuffix(" 行"))
            assert 2 <= n <= len(lines) + 1 and any(ch in lines[n - 2] for ch in "：，“‘")
