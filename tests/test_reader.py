"""What every reader gets, checked in the built HTML and data files (no browser): breadcrumbs and
the active tab, sidebars given back, the compiled report, the CSV of the open data, the 404 page,
the logo's text, the large-text switch in the head and the print provenance."""

from __future__ import annotations

import csv
import io
import json
import re

from PIL import Image

from conftest import Site, article, metric_values, plain
from test_site import populate
from union_bulletin.render.report import rebase


def crumbs(page: str) -> list[tuple[str, str]]:
    """The breadcrumb trail: (text, href); the current page has href ""."""
    m = re.search(r'<nav class="ub-crumbs" aria-label="当前位置">(.*?)</nav>', page, re.S)
    assert m, "no breadcrumbs"
    return [(text or current, href or "") for href, text, current in
            re.findall(r'<li>(?:<a href="([^"]*)">([^<]*)</a>|<span aria-current="page">([^<]*)</span>)</li>', m.group(1))]


def active_tab(html: str) -> list[str]:
    return [plain(t) for t in re.findall(r'<li class="md-tabs__item md-tabs__item--active">(.*?)</li>', html, re.S)]


def test_breadcrumbs_and_the_active_tab_on_every_page_type(site: Site) -> None:
    populate(site)
    r = site.build(strict=True, theme={"name": "material", "language": "zh", "font": False, "features": ["navigation.tabs"]})
    expect = {
        "bulletins/2023/town-a-summary/": ([("首页", "../../.."), ("年度公报", "../../../years/"), ("2023年", "../../../years/2023/"),
                                            ("石桥镇总工会2023年工作总结", "")], "年度公报"),
        "years/": ([("首页", ".."), ("年度公报", "")], "年度公报"),
        "years/2023/": ([("首页", "../.."), ("年度公报", "../"), ("2023年", "")], "年度公报"),
        "years/2023/print/": ([("首页", "../../.."), ("年度公报", "../../"), ("2023年", "../"), ("合订本", "")], "年度公报"),
        "orgs/": ([("首页", ".."), ("基层组织", "")], "基层组织"),
        "orgs/town-a/": ([("首页", "../.."), ("基层组织", "../"), ("江屿县总工会", "../county/"), ("石桥镇总工会", "")], "基层组织"),
        "topics/": ([("首页", ".."), ("工作专题", "")], "工作专题"),
        "topics/rights/": ([("首页", "../.."), ("工作专题", "../"), ("维权服务", "")], "工作专题"),
    }
    for url, (trail, tab) in expect.items():
        html = r.html(url)
        assert crumbs(article(html)) == trail, url
        assert active_tab(html) == [tab], url
        # the tabs and the breadcrumbs say where the reader is: no empty sidebars beside the column
        assert re.search(r'data-md-type="navigation"\s+hidden', html), url
    assert active_tab(r.html("")) == ["首页"] and "ub-crumbs" not in r.html("")
    # only the page being rendered marks its tab: the next page's tab is its own
    assert active_tab(r.html("topics/")) == ["工作专题"]


def test_a_bulletin_with_headings_keeps_its_contents_sidebar(site: Site) -> None:
    populate(site)
    site.bulletin("2023/long.md", body="开头。\n\n## 一、回顾\n\n正文。\n\n## 二、打算\n\n正文。", title="长篇", date="2024-02-01", year=2023,
                  org="town-b", type="plan")
    r = site.build(strict=True)
    assert re.search(r'data-md-type="toc"\s+hidden', r.html("bulletins/2023/town-a-summary/"))
    long = r.html("bulletins/2023/long/")
    assert not re.search(r'data-md-type="toc"\s+hidden', long) and re.search(r'data-md-type="navigation"\s+hidden', long)


def test_what_the_author_hid_stays_hidden(site: Site) -> None:
    populate(site)
    site.bulletin("2023/long.md", body="开头。\n\n## 一、回顾\n\n正文。", title="长篇", date="2024-02-01", year=2023,
                  org="town-b", type="plan", hide="toc")  # a single word, as Material also accepts it
    r = site.build(strict=True)
    long = r.html("bulletins/2023/long/")
    assert re.search(r'data-md-type="toc"\s+hidden', long) and re.search(r'data-md-type="navigation"\s+hidden', long)


def test_other_years_of_news_link_to_the_organisation_page_only(site: Site) -> None:
    populate(site)
    site.bulletin("2022/town-a-news.md", title="石桥镇2022年新闻", date="2022-05-01", org="town-a", type="news")
    site.bulletin("2024/town-a-news.md", title="石桥镇2024年新闻", date="2024-05-01", org="town-a", type="news")
    r = site.build(strict=True)
    page = article(r.html("bulletins/2023/town-a-news/"))
    others = re.search(r'<h2 id="ub-others">(.*?)</h2>\s*<ul class="ub-chips">(.*?)</ul>', page, re.S)
    assert others and others.group(1) == "石桥镇总工会其他年度的公报"
    assert re.findall(r'<a href="([^"]*)">([^<]*)</a>', others.group(2)) == [
        ("../../../orgs/town-a/#y2024", "2024年"), ("../../../orgs/town-a/#y2022", "2022年")]


def test_compiled_report_of_a_year(site: Site) -> None:
    populate(site)
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 60)).save(picture, "PNG")
    site.write("content/bulletins/2023/images/a.png", picture.getvalue())
    site.bulletin("2023/town-b-plan.md", title="云岭镇总工会2023年工作计划", date="2023-01-10", year=2023, org="town-b", type="plan",
                  body="## 一、目标\n\n见[总结](town-a-summary.md)和[本篇目标](#_1)，[外部](https://example.org/x)。\n\n"
                       "![图](images/a.png)\n\n## 二、措施\n\n正文。")
    r = site.build(strict=True)
    year = article(r.html("years/2023/"))
    assert '<a href="print/">2023年度公报合订本（打印版）</a>' in year
    page = article(r.html("years/2023/print/"))
    assert "<h1>2023年度公报合订本</h1>" in page
    # every summary and plan of the year, in full, summaries first; no news or notice
    assert re.findall(r'<h2 id="(b\d+)">([^<]*)</h2>', page) == [
        ("b1", "云岭镇总工会2023年工作总结"), ("b2", "石桥镇总工会2023年工作总结"), ("b3", "云岭镇总工会2023年工作计划")]
    assert "石桥镇举办五一职工篮球赛" not in page and "金秋助学活动的通知" not in page
    assert re.findall(r'<li><a href="#(b\d+)">', page) == ["b1", "b2", "b3"]  # the contents
    totals = page[page.index('id="ub-report-stats"'):page.index("</section>")]  # the year's totals, as on the year page
    assert metric_values(totals) == metric_values(year) == {"new_members": "500", "collective_contracts": "83", "aid_funds": "618031.5"}
    # the body's links and pictures work from the report's address; its headings are one level down, ids unique
    assert '<h3 id="b3-_1">一、目标</h3>' in page and '<h3 id="b3-_2">二、措施</h3>' in page
    assert '<a href="../../../bulletins/2023/town-a-summary/">总结</a>' in page
    assert '<a href="#b3-_1">本篇目标</a>' in page and '<a href="https://example.org/x">外部</a>' in page
    # a photo is printed as its largest variant (photos.py); a PNG with nothing transparent gets a JPEG
    assert '<img src="../../../bulletins/2023/images/a-40.jpg" width="40" height="30" alt="图">' in page
    assert r.exists("bulletins/2023/images/a-40.jpg") and r.exists("bulletins/2023/town-a-summary/")
    assert not r.exists("years/2021/print/")


def test_rebase_moves_links_ids_and_headings() -> None:
    html = ('<h2 id="x">一</h2><p><a href="#x">上</a> <a href="../other/">别篇</a> <a href="../other/#y">别篇一节</a> '
            '<a href="files/a.pdf">附件</a> <a href="/abs">根</a> <a href="mailto:a@b.c">信</a> <a href="./">本篇</a> '
            '<a href="./#x">本篇一节</a></p><h5>五</h5><h6>六</h6><img src="../img/p.png?v=1">')
    assert rebase(html, "bulletins/2024/a/", "years/2024/print/", "b1-") == (
        '<h3 id="b1-x">一</h3><p><a href="#b1-x">上</a> <a href="../../../bulletins/2024/other/">别篇</a> '
        '<a href="../../../bulletins/2024/other/#y">别篇一节</a> <a href="../../../bulletins/2024/a/files/a.pdf">附件</a> '
        '<a href="/abs">根</a> <a href="mailto:a@b.c">信</a> <a href="../../../bulletins/2024/a/">本篇</a> '
        '<a href="#b1-x">本篇一节</a></p><h6>五</h6><h6>六</h6><img src="../../../bulletins/2024/img/p.png?v=1">')


def test_open_data_as_csv_with_a_byte_order_mark(site: Site) -> None:
    populate(site)
    r = site.build(strict=True)
    raw = (r.site / "data/stats.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with it
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["年度", "指标", "指标键", "单位", "合计", "江屿县总工会", "石桥镇总工会", "云岭镇总工会"]
    assert ["2023", "新发展会员", "new_members", "名", "500", "", "376", "124"] in rows
    assert ["2023", "帮扶慰问资金", "aid_funds", "元", "618031.5", "", "486300", "131731.5"] in rows
    data = json.loads(r.html("data/stats.json"))
    assert len(rows) - 1 == sum(len(metrics) for metrics in data["years"].values())  # the same numbers as the JSON
    years = article(r.html("years/"))
    assert '<a href="../data/stats.json">统计数字（JSON）</a>' in years and '<a href="../data/stats.csv">' in years


def test_not_found_page_is_chinese_with_a_way_back(site: Site) -> None:
    populate(site)
    r = site.build(strict=True, site_url="https://example.org/gonghui/")
    page = r.html("404.html")
    assert "Not found" not in page and "<h1>没有找到这个页面</h1>" in page
    assert '<a href="/gonghui/">回到首页</a>' in page and '<a href="/gonghui/years/">年度公报</a>' in page


def test_logo_has_the_site_name_as_its_text(site: Site) -> None:
    site.write("content/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    r = site.build(strict=True, theme={"name": "material", "language": "zh", "font": False, "logo": "logo.svg"})
    assert '<img src="logo.svg" alt="测试公报">' in r.html("") and 'alt="logo"' not in r.html("")


def test_every_page_has_the_large_text_switch_and_print_provenance(site: Site) -> None:
    populate(site)
    site.config("site.yml", {"publisher": "江屿县总工会<b>"})
    site.write("content/about.md", "# 关于\n\n本站。")
    r = site.build(strict=True, site_url="https://example.org/")
    for url in ("", "about/", "years/2023/", "bulletins/2023/town-a-news/", "404.html"):
        html = r.html(url)
        head = html[: html.index("</head>")]
        assert head.count('localStorage.getItem("ub-large")') == 1, url  # before the first paint, once
        assert "assets/union-bulletin/reader.js" in html, url
        info = re.search(r'<div class="ub-print-info">.*?</div>', html)
        assert info, url
        assert "测试公报" in info.group(0) and "发布单位：江屿县总工会&lt;b&gt;" in info.group(0) and "打印日期：" in info.group(0)
    news = re.search(r'<div class="ub-print-info">.*?</div>', r.html("bulletins/2023/town-a-news/"))
    assert news and '<span class="ub-print-info__url">https://example.org/bulletins/2023/town-a-news/</span>' in news.group(0)
