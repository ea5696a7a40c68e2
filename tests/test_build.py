"""The pipeline (union_bulletin.build) on its own: bulletin files in, one site model out, no MkDocs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from union_bulletin.build import DRAFT, ERROR, URL_CLASH, Dropped, SiteModel, Source, build_site
from union_bulletin.site_config import SiteConfig, load_site_config

ORGS = {
    "county": {"name": "江屿县总工会", "level": "county"},
    "town-a": {"name": "石桥镇总工会", "level": "town", "parent": "county"},
    "town-b": {"name": "云岭镇总工会", "level": "town", "parent": "county"},
}


@pytest.fixture
def config(tmp_path: Path) -> SiteConfig:
    folder = tmp_path / "site_config"
    folder.mkdir()
    (folder / "organisations.yml").write_text(yaml.safe_dump(ORGS, allow_unicode=True), encoding="utf-8")
    site, problems = load_site_config(folder, tmp_path)
    assert problems == []
    return site


def source(src: str, body: str = "正文。", url: str = "", **front: object) -> Source:
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"
    return Source(src, f"content/{src}", url or src.removesuffix(".md") + "/", text.encode())


def summary(src: str, org: str, year: int, url: str = "", **stats: int) -> Source:
    return source(src, url=url, title=f"{org} {year} 工作总结", date=f"{year + 1}-01-10", year=year, org=org, type="summary", stats=stats)


def build(config: SiteConfig, *sources: Source) -> SiteModel:
    return build_site(sources, config, lambda path: None)


def test_good_bulletins_are_cataloged_with_their_bodies_and_front_matter(config: SiteConfig) -> None:
    model = build(config, source("bulletins/2024/n.md", "## 一、活动\n\n内容。", title="新闻", date="2024-05-01", org="town-a", type="news"))
    assert list(model.bulletins) == ["bulletins/2024/n.md"]
    assert model.bulletins["bulletins/2024/n.md"].url == "bulletins/2024/n/"
    assert model.bodies == {"bulletins/2024/n.md": "## 一、活动\n\n内容。\n"}
    assert model.meta["bulletins/2024/n.md"]["title"] == "新闻"
    assert model.dropped == () and model.report == () and model.problems == ()
    assert "years/2024/index.md" in model.pages and "orgs/town-a/index.md" in model.pages


def test_a_bad_bulletin_is_dropped_with_its_reason(config: SiteConfig) -> None:
    model = build(config, source("bulletins/2024/bad.md", title="缺日期", org="town-a", type="news"), summary("bulletins/2024/ok.md", "town-a", 2024))
    assert model.dropped == (Dropped("bulletins/2024/bad.md", "content/bulletins/2024/bad.md", ERROR),)
    assert [str(x) for x in model.report] == [
        "content/bulletins/2024/bad.md: date: 发现 缺少此字段，应为 发布日期 YYYY-MM-DD",
        "content/bulletins/2024/bad.md: 有必须改正的错误，本篇未生成页面",
    ]
    assert [str(p) for p in model.problems] == [str(model.report[0])]
    assert model.dropped[0].serious
    assert list(model.bulletins) == ["bulletins/2024/ok.md"]
    assert "bulletins/2024/bad.md" not in model.bodies and "bulletins/2024/bad.md" not in model.meta


def test_a_draft_is_dropped_with_its_reason(config: SiteConfig) -> None:
    model = build(config, source("bulletins/2024/d.md", title="草稿", date="2024-05-01", org="town-a", type="news", draft=True))
    assert model.dropped == (Dropped("bulletins/2024/d.md", "content/bulletins/2024/d.md", DRAFT),)
    assert [str(x) for x in model.report] == ["content/bulletins/2024/d.md: 草稿（draft: true），不发布"]
    assert not model.dropped[0].serious and model.problems == ()
    assert model.bulletins == {} and model.catalog.bulletins == ()


def test_a_url_clash_keeps_the_first_path_and_drops_the_other(config: SiteConfig) -> None:
    model = build(config, summary("bulletins/b.md", "town-b", 2024, url="same/"), summary("bulletins/a.md", "town-a", 2024, url="same/"))
    assert list(model.bulletins) == ["bulletins/a.md"]
    assert model.dropped == (Dropped("bulletins/b.md", "content/bulletins/b.md", URL_CLASH),)
    assert [str(x) for x in model.report] == [
        "content/bulletins/b.md: 网址: 发现 与 content/bulletins/a.md 相同的网址 same/，应为 每篇公报有自己的网址（给其中一个文件改名；本篇未生成）",
    ]
    assert list(model.bodies) == ["bulletins/a.md"] and list(model.meta) == ["bulletins/a.md"]


def test_stats_totals_count_summaries_only(config: SiteConfig) -> None:
    news = source("bulletins/2024/n.md", title="新闻", date="2024-05-01", org="town-a", type="news", stats={"new_members": 1000})
    model = build(config, summary("bulletins/2024/a.md", "town-a", 2024, new_members=150, aid_funds=8000),
                  summary("bulletins/2024/b.md", "town-b", 2024, new_members=50), summary("bulletins/2023/a.md", "town-a", 2023, new_members=100), news)
    assert model.stats.totals[2024] == {"new_members": 200, "aid_funds": 8000}
    assert model.stats.totals[2023] == {"new_members": 100}
    assert model.stats.by_org[2024]["new_members"] == {"town-a": 150, "town-b": 50}
    assert [(c.raw, c.change) for c in model.views.headline(2024) if c.metric == "new_members"] == [("200", "较2023年 +100名（+100%）")]


def test_the_pipeline_does_not_import_mkdocs() -> None:
    code = "import sys\nimport union_bulletin.build\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
