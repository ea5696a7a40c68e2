"""Read one bulletin file: its front matter, validated, or its problems.

We read the front matter ourselves, before MkDocs renders anything, because
MkDocs' own reader drops a file's metadata silently when the YAML is broken.
Every problem of a file is collected, not only the first.
"""

from __future__ import annotations

import datetime as dt
import math
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from . import yamlio
from .media import image_size
from .model import TYPE_LABELS, TYPES, Attachment, Bulletin, Cover, Figure, Number
from .problems import Problem, describe, did_you_mean, unknown_fields
from .site_config import SiteConfig

FIELDS = (
    "title", "date", "year", "org", "type", "topics", "summary", "stats",
    "figures", "cover", "attachments", "index_no", "draft", "privacy_allow",
)
#: Keys MkDocs or Material give a meaning to; allowed beside ours.
THEME_FIELDS = (
    "template", "hide", "search", "description", "icon", "status", "subtitle",
    "tags", "comments", "social",
)
SUMMARY_LENGTH = 120
YEAR_RANGE = (1900, 2100)

_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_CN_DIGITS = "〇零一二三四五六七八九十百千万亿两"


@dataclass
class Reading:
    """What reading one file gave: a bulletin (unless fatal), its problems and body."""

    bulletin: Bulletin | None
    problems: list[Problem] = field(default_factory=list)
    body: str = ""
    meta: dict[str, Any] = field(default_factory=dict)  # the front matter as written (string keys)


#: Finds a docs-relative path: the file on disk, or None when there is none.
Locate = Callable[[str], Path | None]


def split_front_matter(path: str, text: str) -> tuple[str | None, str, list[Problem]]:
    """Split ``---`` YAML ``---`` from the body."""
    if not text.strip():
        return None, text, [Problem(path, "文件", "空文件", "以 --- 开头、以 --- 结束的 YAML front matter，再写正文", "在文件开头加上标题、日期、单位和类型")]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, text, [Problem(path, "文件", "没有 front matter（第一行不是 ---）", "以 --- 开头、以 --- 结束的 YAML front matter", "在文件开头加上标题、日期、单位和类型")]
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), []
    return None, text, [Problem(path, "文件", "front matter 没有结束的 --- 行", "以 --- 开头、以 --- 结束的 YAML front matter", "在 front matter 末尾加一行 ---")]


def read_bulletin(
    src_path: str, shown_path: str, url: str, data: bytes, config: SiteConfig, locate: Locate
) -> Reading:
    """Validate one bulletin file against the content contract."""
    decoded = yamlio.decode(shown_path, data)
    if decoded.text is None:
        return Reading(None, decoded.problems)
    yaml_text, body, problems = split_front_matter(shown_path, decoded.text)
    if yaml_text is None:
        return Reading(None, problems, body)
    meta, problems = yamlio.load(shown_path, yaml_text, first_line=2, field_name="front matter")
    if meta is None and problems:
        return Reading(None, problems, body)
    if not isinstance(meta, dict):
        found = "空的 front matter" if meta is None else describe(meta)
        return Reading(None, [Problem(shown_path, "front matter", found, "字段: 值 形式的映射（title、date、org、type 等）")], body)
    checker = _Checker(src_path, shown_path, meta, config, locate, problems)
    bulletin = checker.bulletin(url, body)
    return Reading(bulletin, checker.problems, body, {str(k): v for k, v in meta.items()})


class _Checker:
    """Validates one front matter mapping, collecting every problem."""

    def __init__(self, src_path: str, shown: str, meta: dict[Any, Any], config: SiteConfig,
                 locate: Locate, problems: list[Problem]) -> None:
        self.src_path = src_path
        self.shown = shown
        self.meta = meta
        self.config = config
        self.locate = locate
        self.problems = problems
        self.fatal = False

    def report(self, field_name: str, found: str, expected: str, suggestion: str = "", *, fatal: bool = False) -> None:
        self.problems.append(Problem(self.shown, field_name, found, expected, suggestion))
        self.fatal = self.fatal or fatal

    def missing(self, name: str, expected: str) -> None:
        self.report(name, "缺少此字段", expected, fatal=True)

    def bulletin(self, url: str, body: str) -> Bulletin | None:
        for key in self.meta:
            if key not in FIELDS and key not in THEME_FIELDS:
                self.report(str(key), f"未知的字段 {describe(key)}", "CONTENT_SPEC 中的字段", did_you_mean(str(key), FIELDS))
        title = self.title()
        date, time = self.date()
        btype = self.type()
        year = self.year(btype, date)
        org = self.org()
        topics = self.topics()
        summary = self.summary(body)
        stats = self.stats()
        figures = self.figures()
        cover = self.cover()
        attachments = self.attachments()
        index_no = self.index_no()
        draft = self.draft()
        if self.fatal or title is None or date is None or btype is None or year is None or org is None:
            return None
        return Bulletin(
            src_path=self.src_path, url=url, title=title, date=date, time=time, year=year,
            org=org, type=btype, topics=topics, summary=summary, stats=stats, figures=figures,
            cover=cover, attachments=attachments, index_no=index_no, draft=draft,
        )

    # -- required fields -------------------------------------------------
    def title(self) -> str | None:
        if "title" not in self.meta:
            self.missing("title", "公报标题（纯文本）")
            return None
        value = self.meta["title"]
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
        self.report("title", describe(value), "非空的标题文字", "标题是数字时请加引号" if isinstance(value, (int, float)) else "", fatal=True)
        return None

    def date(self) -> tuple[dt.date | None, dt.time | None]:
        if "date" not in self.meta:
            self.missing("date", "发布日期 YYYY-MM-DD")
            return None, None
        value = self.meta["date"]
        match = _DATE_RE.match(value.strip()) if isinstance(value, str) else None
        if match is None:
            self.report("date", describe(value), "发布日期 YYYY-MM-DD（可带时间 YYYY-MM-DD HH:MM）", "例如 2024-01-15", fatal=True)
            return None, None
        y, m, d, hh, mm, ss = match.groups()
        try:
            date = dt.date(int(y), int(m), int(d))
            time = dt.time(int(hh), int(mm), int(ss or 0)) if hh is not None else None
        except ValueError:
            self.report("date", f"{describe(value)}（不存在的日期或时间）", "真实存在的日期 YYYY-MM-DD", fatal=True)
            return None, None
        if not YEAR_RANGE[0] <= date.year <= YEAR_RANGE[1]:
            self.report("date", describe(value), f"{YEAR_RANGE[0]} 到 {YEAR_RANGE[1]} 年之间的日期", fatal=True)
            return None, None
        return date, time

    def type(self) -> str | None:
        if "type" not in self.meta:
            self.missing("type", "、".join(TYPES) + " 之一")
            return None
        value = self.meta["type"]
        if value in TYPES:
            return str(value)
        hint = next((f"“{label}”请写成 {key}" for key, label in TYPE_LABELS.items() if value == label), "")
        self.report("type", describe(value), "、".join(TYPES) + " 之一", hint or did_you_mean(value, TYPES), fatal=True)
        return None

    def year(self, btype: str | None, date: dt.date | None) -> int | None:
        if "year" not in self.meta:
            if btype in ("summary", "plan"):
                self.missing("year", f"{TYPE_LABELS[btype]}所属的年份，如 2023")
                return None
            return date.year if date else None
        value = self.meta["year"]
        if isinstance(value, int) and not isinstance(value, bool) and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
            return value
        hint = ""
        if isinstance(value, str):
            hint = "填写实际的年份，不要用 20xx" if "x" in value.lower() else "年份不加引号，写成数字"
        self.report("year", describe(value), f"四位数字的年份（{YEAR_RANGE[0]}–{YEAR_RANGE[1]}），如 2023", hint, fatal=True)
        return None

    def org(self) -> str | None:
        if "org" not in self.meta:
            self.missing("org", "organisations.yml 中的单位键")
            return None
        value = self.meta["org"]
        if isinstance(value, str) and value in self.config.organisations:
            return value
        names = {o.name: k for k, o in self.config.organisations.items()}
        hint = f"“{value}”的键是 {names[value]}" if isinstance(value, str) and value in names else did_you_mean(value, self.config.organisations)
        found = f"未登记的单位 {describe(value)}" if isinstance(value, str) else describe(value)
        self.report("org", found, "organisations.yml 中的单位键", hint, fatal=True)
        return None

    # -- optional fields -------------------------------------------------
    def topics(self) -> tuple[str, ...]:
        value = self.meta.get("topics")
        if value is None:
            return ()
        if not isinstance(value, list):
            hint = f"写成 [{value}]" if isinstance(value, str) else ""
            self.report("topics", describe(value), "topics.yml 中专题键的列表", hint)
            return ()
        keys: list[str] = []
        labels = {t.label: k for k, t in self.config.topics.items()}
        for i, item in enumerate(value):
            if isinstance(item, str) and item in self.config.topics:
                if item not in keys:
                    keys.append(item)
                continue
            hint = f"“{item}”的键是 {labels[item]}" if isinstance(item, str) and item in labels else did_you_mean(item, self.config.topics)
            found = f"未登记的专题 {describe(item)}" if isinstance(item, str) else describe(item)
            self.report(f"topics[{i}]", found, "topics.yml 中的专题键", hint)
        return tuple(keys)

    def summary(self, body: str) -> str:
        value = self.meta.get("summary")
        if value is None:
            return first_paragraph(body)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
        self.report("summary", describe(value), "一句话摘要文字")
        return first_paragraph(body)

    def stats(self) -> tuple[tuple[str, Number], ...]:
        value = self.meta.get("stats")
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.report("stats", describe(value), "指标键: 数字 形式的映射")
            return ()
        result: list[tuple[str, Number]] = []
        for key, raw in value.items():
            if key not in self.config.metrics:
                self.report(f"stats.{key}", f"未登记的指标 {describe(key)}", "metrics.yml 中的指标键", did_you_mean(key, self.config.metrics))
                continue
            number = self.number(f"stats.{key}", raw)
            if number is not None:
                result.append((str(key), number))
        order = list(self.config.metrics)
        return tuple(sorted(result, key=lambda kv: order.index(kv[0])))

    def figures(self) -> tuple[Figure, ...]:
        value = self.meta.get("figures")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.report("figures", describe(value), "{label, value, unit} 的列表")
            return ()
        result: list[Figure] = []
        for i, item in enumerate(value):
            name = f"figures[{i}]"
            if not isinstance(item, dict):
                self.report(name, describe(item), "{label: 名称, value: 数字, unit: 单位}")
                continue
            self.problems.extend(unknown_fields(self.shown, name, item, ("label", "value", "unit")))
            label = item.get("label")
            if not (isinstance(label, str) and label.strip()):
                self.report(f"{name}.label", describe(label) if "label" in item else "缺少此字段", "数字的名称文字")
                label = None
            if "value" not in item:
                self.report(f"{name}.value", "缺少此字段", "不小于 0 的数字")
                number = None
            else:
                number = self.number(f"{name}.value", item["value"])
            unit = item.get("unit", "")
            if not isinstance(unit, str):
                self.report(f"{name}.unit", describe(unit), "计量单位文字，如 份、人次")
                unit = ""
            if label is not None and number is not None:
                result.append(Figure(" ".join(label.split()), number, unit.strip()))
        return tuple(result)

    def cover(self) -> Cover | None:
        value = self.meta.get("cover")
        if value is None:
            return None
        if not (isinstance(value, str) and value.strip()):
            self.report("cover", describe(value), "相对于本文件的图片路径，如 images/photo.jpg")
            return None
        found = self.local_file("cover", value.strip())
        if found is None:
            return None
        path, file = found
        size = image_size(file)
        if size is None:
            self.report("cover", f"{describe(value)}（不是能识别的图片）", "JPEG、PNG、WebP 或 HEIC 图片", "用看图软件打开检查，或重新导出图片")
            return None
        return Cover(path, *size)

    def attachments(self) -> tuple[Attachment, ...]:
        value = self.meta.get("attachments")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.report("attachments", describe(value), "{file, title} 的列表")
            return ()
        result: list[Attachment] = []
        for i, item in enumerate(value):
            name = f"attachments[{i}]"
            if isinstance(item, str):
                item = {"file": item}
            if not isinstance(item, dict):
                self.report(name, describe(item), "{file: 文件路径, title: 附件名称}")
                continue
            self.problems.extend(unknown_fields(self.shown, name, item, ("file", "title")))
            file = item.get("file")
            if not (isinstance(file, str) and file.strip()):
                self.report(f"{name}.file", describe(file) if "file" in item else "缺少此字段", "相对于本文件的附件路径，如 files/summary.pdf")
                continue
            title = item.get("title")
            if title is not None and not (isinstance(title, str) and title.strip()):
                self.report(f"{name}.title", describe(title), "附件名称文字")
                title = None
            found = self.local_file(f"{name}.file", file.strip())
            if found is None:
                continue
            path, on_disk = found
            size = on_disk.stat().st_size
            shown_title = " ".join(title.split()) if isinstance(title, str) else posixpath.basename(path)
            result.append(Attachment(path, shown_title, size))
        return tuple(result)

    def index_no(self) -> str | None:
        value = self.meta.get("index_no")
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.report("index_no", describe(value), "索引号文字，如 TY-2024-003")
        return None

    def draft(self) -> bool:
        value = self.meta.get("draft", False)
        if isinstance(value, bool):
            return value
        self.report("draft", describe(value), "true 或 false")
        return False

    # -- helpers -----------------------------------------------------------
    def number(self, name: str, raw: Any) -> Number | None:
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            self.report(name, describe(raw), "不小于 0 的数字")
            return None
        if isinstance(raw, str):
            self.report(name, describe(raw), "不小于 0 的数字（不加引号、逗号和单位）", _number_hint(raw))
            return None
        if isinstance(raw, float) and (math.isnan(raw) or math.isinf(raw)):
            self.report(name, describe(raw), "不小于 0 的有限数字")
            return None
        if raw < 0:
            self.report(name, describe(raw), "不小于 0 的数字", "统计数不能为负数")
            return None
        return to_number(raw)

    def local_file(self, name: str, value: str) -> tuple[str, Path] | None:
        """A path relative to this file, checked: docs-relative path and the file on disk."""
        if "://" in value or value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value):
            self.report(name, describe(value), "相对于本文件的路径（不能是网址或绝对路径）", "把文件放到公报旁边的文件夹里")
            return None
        path = posixpath.normpath(posixpath.join(posixpath.dirname(self.src_path), value.replace("\\", "/")))
        if path.startswith("../") or path == "..":
            self.report(name, describe(value), "站点内容文件夹里的文件", "把文件放到公报旁边的文件夹里")
            return None
        on_disk = self.locate(path)
        if on_disk is None:
            self.report(name, f"{describe(value)}（文件不存在）", "相对于本文件的已有文件", "检查文件名和所在文件夹")
            return None
        return path, on_disk


def to_number(raw: int | float | Decimal) -> Number:
    """An exact number: ``int`` when whole, otherwise ``Decimal``."""
    if isinstance(raw, int):
        return raw
    value = Decimal(repr(raw)) if isinstance(raw, float) else raw
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def _number_hint(raw: str) -> str:
    text = raw.strip()
    plain = text.replace(",", "").replace("，", "").replace(" ", "")
    unit = re.match(r"^([\d.]+)\s*([万亿]?)(\D*)$", plain)
    if unit and _NUMBER_RE.match(unit.group(1)):
        try:
            value = Decimal(unit.group(1)) * {"": 1, "万": 10_000, "亿": 100_000_000}[unit.group(2)]
        except InvalidOperation:
            return ""
        return f"写成 {to_number(value)}"
    if text and all(c in _CN_DIGITS for c in text):
        return "用阿拉伯数字书写"
    return ""


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"[*_`~]+|<[^>]+>")


def first_paragraph(body: str, limit: int = SUMMARY_LENGTH) -> str:
    """The first prose paragraph of a Markdown body, as plain text."""
    for block in re.split(r"\n\s*\n", body):
        text = block.strip()
        if not text or text[0] in "#!|>-*+<=" or text.startswith(("```", "~~~", "    ")) or re.match(r"^\d+\.\s", text):
            continue
        text = _MD_MARK.sub("", _MD_LINK.sub(r"\1", text))
        text = " ".join(text.split())
        if not text or (len(text) <= 30 and text.endswith(("：", ":"))):
            continue  # a salutation such as "各乡镇（街道）工会：" says nothing about the bulletin
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return ""
