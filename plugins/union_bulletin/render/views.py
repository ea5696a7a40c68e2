"""What each page shows, as plain values for the templates: one frozen
dataclass per kind of page (``PageKind``), each with the fields its template
reads, and ``Views``, which builds them from the catalog and its statistics.

URLs here are relative to the site root; templates pass them through the
generator's ``url`` filter to make them relative to the page. Text is raw:
templates escape every string (except the report's bulletin bodies, which are
the sanitized HTML MkDocs rendered).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..catalog import Catalog
from ..model import ANNUAL, LEVEL_LABELS, LEVELS, PERIOD_LABELS, TYPE_LABELS, Bulletin, Cover, Organisation
from ..pages import LIST_TITLES, PageKind, page_url, src_uri
from ..stats import Stats
from . import formatting as fmt
from .cards import Card, bulletin_cards, year_cards
from .charts import bar_chart
from .report import rebase

FILE_KINDS = {
    "pdf": "PDF 文档", "doc": "Word 文档", "docx": "Word 文档", "xls": "Excel 表格",
    "xlsx": "Excel 表格", "csv": "CSV 表格", "wps": "WPS 文档", "et": "WPS 表格",
    "ppt": "演示文稿", "pptx": "演示文稿", "zip": "压缩包", "rar": "压缩包",
    "jpg": "图片", "jpeg": "图片", "png": "图片", "txt": "文本文件", "ofd": "OFD 文档",
}
STATS_JSON = "data/stats.json"
STATS_CSV = "data/stats.csv"


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Item:
    """A bulletin as lists show it."""

    title: str
    url: str
    type: str
    type_label: str
    year: int
    org: Link
    date_iso: str
    date_text: str
    summary: str
    period_label: str = ""  # 上半年, 第三季度 …: shown even in a list grouped by type; empty for a whole year


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    items: tuple[Item, ...]
    anchor: str = ""


@dataclass(frozen=True)
class Chart:
    label: str
    html: str


MetaValue = str | Link | tuple[Link, ...]


@dataclass(frozen=True)
class View:
    """What every page of ours has: its kind, title, breadcrumbs (the last one is the page itself, url "")."""

    kind: PageKind
    title: str
    crumbs: tuple[Link, ...]

    @property
    def section(self) -> PageKind | None:
        return self.kind.section


@dataclass(frozen=True)
class HomeView(View):
    cards: tuple[Card, ...]
    year: Link | None  # the latest year with figures
    latest: tuple[Item, ...]
    archive: tuple[Link, ...]
    years: tuple[Link, ...]


@dataclass(frozen=True)
class Attachment:
    title: str
    url: str
    kind: str
    size: str


@dataclass(frozen=True)
class BulletinView(View):
    type: str
    type_label: str
    cards: tuple[Card, ...]
    meta: tuple[tuple[str, MetaValue], ...]
    cover: Cover | None
    attachments: tuple[Attachment, ...]
    others_title: str
    others: tuple[Link, ...]


@dataclass(frozen=True)
class YearRow:
    year: int
    url: str
    count: int
    counts: tuple[tuple[str, int], ...]
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class YearsView(View):
    rows: tuple[YearRow, ...]
    data: tuple[Link, ...]  # the open-data files


@dataclass(frozen=True)
class YearView(View):
    cards: tuple[Card, ...]
    note: str
    groups: tuple[Group, ...]
    previous: Link | None
    next: Link | None
    all: Link
    report: Link


@dataclass(frozen=True)
class ReportEntry:
    anchor: str
    title: str
    type_label: str
    org: str
    date_text: str
    url: str
    cards: tuple[Card, ...]
    body: str  # sanitized HTML as MkDocs rendered it, re-pointed for the report's address


@dataclass(frozen=True)
class ReportView(View):
    year: int
    publisher: str
    cards: tuple[Card, ...]
    note: str
    entries: tuple[ReportEntry, ...]
    back: Link


@dataclass(frozen=True)
class OrgRow:
    name: str
    url: str
    level: str
    depth: int
    count: int
    years: str


@dataclass(frozen=True)
class OrgsView(View):
    rows: tuple[OrgRow, ...]


@dataclass(frozen=True)
class OrgView(View):
    meta: tuple[tuple[str, MetaValue], ...]
    charts: tuple[Chart, ...]
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class TopicRow:
    name: str
    url: str
    count: int


@dataclass(frozen=True)
class TopicsView(View):
    rows: tuple[TopicRow, ...]


@dataclass(frozen=True)
class TopicView(View):
    items: tuple[Item, ...]
    all: Link


#: The types a compiled report prints in full, in this order.
REPORT_TYPES = ("summary", "plan")


class Views:
    """Builds page views from the catalog and its statistics."""

    def __init__(self, catalog: Catalog, stats: Stats, use_directory_urls: bool = True) -> None:
        self.catalog = catalog
        self.stats = stats
        self.cfg = catalog.config
        self.dir_urls = use_directory_urls
        self._items: dict[str, Item] = {}
        self._firsts: dict[str, dict[tuple[int, str], Bulletin]] = {}
        self._generated: dict[PageKind, Callable[[str, str], View]] = {
            PageKind.YEARS: self._years, PageKind.YEAR: self._year, PageKind.ORGS: self._orgs,
            PageKind.ORG: self._org, PageKind.TOPICS: self._topics, PageKind.TOPIC: self._topic,
        }

    # -- addresses ---------------------------------------------------------
    def url(self, kind: PageKind, key: str = "") -> str:
        return page_url(src_uri(kind, key), self.dir_urls)

    def org_link(self, key: str) -> Link:
        org = self.cfg.organisations[key]
        return Link(org.name, self.url(PageKind.ORG, key))

    def crumbs(self, kind: PageKind, *middle: Link, title: str = "") -> tuple[Link, ...]:
        """首页 › the section's list page › ``middle`` › the page itself (``title``, no link)."""
        trail = [Link("首页", self.url(PageKind.HOME))]
        section = kind.section
        if section is not None:
            trail.append(Link(LIST_TITLES[section], self.url(section)))
        trail += middle
        if title:
            trail.append(Link(title, ""))
        else:
            trail[-1] = Link(trail[-1].text, "")
        return tuple(trail)

    def year_link(self, year: int) -> Link:
        return Link(f"{year}年", self.url(PageKind.YEAR, str(year)))

    def item(self, b: Bulletin) -> Item:
        cached = self._items.get(b.src_path)
        if cached is None:
            cached = Item(
                b.title, b.url, b.type, b.kind_label, b.year, self.org_link(b.org),
                b.date.isoformat(), fmt.date_text(b.date), b.summary, "" if b.period == ANNUAL else PERIOD_LABELS[b.period],
            )
            self._items[b.src_path] = cached
        return cached

    def _org_firsts(self, org: str) -> dict[tuple[int, str], Bulletin]:
        """An organisation's newest bulletin per (year, type), the annual one first, computed once per organisation."""
        firsts = self._firsts.get(org)
        if firsts is None:
            firsts = {}
            for b in self.catalog.by_org.get(org, ()):
                kept = firsts.setdefault((b.year, b.type), b)
                if kept.period != ANNUAL and b.period == ANNUAL:
                    firsts[(b.year, b.type)] = b
            self._firsts[org] = firsts
        return firsts

    def by_type(self, bulletins: Sequence[Bulletin]) -> tuple[Group, ...]:
        return tuple(Group(t, TYPE_LABELS[t], tuple(self.item(b) for b in bs), f"type-{t}") for t, bs in self.catalog.by_type(bulletins))

    def headline(self, year: int) -> tuple[Card, ...]:
        return tuple(year_cards(self.stats, year, self.cfg, self.cfg.facts.headline_metrics))

    def _year_note(self) -> str:
        facts = self.cfg.facts
        counted = "、".join(TYPE_LABELS[t] for t in facts.count_types)
        who = "各单位" if set(facts.count_levels) == set(LEVELS) else "、".join(LEVEL_LABELS[lv] for lv in facts.count_levels)
        return f"统计卡片汇总本年度{who}{counted}中的数字，与上一年度相比；各单位自己的数字见其单位页面。"

    # -- pages ---------------------------------------------------------------
    def page(self, kind: PageKind, key: str, title: str) -> View:
        """The view of a generated page (not the report: see ``report``)."""
        return self._generated[kind](key, title)

    def _years(self, key: str, title: str) -> YearsView:
        rows = []
        for year in self.catalog.years:
            bulletins = self.catalog.by_year[year]
            counts = tuple((label, n) for t, label in TYPE_LABELS.items() if (n := sum(1 for b in bulletins if b.type == t)))
            rows.append(YearRow(year, self.url(PageKind.YEAR, str(year)), len(bulletins), counts, self.headline(year)))
        data = (Link("统计数字（JSON）", STATS_JSON), Link("统计数字（CSV 表格，Excel 可直接打开）", STATS_CSV))
        return YearsView(PageKind.YEARS, title, self.crumbs(PageKind.YEARS), tuple(rows), data)

    def _year(self, key: str, title: str) -> YearView:
        year = int(key)
        years = sorted(self.catalog.by_year)
        i = years.index(year)
        return YearView(
            PageKind.YEAR, title, self.crumbs(PageKind.YEAR, self.year_link(year)),
            cards=tuple(year_cards(self.stats, year, self.cfg)), note=self._year_note(),
            groups=self.by_type(self.catalog.by_year[year]),
            previous=self.year_link(years[i - 1]) if i > 0 else None,
            next=self.year_link(years[i + 1]) if i + 1 < len(years) else None,
            all=Link("全部年度", self.url(PageKind.YEARS)),
            report=Link(f"{year}年度公报合订本（打印版）", self.url(PageKind.REPORT, key)),
        )

    def report_bulletins(self, year: int) -> list[Bulletin]:
        """The bulletins a year's compiled report prints in full: summaries, then plans, each newest first."""
        bulletins = self.catalog.by_year.get(year, ())
        return [b for t in REPORT_TYPES for b in bulletins if b.type == t]

    def report(self, key: str, title: str, bodies: Mapping[str, str]) -> ReportView:
        """The compiled report of a year; ``bodies`` maps a bulletin's source path to its rendered HTML."""
        year = int(key)
        here = self.url(PageKind.REPORT, key)
        entries = []
        for n, b in enumerate(self.report_bulletins(year), start=1):
            anchor = f"b{n}"
            body = rebase(bodies.get(b.src_path, ""), b.url, here, anchor + "-")
            entries.append(ReportEntry(anchor, b.title, b.kind_label, self.cfg.organisations[b.org].name, fmt.date_text(b.date), b.url, tuple(bulletin_cards(b, self.cfg)), body))
        return ReportView(
            PageKind.REPORT, title, self.crumbs(PageKind.REPORT, self.year_link(year), title="合订本"),
            year=year, publisher=self.cfg.facts.publisher, cards=tuple(year_cards(self.stats, year, self.cfg)),
            note=self._year_note(), entries=tuple(entries), back=Link(f"返回{year}年度公报", self.url(PageKind.YEAR, key)),
        )

    def _orgs(self, key: str, title: str) -> OrgsView:
        rows: list[OrgRow] = []
        orgs = self.cfg.organisations

        def visit(org: Organisation, depth: int) -> None:
            bulletins = self.catalog.by_org.get(org.key, ())
            years = sorted({b.year for b in bulletins})
            span = f"{years[0]}–{years[-1]}年" if len(years) > 1 else (f"{years[0]}年" if years else "")
            rows.append(OrgRow(org.name, self.url(PageKind.ORG, org.key), org.level_label, depth, len(bulletins), span))
            for child in self.catalog.children(org.key):
                visit(orgs[child], depth + 1)

        for org in orgs.values():
            if org.parent is None:
                visit(org, 0)
        return OrgsView(PageKind.ORGS, title, self.crumbs(PageKind.ORGS), tuple(rows))

    def _org_chain(self, key: str) -> list[Link]:
        """The organisation's parents, topmost first, then itself."""
        chain: list[Link] = []
        seen: set[str] = set()
        current: str | None = key
        while current is not None and current not in seen:
            seen.add(current)
            chain.insert(0, self.org_link(current))
            current = self.cfg.organisations[current].parent
        return chain

    def _org(self, key: str, title: str) -> OrgView:
        org = self.cfg.organisations[key]
        bulletins = self.catalog.by_org.get(key, ())
        meta: list[tuple[str, MetaValue]] = [("级别", org.level_label)] if org.level_label else []
        if org.parent:
            meta.append(("上级工会", self.org_link(org.parent)))
        children = tuple(self.org_link(c) for c in self.catalog.children(key))
        if children:
            meta.append(("下属工会", children))
        meta.append(("公报数量", f"{len(bulletins)}篇"))
        series = self.stats.org_series(key)
        # Every year from the organisation's first to its last figure or bulletin: a gap shows as 无数据.
        seen_years = {b.year for b in bulletins} | {y for s in series.values() for y in s}
        span = range(min(seen_years), max(seen_years) + 1) if seen_years else range(0)
        charts = tuple(Chart(m.label, bar_chart(series[k], m.unit, span)) for k, m in self.cfg.metrics.items() if k in series)
        per_year: dict[int, list[Item]] = {}
        for b in bulletins:
            per_year.setdefault(b.year, []).append(self.item(b))
        groups = tuple(Group(str(y), f"{y}年", tuple(per_year[y]), f"y{y}") for y in sorted(per_year, reverse=True))
        crumbs = self.crumbs(PageKind.ORG, *self._org_chain(key))
        return OrgView(PageKind.ORG, title, crumbs, tuple(meta), charts, groups)

    def _topics(self, key: str, title: str) -> TopicsView:
        rows = tuple(
            TopicRow(t.label, self.url(PageKind.TOPIC, k), len(self.catalog.by_topic.get(k, ())))
            for k, t in self.cfg.topics.items()
        )
        return TopicsView(PageKind.TOPICS, title, self.crumbs(PageKind.TOPICS), rows)

    def _topic(self, key: str, title: str) -> TopicView:
        items = tuple(self.item(b) for b in self.catalog.by_topic.get(key, ()))
        return TopicView(PageKind.TOPIC, title, self.crumbs(PageKind.TOPIC, title=title), items, Link("全部专题", self.url(PageKind.TOPICS)))

    def home(self, title: str) -> HomeView:
        latest = tuple(self.item(b) for b in self.catalog.bulletins if b.type in ("news", "notice"))[: self.cfg.facts.latest_count]
        year = next((y for y in self.catalog.years if self.stats.totals.get(y)), None)
        return HomeView(
            PageKind.HOME, title, (Link("首页", ""),),
            cards=self.headline(year) if year is not None else (),
            year=Link(f"{year}年度公报", self.url(PageKind.YEAR, str(year))) if year is not None else None,
            latest=latest,
            archive=tuple(Link(t, self.url(k)) for k, t in LIST_TITLES.items()),
            years=tuple(self.year_link(y) for y in self.catalog.years),
        )

    def bulletin(self, b: Bulletin) -> BulletinView:
        cfg = self.cfg
        meta: list[tuple[str, MetaValue]] = [
            ("发布机构", self.org_link(b.org)),
            ("发布日期", fmt.date_text(b.date) + (f" {b.time:%H:%M}" if b.time else "")),
            ("年度", self.year_link(b.year)),
            ("类型", b.kind_label),
        ]
        if b.topics:
            meta.append(("专题", tuple(Link(cfg.topics[t].label, self.url(PageKind.TOPIC, t)) for t in b.topics)))
        if b.index_no:
            meta.append(("索引号", b.index_no))
        attachments = tuple(
            Attachment(a.title, a.path, FILE_KINDS.get(a.extension, a.extension.upper() or "文件"), fmt.size_text(a.size))
            for a in b.attachments
        )
        org = cfg.organisations[b.org].name
        firsts = self._org_firsts(b.org)
        years = sorted({y for y, _ in firsts} - {b.year}, reverse=True)
        if b.type in REPORT_TYPES:
            # A summary or plan: the same organisation's summary (plan) of its other years, one each.
            others = tuple(Link(f"{y}年", firsts[(y, b.type)].url) for y in years if (y, b.type) in firsts)
            others_title = f"{org}其他年度的{b.type_label}"
        else:
            # News and notices are many a year: the other years' lists on the organisation's page.
            others = tuple(Link(f"{y}年", self.url(PageKind.ORG, b.org) + f"#y{y}") for y in years)
            others_title = f"{org}其他年度的公报"
        crumbs = self.crumbs(PageKind.BULLETIN, self.year_link(b.year), title=b.title)
        return BulletinView(
            PageKind.BULLETIN, b.title, crumbs, b.type, b.kind_label, tuple(bulletin_cards(b, cfg)), tuple(meta),
            b.cover, attachments, others_title, others,
        )
