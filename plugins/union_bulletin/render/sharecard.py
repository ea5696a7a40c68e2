"""Share cards: the 1200×630 picture a shared link shows (``og:image``), drawn with Pillow in a Chinese font.

A card shows a page's title (at most three lines, cut with 「…」), its
organisation and year, up to four figures worded exactly as the page's
statistic cards word them (:mod:`cards`), and the site's name on a band of the
brand red. WeChat shows the picture as a small thumbnail in a chat, so the
title is large and the band is the brand's colour.

The font is never downloaded: it is a file the site names (the plugin's
``font`` option) or a font fontconfig knows for simplified Chinese, and
either must really hold the Han glyphs (:func:`covers_han`), or every
character would be drawn as the font's empty box. Cards are kept on disk,
named by a digest of everything they show and of the font files and drawing
that show it (:class:`~union_bulletin.cache.FileCache`), so an unchanged
rebuild draws none. No MkDocs here.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from ..cache import FileCache, Folders, digest
from ..model import Number
from ..pages import PageKind
from .cards import Card, bulletin_cards, card, year_cards
from .views import Views

#: The size Open Graph link previews are usually made at (1.91:1).
WIDTH, HEIGHT = 1200, 630
#: Bump when the drawing changes, so every cached card is drawn again.
DRAWING_VERSION = 3
#: Where cards are published, below the site folder: cards/<the page's address>.png.
FOLDER = "cards"
MAX_FIGURES = 4

BRAND = "#b71c1c"  # the example site's brand red (assets/stylesheets/site.css, --md-primary-fg-color)
BRAND_DARK = "#7f0000"
INK = "#212121"
MUTED = "#5f5f5f"
BOX = "#fdf1f0"
BOX_LINE = "#f0c8c4"
PAPER = "#ffffff"

MARGIN = 64
BAND = 84  # height of the top band
ELLIPSIS = "…"
#: Simplified characters a Chinese font must draw (not as its empty box): common ones, and some a
#: Japanese-only font lacks (们, 这; 劳, 动 are 労, 動 in Japan).
HAN_SAMPLE = "工会公报年度总结计划们这劳动职维权帮扶"
#: A code point no font maps (the last private-use point of plane 16): what a font draws for it is its empty box.
MISSING = "\U0010fffd"
# A line never starts with closing punctuation nor ends with opening punctuation (Chinese line breaking).
_CLOSING = set("，。、；：？！）》」』”’】〕…—·%,.;:?!)]}")
_OPENING = set("（《「『“‘【〔([{")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%+\-]*|.", re.S)


WHERE = "mkdocs.yml: plugins → bulletin → font"
FONT_EXPECTED = "含汉字字形的字体文件（.ttf、.otf 或 .ttc）的路径，相对于 mkdocs.yml"
#: The one warning of a build that finds no Chinese font: it names the option, what was found and what would do.
NO_FONT = (
    f"{WHERE}: 发现 未设置，系统中也没有 fontconfig 能找到的、含汉字字形的简体中文字体，"
    "应为 中文字体文件的路径，或在系统中安装中文字体（如 Debian 的 fonts-noto-cjk）"
    "（本次不生成分享卡片，分享链接时显示封面或站点标志；不需要分享卡片时请写 share_cards: false）"
)


class FontError(Exception):
    """The ``font`` option names no usable Chinese font; the message says what was found and what is expected."""


@dataclass(frozen=True)
class FontFile:
    """A font file and the face in it (a .ttc holds several)."""

    path: str
    index: int = 0

    @property
    def identity(self) -> str:
        """What a card drawn in this font depends on: the file (path, size, modification time) and the face."""
        st = os.stat(self.path)
        return f"{self.path}#{self.index}:{st.st_size}:{st.st_mtime_ns}"

    def load(self, size: int) -> ImageFont.FreeTypeFont:
        return _load(self.path, self.index, size)


@dataclass(frozen=True)
class Fonts:
    """The faces a card is drawn in: bold for the title and the figures, regular for the rest."""

    regular: FontFile
    bold: FontFile

    @property
    def identity(self) -> str:
        return f"{self.regular.identity}|{self.bold.identity}"


@dataclass(frozen=True)
class Figure:
    """One figure on a card, as the page's statistic card words it: 1317.31万 / 元 / 帮扶慰问资金."""

    number: str
    unit: str
    label: str


@dataclass(frozen=True)
class ShareCard:
    """What one page's card shows. ``path`` is where it is published, relative to the site root."""

    path: str
    kind: str  # the band's right-hand label: 工作总结, 年度公报, 基层组织…
    title: str
    subtitle: str  # organisation · year
    figures: tuple[Figure, ...]
    site_name: str
    caption: str = ""  # over the figures, when the title does not say whose or which year they are

    @property
    def alt(self) -> str:
        """The card's text, for og:image:alt."""
        parts = [self.title, self.subtitle.replace(" · ", "，")]
        if self.figures:
            parts.append(self.caption + "，".join(f"{f.label}{f.number}{f.unit}" for f in self.figures))
        return "。".join(p for p in parts if p)

    @property
    def key(self) -> str:
        """A digest of what the card shows (its address is not drawn, so not part of it)."""
        return digest(repr((self.kind, self.title, self.subtitle, self.figures, self.site_name, self.caption)))


# -- fonts -------------------------------------------------------------------


# Loaded faces, one set per thread: cards are drawn on several threads (see publish), and a FreeType face
# must not be used by two at once.
_local = threading.local()


def _load(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    fonts: dict[tuple[str, int, int], ImageFont.FreeTypeFont] = _local.__dict__.setdefault("fonts", {})
    key = (path, index, size)
    font = fonts.get(key)
    if font is None:
        font = fonts[key] = ImageFont.truetype(path, size, index=index)
    return font


def glyph(font: ImageFont.FreeTypeFont, char: str) -> bytes:
    """How ``font`` draws one character, as the bytes of a small greyscale picture."""
    size = int(font.size * 1.6)
    img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(img).text((size // 8, size // 8), char, font=font, fill=255)
    return img.tobytes()


def is_tofu(font: ImageFont.FreeTypeFont, char: str) -> bool:
    """True when ``font`` draws ``char`` as its empty box (.notdef), that is, it has no glyph for it."""
    return glyph(font, char) == glyph(font, MISSING)


def covers_han(font: FontFile) -> bool:
    """Whether the font draws every character of HAN_SAMPLE as a real glyph (False for a file that is no font)."""
    try:
        face = _load(font.path, font.index, 32)
    except OSError:
        return False
    return not any(is_tofu(face, ch) for ch in HAN_SAMPLE)


def find_fonts(option: str | None, project: Path) -> Fonts | None:
    """The fonts cards are drawn in: the ``font`` option's file (relative to ``project``, the folder of mkdocs.yml),
    else a Chinese font of the system; None when there is none. FontError when the option names no usable font."""
    if option:
        return font_from_option(project / option, option)
    return system_fonts()


def font_from_option(path: Path, shown: str) -> Fonts:
    """The fonts for the ``font`` option's file (``shown``: as written in mkdocs.yml); FontError when it is unusable."""
    if not path.is_file():
        raise FontError(f"{WHERE}: 发现 {shown}（没有这个文件），应为 {FONT_EXPECTED}")
    try:
        _load(str(path), 0, 32)
    except OSError:
        raise FontError(f"{WHERE}: 发现 {shown}（不是字体文件），应为 {FONT_EXPECTED}") from None
    face = FontFile(str(path), _simplified_face(str(path)))
    if not covers_han(face):
        raise FontError(f"{WHERE}: 发现 {shown}（字体里没有汉字，中文会画成空框），应为 {FONT_EXPECTED}")
    return Fonts(face, face)


_SIMPLIFIED = re.compile(r"\b(SC|CN|GB|Hans)\b|简")


def _simplified_face(path: str) -> int:
    """In a collection (.ttc) of regional faces, the simplified Chinese one (Noto CJK: JP, KR, SC, TC, HK); else the first."""
    for index in range(16):
        try:
            family, _ = _load(path, index, 32).getname()
        except OSError:
            break
        if family and _SIMPLIFIED.search(family):
            return index
    return 0


def system_fonts() -> Fonts | None:
    """A simplified-Chinese font that fontconfig knows and that really holds Han glyphs, bold too if there is one; else None."""
    regular = _fc_match(":lang=zh-cn")
    if regular is None or not covers_han(regular):
        regular = next((f for f in _fc_list(":lang=zh-cn") if covers_han(f)), None)
    if regular is None:
        return None
    bold = _fc_match(":lang=zh-cn:weight=bold")
    if bold is None or not covers_han(bold):
        bold = regular
    return Fonts(regular, bold)


def _fc(*args: str) -> list[FontFile]:
    """Faces fontconfig's command gives, in its order; none when fontconfig is not installed."""
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        path, _, index = line.rpartition("|")
        if path and index.isdigit() and Path(path).is_file():
            found.append(FontFile(path, int(index)))
    return found


def _fc_match(pattern: str) -> FontFile | None:
    # fc-match always answers, with its nearest font: only a face fc-list also finds for Chinese counts.
    best = _fc("fc-match", "-f", "%{file}|%{index}\n", pattern)
    return best[0] if best and best[0] in _fc_list(pattern.split(":weight")[0]) else None


def _fc_list(pattern: str) -> list[FontFile]:
    return sorted(set(_fc("fc-list", "-f", "%{file}|%{index}\n", pattern)), key=lambda f: (f.path, f.index))


# -- what each page's card shows ------------------------------------------------


def card_path(url: str) -> str:
    """Where the card of the page at ``url`` is published: cards/bulletins/2024/x.png, cards/years/2024.png."""
    stem = url.removesuffix(".html").rstrip("/")
    stem = stem.removesuffix("/index") if stem != "index" else ""
    return f"{FOLDER}/{stem or 'index'}.png"


def _figures(cards: Iterable[Card]) -> tuple[Figure, ...]:
    return tuple(Figure(c.number, c.unit, c.label) for c in list(cards)[:MAX_FIGURES])


def share_cards(views: Views, site_name: str) -> dict[str, ShareCard]:
    """The card of every bulletin, year page and organisation page, by the page's address."""
    cfg, catalog, stats = views.cfg, views.catalog, views.stats
    out: dict[str, ShareCard] = {}
    for b in catalog.bulletins:
        out[b.url] = ShareCard(card_path(b.url), b.type_label, b.title, f"{cfg.organisations[b.org].name} · {b.year}年", _figures(bulletin_cards(b, cfg)), site_name)
    who = cfg.facts.publisher or site_name
    for year, bulletins in catalog.by_year.items():
        url = views.url(PageKind.YEAR, str(year))
        headline = year_cards(stats, year, cfg, cfg.facts.headline_metrics)
        rest = [c for c in year_cards(stats, year, cfg) if c.metric not in cfg.facts.headline_metrics]
        out[url] = ShareCard(card_path(url), "年度公报", f"{year}年度公报", f"{who} · {year}年 · 公报{len(bulletins)}篇",
                             _figures([*headline, *rest]), site_name)
    for key, org in cfg.organisations.items():
        url = views.url(PageKind.ORG, key)
        bulletins = catalog.by_org.get(key, ())
        years = sorted({b.year for b in bulletins})
        span = (f"{years[0]}–{years[-1]}年" if len(years) > 1 else f"{years[0]}年") if years else ""
        parts = [p for p in (org.level_label, span, f"公报{len(bulletins)}篇") if p]
        series = stats.org_series(key)
        latest = max((y for s in series.values() for y in s), default=None)
        figures: tuple[Figure, ...] = ()
        if latest is not None:
            order = [*cfg.facts.headline_metrics, *(k for k in cfg.metrics if k not in cfg.facts.headline_metrics)]
            values: list[tuple[str, Number]] = [(k, series[k][latest]) for k in order if latest in series.get(k, {})]
            figures = _figures(card(k, cfg.metrics[k].label, v, cfg.metrics[k].unit) for k, v in values)
        caption = f"{latest}年的数字：" if figures else ""
        out[url] = ShareCard(card_path(url), "基层组织", org.name, " · ".join(parts), figures, site_name, caption)
    return out


# -- drawing -------------------------------------------------------------------


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float, max_lines: int) -> tuple[list[str], bool]:
    """``text`` broken into lines no wider than ``width``, at most ``max_lines``; True when it had to be cut (「…」).

    Chinese breaks between any two characters; a run of Latin letters and digits stays whole (unless it
    is wider than a line), and punctuation keeps to the character it belongs to.
    """
    units: list[str] = []
    for m in _WORD.finditer(" ".join(text.split())):
        piece = m.group(0)
        if units and (piece[0] in _CLOSING or units[-1][-1] in _OPENING):
            units[-1] += piece
        else:
            units.append(piece)
    lines: list[str] = []
    line = ""
    for unit in units:
        if font.getlength(line + unit) <= width or not line:
            line += unit
        else:
            lines.append(line.rstrip())
            line = unit.lstrip()
        while font.getlength(line) > width and len(line) > 1:  # a unit wider than a line: break inside it
            cut = len(line) - 1
            while cut > 1 and font.getlength(line[:cut]) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    last = kept[-1]
    while last and font.getlength(last + ELLIPSIS) > width:
        last = last[:-1]
    kept[-1] = last.rstrip("，、；：,;: ") + ELLIPSIS
    return kept, True


@dataclass(frozen=True)
class Layout:
    """Where a card's parts go: the title's size, its lines, and the boxes (left, top, right, bottom) tests look at."""

    title_size: int
    title_lines: tuple[str, ...]
    title_box: tuple[int, int, int, int]
    cut: bool


#: Title sizes tried, largest first, with the lines each may take.
TITLE_SIZES = ((76, 2), (66, 2), (54, 3))
TITLE_TOP = BAND + 36
FIGURE_HEIGHT = 140
FIGURES_TOP = HEIGHT - 40 - FIGURE_HEIGHT
LINE_HEIGHT = 1.25  # of the title, times its size


def layout(c: ShareCard, fonts: Fonts) -> Layout:
    """The largest title size at which the whole title fits, its lines balanced; else the smallest, cut with 「…」."""
    width = WIDTH - 2 * MARGIN
    for size, max_lines in TITLE_SIZES:
        font = fonts.bold.load(size)
        lines, cut = wrap(c.title, font, width, max_lines)
        if not cut:
            lines = _balanced(c.title, font, width, len(lines))
            break
    line_height = round(size * LINE_HEIGHT)
    bottom = TITLE_TOP + line_height * len(lines)
    return Layout(size, tuple(lines), (MARGIN, TITLE_TOP, WIDTH - MARGIN, bottom), cut)


def _balanced(text: str, font: ImageFont.FreeTypeFont, width: float, count: int) -> list[str]:
    """``text`` in ``count`` lines of about the same length (no lone character on the last line): the narrowest
    width that still takes no more lines, found by halving."""
    lines, _ = wrap(text, font, width, count)
    if count < 2:
        return lines
    low, high = width * (count - 1) / count, width
    while high - low > 2:
        mid = (low + high) / 2
        trial, cut = wrap(text, font, mid, count)
        if cut:
            low = mid
        else:
            high, lines = mid, trial
    return lines


def draw(c: ShareCard, fonts: Fonts) -> Image.Image:
    """The card as a 1200×630 RGB picture."""
    img = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    d = ImageDraw.Draw(img)
    # The band: the site's name on the brand red, the kind of page at the right.
    d.rectangle((0, 0, WIDTH, BAND), fill=BRAND)
    band_font = fonts.bold.load(38)
    name = _fit(c.site_name, band_font, WIDTH - 2 * MARGIN - 260)
    d.text((MARGIN, BAND // 2), name, font=band_font, fill=PAPER, anchor="lm")
    d.text((WIDTH - MARGIN, BAND // 2), c.kind, font=fonts.regular.load(32), fill=PAPER, anchor="rm")
    # The title, then organisation · year under it.
    lay = layout(c, fonts)
    title_font = fonts.bold.load(lay.title_size)
    line_height = round(lay.title_size * LINE_HEIGHT)
    for i, line in enumerate(lay.title_lines):
        d.text((MARGIN, TITLE_TOP + i * line_height), line, font=title_font, fill=INK, anchor="la")
    sub_font = fonts.regular.load(34)
    sub_top = lay.title_box[3] + 14
    if c.figures:
        sub_top = min(sub_top, FIGURES_TOP - 58)
    d.text((MARGIN, sub_top), _fit(c.subtitle, sub_font, WIDTH - 2 * MARGIN), font=sub_font, fill=MUTED, anchor="la")
    if c.caption and c.figures:
        d.text((MARGIN, FIGURES_TOP - 14), c.caption.rstrip("："), font=fonts.regular.load(28), fill=MUTED, anchor="ls")
    # Up to four figures in boxes along the bottom.
    gap = 24
    box_w = (WIDTH - 2 * MARGIN - gap * (MAX_FIGURES - 1)) // MAX_FIGURES
    for i, f in enumerate(c.figures[:MAX_FIGURES]):
        left = MARGIN + i * (box_w + gap)
        _figure(d, f, (left, FIGURES_TOP, left + box_w, FIGURES_TOP + FIGURE_HEIGHT), fonts)
    # A thin brand line closes the card (a thumbnail keeps the colour at both edges).
    d.rectangle((0, HEIGHT - 14, WIDTH, HEIGHT), fill=BRAND_DARK)
    return img


def _figure(d: ImageDraw.ImageDraw, f: Figure, box: tuple[int, int, int, int], fonts: Fonts) -> None:
    left, top, right, bottom = box
    d.rounded_rectangle(box, radius=10, fill=BOX, outline=BOX_LINE, width=2)
    d.rectangle((left, top + 10, left + 6, bottom - 10), fill=BRAND)
    inner = right - left - 44
    size = 52
    while size > 24:  # the number and its unit on one line, as the page never breaks them
        number, unit = fonts.bold.load(size), fonts.regular.load(max(20, size * 3 // 5))
        if number.getlength(f.number) + 4 + unit.getlength(f.unit) <= inner:
            break
        size -= 2
    x, base = left + 26, top + 68
    d.text((x, base), f.number, font=number, fill=BRAND, anchor="ls")
    d.text((x + number.getlength(f.number) + 4, base), f.unit, font=unit, fill=BRAND, anchor="ls")
    label_size = 26
    while label_size > 20 and fonts.regular.load(label_size).getlength(f.label) > inner:
        label_size -= 1
    label_font = fonts.regular.load(label_size)
    d.text((x, top + 88), _fit(f.label, label_font, inner), font=label_font, fill=INK, anchor="la")


def _fit(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    """``text`` on one line no wider than ``width``, cut with 「…」 if need be."""
    lines, _ = wrap(text, font, width, 1)
    return lines[0] if lines else ""


def png(c: ShareCard, fonts: Fonts) -> bytes:
    out = io.BytesIO()
    draw(c, fonts).save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue()


# -- publishing ------------------------------------------------------------------


@dataclass(frozen=True)
class Published:
    """How many cards a build drew and how many it took from the cache; why the cache could not keep them, if so."""

    drawn: int
    reused: int
    cache_error: str = ""


def cache_key(c: ShareCard, fonts_identity: str) -> str:
    """Everything a card's pixels depend on: what it shows, the font files, the size and the drawing."""
    return digest(repr((DRAWING_VERSION, WIDTH, HEIGHT, c.key, fonts_identity)))


def publish(cards: Iterable[ShareCard], fonts: Fonts, cache: FileCache, site_dir: Path, *,
            current: Callable[[], bool] = lambda: True, lock: AbstractContextManager[Any] | None = None) -> Published | None:
    """Put every card into ``site_dir`` at its path, drawing only those the cache lacks; drop cached cards no page uses.

    A cache that cannot be written (a read-only project folder) costs only time: the cards drawn go
    straight into the site, and ``Published.cache_error`` says why they were not kept.

    A preview draws its cards beside the next rebuild, which empties the site folder first: it stops
    drawing once ``current()`` is false (what it drew is kept for the next round), and puts the cards
    in the site only while holding ``lock`` and only if still current; else it returns None.
    """
    identity = fonts.identity
    keyed = [(cache_key(c, identity), c) for c in cards]
    missing = {key: c for key, c in keyed if cache.get(key) is None}
    unkept: dict[str, bytes] = {}
    errors: list[str] = []

    def make(key: str, c: ShareCard) -> None:
        if not current():
            return
        data = png(c, fonts)
        try:
            cache.put(key, data)
        except OSError as exc:
            unkept[key] = data
            errors.append(exc.strerror or type(exc).__name__)

    # Two threads (the machines this runs on have two cores or more): Pillow lets go of Python's lock while it
    # compresses a PNG, so a second thread draws meanwhile.
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda item: make(*item), missing.items()))
    with lock or nullcontext():
        if not current():
            return None
        folders = Folders()
        for key, c in keyed:
            target = site_dir / PurePosixPath(c.path)
            folders.make(target.parent)
            if key in unkept:
                target.write_bytes(unkept[key])
            else:
                cache.place(key, target)
        if not errors:
            cache.prune({key for key, _ in keyed})
    return Published(len(missing), len(keyed) - len(missing), errors[0] if errors else "")


_lacks: dict[tuple[str, int, str], bool] = {}  # (font file, face, character) → the face has no glyph for it


def lacking(c: ShareCard, fonts: Fonts) -> str:
    """The characters of a card that its fonts lack (drawn as empty boxes): a rare character in a name, an emoji."""
    text = c.title + c.subtitle + c.caption + c.site_name + c.kind + "".join(f.number + f.unit + f.label for f in c.figures)
    found = []
    for ch in dict.fromkeys(text):
        if ch.isspace():
            continue
        for face in {fonts.regular, fonts.bold}:
            key = (face.path, face.index, ch)
            if key not in _lacks:  # coverage does not depend on size: a small face is quick to draw
                _lacks[key] = is_tofu(face.load(16), ch)
            if _lacks[key]:
                found.append(ch)
                break
    return "".join(found)


def iter_tofu(font: ImageFont.FreeTypeFont, text: str) -> Iterator[str]:
    """The characters of ``text`` (not spaces) that ``font`` draws as its empty box."""
    return (ch for ch in dict.fromkeys(text) if not ch.isspace() and is_tofu(font, ch))
