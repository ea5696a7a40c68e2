"""A preview keeps unchanged bulletin pages between rebuilds and renders only what an edit changed.

MkDocs keeps the plugin objects of ``mkdocs serve`` across rebuilds (they have
on_startup); these tests build one site several times in one process the same
way, and check that a kept page is byte for byte the page MkDocs wrote, that an
edit re-renders its page and the pages that show it, and that the search index
and the compiled report still hold every bulletin.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import Site, fragments, serving

PLUGINS = [{"bulletin": {}}, {"bulletin-search": {"shard_words": 10**6}}]


def _write(site: Site, b_title: str = "石桥镇总工会2024年工作总结", c_body: str = "开展送温暖活动，走访困难职工。") -> None:
    site.bulletin("2023/a.md", "## 一、组织建设\n\n新建工会组织3家。", title="石桥镇总工会2023年工作总结", date="2024-01-10", year=2023, org="town-a", type="summary")
    site.bulletin("2024/b.md", "## 一、组织建设\n\n新建工会组织5家，发展会员120名。", title=b_title, date="2025-01-10", year=2024, org="town-a", type="summary")
    site.bulletin("2024/c.md", c_body, title="云岭镇总工会春节送温暖", date="2024-02-01", org="town-b", type="news")


@pytest.fixture
def preview(site: Site) -> Iterator[Any]:
    """Build ``site`` as successive rebuilds of one mkdocs serve; yields a function that rebuilds and returns the bulletin plugin."""
    _write(site)
    site.build(plugins=PLUGINS)  # writes mkdocs.yml
    with serving(site.root) as next_build:
        plugins: list[Any] = []

        def rebuild() -> Any:
            config = next_build()
            plugins.append(config.plugins["bulletin"])
            assert plugins[-1] is plugins[0]  # the same object, as under serve
            worker = config.plugins["bulletin-search"].worker
            if worker is not None:
                worker.join()
            return plugins[-1]

        yield rebuild


def _page(site: Site, url: str) -> str:
    return (site.root / "site" / url / "index.html").read_text("utf-8")


def _indexed(site: Site) -> list[str]:
    return sorted(f["meta"]["url"] for f in fragments(site.root / "site" / "pagefind"))


def test_an_unchanged_site_is_rebuilt_without_rendering_a_bulletin_page_and_gives_the_same_pages(site: Site, preview: Any) -> None:
    plugin = preview()
    assert plugin.restored == {}
    first = {u: _page(site, u) for u in ("bulletins/2023/a", "bulletins/2024/b", "bulletins/2024/c", "years/2024/print")}
    plugin = preview()
    assert sorted(plugin.restored) == ["bulletins/2023/a.md", "bulletins/2024/b.md", "bulletins/2024/c.md"]
    assert {u: _page(site, u) for u in first} == first  # kept pages, and the compiled report that prints their bodies
    assert "发展会员120名" in first["years/2024/print"]
    assert _indexed(site) == ["/bulletins/2023/a/", "/bulletins/2024/b/", "/bulletins/2024/c/"]
    # A kept page is the file MkDocs wrote, linked into the emptied site folder (no copy, no new inode) ...
    kept = site.root / "site/bulletins/2023/a/index.html"
    assert kept.stat().st_nlink == 2
    # ... or, where no link may be made (--dirty: MkDocs writes over files in place), written from memory.
    plugin.store.links = False
    plugin = preview()
    assert sorted(plugin.restored) == ["bulletins/2023/a.md", "bulletins/2024/b.md", "bulletins/2024/c.md"]
    assert {u: _page(site, u) for u in first} == first and kept.stat().st_nlink == 1


def test_an_edit_renders_its_page_and_the_pages_that_show_it_again(site: Site, preview: Any) -> None:
    preview()
    preview()
    _write(site, c_body="开展送温暖活动，走访困难职工，发放慰问金。")
    plugin = preview()
    assert sorted(plugin.restored) == ["bulletins/2023/a.md", "bulletins/2024/b.md"]  # another organisation's page: kept
    assert "发放慰问金" in _page(site, "bulletins/2024/c")
    _write(site, b_title="石桥镇总工会2024年度工作总结", c_body="开展送温暖活动，走访困难职工，发放慰问金。")
    plugin = preview()
    assert sorted(plugin.restored) == ["bulletins/2024/c.md"]  # a's 其他年度 links show b: both rendered again
    assert "石桥镇总工会2024年度工作总结" in _page(site, "bulletins/2024/b")
    assert _indexed(site) == ["/bulletins/2023/a/", "/bulletins/2024/b/", "/bulletins/2024/c/"]


def test_a_site_config_edit_renders_every_page_again(site: Site, preview: Any) -> None:
    preview()
    assert len(preview().restored) == 3
    site.config("organisations.yml", {
        "county": {"name": "江屿县总工会", "level": "county"},
        "town-a": {"name": "石桥镇总工会（新名）", "level": "town", "parent": "county"},
        "town-b": {"name": "云岭镇总工会", "level": "town", "parent": "county"},
    })
    plugin = preview()
    assert plugin.restored == {}
    assert "石桥镇总工会（新名）" in _page(site, "bulletins/2023/a")


def test_a_build_never_keeps_pages(site: Site) -> None:
    _write(site)
    for _ in range(2):
        r = site.build(plugins=PLUGINS)
        assert not r.aborted, r.error
        assert not any("沿用上次生成的页面" in m for m in r.infos)
    assert Path(r.site / "bulletins/2024/b/index.html").is_file()
