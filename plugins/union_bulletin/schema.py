"""The fields of a bulletin's front matter and of site_config, declared once.

Each field is a typed value (text, date, year, choice, key of a registry, list
of keys, number, local file, …) with its name, whether it is required, a
Chinese label and help for the people who write it, and the check that turns
what was written into a value or into problems worded to the letter (the habit
of mkdocs' ``config/config_options.py``: one class per kind of option, every
message tested). :mod:`frontmatter` and :mod:`site_config` read through these
fields; an authoring tool asks them what a prompt needs (``label``, ``help``,
``kind``, ``required``, ``choices``; ``frontmatter.registries`` gives the keys
and labels of a site's organisations, topics and metrics).

No MkDocs here: the fields get what the YAML gave and a :class:`Context` that
knows the registries, finds local files (``locate``) and collects problems.
"""

from __future__ import annotations

import datetime as dt
import math
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar

from . import pinyin
from .media import image_size
from .model import (
    AGGREGATES,
    LEVEL_LABELS,
    LEVELS,
    PERIOD_LABELS,
    PERIOD_TYPES,
    TYPE_LABELS,
    Attachment,
    Cover,
    Figure,
    Number,
)
from .problems import Problem, describe, did_you_mean, unknown_fields

YEAR_RANGE = (1900, 2100)
#: A key of organisations.yml, metrics.yml or topics.yml.
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
#: Added to the message of a statistic that is left out.
DROPPED_STAT = "本项未计入"

_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_CN_DIGITS = "〇零一二三四五六七八九十百千万亿两"

#: Finds a docs-relative path: the file on disk, or None when there is none.
Locate = Callable[[str], Path | None]


class Invalid(Exception):
    """A value that cannot be used: what was found, what was expected, a suggestion."""

    def __init__(self, found: str, expected: str = "", suggestion: str = "") -> None:
        super().__init__(found)
        self.found, self.expected, self.suggestion = found, expected, suggestion


@dataclass
class Context:
    """What a field may look at while it checks a value, and where its problems go."""

    path: str  # the file as authors know it
    problems: list[Problem]
    registries: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # registry → key → label (organisations → names …)
    src_path: str = ""  # a bulletin's path relative to the docs folder (for local files)
    locate: Locate | None = None
    prefix: str = ""  # put before every field name: "tianyuan-town." for an organisation's fields
    values: dict[str, Any] = field(default_factory=dict)  # the fields read so far (year looks at type and date)
    fatal: bool = False  # a problem that leaves the whole thing out was found

    def report(self, name: str, found: str, expected: str, suggestion: str = "", *, fatal: bool = False) -> None:
        self.problems.append(Problem(self.path, self.prefix + name, found, expected, suggestion))
        self.fatal = self.fatal or fatal

    def read(self, f: Field, data: Mapping[Any, Any]) -> Any:
        """The field's value from ``data``: checked, or its default (a problem reported) when missing or wrong."""
        if f.name not in data:
            required = f.required_here(self)
            if required:
                self.report(f.name, "缺少此字段", required, fatal=f.fatal)
            value = f.default(self)
        else:
            try:
                value = f.parse(data[f.name], self)
            except Invalid as exc:
                self.report(f.name, exc.found, exc.expected or f.expected, exc.suggestion, fatal=f.fatal)
                value = f.default(self) if not f.fatal else None
        self.values[f.name] = value
        return value


@dataclass(frozen=True)
class Field:
    """One field: name, Chinese label and help, required or not, and its check."""

    name: str
    label: str
    help: str
    required: bool = False
    fatal: bool = False  # a wrong value leaves the bulletin out (a required field's always does)
    expected: str = ""  # what a wrong value is told to be
    missing: str = ""  # what a missing required value is told to be (default: ``expected``)
    kind: ClassVar[str] = "text"

    def choices(self, registries: Mapping[str, Mapping[str, str]] | None = None) -> Mapping[str, str]:
        """The values a prompt may offer, with their labels (empty: any value of the kind)."""
        return {}

    def required_here(self, ctx: Context) -> str:
        """What to say when the field is missing; empty when it may be left out here."""
        return (self.missing or self.expected) if self.required else ""

    def default(self, ctx: Context) -> Any:
        return None

    def parse(self, value: Any, ctx: Context) -> Any:
        return value


@dataclass(frozen=True)
class Text(Field):
    """Non-empty text; spaces and line breaks inside are made single spaces unless ``collapse`` is off."""

    collapse: bool = True
    whole_numbers: bool = False  # an unquoted number is taken as its text (索引号 2024001)
    number_hint: str = ""  # the suggestion when a number was written (标题是数字时请加引号)
    empty: bool = False  # empty text is allowed (site.yml: publisher)

    def parse(self, value: Any, ctx: Context) -> Any:
        if self.whole_numbers and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, str) and (value.strip() or self.empty):
            return " ".join(value.split()) if self.collapse else value.strip()
        raise Invalid(describe(value), self.expected, self.number_hint if isinstance(value, (int, float)) and not isinstance(value, bool) else "")

    def default(self, ctx: Context) -> Any:
        return "" if self.empty else None


@dataclass(frozen=True)
class TextList(Field):
    """A list of texts (names, phrases). ``checked_elsewhere``: another part reports its problems."""

    kind: ClassVar[str] = "list-of-text"
    checked_elsewhere: bool = False
    item_expected: str = "一段文字"  # what one item should be, in its message
    unique: bool = False  # a text written twice is kept once

    def parse(self, value: Any, ctx: Context) -> Any:
        if self.checked_elsewhere:
            return value
        if not isinstance(value, list):
            raise Invalid(describe(value), self.expected, f"写成 [{value}]" if isinstance(value, str) else "")
        items: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                if not (self.unique and item.strip() in items):
                    items.append(item.strip())
            else:
                ctx.report(f"{self.name}[{i}]", describe(item), self.item_expected)
        return tuple(items)

    def default(self, ctx: Context) -> Any:
        return ()


@dataclass(frozen=True)
class Flag(Field):
    """true or false."""

    kind: ClassVar[str] = "boolean"
    expected: str = "true 或 false"

    def parse(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, bool):
            return value
        raise Invalid(describe(value))

    def default(self, ctx: Context) -> Any:
        return False


@dataclass(frozen=True)
class DateTime(Field):
    """A publication date YYYY-MM-DD, optionally with a time HH:MM: gives (date, time or None)."""

    kind: ClassVar[str] = "date"

    def parse(self, value: Any, ctx: Context) -> Any:
        match = _DATE_RE.match(value.strip()) if isinstance(value, str) else None
        if match is None:
            raise Invalid(describe(value), self.expected, "例如 2024-01-15")
        y, m, d, hh, mm, ss = match.groups()
        try:
            date = dt.date(int(y), int(m), int(d))
            time = dt.time(int(hh), int(mm), int(ss or 0)) if hh is not None else None
        except ValueError:
            raise Invalid(f"{describe(value)}（不存在的日期或时间）", "真实存在的日期 YYYY-MM-DD") from None
        if not YEAR_RANGE[0] <= date.year <= YEAR_RANGE[1]:
            raise Invalid(describe(value), f"{YEAR_RANGE[0]} 到 {YEAR_RANGE[1]} 年之间的日期")
        return date, time

    def default(self, ctx: Context) -> Any:
        return None, None


@dataclass(frozen=True)
class Year(Field):
    """A four-digit year; required for the types in ``required_for``, otherwise the year of ``date``."""

    kind: ClassVar[str] = "year"
    required_for: tuple[str, ...] = ()

    def required_here(self, ctx: Context) -> str:
        btype = ctx.values.get("type")
        return f"{TYPE_LABELS[btype]}所属的年份，如 2023" if btype in self.required_for else ""

    def default(self, ctx: Context) -> Any:
        if ctx.values.get("type") in self.required_for:
            return None
        date = (ctx.values.get("date") or (None, None))[0]
        return date.year if date else None

    def parse(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
            return value
        hint = ""
        if isinstance(value, str):
            hint = "填写实际的年份，不要用 20xx" if "x" in value.lower() else "年份不加引号，写成数字"
        raise Invalid(describe(value), self.expected, hint)


@dataclass(frozen=True)
class Choice(Field):
    """One of a fixed set of keys (an enumeration), each with the label readers see."""

    kind: ClassVar[str] = "choice"
    options: Mapping[str, str] = field(default_factory=dict)  # key → label
    default_key: str | None = None
    fold_case: bool = False  # "h1" is told to be written H1
    only_for: tuple[str, ...] = ()  # the bulletin types that may have this field (empty: all)
    #: How to say which label a wrong value looks like: by equality (“工作总结”请写成 summary) or by containing it.
    label_hint: str = "equal"

    def choices(self, registries: Mapping[str, Mapping[str, str]] | None = None) -> Mapping[str, str]:
        return self.options

    def default(self, ctx: Context) -> Any:
        return self.default_key

    def parse(self, value: Any, ctx: Context) -> Any:
        btype = ctx.values.get("type")
        if self.only_for and btype is not None and btype not in self.only_for:
            only = "和".join(TYPE_LABELS[t] for t in self.only_for)
            ctx.report(self.name, describe(value), f"不写此字段（只有{only}写 {self.name}，本篇是{TYPE_LABELS[btype]}）", "删去这一行")
            return self.default_key
        if isinstance(value, str) and value in self.options:
            return value
        raise Invalid(describe(value), self.expected, self._hint(value))

    def _hint(self, value: Any) -> str:
        if self.label_hint == "contains":
            found = next((f"是否想写 {k}？" for k, v in self.options.items() if isinstance(value, str) and value and value in v), "")
        else:
            found = next((f"“{label}”请写成 {key}" for key, label in self.options.items() if value == label), "")
        if not found and self.fold_case and isinstance(value, str):
            found = next((f"写成 {key}" for key in self.options if key.lower() == value.strip().lower()), "")
        return found or did_you_mean(value, self.options)


@dataclass(frozen=True)
class Key(Field):
    """A key of a registry (organisations.yml, topics.yml, metrics.yml); a label written instead is pointed to its key."""

    kind: ClassVar[str] = "key"
    registry: str = ""
    what: str = ""  # 单位, 专题: "未登记的单位 …"
    unknown_hint: Callable[[str, Context], str] | None = None  # when nothing is close (the lines to add to organisations.yml)

    def choices(self, registries: Mapping[str, Mapping[str, str]] | None = None) -> Mapping[str, str]:
        return (registries or {}).get(self.registry, {})

    def parse(self, value: Any, ctx: Context) -> Any:
        return self.check_key(value, ctx, self.expected)

    def check_key(self, value: Any, ctx: Context, expected: str) -> str:
        keys = ctx.registries.get(self.registry, {})
        if isinstance(value, str) and value in keys:
            return value
        labels = {label: key for key, label in keys.items()}
        hint = f"“{value}”的键是 {labels[value]}" if isinstance(value, str) and value in labels else did_you_mean(value, keys)
        if not hint and self.unknown_hint is not None and isinstance(value, str) and value.strip():
            hint = self.unknown_hint(value.strip(), ctx)
        raise Invalid(f"未登记的{self.what} {describe(value)}" if isinstance(value, str) else describe(value), expected, hint)


@dataclass(frozen=True)
class KeyList(Key):
    """A list of keys of a registry; each wrong one is reported and left out, the others kept (once each)."""

    kind: ClassVar[str] = "list-of-keys"
    item_expected: str = ""

    def default(self, ctx: Context) -> Any:
        return ()

    def parse(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, list):
            raise Invalid(describe(value), self.expected, f"写成 [{value}]" if isinstance(value, str) else "")
        keys: list[str] = []
        for i, item in enumerate(value):
            try:
                key = self.check_key(item, ctx, self.item_expected)
            except Invalid as exc:
                ctx.report(f"{self.name}[{i}]", exc.found, exc.expected, exc.suggestion)
                continue
            if key not in keys:
                keys.append(key)
        return tuple(keys)


@dataclass(frozen=True)
class Count(Field):
    """A statistic: a number not below 0, int or exact decimal."""

    kind: ClassVar[str] = "number"
    expected: str = "不小于 0 的数字"

    def parse(self, value: Any, ctx: Context) -> Any:
        return check_number(value)


@dataclass(frozen=True)
class WholeNumber(Field):
    """A whole number in a range (site.yml: latest_count)."""

    kind: ClassVar[str] = "number"
    low: int = 1
    high: int = 50
    fallback: int = 8

    def parse(self, value: Any, ctx: Context) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            raise Invalid(describe(value))
        return value

    def default(self, ctx: Context) -> Any:
        return self.fallback


@dataclass(frozen=True)
class Stats(Field):
    """Metric key → number (``stats``): a wrong key or number is reported with 本项未计入, the others counted."""

    kind: ClassVar[str] = "stats"
    registry: str = "metrics"

    def choices(self, registries: Mapping[str, Mapping[str, str]] | None = None) -> Mapping[str, str]:
        return (registries or {}).get(self.registry, {})

    def default(self, ctx: Context) -> Any:
        return ()

    def parse(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, dict):
            raise Invalid(describe(value), self.expected, "本篇的统计数字都未计入")
        metrics = ctx.registries.get(self.registry, {})
        result: list[tuple[str, Number]] = []
        for key, raw in value.items():
            name = f"{self.name}.{key}"
            if key not in metrics:
                ctx.report(name, f"未登记的指标 {describe(key)}", "metrics.yml 中的指标键", _also(did_you_mean(key, metrics), DROPPED_STAT))
                continue
            try:
                result.append((str(key), check_number(raw)))
            except Invalid as exc:
                ctx.report(name, exc.found, exc.expected, _also(exc.suggestion, DROPPED_STAT))
        order = list(metrics)
        return tuple(sorted(result, key=lambda kv: order.index(kv[0])))


@dataclass(frozen=True)
class Figures(Field):
    """Ad-hoc figures: a list of {label, value, unit}; each good one kept."""

    kind: ClassVar[str] = "figures"

    def default(self, ctx: Context) -> Any:
        return ()

    def parse(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, list):
            raise Invalid(describe(value))
        result: list[Figure] = []
        for i, item in enumerate(value):
            name = f"{self.name}[{i}]"
            if not isinstance(item, dict):
                ctx.report(name, describe(item), "{label: 名称, value: 数字, unit: 单位}")
                continue
            ctx.problems.extend(unknown_fields(ctx.path, ctx.prefix + name, item, ("label", "value", "unit")))
            label = item.get("label")
            if not (isinstance(label, str) and label.strip()):
                ctx.report(f"{name}.label", describe(label) if "label" in item else "缺少此字段", "数字的名称文字")
                label = None
            number: Number | None = None
            if "value" not in item:
                ctx.report(f"{name}.value", "缺少此字段", "不小于 0 的数字")
            else:
                try:
                    number = check_number(item["value"])
                except Invalid as exc:
                    ctx.report(f"{name}.value", exc.found, exc.expected, exc.suggestion)
            unit = item.get("unit", "")
            if not isinstance(unit, str):
                ctx.report(f"{name}.unit", describe(unit), "计量单位文字，如 份、人次")
                unit = ""
            if label is not None and number is not None:
                result.append(Figure(" ".join(label.split()), number, unit.strip()))
        return tuple(result)


@dataclass(frozen=True)
class LocalFile(Field):
    """A file beside the bulletin, as a path relative to it; ``image``: it must be a picture (gives a Cover)."""

    kind: ClassVar[str] = "file"
    image: bool = False

    def parse(self, value: Any, ctx: Context) -> Any:
        if not (isinstance(value, str) and value.strip()):
            raise Invalid(describe(value))
        found = local_file(ctx, self.name, value.strip())
        if found is None or not self.image:
            return found
        path, file = found
        size = image_size(file)
        if size is None:
            raise Invalid(f"{describe(value)}（不是能识别的图片）", "JPEG、PNG、WebP 或 HEIC 图片", "用看图软件打开检查，或重新导出图片")
        return Cover(path, *size)


@dataclass(frozen=True)
class Attachments(Field):
    """Files offered for download: a list of {file, title} (or of paths)."""

    kind: ClassVar[str] = "files"

    def default(self, ctx: Context) -> Any:
        return ()

    def parse(self, value: Any, ctx: Context) -> Any:
        if not isinstance(value, list):
            raise Invalid(describe(value))
        result: list[Attachment] = []
        for i, item in enumerate(value):
            name = f"{self.name}[{i}]"
            if isinstance(item, str):
                item = {"file": item}
            if not isinstance(item, dict):
                ctx.report(name, describe(item), "{file: 文件路径, title: 附件名称}")
                continue
            ctx.problems.extend(unknown_fields(ctx.path, ctx.prefix + name, item, ("file", "title")))
            file = item.get("file")
            if not (isinstance(file, str) and file.strip()):
                ctx.report(f"{name}.file", describe(file) if "file" in item else "缺少此字段", "相对于本文件的附件路径，如 files/summary.pdf")
                continue
            title = item.get("title")
            if title is not None and not (isinstance(title, str) and title.strip()):
                ctx.report(f"{name}.title", describe(title), "附件名称文字")
                title = None
            found = local_file(ctx, f"{name}.file", file.strip())
            if found is None:
                continue
            path, on_disk = found
            shown_title = " ".join(title.split()) if isinstance(title, str) else posixpath.basename(path)
            result.append(Attachment(path, shown_title, on_disk.stat().st_size))
        return tuple(result)


@dataclass(frozen=True)
class ChoiceList(Field):
    """A list of keys from a fixed set or a registry (site.yml: count_types); one key alone is taken as a list of one."""

    kind: ClassVar[str] = "list-of-keys"
    options: Mapping[str, str] = field(default_factory=dict)
    registry: str = ""
    what: str = ""  # 公报类型: "公报类型的列表", "公报类型（summary、plan、news、notice）"

    def choices(self, registries: Mapping[str, Mapping[str, str]] | None = None) -> Mapping[str, str]:
        return self.options or (registries or {}).get(self.registry, {})

    def default(self, ctx: Context) -> Any:
        return ()

    def parse(self, value: Any, ctx: Context) -> Any:
        allowed = tuple(self.choices(ctx.registries))
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise Invalid(describe(value), f"{self.what}的列表")
        keys: list[str] = []
        for i, item in enumerate(value):
            if item in allowed:
                if item not in keys:
                    keys.append(item)
            else:
                expected = f"{self.what}（{'、'.join(allowed)}）" if len(allowed) <= 6 else self.what
                ctx.report(f"{self.name}[{i}]", describe(item), expected, did_you_mean(item, allowed))
        return tuple(keys)


def new_organisation(value: str, ctx: Context) -> str:
    """The lines to add to organisations.yml for an organisation not registered, in its own format."""
    if KEY_RE.match(value):
        key, name = value, "单位全称"
        level = next((lv for lv in LEVELS if value.endswith("-" + lv)), "town")
    else:
        key, level = pinyin.organisation(value)
        name = value
    roots = list(ctx.registries.get("organisation_roots", {}))
    lines = [f"{key}:", f"  name: {name}", f"  level: {level}  # {'、'.join(LEVELS)} 之一"]
    if len(roots) == 1:
        lines.append(f"  parent: {roots[0]}  # 上级单位的键，没有上级时删去这一行")
    text = "\n".join(lines)
    return f"新单位请在 organisations.yml 末尾加上以下几行，核对名称和级别，再把本篇的 org 写成 {key}：\n{text}\n"


# -- shared checks -------------------------------------------------------------------
def check_number(raw: Any) -> Number:
    """A statistic as written → an exact number, or Invalid with the fix (写成 486000)."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise Invalid(describe(raw), "不小于 0 的数字")
    if isinstance(raw, str):
        raise Invalid(describe(raw), "不小于 0 的数字（不加引号、逗号和单位）", _number_hint(raw))
    if isinstance(raw, float) and (math.isnan(raw) or math.isinf(raw)):
        raise Invalid(describe(raw), "不小于 0 的有限数字")
    if raw < 0:
        raise Invalid(describe(raw), "不小于 0 的数字", "统计数不能为负数")
    return to_number(raw)


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


def _also(suggestion: str, note: str) -> str:
    """``note`` added to a suggestion."""
    if not suggestion:
        return note
    return suggestion + ("" if suggestion.endswith("？") else "；") + note


def local_file(ctx: Context, name: str, value: str) -> tuple[str, Path] | None:
    """A path relative to the bulletin, checked: its docs-relative path and the file on disk (None: reported)."""
    if "://" in value or value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value):
        ctx.report(name, describe(value), "相对于本文件的路径（不能是网址或绝对路径）", "把文件放到公报旁边的文件夹里")
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(ctx.src_path), value.replace("\\", "/")))
    if path.startswith("../") or path == "..":
        ctx.report(name, describe(value), "站点内容文件夹里的文件", "把文件放到公报旁边的文件夹里")
        return None
    on_disk = ctx.locate(path) if ctx.locate is not None else None
    if on_disk is None:
        ctx.report(name, f"{describe(value)}（文件不存在）", "相对于本文件的已有文件", "检查文件名和所在文件夹")
        return None
    return path, on_disk


# -- the declarations ------------------------------------------------------------------
PERIOD_EXPECTED = "annual（全年）、H1（上半年）、H2（下半年）、Q1–Q4（第一至第四季度）之一"

#: A bulletin's front matter, in the order it is checked (a field may look at those before it).
BULLETIN: tuple[Field, ...] = (
    Text("title", "标题", "公报的标题，纯文字，如 石桥镇总工会2024年工作总结", required=True, fatal=True,
         expected="非空的标题文字", missing="公报标题（纯文本）", number_hint="标题是数字时请加引号"),
    DateTime("date", "发布日期", "发布的日期，写成 2025-01-15，也可带时间 2025-01-15 09:30", required=True, fatal=True,
             expected="发布日期 YYYY-MM-DD（可带时间 YYYY-MM-DD HH:MM）", missing="发布日期 YYYY-MM-DD"),
    Choice("type", "类型", "公报的类型", required=True, fatal=True, options=TYPE_LABELS,
           expected="、".join(TYPE_LABELS) + " 之一"),
    Year("year", "年度", "总结或计划所属的年份，如 2024；新闻和通知不写时取发布日期的年份", fatal=True,
         expected=f"四位数字的年份（{YEAR_RANGE[0]}–{YEAR_RANGE[1]}），如 2023", required_for=PERIOD_TYPES),
    Choice("period", "时段", "总结或计划覆盖的时段，不写就是全年", fatal=True, options=PERIOD_LABELS, default_key="annual",
           expected=PERIOD_EXPECTED, fold_case=True, only_for=PERIOD_TYPES),
    Key("org", "发布单位", "organisations.yml 里登记的单位键", required=True, fatal=True, registry="organisations", what="单位",
        expected="organisations.yml 中的单位键", unknown_hint=new_organisation),
    KeyList("topics", "专题", "topics.yml 里的专题键，可写几个", registry="topics", what="专题",
            expected="topics.yml 中专题键的列表", item_expected="topics.yml 中的专题键"),
    Text("summary", "摘要", "一句话摘要；不写就用正文第一段", expected="一句话摘要文字"),
    Stats("stats", "统计数字", "指标键: 数字（不加引号、逗号和单位；金额以元为单位）", expected="指标键: 数字 形式的映射"),
    Figures("figures", "其他数字", "不参与汇总的数字，也显示成卡片：{label: 名称, value: 数字, unit: 单位}",
            expected="{label, value, unit} 的列表"),
    LocalFile("cover", "封面图片", "图片的路径，相对于本文件，如 images/photo.jpg", image=True,
              expected="相对于本文件的图片路径，如 images/photo.jpg"),
    Attachments("attachments", "附件", "供下载的文件：{file: 路径, title: 名称}，路径相对于本文件", expected="{file, title} 的列表"),
    Text("index_no", "索引号", "政务公开的索引号，如 SQ-2025-003", expected="索引号文字，如 TY-2024-003", collapse=False,
         whole_numbers=True),
    Flag("draft", "草稿", "写 true 时不发布"),
    TextList("privacy_allow", "可公开的姓名或号码", "确需公开的姓名或号码（劳模、获奖职工，特意公布的电话）",
             expected="姓名或号码的列表", checked_elsewhere=True),  # the bulletin-privacy plugin reads and checks it
)
BULLETIN_FIELDS: tuple[str, ...] = tuple(f.name for f in BULLETIN)

#: One organisation of organisations.yml.
ORGANISATION: tuple[Field, ...] = (
    Text("name", "名称", "单位全称，如 天元镇总工会", required=True, fatal=True, expected="单位全称，如 天元镇总工会"),
    Choice("level", "级别", "单位的级别", required=True, options=LEVEL_LABELS, expected="、".join(LEVEL_LABELS) + " 之一",
           label_hint="contains"),
    Text("parent", "上级单位", "上级单位的键，可不写", expected="另一个单位的键"),
)

#: One metric of metrics.yml.
METRIC: tuple[Field, ...] = (
    Text("label", "名称", "读者看到的指标名称，如 新发展会员", required=True, fatal=True, expected="读者看到的指标名称，如 新发展会员"),
    Text("unit", "单位", "计量单位，如 名、份、元", expected="计量单位文字，如 名、份、元", empty=True),
    Choice("aggregate", "汇总方式", "年度汇总怎样合并各单位的数字", options={"sum": "相加", "max": "取最大", "mean": "取平均", "none": "不汇总"},
           default_key="sum", expected="、".join(AGGREGATES) + " 之一"),
    TextList("phrases", "说法", "正文里说到这个数字时常用的词语（导入 Word 稿时用来认出数字），如 发展新会员",
             expected="短语的列表，如 [发展新会员, 新入会]", item_expected="一个短语（文字），如 发展新会员", unique=True),
)


#: site.yml. (headline_metrics' default depends on metrics.yml: see site_config.)
SITE: tuple[Field, ...] = (
    Text("publisher", "发布单位", "显示在每页底部的发布单位", expected="发布单位名称文字", empty=True, collapse=False),
    Text("icp", "ICP 备案号", "显示在每页底部，链接到备案查询网站", expected="ICP 备案号文字，如 浙ICP备12345678号", empty=True, collapse=False),
    Text("contact", "联系方式", "电话或地址，显示在每页底部", expected="联系方式文字，如 0000-00000000 或地址", empty=True, collapse=False),
    ChoiceList("count_types", "计入汇总的类型", "年度汇总统计哪些类型的公报，默认只统计工作总结", options=TYPE_LABELS, what="公报类型"),
    ChoiceList("count_levels", "计入汇总的级别", "年度汇总统计哪些级别的单位，默认全部", options=LEVEL_LABELS, what="单位级别"),
    ChoiceList("headline_metrics", "主要指标", "首页和年度列表显示的指标", registry="metrics", what="metrics.yml 中的指标键"),
    WholeNumber("latest_count", "最新动态条数", "首页“最新动态”显示几条", expected="1 到 50 之间的整数"),
)
SITE_FIELDS: tuple[str, ...] = tuple(f.name for f in SITE)


def field_named(fields: Sequence[Field], name: str) -> Field:
    """The declaration of ``name`` among ``fields``."""
    return next(f for f in fields if f.name == name)
