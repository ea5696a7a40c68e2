"""Every reader can read it, checked in a real browser (Debian's chromium) on the example site:
axe-core finds nothing serious or critical on any page type, in light, dark and large-text modes, at
360 and 1280 px; no page scrolls sideways at 360 px in large-text mode or at the browser's 200 % text
size; the 大字 switch is remembered; printed pages carry their provenance; the compiled report holds
every summary and plan of its year, each on a page of its own."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser import axe, serious
from test_browser import PAGE_TYPES

PAGES = {**PAGE_TYPES, "report": "years/2024/print/"}
MODES = ("light", "dark", "large")
TOPIC = "assistance"
WIDE_PAGE = "bulletins/2024/jiangyu-county-summary/"  # the longest bulletin: prints on several sheets
SHARE_PAGE = "bulletins/2024/lanwan-town-news-wuyi-basketball/"



def open_page(browser: Any, url: str, width: int, mode: str = "light", text_size: int = 0) -> tuple[Any, Any]:
    """A fresh context in ``mode`` (light, dark: the system setting; large: 大字 chosen before), the page loaded.

    ``text_size``: the browser's default font size in px (16 is 100 %), as a reader sets it in the browser's settings.
    """
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="dark" if mode == "dark" else "light",
                                  service_workers="block")
    if mode == "large":
        context.add_init_script("try { localStorage.setItem('ub-large', '1') } catch (e) {}")
    page = context.new_page()
    if text_size:
        cdp = context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": text_size, "fixed": text_size}})
    page.goto(url, wait_until="load")  # our script and the theme's run before "load"; search loads on first use only
    return context, page


def check_mode(page: Any, mode: str) -> None:
    """The mode is really on, so that a test of it cannot pass by testing the light page again."""
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    large = page.evaluate("document.documentElement.classList.contains('ub-large')")
    root = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert scheme == ("slate" if mode == "dark" else "default")
    assert large == (mode == "large")
    if mode == "large":
        assert root >= 1.25 * 20  # Material's base is 125 % of 16 px


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_nothing_serious(browser: Any, served: str, kind: str, mode: str, width: int) -> None:
    context, page = open_page(browser, served + PAGES[kind].format(topic=TOPIC), width, mode)
    try:
        check_mode(page, mode)
        found = serious(axe(page))
    finally:
        context.close()
    assert found == [], [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in found]


def overflow(page: Any) -> dict[str, Any]:
    """How far the page reaches sideways, and the elements that stick out to the right."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const out = [...document.querySelectorAll('body *')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
            .filter(e => !e.closest('[hidden], .md-sidebar, .md-search, .ub-search__panel'))
            .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right));
        return {scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth, width, out};
    }""")


@pytest.mark.parametrize("setting", ["large", "text200"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_sideways_scroll_at_360_with_large_text(browser: Any, served: str, kind: str, setting: str) -> None:
    mode, size = ("large", 0) if setting == "large" else ("light", 32)
    context, page = open_page(browser, served + PAGES[kind].format(topic=TOPIC), 360, mode, size)
    try:
        root = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
        assert root == (25 if setting == "large" else 40)
        o = overflow(page)
    finally:
        context.close()
    assert o["scroll"] <= 360 and o["body"] <= 360 and o["out"] == [], o


def test_chart_labels_and_header_grow_with_the_text(browser: Any, served: str) -> None:
    sizes = {}
    for mode in ("light", "large"):
        context, page = open_page(browser, served + "orgs/lanwan-town/", 360, mode)
        try:
            sizes[mode] = page.evaluate("""() => Object.fromEntries(['.ub-bar__year', '.ub-bar__value', '.ub-chart figcaption', '.ub-card__change',
                '.ub-meta dd', '.md-header__topic .md-ellipsis']
                .map(s => [s, parseFloat(getComputedStyle(document.querySelector(s) || document.body).fontSize)]))""")
            title = page.evaluate("""() => { const e = document.querySelector('.md-header__topic .md-ellipsis');
                const half = parseFloat(getComputedStyle(e).lineHeight) / 2;  // rounding of the line box is not a cut line
                return {text: e.textContent.trim(), cut: e.scrollHeight > e.clientHeight + half || e.scrollWidth > e.clientWidth + 1}; }""")
            meta = page.evaluate("getComputedStyle(document.querySelector('.ub-meta dd')).width")
        finally:
            context.close()
        assert title == {"text": "江屿县工会公报", "cut": False}, (mode, title)  # the site's name, whole, not "江…"
        assert float(meta.rstrip("px")) >= 200, (mode, meta)  # the metadata values keep a usable width
    for selector in (".ub-bar__year", ".ub-bar__value", ".ub-chart figcaption", ".ub-meta dd"):
        assert sizes["large"][selector] >= 1.25 * sizes["light"][selector], (selector, sizes)
    assert sizes["light"][".ub-bar__year"] >= 14  # no 12 px chart labels


def test_large_text_switch_is_remembered_without_a_flash(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, service_workers="block")
    # Record whether the page was large when its body first appeared (before anything was painted).
    context.add_init_script("""new MutationObserver((_, o) => { if (document.body) {
        window.__ubAtBody = document.documentElement.classList.contains('ub-large'); o.disconnect(); } })
        .observe(document, {childList: true, subtree: true});""")
    try:
        page = context.new_page()
        page.goto(served, wait_until="networkidle")
        button = page.get_by_role("button", name=re.compile("大字"))
        assert button.count() == 1 and button.is_visible()
        assert button.evaluate("b => b.closest('.md-header') !== null")  # in the header
        assert button.get_attribute("aria-pressed") == "false" and page.evaluate("window.__ubAtBody") is False
        button.click()
        assert page.evaluate("document.documentElement.classList.contains('ub-large')")
        assert button.get_attribute("aria-pressed") == "true"
        page.goto(served + "years/2024/", wait_until="networkidle")  # another page
        assert page.evaluate("window.__ubAtBody") is True
        assert page.get_by_role("button", name=re.compile("大字")).get_attribute("aria-pressed") == "true"
        again = context.new_page()  # a later visit: a new tab of the same browser profile
        again.goto(served + "orgs/", wait_until="networkidle")
        assert again.evaluate("window.__ubAtBody") is True
        again.get_by_role("button", name=re.compile("大字")).click()
        again.reload(wait_until="networkidle")
        assert again.evaluate("window.__ubAtBody") is False
    finally:
        context.close()


def test_dark_mode_follows_the_system_and_has_a_toggle(browser: Any, served: str) -> None:
    context, page = open_page(browser, served + "years/2024/", 1280, "dark")
    try:
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        card = page.evaluate("getComputedStyle(document.querySelector('.ub-card')).backgroundColor")
        assert background == card and _dark(background)
        page.locator("label[for^='__palette_']:visible").click()  # the toggle: follow the system → light
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
        assert not _dark(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    finally:
        context.close()


def _dark(rgb: str) -> bool:
    r, g, b = (int(x) for x in re.findall(r"\d+", rgb)[:3])
    return r + g + b < 3 * 80


def pdf_text(pdf: bytes, tmp_path: Path, first: int = 0, last: int = 0) -> list[str]:
    """pdftotext (poppler-utils, installed by .ci/run) of each page."""
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout).group(1))  # type: ignore[union-attr]
    out = []
    for n in range(first or 1, (last or pages) + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
        out.append(text)
    return out


def today() -> str:
    d = dt.date.today()
    return f"{d.year}年{d.month}月{d.day}日"


def test_every_printed_page_says_where_it_comes_from(browser: Any, served: str, tmp_path: Path) -> None:
    context, page = open_page(browser, served + WIDE_PAGE, 1280)
    try:
        assert page.get_by_role("button", name="打印本页").is_visible()
        pages = pdf_text(page.pdf(format="A4"), tmp_path)
    finally:
        context.close()
    assert len(pages) >= 2
    address = "https://bulletin.example.org/" + WIDE_PAGE  # the public address (site_url), though read from a local server
    for text in pages:
        flat = re.sub(r"\s+", "", text)
        assert "江屿县工会公报" in flat and "江屿县总工会" in flat and address in flat and f"打印日期：{today()}" in flat, text
    first = re.sub(r"\s+", "", pages[0])
    assert f"本页网址：{address}" in first and "发布单位：江屿县总工会" in first
    # links print their address, the public one
    assert "江屿县总工会（https://bulletin.example.org/orgs/jiangyu-county/）" in first
    assert "打印本页" not in first and "大字" not in first
    # the 分享 block prints open (its QR code scans, see below), without the control itself
    last = re.sub(r"\s+", "", pages[-1])
    assert "用微信“扫一扫”扫描二维码，在手机上打开本篇。" in last and f"本篇网址：{address}" in last and "分享" not in last


def scan(png: bytes) -> list[str]:
    """What a phone reads from the QR codes in a picture (zxing-cpp, the library behind many scanner apps)."""
    import zxingcpp
    from PIL import Image

    return [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))]


def test_printed_bulletin_carries_a_qr_code_of_its_address(browser: Any, served: str, tmp_path: Path) -> None:
    context, page = open_page(browser, served + SHARE_PAGE, 1280)
    try:
        pdf = tmp_path / "page.pdf"
        pdf.write_bytes(page.pdf(format="A4"))
    finally:
        context.close()
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "sheet")], check=True)  # every sheet as a picture
    codes = [code for sheet in sorted(tmp_path.glob("sheet*.png")) for code in scan(sheet.read_bytes())]
    assert codes == ["https://bulletin.example.org/" + SHARE_PAGE]  # once, on paper, though the 分享 control was never opened


@pytest.mark.parametrize("mode", MODES)
def test_share_opens_a_qr_code_that_scans_to_the_address(browser: Any, served: str, mode: str) -> None:
    context, page = open_page(browser, served + SHARE_PAGE, 360, mode)
    try:
        check_mode(page, mode)
        qr = page.locator(".ub-share__qr")
        assert not qr.is_visible()  # closed until the reader asks
        page.locator(".ub-share > summary").click()
        assert qr.is_visible()
        box = qr.bounding_box()
        assert box["width"] >= 120 and abs(box["width"] - box["height"]) < 1 and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # black on white in every mode: the code scans from the screen
        png = qr.screenshot()
        assert scan(png) == ["https://bulletin.example.org/" + SHARE_PAGE]
        from PIL import Image

        corner = Image.open(io.BytesIO(png)).convert("RGB").getpixel((2, 2))  # the quiet zone around the code
        assert corner == (255, 255, 255), corner
        assert serious(axe(page)) == [], serious(axe(page))
    finally:
        context.close()


def report_titles(year: int) -> list[str]:
    """The titles of the example site's summaries and plans of ``year``, read from their front matter."""
    titles = []
    for path in sorted((Path(__file__).resolve().parent.parent / "content" / "bulletins").rglob("*.md")):
        front = yaml.safe_load(path.read_text("utf-8").split("---")[1])
        if front.get("type") in ("summary", "plan") and front.get("year") == year and not front.get("draft"):
            titles.append(front["title"])
    return titles


def test_compiled_report_holds_every_summary_and_plan_each_on_its_own_page(browser: Any, served: str, tmp_path: Path) -> None:
    titles = report_titles(2024)
    assert len(titles) >= 8
    context, page = open_page(browser, served + "years/2024/", 1280)
    try:
        page.get_by_role("link", name=re.compile("合订本")).click()
        page.wait_for_load_state("networkidle")
        assert page.url == served + "years/2024/print/"
        pages = pdf_text(page.pdf(format="A4"), tmp_path)
    finally:
        context.close()
    flat = [re.sub(r"\s+", "", p) for p in pages]
    assert "2024年度公报合订本" in flat[0] and "江屿县总工会" in flat[0]  # the cover
    assert "目录" in flat[1] and all(t in flat[1] for t in titles[:5])  # the table of contents
    stats = next(i for i, p in enumerate(flat) if "年度统计" in p and i > 1)
    assert "新发展会员" in flat[stats]
    starts = []
    for title in titles:
        # each bulletin starts a new sheet: its title is on a page whose body begins with its type and title
        where = [i for i, p in enumerate(flat) if i > 1 and re.search(r"(工作总结|工作计划)" + re.escape(title), p)]
        assert where, title
        starts.append(where[0])
    assert len(set(starts)) == len(titles) and min(starts) > stats


def test_search_field_shows_the_query_at_200_percent_text(browser: Any, served: str) -> None:
    context, page = open_page(browser, served + "years/", 360, "light", 32)
    try:
        page.get_by_role("button", name="搜索公报").click()
        page.keyboard.type("送温暖困难职工")
        room = page.evaluate("""() => { const i = document.querySelector('.ub-search__input'); const s = getComputedStyle(i);
            return (i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)) / parseFloat(s.fontSize); }""")
        o = overflow(page)
    finally:
        context.close()
    assert room >= 8, room  # characters that fit in the field (it showed one and a half)
    assert o["scroll"] <= 360, o


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("mode", MODES)
def test_search_results_pass_axe_in_every_mode(browser: Any, served: str, mode: str, width: int) -> None:
    context, page = open_page(browser, served + "years/", width, mode)
    try:
        check_mode(page, mode)
        if width == 360:
            page.get_by_role("button", name="搜索公报").click()  # on a phone a button opens the search
        else:
            page.locator(".ub-search__input").click()
        page.keyboard.type("送温暖")
        page.wait_for_selector(".ub-search mark", timeout=15000)  # results shown, the query's words marked
        found = serious(axe(page))
    finally:
        context.close()
    assert found == [], [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in found]
