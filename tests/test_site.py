"""Whole-site behaviour: URLs, totals, changes, series, open data, escaping."""

from __future__ import annotations

import json
import re

import pytest

from conftest import Site, article, cards, chart, metric_values, plain


def populate(site: Site) -> None:
    site.bulletin("2022/town-a-summary.md", title="石桥镇总工会2022年工作总结", date="2023-01-12", year=2022,
                  org="town-a", type="summary", topics=["organising"], stats={"new_members": 300, "aid_funds": 400000})
    site.bulletin("2023/town-a-summary.md", title="石桥镇总工会2023年工作总结", date="2024-01-15", year=2023,
                  org="town-a", type="summary", topics=["organising", "rights"],
                  stats={"new_members": 376, "aid_funds": 486300, "collective_contracts": 83},
                  figures=[{"label": "倡议书发放", "value": 10000, "unit": "份"}])
    site.bulletin("2023/town-b-summary.md", title="云岭镇总工会2023年工作总结", date="2024-01-20", year=2023,
                  org="town-b", type="summary", topics=["assistance"], stats={"new_members": 124, "aid_funds": 131731.5})
    site.bulletin("2023/town-a-news.md", title="石桥镇举办五一职工篮球赛", date="2023-04-28",
                  org="town-a", type="news", topics=["culture"], stats={"new_members": 50, "activities_held": 1},
                  summary="十六支代表队参赛。")
    site.bulletin("2024/town-a-plan.md", title="石桥镇总工会2024年工作计划", date="2024-01-16", year=2024,
                  org="town-a", type="plan", topics=["organising"])
    site.bulletin("2023/county-notice.md", title="关于开展2023年金秋助学活动的通知", date="2023-08-01",
                  org="county", type="notice", topics=["assistance"], index_no="JY-2023-0008")


def test_every_url_of_the_spec_exists(site: Site) -> None:
    populate(site)
    r = site.build(strict=True)
    assert not r.aborted, r.errors
    for url in [
        "bulletins/2022/town-a-summary/", "bulletins/2023/town-a-news/", "bulletins/2024/town-a-plan/",
        "bulletins/2023/county-notice/", "years/", "years/2022/", "years/2023/", "years/2024/",
        "orgs/", "orgs/county/", "orgs/town-a/", "orgs/town-b/",
        "topics/", "topics/organising/", "topics/assistance/", "topics/women/", "data/stats.json",
    ]:
        assert r.exists(url), url
    assert not r.exists("years/2021/")


def test_yearly_totals_sum_count_types_only(site: Site) -> None:
    populate(site)
    r = site.build(strict=True)
    year = metric_values(article(r.html("years/2023/")))
    # news item's 50 new members and its activity are not counted
    assert year == {"new_members": "500", "collective_contracts": "83", "aid_funds": "618031.5"}
    data = json.loads(r.html("data/stats.json"))
    assert data["years"]["2023"]["new_members"]["total"] == 500
    assert "activities_held" not in data["years"]["2023"]


def test_count_types_from_site_yml(site: Site) -> None:
    populate(site)
    site.config("site.yml", {"count_types": ["summary", "news"]})
    r = site.build(strict=True)
    year = metric_values(article(r.html("years/2023/")))
    assert year["new_members"] == "550"
    assert year["activities_held"] == "1"


def test_count_levels_keep_a_county_summary_from_doubling_its_towns(site: Site) -> None:
    populate(site)
    site.bulletin("2023/county-summary.md", title="江屿县总工会2023年工作总结", date="2024-01-25", year=2023,
                  org="county", type="summary", stats={"new_members": 2000})
    r = site.build(strict=True)
    assert metric_values(article(r.html("years/2023/")))["new_members"] == "2500"  # default: every level counts
    site.config("site.yml", {"count_levels": ["county"]})
    r = site.build(strict=True)
    page = article(r.html("years/2023/"))
    assert metric_values(page) == {"new_members": "2000"}
    assert "汇总本年度县级总工会工作总结中的数字" in page
    data = json.loads(r.html("data/stats.json"))
    assert data["count_levels"] == ["county"]
    assert data["years"]["2023"]["new_members"] == {
        "label": "新发展会员", "unit": "名", "total": 2000, "organisations": {"county": 2000, "town-a": 376, "town-b": 124}}
    assert data["years"]["2023"]["aid_funds"]["total"] is None
    # an organisation's own figures do not depend on what counts in the totals
    assert chart(article(r.html("orgs/town-a/")), "新发展会员")[-2:] == ["2023年 376名", "2022年 300名"]


def test_change_against_previous_year(site: Site) -> None:
    populate(site)
    r = site.build(strict=True)
    page = article(r.html("years/2023/"))
    nm = next(c for c in cards(page) if c["data-metric"] == "new_members")
    assert "ub-card--up" in nm["class"]
    assert "▲ 较2022年 +200名（+66.7%）" in plain(page)
    assert "▲ 较2022年 +21.8万元（+54.5%）" in plain(page)
    # the change line breaks only between its phrases: a number never leaves its unit
    assert '<span class="ub-card__phrase">较2022年</span> <span class="ub-card__phrase">+200名</span><span class="ub-card__phrase">（+66.7%）</span>' in page  # 618031.5 - 400000 = 218031.5
    # collective_contracts has no 2022 value: no change shown for it
    cc = re.search(r'data-metric="collective_contracts".*?</div>', page, re.S)
    assert cc and "较" not in cc.group(0)
    # the first year has nothing to compare with
    assert "较" not in article(r.html("years/2022/"))


def test_decrease_is_shown_down(site: Site) -> None:
    site.bulletin("a.md", title="甲", date="2023-01-05", year=2022, org="town-a", type="summary", stats={"new_members": 200})
    site.bulletin("b.md", title="乙", date="2024-01-05", year=2023, org="town-a", type="summary", stats={"new_members": 150})
    page = article(site.build(strict=True).html("years/2023/"))
    assert "ub-card--down" in page and "▼ 较2022年 −50名（−25%）" in plain(page)


def test_year_page_groups_by_type_and_links_neighbours(site: Site) -> None:
    populate(site)
    page = article(site.build(strict=True).html("years/2023/"))
    headings = re.findall(r'<h2 id="type-(\w+)">', page)
    assert headings == ["summary", "news", "notice"]
    assert 'href="../2022/" rel="prev"' in page and 'href="../2024/" rel="next"' in page
    assert "石桥镇总工会" in page and "2024年1月15日" in page and "十六支代表队参赛。" in page


def test_years_index_newest_first_with_counts(site: Site) -> None:
    populate(site)
    page = article(site.build(strict=True).html("years/"))
    assert re.findall(r'<h2 id="y(\d+)">', page) == ["2024", "2023", "2022"]
    assert "工作总结 2篇 · 活动新闻 1篇 · 通知公告 1篇" in page


def test_org_page_series_and_bulletins_by_year(site: Site) -> None:
    populate(site)
    r = site.build(strict=True)
    page = article(r.html("orgs/town-a/"))
    assert re.findall(r'<h2 id="y(\d+)">', page) == ["2024", "2023", "2022"]
    assert "<script" not in page
    # every year from the first to the last the organisation published, a year without the figure saying so
    assert chart(page, "新发展会员") == ["2024年 无数据", "2023年 376名", "2022年 300名"]
    assert '<a href="../county/">江屿县总工会</a>' in page  # parent
    county = article(r.html("orgs/county/"))
    assert "石桥镇总工会" in county and "云岭镇总工会" in county  # children
    data = json.loads(r.html("data/stats.json"))
    assert data["years"]["2022"]["new_members"]["organisations"] == {"town-a": 300}
    assert data["years"]["2023"]["new_members"]["organisations"] == {"town-a": 376, "town-b": 124}


def test_stats_json_shape(site: Site) -> None:
    populate(site)
    data = json.loads(site.build(strict=True).html("data/stats.json"))
    assert list(data["years"]) == ["2023", "2022"]
    entry = data["years"]["2023"]["aid_funds"]
    assert entry == {"label": "帮扶慰问资金", "unit": "元", "total": 618031.5,
                     "organisations": {"town-a": 486300, "town-b": 131731.5}}
    assert data["metrics"]["new_members"] == {"label": "新发展会员", "unit": "名", "aggregate": "sum"}
    assert data["organisations"]["town-a"] == {"name": "石桥镇总工会", "level": "town", "parent": "county"}
    assert data["count_types"] == ["summary"]


def test_bulletin_page_cards_meta_and_other_years(site: Site) -> None:
    populate(site)
    site.write("content/bulletins/2023/files/summary.pdf", b"%PDF-1.4\n" + b"x" * 3000)
    site.bulletin("2023/with-attachment.md", title="附件测试", date="2023-09-01", org="town-b", type="news",
                  attachments=[{"file": "files/summary.pdf", "title": "工作总结原文"}])
    r = site.build(strict=True)
    page = article(r.html("bulletins/2023/town-a-summary/"))
    assert [(c["data-metric"], c["data-value"]) for c in cards(page)] == [
        ("new_members", "376"), ("collective_contracts", "83"), ("aid_funds", "486300"), ("", "10000")]
    assert cards(page)[-1]["data-label"] == "倡议书发放"
    assert "48.63万" in page and 'title="486,300元"' in page
    for label in ("发布机构", "发布日期", "年度", "类型", "专题"):
        assert f"<dt>{label}</dt>" in page
    assert "索引号" not in page
    # other years of the same organisation: a summary links to its other summaries only (2024 has a plan, no summary)
    assert re.findall(r'<h2 id="ub-others">(.*?)</h2>\s*<ul class="ub-chips">(.*?)</ul>', page, re.S) == [
        ("石桥镇总工会其他年度的工作总结", '\n      <li><a href="../../2022/town-a-summary/">2022年</a></li>\n    ')]
    notice = article(r.html("bulletins/2023/county-notice/"))
    assert "<dt>索引号</dt>" in notice and "JY-2023-0008" in notice
    att = article(r.html("bulletins/2023/with-attachment/"))
    assert '<a href="../files/summary.pdf" download>工作总结原文</a>' in att and "（PDF 文档，3 KB）" in att
    assert r.exists("bulletins/2023/files/summary.pdf")


def test_cover_image_has_its_size(site: Site) -> None:
    from PIL import Image

    site.write("content/bulletins/2023/images/x.png", b"")
    Image.new("RGB", (640, 360), "red").save(site.root / "content/bulletins/2023/images/x.png")
    site.bulletin("2023/pic.md", title="有图", date="2023-05-01", org="town-a", type="news", cover="images/x.png")
    page = article(site.build(strict=True).html("bulletins/2023/pic/"))
    # published as variants (photos.py; tests/test_photos.py has the rest)
    assert 'sizes="(min-width: 1220px) 1140px, 100vw" width="640" height="360" alt="有图"></picture></a></figure>' in page
    assert '<img src="../images/x-640.jpg"' in page
    # without the photo pipeline, the file as it is
    page = article(site.build(strict=True, plugins=[{"bulletin": {"photos": False}}]).html("bulletins/2023/pic/"))
    assert '<img src="../images/x.png" width="640" height="360" alt="有图">' in page


def test_summary_defaults_to_first_paragraph(site: Site) -> None:
    site.bulletin("a.md", body="## 小标题\n\n今年以来，**镇总工会**围绕[中心工作](https://example.org)开展了一系列活动。\n\n第二段。",
                  title="甲", date="2023-03-08", org="town-a", type="news")
    r = site.build(strict=True)
    assert "今年以来，镇总工会围绕中心工作开展了一系列活动。" in article(r.html("years/2023/"))
    assert '<meta name="description" content="今年以来' in r.html("bulletins/a/")


def test_summary_skips_a_salutation(site: Site) -> None:
    site.bulletin("n.md", body="各乡镇（街道）工会：\n\n今年金秋助学申请自即日起开始。", title="通知", date="2023-08-01", org="county", type="notice")
    assert "今年金秋助学申请自即日起开始。" in article(site.build(strict=True).html("years/2023/"))


def test_topic_page_newest_first(site: Site) -> None:
    populate(site)
    page = article(site.build(strict=True).html("topics/organising/"))
    titles = re.findall(r'class="ub-item__title" href="[^"]+">([^<]+)<', page)
    assert titles == ["石桥镇总工会2024年工作计划", "石桥镇总工会2023年工作总结", "石桥镇总工会2022年工作总结"]
    assert "这个专题下还没有公报" in article(site.build().html("topics/women/"))


def test_home_page_latest_and_headline(site: Site) -> None:
    populate(site)
    page = article(site.build(strict=True).html(""))
    assert "这里是测试站点。" in page
    assert "2023年度公报主要数字" in page
    assert metric_values(page) == {"new_members": "500", "collective_contracts": "83", "aid_funds": "618031.5"}
    latest = re.findall(r'class="ub-item__title" href="[^"]+">([^<]+)<', page)
    assert latest == ["关于开展2023年金秋助学活动的通知", "石桥镇举办五一职工篮球赛"]  # news and notices only


def test_draft_is_left_out(site: Site) -> None:
    populate(site)
    site.bulletin("2023/draft.md", title="草稿", date="2023-05-01", org="town-a", type="news", draft=True)
    r = site.build(strict=True)
    assert not r.aborted
    assert not r.exists("bulletins/2023/draft/")
    assert "草稿" not in r.html("years/2023/")


def test_markup_in_titles_and_labels_is_escaped(site: Site) -> None:
    site.config("organisations.yml", {
        "town-a": {"name": '<img src=x onerror="alert(1)">镇', "level": "town"},
    })
    site.config("metrics.yml", {"new_members": {"label": "<b>会员</b>", "unit": '名"><script>x</script>'}})
    site.config("topics.yml", {"rights": "<i>维权</i>"})
    site.bulletin("a.md", title="<script>alert('t')</script>标题", date="2024-01-01", year=2023, org="town-a",
                  type="summary", topics=["rights"], summary='"onmouseover="alert(1)', stats={"new_members": 5},
                  figures=[{"label": "<u>图</u>", "value": 1, "unit": "<s>个</s>"}])
    site.bulletin("b.md", title="乙", date="2024-02-01", org="town-a", type="news", description='"><script>alert(2)</script>')
    r = site.build(strict=True)
    assert not r.aborted, r.errors
    assert '<meta name="description" content="&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;">' in r.html("bulletins/b/")
    for url in ["bulletins/a/", "bulletins/b/", "years/2023/", "orgs/", "orgs/town-a/", "topics/", "topics/rights/", "", "years/"]:
        html = r.html(url)
        for raw in ("<script>alert", "<img src=x", "<b>会员", "<i>维权", "<u>图", "<s>个", '"onmouseover="', "<script>x"):
            assert raw not in html, (url, raw)
    page = r.html("bulletins/a/")
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;标题" in page
    assert "<title>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;标题 - 测试公报</title>" in page


def test_other_plugins_see_the_front_matter(site: Site) -> None:
    """MkDocs gets only the body (we read the front matter once); page.meta still carries it for other plugins."""
    site.write("hook.py", "import json, pathlib\n"
               "def on_page_content(html, page, config, files):\n"
               "    if page.file.src_uri.startswith('bulletins/'):\n"
               "        meta = {k: str(v) for k, v in page.meta.items()}\n"
               "        pathlib.Path(config.config_file_path).with_name('meta.json').write_text(json.dumps(meta, ensure_ascii=False))\n")
    site.bulletin("a.md", title="五一活动", date="2024-04-28 09:30", org="town-a", type="news", topics=["culture"])
    r = site.build(strict=True, hooks=["hook.py"])
    assert not r.aborted
    meta = json.loads((site.root / "meta.json").read_text("utf-8"))
    assert meta["date"] == "2024-04-28 09:30:00" and meta["org"] == "town-a" and meta["topics"] == "['culture']"
    assert meta["title"] == "五一活动" and meta["template"] == "bulletin/bulletin.html"
    assert "org: town-a" not in r.html("bulletins/a/")  # the front matter is not rendered as text


def test_use_directory_urls_false(site: Site) -> None:
    populate(site)
    r = site.build(strict=True, use_directory_urls=False)
    assert r.exists("years/2023/index.html") and r.exists("bulletins/2023/town-a-summary.html")
    page = r.html("years/2023/index.html")
    assert 'href="../../bulletins/2023/town-a-summary.html"' in page
    assert 'href="../2022/index.html" rel="prev"' in page


def test_template_override_from_custom_dir(site: Site) -> None:
    populate(site)
    site.write("overrides/bulletin/year.html", '{% extends "main.html" %}{% block content %}<p id="custom">自定义{{ ub.title }}</p>{% endblock %}')
    r = site.build(strict=True, theme={"name": "material", "language": "zh", "font": False, "custom_dir": "overrides"})
    assert '<p id="custom">自定义2023年度公报</p>' in r.html("years/2023/")


def test_own_page_at_generated_path_becomes_its_intro(site: Site) -> None:
    populate(site)
    site.write("content/years/index.md", "---\ntitle: 历年公报\n---\n各年度公报一览。\n")
    page = site.build(strict=True).html("years/")
    assert "<h1>历年公报</h1>" in page and "各年度公报一览。" in page and 'id="y2023"' in page


def test_default_nav_keeps_bulletins_out(site: Site) -> None:
    populate(site)
    site.write("mkdocs.yml", "")
    r = site.build(strict=True, nav=None)
    home = r.html("")
    assert 'href="years/"' in home
    assert "town-a-summary" not in re.sub(r'<article class="ub .*?</article>', "", home, flags=re.S)


@pytest.mark.parametrize("url", ["", "years/", "years/2023/", "orgs/town-a/", "bulletins/2023/town-a-summary/"])
def test_no_request_to_another_host(site: Site, url: str) -> None:
    populate(site)
    html = site.build(strict=True).html(url)
    loads = re.findall(r'<(?:script|img|iframe|source|link)\b[^>]*?(?:src|href)="([^"]+)"', html)
    assert loads and all(not re.match(r"^(https?:)?//", u) for u in loads), loads


def test_site_without_bulletins_builds(site: Site) -> None:
    r = site.build(strict=True)
    assert not r.aborted, r.errors
    assert "还没有发布公报" in article(r.html("years/"))
    assert "暂无公报" in article(r.html("orgs/town-a/"))
    assert json.loads(r.html("data/stats.json"))["years"] == {}


def test_chinese_file_name(site: Site) -> None:
    site.bulletin("2024/五一篮球赛.md", title="五一篮球赛", date="2024-04-28", org="town-a", type="news")
    r = site.build(strict=True)
    assert r.exists("bulletins/2024/五一篮球赛/")
    assert 'href="../../bulletins/2024/%E4%BA%94%E4%B8%80%E7%AF%AE%E7%90%83%E8%B5%9B/">五一篮球赛</a>' in r.html("years/2024/")
