"""The things a bulletin site is made of, as plain immutable values.

Nothing here reads files or knows about MkDocs; see :mod:`frontmatter` and
:mod:`site_config` for how these values are made from input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

#: Bulletin types, in the order pages list them, with the label readers see.
TYPE_LABELS: dict[str, str] = {
    "summary": "工作总结",
    "plan": "工作计划",
    "news": "活动新闻",
    "notice": "通知公告",
}
TYPES: tuple[str, ...] = tuple(TYPE_LABELS)

#: Organisation levels, from the top of the hierarchy down, with reader labels.
LEVEL_LABELS: dict[str, str] = {
    "county": "县级总工会",
    "township": "乡工会",
    "town": "镇工会",
    "street": "街道工会",
    "enterprise": "企业工会",
}
LEVELS: tuple[str, ...] = tuple(LEVEL_LABELS)

AGGREGATES: tuple[str, ...] = ("sum", "max", "mean", "none")

#: The part of its year a summary or plan covers (``period``), with the label readers see.
PERIOD_LABELS: dict[str, str] = {
    "annual": "全年",
    "H1": "上半年",
    "H2": "下半年",
    "Q1": "第一季度",
    "Q2": "第二季度",
    "Q3": "第三季度",
    "Q4": "第四季度",
}
PERIODS: tuple[str, ...] = tuple(PERIOD_LABELS)
ANNUAL = "annual"
#: The quarters each period covers: two periods overlap when they share one.
PERIOD_QUARTERS: dict[str, frozenset[int]] = {
    "annual": frozenset({1, 2, 3, 4}),
    "H1": frozenset({1, 2}),
    "H2": frozenset({3, 4}),
    "Q1": frozenset({1}),
    "Q2": frozenset({2}),
    "Q3": frozenset({3}),
    "Q4": frozenset({4}),
}
#: Types that may say which part of the year they cover.
PERIOD_TYPES: tuple[str, ...] = ("summary", "plan")

#: A statistic's value: whole numbers stay ``int``, decimals are exact.
Number = int | Decimal


@dataclass(frozen=True)
class Organisation:
    """A union that publishes bulletins (organisations.yml)."""

    key: str
    name: str
    level: str
    parent: str | None = None

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS.get(self.level, "")


@dataclass(frozen=True)
class Metric:
    """A statistic bulletins may report (metrics.yml)."""

    key: str
    label: str
    unit: str
    aggregate: str = "sum"
    phrases: tuple[str, ...] = ()  # how reports word this figure (发展新会员, 新入会): the importer's clue


@dataclass(frozen=True)
class Topic:
    """A subject bulletins are filed under (topics.yml)."""

    key: str
    label: str


@dataclass(frozen=True)
class Figure:
    """An ad-hoc figure of one bulletin: shown as a card, never aggregated."""

    label: str
    value: Number
    unit: str = ""


@dataclass(frozen=True)
class Cover:
    """A bulletin's cover picture: docs-relative path and pixel size."""

    path: str
    width: int
    height: int


@dataclass(frozen=True)
class Attachment:
    """A file offered for download with a bulletin.

    ``path`` is relative to the docs folder (POSIX separators), which is also
    its address relative to the site root.
    """

    path: str
    title: str
    size: int

    @property
    def extension(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""


@dataclass(frozen=True)
class Bulletin:
    """One validated bulletin: its front matter plus where it lives."""

    src_path: str  # relative to the docs folder, POSIX separators
    url: str  # relative to the site root, as MkDocs gives it
    title: str
    date: dt.date
    time: dt.time | None
    year: int
    org: str
    type: str
    topics: tuple[str, ...] = ()
    summary: str = ""
    stats: tuple[tuple[str, Number], ...] = ()
    figures: tuple[Figure, ...] = ()
    cover: Cover | None = None
    attachments: tuple[Attachment, ...] = ()
    index_no: str | None = None
    draft: bool = False
    period: str = ANNUAL  # one of PERIODS; only a summary or plan has another

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    @property
    def kind_label(self) -> str:
        """The type as readers see it in lists and headers: 上半年工作总结 for a half-year summary."""
        prefix = "" if self.period == ANNUAL else PERIOD_LABELS[self.period]
        return prefix + TYPE_LABELS[self.type]
