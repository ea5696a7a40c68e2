"""bulletin-search in a real browser (Debian's chromium) on the example site: the search box, its
filters and messages, keyboard use, no other host, and recall measured against the site's own text."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from browser import serve
from conftest import Result

#: Query -> the bulletin that must come first (a two-word query, Latin letters and an organisation among them).
FIRST = {
    "夏送清凉": "bulletins/2021/lanwan-town-news-summer-cooling/",
    "纺织 技能比武": "bulletins/2023/lanwan-town-news-weaving-skills-contest/",
    "金秋助学 网上申请": "bulletins/2026/jiangyu-county-notice-jinqiu-2026/",
    "SMT": "bulletins/2024/dingcheng-electronics-news-smt-skills/",
    "骑手": "bulletins/2024/minglan-street-news-riders-join-union/",
    "送温暖 慰问情况": "bulletins/2022/lanwan-town-notice-songwennuan-list/",
}
#: An organisation's name: the first result is one of its bulletins.
ORGANISATION = "恒远纺织有限公司工会"

#: Queries taken from the example site's text for the recall test: union words, names, phrases, two-word queries.
RECALL = [
    "送温暖", "工资集体协商", "职工书屋", "安康杯", "金秋助学", "夏送清凉", "职代会", "农民工", "困难职工", "集体合同",
    "劳动竞赛", "技能比武", "女职工", "工会经费", "职工之家", "劳模", "欠薪", "新就业形态", "法律援助", "医疗互助",
    "岚湾镇总工会", "明澜街道", "江屿县总工会", "纺织", "骑手", "慰问", "春节 困难职工", "送温暖 慰问", "集体协商 工资",
    "换届", "篮球赛", "知识竞赛", "屋", "SMT",
]



@pytest.fixture
def page(browser: Any, served: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.requests = []  # type: ignore[attr-defined]
    p.errors = []  # type: ignore[attr-defined]
    p.on("request", lambda r: p.requests.append(r.url))  # type: ignore[attr-defined]
    p.on("pageerror", lambda e: p.errors.append(str(e)))  # type: ignore[attr-defined]
    p.goto(served, wait_until="networkidle")
    yield p
    context.close()


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into the header's box; return the shown results' addresses once the status says how many."""
    box = page.locator(".ub-search__input")
    box.fill("")
    box.click()
    box.press_sequentially(query)
    page.wait_for_function("q => (document.querySelector('.ub-search').dataset.shown || '').startsWith(q + '|')", arg=query)
    return [str(h) for h in page.eval_on_selector_all(".ub-search__result a", "as => as.map(a => a.getAttribute('href'))")]


def relative(url: str, base: str) -> str:
    return url[len(base):] if url.startswith(base) else url


@pytest.mark.parametrize("query", list(FIRST))
def test_the_expected_bulletin_comes_first(page: Any, served: str, query: str) -> None:
    found = search(page, query)
    assert found, page.inner_text(".ub-search__status")
    assert relative(found[0], served) == FIRST[query], [relative(u, served) for u in found]
    first = page.locator(".ub-search__result").first
    assert first.locator(".ub-search__title").inner_text().strip()
    meta = first.locator(".ub-search__meta").inner_text()
    assert re.search(r"工会 · 20\d\d年度 · (工作总结|工作计划|活动新闻|通知公告)$", meta), meta
    assert first.locator(".ub-search__excerpt mark, .ub-search__title mark").count() >= 1
    assert len(first.locator(".ub-search__excerpt").inner_text().strip()) >= 20  # cut from the fetched text file
    assert page.errors == []  # type: ignore[attr-defined]


def test_an_organisations_name_finds_its_bulletins_first(page: Any) -> None:
    search(page, ORGANISATION)
    metas = page.locator(".ub-search__meta").all_inner_texts()
    assert metas and metas[0].startswith("江屿恒远纺织有限公司工会 · ")


def test_a_filter_narrows_the_results(page: Any) -> None:
    search(page, "慰问")
    before = int(re.search(r"找到 (\d+) 篇", page.inner_text(".ub-search__status")).group(1))  # type: ignore[union-attr]
    page.select_option("select[data-filter=year]", "2022")
    page.wait_for_function("() => document.querySelector('.ub-search__status').textContent.includes('已按2022筛选')")
    after = int(re.search(r"找到 (\d+) 篇", page.inner_text(".ub-search__status")).group(1))  # type: ignore[union-attr]
    assert 0 < after < before
    assert all("2022年度" in m for m in page.locator(".ub-search__meta").all_inner_texts())


def test_a_query_without_a_match_says_so(page: Any) -> None:
    page.locator(".ub-search__input").click()
    page.locator(".ub-search__input").press_sequentially("火星探测")
    page.wait_for_function("() => document.querySelector('.ub-search__status').textContent.startsWith('没有找到')")
    assert page.inner_text(".ub-search__status") == "没有找到包含“火星探测”的公报。请换个说法，或减少筛选条件。"
    assert page.locator(".ub-search__result").count() == 0


def test_search_asks_only_this_site(page: Any, served: str) -> None:
    search(page, "送温暖")
    page.locator(".ub-search__more").click()
    page.wait_for_load_state("networkidle")
    asked = page.requests  # type: ignore[attr-defined]
    assert any("/pagefind/ub-packs.json" in u for u in asked) and any(re.search(r"/pagefind/text/\d+\.txt$", u) for u in asked)
    assert not [u for u in asked if u.endswith(".pf_fragment")]  # a result is shown from its own file, not its pack's fragment
    assert [u for u in asked if not u.startswith(served)] == []


def test_keyboard_slash_arrows_enter_escape(page: Any, served: str) -> None:
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "ub-search-input"
    page.keyboard.type("夏送清凉")
    page.wait_for_selector(".ub-search__result a")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.ub-search__result') !== null")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "ub-search-input"
    page.keyboard.press("Escape")
    assert page.locator(".ub-search__input").input_value() == ""
    page.keyboard.type("夏送清凉")
    page.wait_for_selector(".ub-search__result a")
    page.keyboard.press("Enter")
    page.wait_for_url(served + FIRST["夏送清凉"])


def test_the_box_is_labelled_for_screen_readers(page: Any) -> None:
    box = page.locator(".ub-search__input")
    assert box.get_attribute("aria-label") == "搜索公报"
    assert page.locator("form[role=search]").count() == 1
    assert page.locator("#ub-search-status").get_attribute("role") == "status"
    for name in ("year", "org", "type"):
        assert page.locator(f"select[data-filter={name}]").get_attribute("aria-label")


def test_on_a_360px_phone_the_button_opens_search_over_the_screen(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    p = context.new_page()
    p.goto(served, wait_until="networkidle")
    assert not p.locator(".ub-search__input").is_visible()
    p.locator(".ub-search__toggle").click()
    assert p.locator(".ub-search__input").is_visible()
    p.keyboard.type("送温暖")
    p.wait_for_selector(".ub-search__result a")
    assert p.evaluate("document.documentElement.scrollWidth") <= 360
    for box in p.locator(".ub-search__result, .ub-search__filter").all():
        b = box.bounding_box()
        assert b is not None and b["x"] >= 0 and b["x"] + b["width"] <= 360
    p.keyboard.press("Escape")
    p.keyboard.press("Escape")
    assert not p.locator(".ub-search__input").is_visible()
    context.close()


# ------------------------------------------------------------------ recall


def bulletin_texts(site: Path) -> dict[str, str]:
    """Each bulletin's words as a reader sees them: the title and the body (not the metadata, cards or links)."""
    texts = {}
    for path in (site / "bulletins").rglob("index.html"):
        page = path.read_text("utf-8")
        title = re.search(r'<article class="ub ub-bulletin">.*?<h1>(.*?)</h1>', page, re.S)
        body = re.search(r'<div class="ub-body">(.*?)</div>\s*(?:<section class="ub-attachments"|<details class="ub-share"|<nav class="ub-others"|</article>)', page, re.S)
        assert title and body, path
        words = re.sub(r"<[^>]+>", " ", title.group(1) + " " + body.group(1))
        texts[path.parent.relative_to(site).as_posix() + "/"] = re.sub(r"\s+", " ", html.unescape(words))
    return texts


def test_recall_every_bulletin_with_the_query_words_is_found(page: Any, served: str, example_site: Result) -> None:
    texts = bulletin_texts(example_site.site)
    assert len(texts) == 59
    report = []
    missed: dict[str, list[str]] = {}
    for query in RECALL:
        words = query.lower().split()
        expected = {url for url, text in texts.items() if all(w in text.lower() for w in words)}
        assert expected, f"{query} is not in the example site's text"
        urls = page.evaluate("q => window.ubSearch.find(q, {}).then(s => Promise.all(s.results.map(r => r.data())).then(ds => ds.map(d => d.meta.url)))", query)
        found = {u.lstrip("/") for u in urls}
        report.append(f"{query}\t{len(expected)}\t{len(expected & found)}\t{len(found)}")
        if expected - found:
            missed[query] = sorted(expected - found)
    (example_site.site.parent / "recall.tsv").write_text("query\texpected\tfound\tresults\n" + "\n".join(report) + "\n", "utf-8")
    assert missed == {}


# ------------------------------------------------------------------ shards

SHARDED = 12  # bulletins, one a year, each holding 送温暖, each in a shard of its own; 龙舟赛 only in the oldest


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A site whose index is cut into twelve shards (a small shard_words), newest first."""
    from conftest import ORGS, Site

    s = Site(tmp_path_factory.mktemp("sharded"))
    s.config("organisations.yml", ORGS)
    s.write("content/index.md", "---\ntitle: 首页\n---\n测试站点。\n")
    for i in range(SHARDED):
        year = 2015 + i
        extra = "端午节组织龙舟赛。" if i == 0 else ""
        s.bulletin(f"{year}/visit.md", f"{year}年春节前夕开展送温暖活动，走访慰问困难职工{i + 3}户。{extra}", title=f"石桥镇总工会{year}年春节走访",
                   date=f"{year}-01-20", org="town-a", type="news")
    r = s.build(strict=True, plugins=[{"bulletin": {}}, {"bulletin-search": {"shard_words": 45}}])
    assert not r.aborted, r.error
    shards = json.loads((r.site / "pagefind" / "ub-search.json").read_text("utf-8"))["shards"]
    assert [x["pages"] for x in shards] == [1] * SHARDED, shards
    with serve(r.site) as base:
        yield base


def _opened(browser: Any, url: str) -> tuple[Any, Any, list[str]]:
    """A fresh browser context on ``url``, and the list of every address it asks for from now on."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    asked: list[str] = []
    p.on("request", lambda r: asked.append(r.url))
    p.goto(url, wait_until="networkidle")
    return context, p, asked


def _shards_asked(asked: list[str]) -> set[int]:
    return {int(m.group(1)) for u in asked if (m := re.search(r"/pagefind/(\d+)/", u))}


def test_a_first_query_reads_only_the_newest_shards_it_needs_and_more_results_read_older_ones(browser: Any, sharded: str) -> None:
    context, p, asked = _opened(browser, sharded)
    found = [urlparse(u).path for u in search(p, "送温暖")]
    assert found == [f"/bulletins/{y}/visit/" for y in (2026, 2025, 2024, 2023, 2022)]  # one a shard, newest first
    assert _shards_asked(asked) == {1, 2, 3, 4}  # five results: the primary shard and the next four
    assert p.inner_text(".ub-search__status") == "在较新的公报中找到 5 篇公报"
    more = p.locator(".ub-search__more")
    while more.is_visible():
        before = p.locator(".ub-search__result").count()
        more.click()
        p.wait_for_function("n => document.querySelectorAll('.ub-search__result').length > n", arg=before)
    shown = p.eval_on_selector_all(".ub-search__result a", "as => as.map(a => new URL(a.href).pathname)")
    assert shown == [f"/bulletins/{2026 - i}/visit/" for i in range(SHARDED)]
    assert p.inner_text(".ub-search__status") == f"找到 {SHARDED} 篇公报"
    context.close()


def test_a_rare_word_stops_after_one_step_of_shards_and_the_reader_asks_for_earlier_years(browser: Any, sharded: str) -> None:
    """A word only the oldest bulletin holds: the first step reads the primary shard and six more, finds nothing there,
    says so and offers to search earlier years; the reader's click finds it."""
    context, p, asked = _opened(browser, sharded)
    p.locator(".ub-search__input").click()
    p.locator(".ub-search__input").press_sequentially("龙舟赛")
    p.wait_for_function("() => (document.querySelector('.ub-search').dataset.shown || '').startsWith('龙舟赛|')")
    assert p.inner_text(".ub-search__status") == "较新的公报中没有找到，可以查找更早的公报。"
    assert _shards_asked(asked) == {1, 2, 3, 4, 5, 6}
    more = p.locator(".ub-search__more")
    assert more.is_visible() and more.inner_text() == "查找更早的公报"
    more.click()
    p.wait_for_selector(".ub-search__result a")
    assert p.eval_on_selector_all(".ub-search__result a", "as => as.map(a => new URL(a.href).pathname)") == ["/bulletins/2015/visit/"]
    assert p.inner_text(".ub-search__status") == "找到 1 篇公报"
    context.close()


def test_the_test_hook_and_a_year_filter_search_every_shard_that_can_hold_the_year(browser: Any, sharded: str) -> None:
    context, p, asked = _opened(browser, sharded)
    urls = p.evaluate("q => window.ubSearch.find(q, {year: '2016'}).then(s => Promise.all(s.results.map(r => r.data())).then(ds => ds.map(d => d.meta.url)))", "送温暖")
    assert urls == ["/bulletins/2016/visit/"]
    assert _shards_asked(asked) == {10}
    every = p.evaluate("q => window.ubSearch.find(q, {}).then(s => s.results.length)", "慰问困难职工")
    assert every == SHARDED
    context.close()


# ------------------------------------------------------------------ packs


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Four bulletins of one organisation, indexed as one Pagefind page (a pack), each word in some of them."""
    from conftest import ORGS, Site

    s = Site(tmp_path_factory.mktemp("packed"))
    s.config("organisations.yml", ORGS)
    s.write("content/index.md", "---\ntitle: 首页\n---\n测试站点。\n")
    s.bulletin("2023/boat.md", "端午节组织职工开展龙舟赛。", title="石桥镇总工会端午节活动", date="2023-06-20", org="town-a", type="news")
    s.bulletin("2023/ball.md", "职工篮球赛即日起报名。", title="石桥镇总工会关于篮球赛报名的通知", date="2023-05-10", org="town-a", type="notice")
    s.bulletin("2022/race.md", "春节前组织职工开展划船比赛。", title="石桥镇总工会举办龙舟赛", date="2022-01-20", org="town-a", type="news")
    s.bulletin("2022/plan.md", "全年组织篮球赛和知识竞赛。", title="石桥镇总工会2022年工作计划", date="2022-02-01", year=2022, org="town-a", type="plan")
    r = s.build(strict=True, plugins=[{"bulletin": {}}, {"bulletin-search": {}}])
    assert not r.aborted, r.error
    packs = json.loads((r.site / "pagefind" / "ub-packs.json").read_text("utf-8"))
    assert [len(members) for members in packs["pages"].values()] == [4], packs  # the four are one page
    with serve(r.site) as base:
        yield base


def _found(browser: Any, base: str, query: str, year: str = "", kind: str = "") -> tuple[list[str], str]:
    """The results' addresses and the status line for ``query``, then with the year or type chosen."""
    context, p, _ = _opened(browser, base)
    try:
        found = search(p, query)
        if year or kind:
            p.evaluate("() => { delete document.querySelector('.ub-search').dataset.shown; }")  # set again once the filtered results show
            if year:
                p.select_option("select[data-filter=year]", year)
            if kind:
                p.select_option("select[data-filter=type]", kind)
            p.wait_for_function("() => document.querySelector('.ub-search__status').textContent.includes('已按')")
            p.wait_for_function("q => (document.querySelector('.ub-search').dataset.shown || '').startsWith(q + '|')", arg=query)
            found = [str(h) for h in p.eval_on_selector_all(".ub-search__result a", "as => as.map(a => a.getAttribute('href'))")]
        return [urlparse(u).path for u in found], p.inner_text(".ub-search__status")
    finally:
        context.close()


def test_a_packs_bulletin_is_found_only_if_it_holds_every_word_itself(browser: Any, packed: str) -> None:
    """The pack holds 龙舟赛 and 知识竞赛, but no one bulletin holds both."""
    assert _found(browser, packed, "龙舟赛 知识竞赛") == ([], "没有找到包含“龙舟赛 知识竞赛”的公报。请换个说法，或减少筛选条件。")
    found, status = _found(browser, packed, "龙舟赛")
    assert found == ["/bulletins/2022/race/", "/bulletins/2023/boat/"]  # the title's word ranks first, though older and later in the pack
    assert status == "找到 2 篇公报"  # bulletins, not pages


def test_filters_apply_to_each_bulletin_of_a_pack_not_to_the_pack(browser: Any, packed: str) -> None:
    """The pack's filter values are all its bulletins' (Pagefind filters pages): each bulletin is checked again."""
    assert _found(browser, packed, "篮球赛", year="2022") == (["/bulletins/2022/plan/"], "找到 1 篇公报（已按2022筛选）")
    assert _found(browser, packed, "龙舟赛", kind="通知公告")[0] == []  # the notice is in the pack, but without 龙舟赛
