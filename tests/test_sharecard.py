"""Share cards (render/sharecard.py): a 1200×630 PNG per bulletin, year page and organisation page, named by
og:image; drawn in real Chinese glyphs, not the font's empty box; kept on disk so that an unchanged rebuild
draws none; one warning and no cards without a Chinese font; a ``font`` option that names no Chinese font
stops the build with a message that says so."""

from __future__ import annotations

import logging
import re
import shutil
import stat
import subprocess
import threading
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFont

from conftest import Result, Site, serving
from test_share import THEME, head, shared
from union_bulletin.render import sharecard as sc

SITE_URL = "https://example.org/gonghui/"
LOGO = SITE_URL + "logo.svg"
TITLE = "石桥镇总工会2023年工作总结"
SIZE = (sc.WIDTH, sc.HEIGHT)


def build(site: Site, strict: bool = True, **plugin: object) -> Result:
    return site.build(strict=strict, site_url=SITE_URL, theme=THEME, plugins=[{"bulletin": plugin}])


def card_file(r: Result, url: str) -> Path:
    """The file og:image of the page at ``url`` names (it must be one of ours, below site_url)."""
    image = head(r.html(url)).meta["og:image"]
    assert image.startswith(SITE_URL), image
    return r.site / image[len(SITE_URL):]


def cards(r: Result) -> dict[str, int]:
    """Every published card, by path, with its modification time."""
    return {p.relative_to(r.site).as_posix(): p.stat().st_mtime_ns for p in sorted((r.site / "cards").rglob("*.png"))}


def test_bulletin_year_and_organisation_pages_name_a_1200_by_630_card(site: Site) -> None:
    shared(site)
    r = build(site)
    assert not r.aborted, r.errors
    expected = {
        "bulletins/2023/town-a-summary/": "cards/bulletins/2023/town-a-summary.png",
        "bulletins/2024/county-news/": "cards/bulletins/2024/county-news.png",  # a card, not its cover
        "years/2023/": "cards/years/2023.png",
        "orgs/town-a/": "cards/orgs/town-a.png",
        "orgs/county/": "cards/orgs/county.png",
    }
    for url, path in expected.items():
        meta = head(r.html(url)).meta
        assert meta["og:image"] == SITE_URL + path, url
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630"), url
        with Image.open(card_file(r, url)) as img:
            assert (img.format, img.size, img.mode) == ("PNG", SIZE, "RGB"), url
    # what a card shows, in words: title, organisation · year, the figures as the page's cards word them
    assert head(r.html("bulletins/2023/town-a-summary/")).meta["og:image:alt"] == (
        "石桥镇总工会2023年工作总结。石桥镇总工会，2023年。新发展会员376名，签订集体合同83份，帮扶慰问资金48.63万元，倡议书发放10,000份")
    assert head(r.html("years/2023/")).meta["og:image:alt"] == (
        "2023年度公报。江屿县总工会，2023年，公报4篇。新发展会员500名，签订集体合同83份，帮扶慰问资金61.8万元")
    assert head(r.html("orgs/town-a/")).meta["og:image:alt"] == (
        "石桥镇总工会。镇工会，2022–2024年，公报4篇。2023年的数字：新发展会员376名，签订集体合同83份，帮扶慰问资金48.63万元")
    # each figure as the page's own statistic cards show it (the bulletin: its first four, in order)
    shown = {url: page_cards(r.html(url)) for url in ("bulletins/2023/town-a-summary/", "years/2023/", "orgs/town-a/", "bulletins/2023/town-a-news/")}
    assert shown["bulletins/2023/town-a-summary/"][:4] == alt_figures(r, "bulletins/2023/town-a-summary/")
    assert set(alt_figures(r, "years/2023/")) <= set(shown["years/2023/"])
    assert alt_figures(r, "bulletins/2023/town-a-news/") == shown["bulletins/2023/town-a-news/"]
    # the other pages keep the logo, with no size
    for url in ("", "years/", "orgs/", "topics/rights/", "years/2023/print/", "about/"):
        meta = head(r.html(url)).meta
        assert meta["og:image"] == LOGO and "og:image:width" not in meta, url
    published = cards(r)
    assert len(published) == 7 + 3 + 3  # bulletins, years, organisations
    assert all((r.site / p).stat().st_mode & stat.S_IROTH for p in published)  # a web server running as another user reads them
    assert f"分享卡片 {len(published)} 张：新绘制 {len(published)} 张，沿用上次的 0 张" in r.infos


def page_cards(html: str) -> list[str]:
    """A page's statistic cards as they read: label, number, unit (帮扶慰问资金48.63万元)."""
    found = re.findall(r'<dt class="ub-card__label">(.*?)</dt>\s*<dd class="ub-card__value"[^>]*><span class="ub-card__number">(.*?)</span>'
                       r'<span class="ub-card__unit">(.*?)</span>', html)
    return [unescape("".join(parts)) for parts in found]


def alt_figures(r: Result, url: str) -> list[str]:
    """The figures a page's card shows, from its og:image:alt (the part after the last 。, after a caption's ：)."""
    return head(r.html(url)).meta["og:image:alt"].rsplit("。", 1)[-1].rsplit("：", 1)[-1].split("，")


# -- real glyphs ------------------------------------------------------------------------------------------


def tofu(fonts: sc.Fonts, card: sc.ShareCard, picture: Image.Image) -> bool:
    """True when the title area of ``picture`` (the card as published) looks like the same card with every Chinese
    character of the title replaced by one the font lacks: that is, they were drawn as the font's empty box."""
    box = sc.layout(card, fonts).title_box
    boxes = sc.draw(replace(card, title="".join(ch if ch.isascii() else sc.MISSING for ch in card.title)), fonts).crop(box)
    return ImageChops.difference(picture.convert("RGB").crop(box), boxes).getbbox() is None


def title_card(title: str = TITLE) -> sc.ShareCard:
    return sc.ShareCard("cards/x.png", "工作总结", title, "石桥镇总工会 · 2023年", (), "测试公报")


def test_the_published_title_is_drawn_in_real_chinese_glyphs(site: Site) -> None:
    shared(site)
    r = build(site)
    fonts = sc.find_fonts(None, site.root)  # what the build found
    assert fonts is not None
    title_font = fonts.bold.load(sc.layout(title_card(), fonts).title_size)
    # every character of the title has a glyph of its own: not the empty box the font draws for what it lacks
    assert list(sc.iter_tofu(title_font, TITLE)) == []
    # and the card as published: its title area is not a row of empty boxes, and holds dark ink
    with Image.open(r.site / "cards/bulletins/2023/town-a-summary.png") as img:
        assert not tofu(fonts, title_card(), img)
        ink = img.convert("L").crop(sc.layout(title_card(), fonts).title_box).getextrema()
        assert ink[0] < 60, ink


def latin_font() -> sc.FontFile:
    """A font of this system that has Latin letters but no Han (DejaVu, Liberation…), as fontconfig lists them."""
    out = subprocess.run(["fc-list", "-f", "%{file}|%{index}\n", ":lang=en"], capture_output=True, text=True, check=True).stdout
    for line in sorted(out.splitlines()):
        path, _, index = line.rpartition("|")
        face = sc.FontFile(path, int(index))
        if path.endswith((".ttf", ".otf")) and not sc.covers_han(face):
            return face
    raise AssertionError("no Latin-only font on this system to check the check with")


def test_the_glyph_check_fails_for_a_font_without_han() -> None:
    # The checks above, with a Latin font: each title character is its empty box, and so is the card's title.
    latin = latin_font()
    fonts = sc.Fonts(latin, latin)
    title_font = fonts.bold.load(sc.layout(title_card(), fonts).title_size)
    assert set(sc.iter_tofu(title_font, TITLE)) == set("石桥镇总工会年工作总结")
    assert tofu(fonts, title_card(), sc.draw(title_card(), fonts))
    assert sc.is_tofu(ImageFont.load_default(40), "会")  # Pillow's own font has no Han either


# -- the cache -----------------------------------------------------------------------------------------


def test_an_unchanged_rebuild_draws_no_card_and_an_edit_redraws_only_the_cards_that_show_it(site: Site) -> None:
    shared(site)
    first = build(site)
    before = cards(first)
    n = len(before)
    cached = {p.name: p.stat().st_mtime_ns for p in (site.root / ".cache/union-bulletin/cards").iterdir()}
    assert len(cached) == n

    again = build(site)
    assert f"分享卡片 {n} 张：新绘制 0 张，沿用上次的 {n} 张" in again.infos
    assert cards(again) == before  # the same files, not one written anew
    assert {p.name: p.stat().st_mtime_ns for p in (site.root / ".cache/union-bulletin/cards").iterdir()} == cached

    # A new title: only that bulletin's card (no other card shows a bulletin's title).
    path = site.root / "content/bulletins/2023/town-a-news.md"
    path.write_text(path.read_text(encoding="utf-8").replace("石桥镇举办五一职工篮球赛", "石桥镇举办五一职工篮球赛决赛"), encoding="utf-8")
    edited = build(site)
    assert f"分享卡片 {n} 张：新绘制 1 张，沿用上次的 {n - 1} 张" in edited.infos
    after = cards(edited)
    assert sorted(k for k in before if after[k] != before[k]) == ["cards/bulletins/2023/town-a-news.png"]

    # A summary's figure: its card, its year's and its organisation's, which show the figure.
    path = site.root / "content/bulletins/2023/town-a-summary.md"
    path.write_text(path.read_text(encoding="utf-8").replace("new_members: 376", "new_members: 377"), encoding="utf-8")
    figures = build(site)
    assert f"分享卡片 {n} 张：新绘制 3 张，沿用上次的 {n - 3} 张" in figures.infos
    changed = sorted(k for k, t in cards(figures).items() if t != after[k])
    assert changed == ["cards/bulletins/2023/town-a-summary.png", "cards/orgs/town-a.png", "cards/years/2023.png"]
    # the cache keeps what the site shows, no more
    assert len(list((site.root / ".cache/union-bulletin/cards").iterdir())) == n


def test_a_card_is_placed_in_the_site_as_a_link_to_the_kept_file_or_else_as_a_copy(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link copies nothing and makes no inode (every preview rebuild puts every card into an emptied folder);
    where the file system refuses one, a copy with the kept file's time."""
    shared(site)
    r = build(site)
    kept = {p.read_bytes(): p for p in (site.root / ".cache/union-bulletin/cards").iterdir()}
    published = sorted((r.site / "cards").rglob("*.png"))
    assert published and all(p.samefile(kept[p.read_bytes()]) for p in published)

    def refuse(*args: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr("os.link", refuse)
    r = build(site)
    published = sorted((r.site / "cards").rglob("*.png"))
    assert published and not any(p.samefile(kept[p.read_bytes()]) for p in published)
    assert all(p.stat().st_mtime_ns == kept[p.read_bytes()].stat().st_mtime_ns for p in published)


def test_a_preview_reuses_the_cards_and_redraws_the_edited_one(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    shared(site)
    n = len(cards(build(site)))  # writes mkdocs.yml, draws every card
    path = site.root / "content/bulletins/2023/town-a-news.md"
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"), serving(site.root) as rebuild:
        rebuild()
        rebuild()  # the bulletin pages are kept now, not rendered; their og:image still names a card
        path.write_text(path.read_text(encoding="utf-8").replace("石桥镇举办五一职工篮球赛", "石桥镇举办职工篮球赛"), encoding="utf-8")
        rebuild()
    lines = [r.getMessage() for r in caplog.records if "分享卡片" in r.getMessage()]
    assert lines == [f"union_bulletin: 分享卡片 {n} 张：新绘制 0 张，沿用上次的 {n} 张"] * 2 + [
        f"union_bulletin: 分享卡片 {n} 张：新绘制 1 张，沿用上次的 {n - 1} 张"]
    for url in ("bulletins/2023/town-a-summary/", "bulletins/2023/town-a-news/"):
        html = (site.root / "site" / url / "index.html").read_text(encoding="utf-8")
        image = head(html).meta["og:image"]
        assert (site.root / "site" / image[len(SITE_URL):]).is_file(), url


def test_a_preview_serves_its_pages_before_the_cards_are_drawn_and_a_newer_round_places_them(
        site: Site, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first preview of a large site would draw every card before serving a page: the cards follow in a thread.
    A rebuild meanwhile makes that round give way; the newer round draws what is still missing and places every card."""
    shared(site)
    build(site)  # writes mkdocs.yml
    shutil.rmtree(site.root / ".cache/union-bulletin/cards")  # so that the preview has every card to draw
    release = threading.Event()
    drawing = sc.png

    def held(c: sc.ShareCard, fonts: sc.Fonts) -> bytes:
        assert release.wait(60)
        return drawing(c, fonts)

    monkeypatch.setattr(sc, "png", held)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"), serving(site.root, wait_cards=False) as rebuild:
        first = rebuild().plugins["bulletin"]
        page = site.root / "site/bulletins/2023/town-a-news/index.html"
        assert page.is_file() and not (site.root / "site/cards").exists()  # the page is served; no card is drawn yet
        older = first.card_worker
        second = rebuild().plugins["bulletin"]
        assert second is first and second.card_worker is not older
        release.set()
        older.join()
        second.card_worker.join()
        n = len(list((site.root / ".cache/union-bulletin/cards").iterdir()))
        lines = [r.getMessage() for r in caplog.records if "分享卡片" in r.getMessage()]
        assert len(lines) == 1 and lines[0].startswith(f"union_bulletin: 分享卡片 {n} 张")  # the older round placed nothing
        html = page.read_text(encoding="utf-8")
        assert (site.root / "site" / head(html).meta["og:image"][len(SITE_URL):]).is_file()
        assert len(list((site.root / "site/cards").rglob("*.png"))) == n


def test_a_character_the_font_lacks_is_named(site: Site) -> None:
    shared(site)
    site.bulletin("2024/rare.md", title="表彰劳模\U00030000师傅", date="2024-05-01", org="town-b", type="news")  # U+30000: CJK extension G
    r = build(site)
    assert not r.aborted, r.errors  # valid text: a strict build passes
    assert r.infos[-1] == ("bulletins/2024/rare/: 分享卡片: 发现 字体里没有的字「\U00030000」（卡片上画成空框），应为 字体能画出的字"
                           "（可用 bulletin 插件的 font 指定字形更全的中文字体）")
    assert (r.site / "cards/bulletins/2024/rare.png").is_file()
    assert sum("字体里没有的字" in line for line in r.infos) == 1
    assert sum("字体里没有的字" in line for line in build(site).infos) == 1  # said again when the card is reused


def test_a_cache_that_cannot_be_written_costs_time_not_cards(site: Site) -> None:
    shared(site)
    site.write(".cache/union-bulletin/cards", "a file where the cache folder should be\n")
    r = build(site)
    assert not r.aborted, r.errors
    n = len(cards(r))
    assert n == 13 and r.infos[-2:] == [
        f"分享卡片 {n} 张：新绘制 {n} 张，沿用上次的 0 张",
        ".cache/union-bulletin/cards: 发现 无法写入（系统提示：File exists），应为 可写的文件夹（分享卡片照常发布，但下次构建要重新绘制）",
    ]
    with Image.open(card_file(r, "years/2023/")) as img:
        assert img.size == SIZE


# -- no font, a bad font -------------------------------------------------------------------------------


NO_FONT = (
    "mkdocs.yml: plugins → bulletin → font: 发现 未设置，系统中也没有 fontconfig 能找到的、含汉字字形的简体中文字体，"
    "应为 中文字体文件的路径，或在系统中安装中文字体（如 Debian 的 fonts-noto-cjk）"
    "（本次不生成分享卡片，分享链接时显示封面或站点标志；不需要分享卡片时请写 share_cards: false）"
)


@pytest.mark.parametrize("how", ["empty-fontconfig", "no-fontconfig"])
def test_without_a_chinese_font_one_warning_and_no_cards(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    shared(site)
    if how == "empty-fontconfig":  # fontconfig knows no font at all
        conf = tmp_path / "fonts.conf"
        conf.write_text(f"<?xml version='1.0'?>\n<fontconfig><dir>{tmp_path / 'none'}</dir><cachedir>{tmp_path / 'fc'}</cachedir></fontconfig>\n")
        monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    else:  # no fc-match, no fc-list (Windows, a bare container)
        monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    r = build(site, strict=False)
    assert not r.aborted, r.errors
    assert r.warnings == [NO_FONT]
    assert not (r.site / "cards").exists() and not (site.root / ".cache/union-bulletin/cards").exists()
    cover = head(r.html("bulletins/2024/county-news/")).meta["og:image"]  # its cover as published: the largest JPEG variant
    assert re.fullmatch(re.escape(SITE_URL) + r"bulletins/2024/cover-\d+\.jpg", cover), cover
    assert (r.site / cover.removeprefix(SITE_URL)).is_file()
    for url in ("bulletins/2023/town-a-summary/", "years/2023/", "orgs/town-a/"):
        meta = head(r.html(url)).meta
        assert meta["og:image"] == LOGO and "og:image:width" not in meta, url
    assert not any(line.startswith("分享卡片") for line in r.infos)
    # A strict build fails on it, as on any warning: see the README (share cards) for why.
    strict = build(site)
    assert strict.aborted and strict.warnings == [NO_FONT]
    # Saying so is enough: no warning, no cards.
    off = build(site, share_cards=False)
    assert not off.aborted and off.warnings == [] and not (off.site / "cards").exists()


def test_a_font_option_that_names_no_chinese_font_stops_the_build(site: Site) -> None:
    shared(site)
    expected = "含汉字字形的字体文件（.ttf、.otf 或 .ttc）的路径，相对于 mkdocs.yml"
    r = build(site, font="fonts/missing.ttf")
    assert r.aborted and r.errors == [f"mkdocs.yml: plugins → bulletin → font: 发现 fonts/missing.ttf（没有这个文件），应为 {expected}"]
    site.write("fonts/readme.ttf", "这不是字体文件。\n")
    r = build(site, font="fonts/readme.ttf")
    assert r.aborted and r.errors == [f"mkdocs.yml: plugins → bulletin → font: 发现 fonts/readme.ttf（不是字体文件），应为 {expected}"]
    site.write("fonts/latin.ttf", Path(latin_font().path).read_bytes())
    r = build(site, font="fonts/latin.ttf")
    assert r.aborted and r.errors == [f"mkdocs.yml: plugins → bulletin → font: 发现 fonts/latin.ttf（字体里没有汉字，中文会画成空框），应为 {expected}"]
    # even without site_url (there would be no card): the option is wrong either way
    r = site.build(strict=True, theme=THEME, plugins=[{"bulletin": {"font": "fonts/missing.ttf"}}])
    assert r.aborted


def test_a_font_option_that_names_a_chinese_font_is_used_and_a_new_font_redraws_every_card(site: Site) -> None:
    shared(site)
    n = len(cards(build(site)))  # in the system's font
    system = sc.system_fonts()
    assert system is not None
    (site.root / "fonts").mkdir()
    (site.root / "fonts/cjk.ttc").symlink_to(system.regular.path)
    r = build(site, font="fonts/cjk.ttc")
    assert not r.aborted, r.errors
    assert f"分享卡片 {n} 张：新绘制 {n} 张，沿用上次的 0 张" in r.infos  # the font is part of what a card is kept by
    chosen = sc.find_fonts("fonts/cjk.ttc", site.root)
    assert chosen is not None and chosen.regular.index == system.regular.index  # in a collection, the simplified Chinese face
    with Image.open(r.site / "cards/bulletins/2023/town-a-summary.png") as img:
        assert img.size == SIZE and not tofu(chosen, title_card(), img)


# -- drawing -----------------------------------------------------------------------------------------------


def test_a_long_title_takes_three_lines_and_ends_with_an_ellipsis() -> None:
    fonts = sc.system_fonts()
    assert fonts is not None
    long = ("江屿县总工会关于开展2025年“五一”国际劳动节暨“安康杯”安全生产知识竞赛、职工技能比武和困难职工走访慰问"
            "系列活动的通知（第二批参赛单位名单及赛程安排）")
    lay = sc.layout(title_card(long), fonts)
    assert lay.cut and len(lay.title_lines) == 3 and lay.title_lines[-1].endswith("…")
    assert "".join(lay.title_lines)[:-1] in long  # nothing skipped before the cut
    assert all(fonts.bold.load(lay.title_size).getlength(line) <= sc.WIDTH - 2 * sc.MARGIN for line in lay.title_lines)
    short = sc.layout(title_card(), fonts)
    assert not short.cut and short.title_lines == (TITLE,) and short.title_size == sc.TITLE_SIZES[0][0]


def test_a_two_line_title_is_balanced_not_one_lone_character_below() -> None:
    fonts = sc.system_fonts()
    assert fonts is not None
    lines = sc.layout(title_card("明澜街道126名骑手集中加入工会"), fonts).title_lines
    assert len(lines) == 2 and "".join(lines) == "明澜街道126名骑手集中加入工会"
    assert abs(len(lines[0]) - len(lines[1])) <= 2, lines  # unbalanced, it was 明澜街道126名骑手集中加入工 / 会


def test_wrapping_keeps_numbers_whole_and_punctuation_with_its_character() -> None:
    fonts = sc.system_fonts()
    assert fonts is not None
    font = fonts.bold.load(60)
    width = font.getlength("一" * 10)
    lines, cut = sc.wrap("关于开展“五一”劳动节系列活动的通知，请各单位于20250430前报送", font, width, 5)
    assert not cut
    assert all(not line.startswith(tuple("，。）”")) and not line.endswith(tuple("（“")) for line in lines), lines
    assert any("20250430" in line for line in lines), lines


def test_card_addresses() -> None:
    assert sc.card_path("bulletins/2024/a/") == "cards/bulletins/2024/a.png"
    assert sc.card_path("bulletins/2024/a.html") == "cards/bulletins/2024/a.png"
    assert sc.card_path("years/2024/") == "cards/years/2024.png"
    assert sc.card_path("years/2024/index.html") == "cards/years/2024.png"
    assert sc.card_path("orgs/town-a/") == "cards/orgs/town-a.png"


def test_cards_of_a_site_without_directory_urls(site: Site) -> None:
    shared(site)
    r = site.build(strict=True, site_url=SITE_URL, theme=THEME, use_directory_urls=False)
    assert not r.aborted, r.errors
    for page, path in (("bulletins/2023/town-a-summary.html", "cards/bulletins/2023/town-a-summary.png"),
                       ("years/2023/index.html", "cards/years/2023.png"), ("orgs/town-a/index.html", "cards/orgs/town-a.png")):
        assert head(r.html(page)).meta["og:image"] == SITE_URL + path, page
        with Image.open(card_file(r, page)) as img:
            assert img.size == SIZE


def test_every_card_of_the_example_site_is_where_its_page_says(example_site: Result) -> None:
    assert not example_site.aborted, example_site.error
    site_url = "https://bulletin.example.org/"
    pages = sorted(p for p in example_site.site.rglob("index.html") if p.parent.parent.name in {"years", "orgs"} or "bulletins" in p.parts)
    named = set()
    for page in pages:
        url = page.parent.relative_to(example_site.site).as_posix() + "/"
        if url.endswith("/print/") or url in ("years/", "orgs/"):
            continue
        image = head(page.read_text(encoding="utf-8")).meta["og:image"]
        assert image.startswith(site_url + "cards/"), url
        with Image.open(example_site.site / image[len(site_url):]) as img:
            assert img.size == SIZE, url
        named.add(image[len(site_url):])
    published = {p.relative_to(example_site.site).as_posix() for p in (example_site.site / "cards").rglob("*.png")}
    assert named == published and len(published) == 59 + 6 + 7  # bulletins, years, organisations
    assert f"分享卡片 {len(published)} 张" in " ".join(example_site.infos)
