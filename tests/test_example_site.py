"""The example site in content/ builds cleanly and is what the project promises."""

from __future__ import annotations

import json
import re

import pytest

from conftest import Result, cards


@pytest.fixture(scope="module")
def example(example_site: Result) -> Result:
    return example_site


def test_builds_strict_without_any_warning(example: Result) -> None:
    assert not example.aborted, example.error
    assert example.errors == []


def test_example_content_is_large_enough(example: Result) -> None:
    data = json.loads((example.site / "data/stats.json").read_text("utf-8"))
    assert len(data["organisations"]) >= 6
    assert len({o["level"] for o in data["organisations"].values()}) >= 4
    years = [p.name for p in (example.site / "years").iterdir() if p.is_dir()]
    assert len(years) >= 5
    pages = list((example.site / "bulletins").rglob("index.html"))
    assert len(pages) >= 30
    types = set()
    for page in pages:
        types |= set(re.findall(r'ub-kicker"><span class="ub-item__type ub-type--(\w+)"', page.read_text("utf-8")))
    assert types == {"summary", "plan", "news", "notice"}


def test_every_card_carries_its_number(example: Result) -> None:
    for page in example.site.rglob("*.html"):
        for card in cards(page.read_text("utf-8")):
            assert re.fullmatch(r"\d+(\.\d+)?", card["data-value"]), (page, card)
            assert card["data-metric"] or card.get("data-label"), (page, card)


def test_no_page_loads_anything_from_another_host(example: Result) -> None:
    """No script, style, image, font or frame from another host: the site works on a closed intranet."""
    loads = re.compile(r'<(?:script|img|iframe|source|link|video|audio|embed|object)\b[^>]*?\b(?:src|href|data|srcset)="([^"]+)"')
    for page in example.site.rglob("*.html"):
        html = page.read_text("utf-8")
        for tag in re.findall(r"<link\b[^>]*>", html):
            if re.search(r'rel="(canonical|alternate)"', tag):
                html = html.replace(tag, "")  # a canonical address is a name, not a request
        for url in loads.findall(html):
            assert not re.match(r"^(https?:)?//", url), (page, url)
    for css in example.site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]*)\)", css.read_text("utf-8")):
            assert not re.match(r"""^['"]?(https?:)?//""", url), (css, url)


def test_search_bundle_is_whole(example: Result) -> None:
    """Every bulletin is in the search index, and the entry file the search box loads first is complete."""
    entry = json.loads((example.site / "pagefind/pagefind-entry.json").read_text("utf-8"))
    (language,) = entry["languages"].values()
    tables = [json.loads(t.read_text("utf-8")) for t in (example.site / "pagefind").rglob("ub-packs.json")]
    assert language["page_count"] == sum(len(t["pages"]) for t in tables)  # Pagefind's pages are packs of bulletins
    assert sum(len(m) for t in tables for m in t["pages"].values()) == len(list((example.site / "bulletins").rglob("index.html")))
    assert len(list((example.site / "pagefind/text").iterdir())) == len(list((example.site / "bulletins").rglob("index.html")))
    assert (example.site / f"pagefind/pagefind.{language['hash']}.pf_meta").is_file()
