"""In a real browser (Debian's chromium): the example site asks no other host
for anything, and nothing an author or a site_config file wrote runs as script."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from browser import serve, visit
from conftest import Result, Site

#: One page of every kind the example site has.
PAGE_TYPES = {
    "home": "",
    "years": "years/",
    "year": "years/2024/",
    "orgs": "orgs/",
    "org": "orgs/lanwan-town/",
    "topics": "topics/",
    "topic": "topics/{topic}/",
    "summary": "bulletins/2024/lanwan-town-summary/",
    "summary-with-attachment": "bulletins/2024/jiangyu-county-summary/",
    "news": "bulletins/2024/lanwan-town-news-wuyi-basketball/",
    "notice": "bulletins/2024/luting-township-notice-wage-arrears/",
    "plan": "bulletins/2024/songbu-town-plan/",
    "about": "about/",
    "not-found": "404.html",
}



@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_type_asks_only_its_own_host(browser: Any, example_site: Result, served: str, kind: str, width: int) -> None:
    topic = sorted(p.name for p in (example_site.site / "topics").iterdir() if p.is_dir())[0]
    url = served + PAGE_TYPES[kind].format(topic=topic)
    v = visit(browser, url, width=width)
    assert v.requests and v.requests[0] == url
    assert v.foreign(served) == [], v.foreign(served)
    # nothing asked for in vain either (Material's script reads a sitemap.xml beside every feed link: feeds/sitemap.xml)
    assert v.missing == [], v.missing
    assert v.errors == [] and v.dialogs == []
    _record(example_site.site, kind, width, len(v.requests))


def _record(site: Path, kind: str, width: int, count: int) -> None:
    """Keep the request counts beside the built site (the closing notes quote them)."""
    path = site.parent / "requests.json"
    data = json.loads(path.read_text("utf-8")) if path.exists() else {}
    data[f"{kind}@{width}"] = count
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")


# Payloads that would run if any string reached the page unescaped: each one
# sets window.__pwned or opens a dialog.
SCRIPT = "<script>window.__pwned='script';alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned='img';alert('img')\">"
ATTR = "\" onmouseover=\"window.__pwned='attr'\" autofocus onfocus=\"window.__pwned='focus'\" x=\""
ATTR1 = "' onmouseover='window.__pwned=1' x='"
JS = "javascript:alert('js')"
ALL = f"{SCRIPT}{IMG}{ATTR}{ATTR1}{JS}"


def hostile(site: Site) -> None:
    site.config("organisations.yml", {
        "county": {"name": f"江屿县总工会{ALL}", "level": "county"},
        "town-a": {"name": f"石桥镇{IMG}{ATTR}", "level": "town", "parent": "county"},
    })
    site.config("metrics.yml", {
        "new_members": {"label": f"新会员{SCRIPT}{ATTR}", "unit": f"名{IMG}"},
        "aid_funds": {"label": f"帮扶资金{ATTR1}", "unit": "元"},
    })
    site.config("topics.yml", {"rights": f"维权{ALL}", "culture": JS})
    site.config("site.yml", {"publisher": f"江屿县总工会{ALL}", "icp": f"备案{IMG}", "contact": f"电话{ALL}"})
    site.mkdocs["site_url"] = "https://example.org/"  # so that the tags, feeds and QR codes that need absolute addresses are made too
    site.write("content/bulletins/files/a.pdf", b"%PDF-1.4\n%\xe2\xe3\n")
    site.bulletin("2023/a.md", body=f"正文{SCRIPT}\n\n[点这里]({JS})\n\n<a href=\"{JS}\">链接</a>\n\n{IMG}\n\n<iframe src=\"https://example.org/\"></iframe>\n",
                  title=f"标题{ALL}", date="2024-01-05", year=2023, org="town-a", type="summary", topics=["rights", "culture"],
                  summary=f"摘要{ALL}", index_no=f"TY{ATTR}", stats={"new_members": 5, "aid_funds": 1000},
                  figures=[{"label": f"倡议书{ALL}", "value": 3, "unit": f"份{ATTR1}"}],
                  attachments=[{"file": "../files/a.pdf", "title": f"原文{ALL}"}], description=f"描述{ALL}")
    site.bulletin("2023/b.md", title=f"新闻{ATTR}", date="2024-03-01", org="county", type="news", topics=["rights"],
                  summary=f"{JS}{SCRIPT}")
    site.bulletin("2024/c.md", title=f"计划{ATTR1}", date="2024-01-02", year=2024, org="county", type="plan")


HOSTILE_PAGES = ["", "bulletins/2023/a/", "bulletins/2023/b/", "bulletins/2024/c/", "years/", "years/2023/", "years/2024/",
                 "orgs/", "orgs/town-a/", "orgs/county/", "topics/", "topics/rights/", "topics/culture/"]


def test_payloads_are_text_in_every_template(site: Site) -> None:
    hostile(site)
    r = site.build()
    assert not r.aborted, r.error
    assert r.warnings == [
        "content/bulletins/2023/a.md: 正文: 发现 <script> 标签，应为 文字、图片、表格、链接等可发布的内容（发布的页面中已删去；确需嵌入的内容请联系网站维护人员）",
        "content/bulletins/2023/a.md: 正文: 发现 javascript: 链接，应为 文字、图片、表格、链接等可发布的内容（发布的页面中已删去；确需嵌入的内容请联系网站维护人员）",
        "content/bulletins/2023/a.md: 正文: 发现 事件属性 onerror，应为 文字、图片、表格、链接等可发布的内容（发布的页面中已删去；确需嵌入的内容请联系网站维护人员）",
        "content/bulletins/2023/a.md: 正文: 发现 <iframe> 标签，应为 文字、图片、表格、链接等可发布的内容（发布的页面中已删去；确需嵌入的内容请联系网站维护人员）",
    ]
    for url in HOSTILE_PAGES:
        html = r.html(url)
        for raw in ("<script>window", "<img src=x", "onmouseover=\"window", "onmouseover='window", "onfocus=\"", 'href="javascript', "<iframe"):
            assert raw not in html, (url, raw)
    page = r.html("bulletins/2023/a/")
    assert "标题&lt;script&gt;window.__pwned=" in page and "原文&lt;script&gt;" in page and "倡议书&lt;script&gt;" in page


def test_no_payload_runs_in_the_browser(site: Site, browser: Any) -> None:
    hostile(site)
    r = site.build()
    assert not r.aborted, r.error

    def poke(page: Any) -> None:
        """Hover over and focus every element, as a reader's finger or keyboard would."""
        page.evaluate("""for (const e of document.querySelectorAll('body *')) {
            for (const type of ['mouseover', 'mouseenter', 'pointerover']) e.dispatchEvent(new MouseEvent(type, {bubbles: true}));
            if (e.focus) e.focus();
        }""")

    with serve(r.site) as base:
        for url in HOSTILE_PAGES:
            result: dict[str, Any] = {}

            def check(page: Any, out: dict[str, Any] = result) -> None:
                poke(page)
                out["pwned"] = page.evaluate("window.__pwned === undefined ? null : String(window.__pwned)")
                out["handlers"] = page.evaluate(
                    "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))")
                out["js_links"] = page.evaluate("[...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src'))"
                                                ".filter(u => /^\\s*javascript:/i.test(u))")

            v = visit(browser, base + url, width=360, action=check)
            assert v.dialogs == [], (url, v.dialogs)
            assert result["pwned"] is None, (url, result["pwned"])
            assert result["handlers"] == [], (url, result["handlers"])
            assert result["js_links"] == [], (url, result["js_links"])
            assert v.foreign(base) == [], (url, v.foreign(base))


#: The news page with a cover and two photos in its body.
PHOTOS_PAGE = "bulletins/2026/songbu-town-news-workers-games/"


def test_a_phone_gets_a_photo_for_its_width_and_the_lightbox_opens_the_large_one(browser: Any, served: str) -> None:
    """At 360 px and 3 device pixels per CSS pixel: the 1600 px variant of the cover (360 × 3 = 1080 > 960), WebP;
    tapping a body photo opens the lightbox on its large variant, and nothing comes from another host."""
    seen: dict[str, Any] = {}

    def tap(page: Any) -> None:
        seen["cover"] = page.eval_on_selector(".ub-cover img", "img => img.currentSrc")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.click("article .ub-body a.glightbox >> nth=1")
        page.wait_for_selector(".glightbox-container .gslide.current .gslide-image img", state="visible")
        seen["large"] = page.eval_on_selector(".glightbox-container .gslide.current .gslide-image img", "img => img.currentSrc || img.src")
        seen["caption"] = page.inner_text(".glightbox-container .gslide.current .gslide-title")
        seen["buttons"] = page.eval_on_selector_all(".glightbox-container .gbtn", "bs => bs.map(b => b.getAttribute('aria-label'))")

    v = visit(browser, served + PHOTOS_PAGE, width=360, height=740, action=tap, scale=3)
    assert v.foreign(served) == [] and v.missing == [] and v.errors == [], (v.foreign(served), v.missing, v.errors)
    assert seen["cover"] == served + "bulletins/2026/images/songbu-games-opening-1600.webp"
    assert seen["large"] == served + "bulletins/2026/images/songbu-games-tug-1600.webp"
    assert seen["caption"] == "首场拔河比赛中的两支代表队"
    assert sorted(seen["buttons"]) == ["上一张", "下一张", "关闭"]  # GLightbox's labels, in Chinese
    assert served + "assets/javascripts/glightbox.min.js" in v.requests
    assert not [u for u in v.requests if u.endswith(".jpg")]  # WebP, not the fallback
