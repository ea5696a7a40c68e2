"""Figures in a report's prose, mapped to metric keys: the importer's suggested ``stats``.

A figure is a number with a measure word (发展新会员376名, 发放慰问金48万余元,
培训三百余人次). It is given to the metric whose ``phrases`` (metrics.yml) stand
nearest to it in its clause and whose unit is of the same kind (户, 人, 人次 and 名
all count people; 家 and 个 count organisations; money is converted to 元).

What a person would take is a value; what needs a person's judgement stays a
comment: an approximation (近百名, 约, 左右), or a metric that several sentences
report with different numbers (the total may be their sum, or one of them).
A figure introduced by 其中 is a part of the one before it and is not offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

from ..frontmatter import to_number
from ..model import Metric, Number

#: Measure words by the kind of thing they count; a figure fits a metric whose unit is of the same kind.
UNIT_KINDS: Mapping[str, tuple[str, ...]] = {
    "people": ("人次", "名", "人", "户", "位"),
    "money": ("元",),
    "organisations": ("个", "家"),
    "documents": ("份",),
    "cases": ("件", "宗", "起"),
    "events": ("场", "次", "期", "项"),
}
_KIND_OF = {unit: kind for kind, units in UNIT_KINDS.items() for unit in units}
_UNITS = sorted(_KIND_OF, key=len, reverse=True)

_CN_NUMERAL = "零〇一二两三四五六七八九十百千万"
_FIGURE = re.compile(
    r"(?P<pre>将近|接近|大约|近|约|逾|超过)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[" + _CN_NUMERAL + r"]+)"
    r"(?P<more>余|多|来)?(?P<mag>万|亿)?(?P<more2>余|多)?"
    r"(?P<unit>" + "|".join(_UNITS) + r")(?P<post>左右|上下)?"
)
#: After 个, these make the number a length of time or a share, not a count (4个百分点, 3个月).
_NOT_AFTER_GE = ("百分点", "月", "工作日", "小时", "季度", "星期")
_CLAUSE = re.compile(r"[，；;：:]|,(?!\d{3})")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_PART = ("其中",)
_TOTAL = ("合计", "共计", "累计", "总计", "全年共")
#: How far (characters) a phrase may stand before the number, or after its unit.
BEFORE_REACH = 16
AFTER_REACH = 4


@dataclass(frozen=True)
class Found:
    """One figure in the text, read."""

    written: str  # as in the text: 48万余元
    value: Number  # in the metric's unit: 480000
    unit: str  # the measure word: 元
    sentence: str  # the whole sentence it stands in
    approximate: bool  # 近百名, 约, 左右
    total: bool  # 全年共…, 合计…
    part: bool  # 其中…
    metric: str  # the metric key it was given to ("" when none)


@dataclass(frozen=True)
class Suggestion:
    """A metric's proposed value, or only comments when a person must decide."""

    metric: str
    value: Number | None  # None: the figures are left as comments
    sources: tuple[Found, ...]  # the figures behind it, in text order
    reason: str = ""  # why there is no value (Chinese, for the comment)


def find_figures(text: str, metrics: Mapping[str, Metric]) -> list[Found]:
    """Every figure of ``text`` with the metric it belongs to ("" when no phrase is near)."""
    found: list[Found] = []
    for sentence_match in _SENTENCE.finditer(text):
        sentence = sentence_match.group().strip()
        if not sentence:
            continue
        for clause in _CLAUSE.split(sentence):
            found += _clause_figures(clause, sentence, metrics)
    return found


def suggest(found: Iterable[Found], metrics: Mapping[str, Metric], *, targets: bool = False) -> list[Suggestion]:
    """One suggestion per metric that has figures, in metrics.yml order; ``targets``: the figures of a plan, never values."""
    by_metric: dict[str, list[Found]] = {}
    for f in found:
        if f.metric and not f.part:
            by_metric.setdefault(f.metric, []).append(f)
    result: list[Suggestion] = []
    for key in metrics:
        figures = by_metric.get(key)
        if not figures:
            continue
        sure = [f for f in figures if not f.approximate]
        totals = [f for f in sure if f.total]
        values = {f.value for f in sure}
        if targets:
            result.append(Suggestion(key, None, tuple(figures), "工作计划里的数字是目标，不是完成数；确需作为统计数字时再填写"))
        elif len({f.value for f in totals}) == 1:
            result.append(Suggestion(key, totals[0].value, tuple(figures)))
        elif len(values) == 1 and not totals:
            result.append(Suggestion(key, sure[0].value, tuple(figures)))
        elif not sure:
            result.append(Suggestion(key, None, tuple(figures), "原文是约数，请核对后填写"))
        else:
            result.append(Suggestion(key, None, tuple(figures), "原文有几处数字，是其中一处还是几处之和，请核对后填写"))
    return result


def parse_number(num: str) -> Decimal | None:
    """376, 1,280, 4.8, 三百, 一百二十 → a Decimal (None when it is no number)."""
    if num[0].isdigit():
        try:
            return Decimal(num.replace(",", ""))
        except InvalidOperation:
            return None
    text = num
    if text[0] in "十百千":
        text = "一" + text  # 百 (近百名) is 一百
    try:
        return Decimal(str(cn2an.cn2an(text, "smart")))
    except (ValueError, KeyError, IndexError):
        return None


def _clause_figures(clause: str, sentence: str, metrics: Mapping[str, Metric]) -> list[Found]:
    matches = [m for m in _FIGURE.finditer(clause) if _is_figure(m, clause)]
    result: list[Found] = []
    for i, m in enumerate(matches):
        number = parse_number(m.group("num"))
        if number is None:
            continue
        if m.group("mag"):
            number *= 10_000 if m.group("mag") == "万" else 100_000_000
        before = clause[matches[i - 1].end() if i else 0 : m.start()]
        after = clause[m.end() : matches[i + 1].start() if i + 1 < len(matches) else len(clause)]
        head = clause[: m.start()]
        result.append(Found(
            written=m.group().strip(),
            value=to_number(number),
            unit=m.group("unit"),
            sentence=sentence,
            approximate=bool(m.group("pre") and m.group("pre") != "逾" and m.group("pre") != "超过") or bool(m.group("post")),
            total=any(word in before for word in _TOTAL),
            part=any(word in head for word in _PART),
            metric=_metric_for(before, after, m.group("unit"), metrics),
        ))
    return result


def _is_figure(m: re.Match[str], clause: str) -> bool:
    start = m.start("num")
    if start and ((clause[start - 1].isascii() and clause[start - 1].isalnum()) or clause[start - 1] in "第.．"):
        return False  # part of a longer word or number, or an ordinal (第3名)
    num = m.group("num")
    if not num[0].isdigit():
        if num in ("一", "万") or (not any(ch in "一二两三四五六七八九" for ch in num) and not m.group("pre")):
            return False  # 一名职工 is an article, 百名 a name of an event; 近百名 is a figure
    return not (m.group("unit") == "个" and clause[m.end() :].startswith(_NOT_AFTER_GE))


def _metric_for(before: str, after: str, unit: str, metrics: Mapping[str, Metric]) -> str:
    """The metric whose phrase stands nearest the figure (ties: the longer phrase), among those of its unit's kind."""
    kind = _KIND_OF.get(unit, unit)
    best: tuple[int, int, str] | None = None
    near_before = before[-BEFORE_REACH:]
    near_after = after[:AFTER_REACH + 8]
    for key, metric in metrics.items():
        if _KIND_OF.get(metric.unit, metric.unit) != kind:
            continue
        for phrase in metric.phrases:
            at = near_before.rfind(phrase)
            if at >= 0:
                candidate = (len(near_before) - at - len(phrase), -len(phrase), key)
                best = candidate if best is None or candidate < best else best
            at = near_after.find(phrase)
            if 0 <= at <= AFTER_REACH:
                candidate = (at, -len(phrase), key)
                best = candidate if best is None or candidate < best else best
    return best[2] if best else ""
