"""What each page shows, as plain values for the templates.

URLs here are relative to the site root; templates pass them through the
generator's ``url`` filter to make them relative to the page. Text is raw:
templates escape every string.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalog import Catalog
from ..model import LEVEL_LABELS, LEVELS, TYPE_LABELS, Bulletin, Organisation
from ..pages import page_url, src_uri
from ..stats import Stats
from . import formatting as fmt
from .cards import Card, bulletin_cards, year_cards
from .charts import bar_chart

FILE_KINDS = {
    "pdf": "PDF 文档", "doc": "Word 文档", "docx": "Word 文档", "xls": "Excel 表格",
    "xlsx": "Excel 表格", "csv": "CSV 表格", "wps": "WPS 文档", "et": "WPS 表格",
    "ppt": "演示文稿", "pptx": "演示文稿", "zip": "压缩包", "rar": "压缩包",
    "jpg": "图片", "jpeg": "图片", "png": "图片", "txt": "文本文件", "ofd": "OFD 文档",
}


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


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    items: list[Item]
    anchor: str = ""


@dataclass(frozen=True)
class Chart:
    label: str
    unit: str
    svg: str


@dataclass
class PageView:
    """Everything a generated page or a bulletin page needs beyond MkDocs' own."""

    kind: str
    title: str
    cards: list[Card] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, Any] = field(default_factory=dict)
    meta: list[tuple[str, Any]] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    note: str = ""


class Views:
    """Builds page views from the catalog and its statistics."""

    def __init__(self, catalog: Catalog, stats: Stats, use_directory_urls: bool = True) -> None:
        self.catalog = catalog
        self.stats = stats
        self.cfg = catalog.config
        self.dir_urls = use_directory_urls
        self._items: dict[str, Item] = {}
        self._firsts: dict[str, dict[tuple[int, str], Bulletin]] = {}

    # -- addresses ---------------------------------------------------------
    def url(self, kind: str, key: str = "") -> str:
        return page_url(src_uri(kind, key), self.dir_urls)

    def org_link(self, key: str) -> Link:
        org = self.cfg.organisations[key]
        return Link(org.name, self.url("org", key))

    def item(self, b: Bulletin) -> Item:
        cached = self._items.get(b.src_path)
        if cached is None:
            cached = Item(
                b.title, b.url, b.type, b.type_label, b.year, self.org_link(b.org),
                b.date.isoformat(), fmt.date_text(b.date), b.summary,
            )
            self._items[b.src_path] = cached
        return cached

    def _org_firsts(self, org: str) -> dict[tuple[int, str], Bulletin]:
        """An organisation's newest bulletin per (year, type), computed once per organisation."""
        firsts = self._firsts.get(org)
        if firsts is None:
            firsts = {}
            for b in self.catalog.by_org.get(org, ()):
                firsts.setdefault((b.year, b.type), b)
            self._firsts[org] = firsts
        return firsts

    def by_type(self, bulletins: list[Bulletin] | tuple[Bulletin, ...]) -> list[Group]:
        return [Group(t, TYPE_LABELS[t], [self.item(b) for b in bs], f"type-{t}") for t, bs in self.catalog.by_type(bulletins)]

    def headline(self, year: int) -> list[Card]:
        return year_cards(self.stats, year, self.cfg, self.cfg.facts.headline_metrics)

    # -- pages ---------------------------------------------------------------
    def page(self, kind: str, key: str, title: str) -> PageView:
        return getattr(self, f"_{kind}")(key, title)

    def _years(self, key: str, title: str) -> PageView:
        rows = []
        for year in self.catalog.years:
            bulletins = self.catalog.by_year[year]
            counts = [(label, n) for t, label in TYPE_LABELS.items() if (n := sum(1 for b in bulletins if b.type == t))]
            rows.append({"year": year, "url": self.url("year", str(year)), "count": len(bulletins), "counts": counts, "cards": self.headline(year)})
        return PageView("years", title, rows=rows)

    def _year(self, key: str, title: str) -> PageView:
        year = int(key)
        years = sorted(self.catalog.by_year)
        i = years.index(year)
        links = {
            "previous": Link(f"{years[i - 1]}年", self.url("year", str(years[i - 1]))) if i > 0 else None,
            "next": Link(f"{years[i + 1]}年", self.url("year", str(years[i + 1]))) if i + 1 < len(years) else None,
            "all": Link("全部年度", self.url("years")),
        }
        facts = self.cfg.facts
        counted = "、".join(TYPE_LABELS[t] for t in facts.count_types)
        who = "各单位" if set(facts.count_levels) == set(LEVELS) else "、".join(LEVEL_LABELS[lv] for lv in facts.count_levels)
        return PageView(
            "year", title, cards=year_cards(self.stats, year, self.cfg),
            groups=self.by_type(self.catalog.by_year[year]), links=links,
            note=f"统计卡片汇总本年度{who}{counted}中的数字，与上一年度相比；各单位自己的数字见其单位页面。",
        )

    def _orgs(self, key: str, title: str) -> PageView:
        rows: list[dict[str, Any]] = []
        orgs = self.cfg.organisations

        def visit(org: Organisation, depth: int) -> None:
            bulletins = self.catalog.by_org.get(org.key, ())
            years = sorted({b.year for b in bulletins})
            rows.append({
                "name": org.name, "url": self.url("org", org.key), "level": org.level_label, "depth": depth,
                "count": len(bulletins), "years": f"{years[0]}–{years[-1]}年" if len(years) > 1 else (f"{years[0]}年" if years else ""),
            })
            for child in self.catalog.children(org.key):
                visit(orgs[child], depth + 1)

        for org in orgs.values():
            if org.parent is None:
                visit(org, 0)
        return PageView("orgs", title, rows=rows)

    def _org(self, key: str, title: str) -> PageView:
        org = self.cfg.organisations[key]
        bulletins = self.catalog.by_org.get(key, ())
        meta: list[tuple[str, Any]] = [("级别", org.level_label)] if org.level_label else []
        if org.parent:
            meta.append(("上级工会", self.org_link(org.parent)))
        children = [self.org_link(c) for c in self.catalog.children(key)]
        if children:
            meta.append(("下属工会", children))
        meta.append(("公报数量", f"{len(bulletins)}篇"))
        series = self.stats.org_series(key)
        charts = [
            Chart(m.label, m.unit, bar_chart(m.label, m.unit, series[k], f"chart-{k}"))
            for k, m in self.cfg.metrics.items() if k in series
        ]
        per_year: dict[int, list[Item]] = {}
        for b in bulletins:
            per_year.setdefault(b.year, []).append(self.item(b))
        groups = [Group(str(y), f"{y}年", per_year[y], f"y{y}") for y in sorted(per_year, reverse=True)]
        return PageView("org", title, groups=groups, meta=meta, charts=charts)

    def _topics(self, key: str, title: str) -> PageView:
        rows = [
            {"name": t.label, "url": self.url("topic", k), "count": len(self.catalog.by_topic.get(k, ()))}
            for k, t in self.cfg.topics.items()
        ]
        return PageView("topics", title, rows=rows)

    def _topic(self, key: str, title: str) -> PageView:
        items = [self.item(b) for b in self.catalog.by_topic.get(key, ())]
        return PageView("topic", title, groups=[Group(key, title, items)] if items else [], links={"all": Link("全部专题", self.url("topics"))})

    def home(self, title: str) -> PageView:
        latest = [self.item(b) for b in self.catalog.bulletins if b.type in ("news", "notice")][: self.cfg.facts.latest_count]
        year = next((y for y in self.catalog.years if self.stats.totals.get(y)), None)
        cards = self.headline(year) if year is not None else []
        links = {
            "year": Link(f"{year}年度公报", self.url("year", str(year))) if year is not None else None,
            "archive": [Link("年度公报", self.url("years")), Link("基层组织", self.url("orgs")), Link("工作专题", self.url("topics"))],
            "years": [Link(f"{y}年", self.url("year", str(y))) for y in self.catalog.years],
        }
        return PageView("home", title, cards=cards, groups=[Group("latest", "最新动态", latest)] if latest else [], links=links)

    def bulletin(self, b: Bulletin) -> PageView:
        cfg = self.cfg
        meta: list[tuple[str, Any]] = [
            ("发布机构", self.org_link(b.org)),
            ("发布日期", fmt.date_text(b.date) + (f" {b.time:%H:%M}" if b.time else "")),
            ("年度", Link(f"{b.year}年", self.url("year", str(b.year)))),
            ("类型", b.type_label),
        ]
        if b.topics:
            meta.append(("专题", [Link(cfg.topics[t].label, self.url("topic", t)) for t in b.topics]))
        if b.index_no:
            meta.append(("索引号", b.index_no))
        attachments = [
            {"title": a.title, "url": a.path, "kind": FILE_KINDS.get(a.extension, a.extension.upper() or "文件"), "size": fmt.size_text(a.size)}
            for a in b.attachments
        ]
        # The same organisation's other years: its bulletin of the same type if any, else the year on its page.
        others = []
        firsts = self._org_firsts(b.org)
        for year in sorted({y for y, _ in firsts} - {b.year}, reverse=True):
            same = firsts.get((year, b.type))
            if same is not None:
                others.append(Link(f"{year}年", same.url))
            else:
                others.append(Link(f"{year}年", self.url("org", b.org) + f"#y{year}"))
        links = {
            "others": others, "org": self.org_link(b.org), "cover": b.cover, "attachments": attachments,
            "type": b.type, "type_label": b.type_label,
        }
        return PageView("bulletin", b.title, cards=bulletin_cards(b, cfg), meta=meta, links=links)
