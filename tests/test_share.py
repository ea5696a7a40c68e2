"""What a page tells other programs, and how readers take a bulletin with them (built HTML, no browser):
Open Graph and the disclosure metadata of Chinese government sites on every page type, the footer
with publisher, contact and ICP number, the 分享 QR code, and the feeds, parsed with feedparser."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser
import pytest

from conftest import Site, article
from test_site import populate
from union_bulletin.render.qr import share

SITE_URL = "https://example.org/gonghui/"
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def site_feeds(root: str) -> list[tuple[str, str, str]]:
    """The site's feed links as a page ``root`` below the site root writes them (relative: see render/metadata.py)."""
    return [
        ("application/rss+xml", "测试公报：活动新闻和通知公告", root + "feeds/news.xml"),
        ("application/feed+json", "测试公报：活动新闻和通知公告（JSON Feed）", root + "feeds/news.json"),
        ("application/rss+xml", "测试公报：工作总结", root + "feeds/summaries.xml"),
    ]


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.feeds: list[tuple[str, str, str]] = []
        self.in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if not self.in_head:
            return
        if tag == "meta" and ("property" in a or "name" in a) and "content" in a:
            key = a.get("property") or a["name"]
            assert key not in self.meta or key == "viewport", f"{key} twice"
            self.meta[key] = a["content"]
        if tag == "link" and a.get("rel") == "alternate":
            self.feeds.append((a["type"], a["title"], a["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


def head(html: str) -> _Head:
    """The head's named meta tags (name or property → content, unescaped) and its feed links."""
    parser = _Head()
    parser.feed(html)
    return parser


OURS = ("SiteName", "ArticleTitle", "PubDate", "ContentSource", "ColumnName")


def tags(html: str) -> dict[str, str]:
    """Our tags only: the disclosure metadata and Open Graph (not the theme's description, generator, viewport)."""
    return {k: v for k, v in head(html).meta.items() if k in OURS or k.startswith(("og:", "article:"))}


def shared(site: Site) -> None:
    populate(site)
    site.bulletin("2024/county-news.md", title="县总工会召开“<职工>”座谈会", date="2024-03-01 09:30", org="county", type="news",
                  cover="cover.png", summary="座谈会听取职工意见。")
    site.write("content/bulletins/2024/cover.png", _png())
    site.write("content/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    site.write("content/about.md", "---\ndescription: 关于本站的说明\n---\n# 关于本站\n\n本站。")
    site.config("site.yml", {"publisher": "江屿县总工会", "contact": "0000-00000000", "icp": "浙ICP备12345678号"})


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(out, "PNG")
    return out.getvalue()


THEME = {"name": "material", "language": "zh", "font": False, "logo": "logo.svg"}


def test_open_graph_and_disclosure_tags_on_every_page_type(site: Site) -> None:
    shared(site)
    # Without share cards (as on a system without a Chinese font) a page shows its cover, else the logo;
    # with them, tests/test_sharecard.py.
    r = site.build(strict=True, site_url=SITE_URL, site_description="江屿县各级工会的公报", theme=THEME, plugins=[{"bulletin": {"share_cards": False}}])
    assert not r.aborted, r.errors
    site_wide = {"SiteName": "测试公报", "og:site_name": "测试公报", "og:locale": "zh_CN"}
    logo = SITE_URL + "logo.svg"
    assert tags(r.html("bulletins/2023/town-a-summary/")) == {
        **site_wide, "ArticleTitle": "石桥镇总工会2023年工作总结", "PubDate": "2024-01-15 00:00", "ContentSource": "石桥镇总工会",
        "og:type": "article", "og:title": "石桥镇总工会2023年工作总结", "og:description": "正文第一段。",
        "og:url": SITE_URL + "bulletins/2023/town-a-summary/", "og:image": logo,
        "article:published_time": "2024-01-15T00:00:00+08:00",
    }
    # a time of day, a cover (the picture a shared link shows) and a title with quotes and angle brackets
    assert tags(r.html("bulletins/2024/county-news/")) == {
        **site_wide, "ArticleTitle": "县总工会召开“<职工>”座谈会", "PubDate": "2024-03-01 09:30", "ContentSource": "江屿县总工会",
        "og:type": "article", "og:title": "县总工会召开“<职工>”座谈会", "og:description": "座谈会听取职工意见。",
        "og:url": SITE_URL + "bulletins/2024/county-news/", "og:image": SITE_URL + "bulletins/2024/cover-4.jpg",
        "article:published_time": "2024-03-01T09:30:00+08:00",
    }
    # the cover as published (its largest JPEG variant): the original is not published
    assert (r.site / "bulletins/2024/cover-4.jpg").is_file() and not (r.site / "bulletins/2024/cover.png").exists()
    assert 'content="县总工会召开“&lt;职工&gt;”座谈会"' in r.html("bulletins/2024/county-news/")
    columns = {"years/": "年度公报", "years/2023/": "2023年度公报", "orgs/": "基层组织", "orgs/town-a/": "石桥镇总工会",
               "topics/": "工作专题", "topics/rights/": "维权服务"}
    for url, name in columns.items():
        assert tags(r.html(url)) == {
            **site_wide, "ColumnName": name, "og:type": "website", "og:title": name, "og:description": "江屿县各级工会的公报",
            "og:url": SITE_URL + url, "og:image": logo,
        }, url
    # neither an article nor a column: the home page, the compiled report, a page of the site's own
    for url, title, description in [("", "首页", "江屿县各级工会的公报"), ("years/2023/print/", "2023年度公报合订本", "江屿县各级工会的公报"),
                                    ("about/", "关于本站", "关于本站的说明")]:
        assert tags(r.html(url)) == {
            **site_wide, "og:type": "website", "og:title": title, "og:description": description, "og:url": SITE_URL + url, "og:image": logo,
        }, url
    assert tags(r.html("404.html")) == {**site_wide, "og:type": "website", "og:title": "测试公报"}
    # the site's feeds on every page, an organisation's own on its page
    for url, root in (("", ""), ("bulletins/2023/town-a-summary/", "../../../"), ("years/", "../"), ("about/", "../")):
        assert head(r.html(url)).feeds == site_feeds(root), url
    assert head(r.html("orgs/town-a/")).feeds == [*site_feeds("../../"),
        ("application/rss+xml", "石桥镇总工会：活动新闻和通知公告", "../../feeds/org-town-a.xml"),
        ("application/feed+json", "石桥镇总工会：活动新闻和通知公告（JSON Feed）", "../../feeds/org-town-a.json"),
    ]


def test_without_site_url_no_tag_that_needs_an_absolute_address(site: Site) -> None:
    shared(site)
    r = site.build(strict=True, theme=THEME)
    for url in ("", "bulletins/2024/county-news/", "orgs/town-a/", "about/"):
        t = head(r.html(url))
        assert "SiteName" in t.meta and "og:title" in t.meta, url
        assert not {"og:url", "og:image"} & set(t.meta) and t.feeds == [], url
    assert tags(r.html("bulletins/2024/county-news/"))["article:published_time"] == "2024-03-01T09:30:00+08:00"
    assert not (r.site / "feeds").exists()
    assert "mkdocs.yml 没有 site_url：不生成订阅源和分享卡片（RSS、JSON Feed 和 og:image 需要完整网址）" in r.infos
    assert not (r.site / "cards").exists()
    assert "ub-share" not in r.html("bulletins/2024/county-news/")  # a QR code of what address?


def test_a_site_with_its_own_main_html_keeps_the_tags(site: Site) -> None:
    populate(site)
    site.write("overrides/main.html", '{% extends "base.html" %}\n{% block extrahead %}<meta name="own" content="1">{% endblock %}\n')
    r = site.build(strict=True, site_url=SITE_URL, theme={"name": "material", "language": "zh", "font": False, "custom_dir": "overrides"})
    for url in ("", "bulletins/2023/town-a-news/", "orgs/town-a/"):
        html = r.html(url)
        assert head(html).meta["own"] == "1" and head(html).meta["SiteName"] == "测试公报", url
        assert html.count('<meta name="SiteName"') == 1


def footer(html: str) -> str:
    m = re.search(r'<div class="ub-footer">.*?</div>', html)
    assert m, "no footer block"
    return m.group(0)


def test_footer_has_publisher_contact_and_the_icp_number_linked_to_the_filing_site(site: Site) -> None:
    populate(site)
    site.config("site.yml", {"publisher": "江屿县总工会<i>", "contact": "0000-00000000（江屿县人民路1号）&\"", "icp": "浙ICP备12345678号-1<b>"})
    site.write("content/about.md", "# 关于本站\n\n本站。")
    r = site.build(strict=True)
    for url in ("", "bulletins/2023/town-a-news/", "years/2023/", "about/", "404.html"):
        assert footer(r.html(url)) == (
            '<div class="ub-footer"><span class="ub-footer__item">主办单位：江屿县总工会&lt;i&gt;</span>'
            '<span class="ub-footer__item">联系方式：0000-00000000（江屿县人民路1号）&amp;&quot;</span>'
            '<span class="ub-footer__item"><a href="https://beian.miit.gov.cn/" rel="noopener">浙ICP备12345678号-1&lt;b&gt;</a></span></div>'
        ), url


def test_footer_shows_only_what_site_yml_gives(site: Site) -> None:
    populate(site)
    site.config("site.yml", {"icp": "浙ICP备12345678号"})
    r = site.build(strict=True)
    assert footer(r.html("")) == ('<div class="ub-footer"><span class="ub-footer__item">'
                                  '<a href="https://beian.miit.gov.cn/" rel="noopener">浙ICP备12345678号</a></span></div>')
    site.config("site.yml", {"count_types": ["summary"]})
    assert "ub-footer" not in site.build(strict=True).html("")


def test_share_holds_the_qr_code_of_the_bulletin_address_without_script(site: Site) -> None:
    populate(site)
    r = site.build(strict=True, site_url=SITE_URL)
    page = article(r.html("bulletins/2023/town-a-news/"))
    m = re.search(r'<details class="ub-share">.*?</details>', page, re.S)
    assert m, "no 分享"
    block = m.group(0)
    address = SITE_URL + "bulletins/2023/town-a-news/"
    expected = share(address)
    assert expected is not None and expected.svg in block  # the code of this address …
    other = share(SITE_URL + "bulletins/2023/town-a-summary/")
    assert other is not None and other.svg not in block  # … not of any address
    assert "<summary>分享</summary>" in block and "<script" not in block and " on" not in re.sub(r'"[^"]*"', "", block)
    assert f'本篇网址：<a class="ub-share__url" href="{address}">{address}</a>' in block
    assert '<svg role="img" aria-label="本页网址的二维码" viewBox="0 0 ' in block


def test_feeds_parse_with_items_dates_and_links(site: Site) -> None:
    shared(site)
    r = site.build(strict=True, site_url=SITE_URL, site_description="江屿县各级工会的公报", theme=THEME)
    assert "订阅源 5 组（RSS 和 JSON Feed）" in r.infos
    files = sorted(p.relative_to(r.site).as_posix() for p in (r.site / "feeds").rglob("*"))
    assert files == ["feeds/news.json", "feeds/news.xml", "feeds/org-county.json", "feeds/org-county.xml", "feeds/org-town-a.json",
                     "feeds/org-town-a.xml", "feeds/org-town-b.json", "feeds/org-town-b.xml", "feeds/sitemap.xml",
                     "feeds/summaries.json", "feeds/summaries.xml"]
    # what Material's script reads beside the feed links: a sitemap, valid and empty
    assert (r.site / "feeds/sitemap.xml").read_text("utf-8") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')

    def at(text: str) -> dt.datetime:
        return dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)

    news = [("县总工会召开“<职工>”座谈会", "bulletins/2024/county-news/", at("2024-03-01T09:30"), "座谈会听取职工意见。"),
            ("关于开展2023年金秋助学活动的通知", "bulletins/2023/county-notice/", at("2023-08-01T00:00"), "正文第一段。"),
            ("石桥镇举办五一职工篮球赛", "bulletins/2023/town-a-news/", at("2023-04-28T00:00"), "十六支代表队参赛。")]
    summaries = [("云岭镇总工会2023年工作总结", "bulletins/2023/town-b-summary/", at("2024-01-20T00:00"), "正文第一段。"),
                 ("石桥镇总工会2023年工作总结", "bulletins/2023/town-a-summary/", at("2024-01-15T00:00"), "正文第一段。"),
                 ("石桥镇总工会2022年工作总结", "bulletins/2022/town-a-summary/", at("2023-01-12T00:00"), "正文第一段。")]
    expect = {
        "feeds/news": ("测试公报：活动新闻和通知公告", SITE_URL, news),
        "feeds/summaries": ("测试公报：工作总结", SITE_URL, summaries),
        "feeds/org-county": ("江屿县总工会：活动新闻和通知公告", SITE_URL + "orgs/county/", news[:2]),
        "feeds/org-town-a": ("石桥镇总工会：活动新闻和通知公告", SITE_URL + "orgs/town-a/", news[2:]),
        "feeds/org-town-b": ("云岭镇总工会：活动新闻和通知公告", SITE_URL + "orgs/town-b/", []),
    }
    for stem, (title, home, items) in expect.items():
        want = [(t, SITE_URL + u, when.astimezone(dt.UTC), s) for t, u, when, s in items]
        parsed = feedparser.parse((r.site / f"{stem}.xml").read_bytes())
        assert not parsed.bozo, (stem, parsed.get("bozo_exception"))
        assert parsed.version == "rss20" and parsed.feed.title == title and parsed.feed.link == home, stem
        assert [(e.title, e.link, dt.datetime(*e.published_parsed[:6], tzinfo=dt.UTC), e.summary) for e in parsed.entries] == want, stem
        assert [e.id for e in parsed.entries] == [w[1] for w in want], stem
        # feedparser 6 does not read JSON Feed: its required fields (jsonfeed.org/version/1.1) checked here, the same items
        feed = json_feed(r.site / f"{stem}.json")
        assert (feed["title"], feed["home_page_url"], feed["feed_url"]) == (title, home, f"{SITE_URL}{stem}.json"), stem
        assert [(i["title"], i["url"], dt.datetime.fromisoformat(i["date_published"]), i.get("summary", "")) for i in feed["items"]] == want, stem
        raw_rss = (r.site / f"{stem}.xml").read_text("utf-8")
        # Beijing time as written, not only the instant: +0800 in RSS, +08:00 in JSON Feed
        assert re.findall(r"<pubDate>(.*?)</pubDate>", raw_rss) == [w.strftime("%a, %d %b %Y %H:%M:%S +0800") for _, _, w, _ in items], stem
        assert [i["date_published"] for i in feed["items"]] == [w.isoformat() for _, _, w, _ in items], stem
        # the build date is the newest item's, so that two builds of the same content are the same bytes
        newest = items[0][2].strftime("%a, %d %b %Y %H:%M:%S +0800") if items else "Sat, 01 Jan 2000 00:00:00 +0800"
        assert f"<lastBuildDate>{newest}</lastBuildDate>" in raw_rss, stem


def json_feed(path: Path) -> dict[str, Any]:
    """A JSON Feed 1.1 document, its required fields checked: version, title, items; each item an id and content."""
    feed = json.loads(path.read_text("utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and isinstance(feed["title"], str) and isinstance(feed["items"], list)
    for item in feed["items"]:
        assert isinstance(item["id"], str) and (item.get("content_text") or item.get("content_html")), item
    return feed


def test_a_feed_holds_the_newest_fifty(site: Site) -> None:
    for n in range(52):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=n)
        site.bulletin(f"2024/n{n:02d}.md", title=f"新闻{n:02d}", date=day.isoformat(), org="town-b", type="news")
    r = site.build(strict=True, site_url=SITE_URL)
    for name in ("feeds/news.xml", "feeds/org-town-b.json"):
        path = r.site / name
        titles = [i["title"] for i in json_feed(path)["items"]] if name.endswith(".json") else [e.title for e in feedparser.parse(path.read_bytes()).entries]
        assert titles == [f"新闻{n:02d}" for n in range(51, 1, -1)], name


def test_share_block_is_written_from_the_bulletin_address() -> None:
    assert share("") is None
    s = share("https://example.org/a/")
    assert s is not None and s.url == "https://example.org/a/" and s.svg.startswith('<svg role="img"') and "<script" not in s.svg


def test_a_qr_code_drawn_once_is_read_back_by_the_next_build(tmp_path: Path, monkeypatch: Any) -> None:
    """segno spends about 5 ms a code choosing its mask: a rebuild reads each address's SVG back instead."""
    from union_bulletin.cache import FileCache
    from union_bulletin.render import qr

    cache = FileCache(tmp_path / "qr", ".svg")
    first = share("https://example.org/a/", cache)
    assert first is not None and len(list((tmp_path / "qr").glob("*.svg"))) == 1

    def no_drawing(url: str) -> str:
        raise AssertionError("drawn again")

    monkeypatch.setattr(qr, "_svg", no_drawing)
    assert share("https://example.org/a/", cache) == first
    with pytest.raises(AssertionError, match="drawn again"):
        share("https://example.org/b/", cache)  # another address is drawn
