"""The pipeline (union_bulletin.build) on its own: bulletin files in, one site model out, no MkDocs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from PIL import Image

from conftest import ORGS
from union_bulletin import build as build_module
from union_bulletin.build import DRAFT, ERROR, URL_CLASH, Dropped, SiteModel, Source, build_site
from union_bulletin.site_config import SiteConfig, load_site_config


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
    assert str(model.dropped[0]) == "content/bulletins/b.md: 与另一篇公报网址相同，本篇未生成页面"  # for a caller that lists drops


def test_stats_totals_count_summaries_only(config: SiteConfig) -> None:
    news = source("bulletins/2024/n.md", title="新闻", date="2024-05-01", org="town-a", type="news", stats={"new_members": 1000})
    model = build(config, summary("bulletins/2024/a.md", "town-a", 2024, new_members=150, aid_funds=8000),
                  summary("bulletins/2024/b.md", "town-b", 2024, new_members=50), summary("bulletins/2023/a.md", "town-a", 2023, new_members=100), news)
    assert model.stats.totals[2024] == {"new_members": 200, "aid_funds": 8000}
    assert model.stats.totals[2023] == {"new_members": 100}
    assert model.stats.by_org[2024]["new_members"] == {"town-a": 150, "town-b": 50}
    assert [(c.raw, c.change) for c in model.views.headline(2024) if c.metric == "new_members"] == [("200", ("较2023年", "+100名", "（+100%）"))]


def test_the_pipeline_does_not_import_mkdocs() -> None:
    code = "import sys\nimport union_bulletin.build\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- kept between builds (a preview rebuilds after every edit) ---------------------------------


def test_a_second_build_reads_no_bulletin_again(config: SiteConfig) -> None:
    sources = [summary("bulletins/2024/a.md", "town-a", 2024, new_members=150), source("bulletins/2024/bad.md", title="缺日期", org="town-a", type="news")]
    first = build(config, *sources)
    hits, misses = build_module._readings.hits, build_module._readings.misses
    again = build(config, *sources)
    assert (build_module._readings.hits - hits, build_module._readings.misses - misses) == (2, 0)
    assert again.bulletins == first.bulletins and again.report == first.report and again.bodies == first.bodies
    edited = build(config, summary("bulletins/2024/a.md", "town-a", 2024, new_members=151), sources[1])
    assert edited.stats.totals[2024] == {"new_members": 151}
    assert build_module._readings.misses - misses == 1


def test_the_same_bytes_under_another_site_config_are_read_again(config: SiteConfig, tmp_path: Path) -> None:
    news = source("bulletins/2024/c.md", title="新闻", date="2024-05-01", org="town-c", type="news")
    assert [d.reason for d in build(config, news).dropped] == [ERROR]
    (tmp_path / "site_config" / "organisations.yml").write_text(
        yaml.safe_dump({**ORGS, "town-c": {"name": "岚湾镇总工会", "level": "town"}}, allow_unicode=True), encoding="utf-8")
    wider, _ = load_site_config(tmp_path / "site_config", tmp_path)
    model = build(wider, news)
    assert model.dropped == () and list(model.bulletins) == ["bulletins/2024/c.md"]


def test_a_changed_or_removed_cover_is_looked_at_again(config: SiteConfig, tmp_path: Path) -> None:
    picture = tmp_path / "cover.png"
    Image.new("RGB", (4, 3)).save(picture)
    news = source("bulletins/2024/p.md", title="有封面", date="2024-05-01", org="town-a", type="news", cover="p.png")

    def locate(path: str) -> Path | None:
        return picture if path == "bulletins/2024/p.png" and picture.exists() else None

    def cover() -> tuple[int, int] | None:
        b = build_site([news], config, locate).bulletins.get("bulletins/2024/p.md")
        return (b.cover.width, b.cover.height) if b is not None and b.cover is not None else None

    assert cover() == (4, 3)
    Image.new("RGB", (40, 30)).save(picture)
    assert cover() == (40, 30)
    picture.unlink()
    assert cover() is None
    assert [str(p) for p in build_site([news], config, locate).problems] == [
        'content/bulletins/2024/p.md: cover: 发现 "p.png"（文件不存在），应为 相对于本文件的已有文件（检查文件名和所在文件夹）']
