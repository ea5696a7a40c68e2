"""Yearly totals and per-organisation series, from counted bulletins only.

Only bulletins whose type is in ``site.yml: count_types`` (default: the
annual summary) count, so a figure reported in a news item and again in the
summary is not counted twice. Of one organisation's summaries (or plans) of
one year, only periods that do not overlap count: the annual one when there
is one, otherwise half years and quarters that do not share a quarter
(:func:`counted`). Pure functions over the catalog.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .catalog import Catalog
from .model import ANNUAL, PERIOD_QUARTERS, PERIOD_TYPES, Bulletin, Metric, Number
from .schema import to_number


def aggregate(metric: Metric, values: Sequence[Number]) -> Number | None:
    """Combine several reported values of one metric as metrics.yml says."""
    if not values or metric.aggregate == "none":
        return None
    if metric.aggregate == "max":
        return max(values)
    total = sum((Decimal(v) for v in values), Decimal(0))
    if metric.aggregate == "mean":
        total = (total / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return to_number(total)


@dataclass(frozen=True)
class Overlap:
    """Two summaries (or plans) of one organisation and year whose periods overlap: only ``counted`` counts.

    ``expected`` is the ordinary case of a half-year or quarterly summary beside the
    annual one: the annual one counts and nothing is wrong. Anything else (two annual
    summaries, H1 beside Q2, …) is a mistake the author must resolve.
    """

    counted: Bulletin
    left_out: Bulletin
    expected: bool


def _published(b: Bulletin) -> tuple[dt.date, dt.time, int, str]:
    """First published first; on the same day the shorter path (a copy's name is usually the longer: a-copy.md)."""
    return b.date, b.time or dt.time(0), len(b.src_path), b.src_path


def counted(catalog: Catalog) -> tuple[list[Bulletin], list[Overlap]]:
    """The bulletins whose figures count, and the overlaps that left one out.

    Per organisation, year and type (summary or plan): the annual one when there is one
    (of two annual ones, the first published: a second is a copy or a supplement that
    repeats its figures); otherwise half years and quarters, the longer period first,
    then the first published, each taken unless it shares a quarter with one already taken.
    """
    types = catalog.config.facts.count_types
    chosen: list[Bulletin] = []
    overlaps: list[Overlap] = []
    groups: dict[tuple[str, int, str], list[Bulletin]] = defaultdict(list)
    for b in catalog.bulletins:
        if b.type not in types:
            continue
        if b.type in PERIOD_TYPES:
            groups[(b.org, b.year, b.type)].append(b)
        else:
            chosen.append(b)
    for group in groups.values():
        annual = sorted((b for b in group if b.period == ANNUAL), key=_published)
        if annual:
            chosen.append(annual[0])
            overlaps += [Overlap(annual[0], b, False) for b in annual[1:]]
            overlaps += [Overlap(annual[0], b, True) for b in sorted(group, key=_published) if b.period != ANNUAL]
            continue
        taken: list[Bulletin] = []
        for b in sorted(group, key=lambda b: (-len(PERIOD_QUARTERS[b.period]), *_published(b))):
            clash = next((t for t in taken if PERIOD_QUARTERS[t.period] & PERIOD_QUARTERS[b.period]), None)
            if clash is None:
                taken.append(b)
            else:
                overlaps.append(Overlap(clash, b, False))
        chosen += taken
    return chosen, sorted(overlaps, key=lambda o: o.left_out.src_path)


@dataclass(frozen=True)
class Stats:
    """Aggregated figures: ``totals[year][metric]`` and ``by_org[year][metric][org]``."""

    totals: Mapping[int, Mapping[str, Number]]
    by_org: Mapping[int, Mapping[str, Mapping[str, Number]]]
    overlaps: tuple[Overlap, ...] = field(default=())  # what was left out of the totals, and why

    def org_series(self, org: str) -> dict[str, dict[int, Number]]:
        """One organisation's value per metric per year (oldest year first)."""
        series: dict[str, dict[int, Number]] = defaultdict(dict)
        for year in sorted(self.by_org):
            for metric, orgs in self.by_org[year].items():
                if org in orgs:
                    series[metric][year] = orgs[org]
        return dict(series)


def compute_stats(catalog: Catalog) -> Stats:
    """Aggregate the stats of every bulletin of a counted type, per year and per organisation.

    Every organisation gets its own values; the yearly total takes only the
    organisations whose level is in ``count_levels`` (a county summary that
    already covers its towns is not added to theirs). Periods that overlap count once (:func:`counted`).
    """
    chosen, overlaps = counted(catalog)
    cfg = catalog.config
    metrics = cfg.metrics
    levels = cfg.facts.count_levels
    per_year: dict[int, dict[str, list[Number]]] = defaultdict(lambda: defaultdict(list))
    per_org: dict[int, dict[str, dict[str, list[Number]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for b in chosen:
        in_total = cfg.organisations[b.org].level in levels
        for key, value in b.stats:
            per_org[b.year][key][b.org].append(value)
            if in_total:
                per_year[b.year][key].append(value)
    order = list(metrics)
    totals: dict[int, dict[str, Number]] = {}
    by_org: dict[int, dict[str, dict[str, Number]]] = {}
    for year in sorted(per_org):
        totals[year] = {}
        by_org[year] = {}
        for key in sorted(per_org[year], key=order.index):
            total = aggregate(metrics[key], per_year[year].get(key, []))
            if total is not None:
                totals[year][key] = total
            values = {org: aggregate(metrics[key], vs) for org, vs in sorted(per_org[year][key].items())}
            kept = {org: v for org, v in values.items() if v is not None}
            if kept:
                by_org[year][key] = kept
    return Stats(totals, by_org, tuple(overlaps))


@dataclass(frozen=True)
class Change:
    """How a yearly figure moved against the year before."""

    previous_year: int
    previous: Number
    delta: Number
    percent: Decimal | None  # None when the previous value is 0

    @property
    def direction(self) -> str:
        return "up" if self.delta > 0 else "down" if self.delta < 0 else "flat"


def change(stats: Stats, year: int, metric: str) -> Change | None:
    """The change of ``metric`` from ``year - 1``; None when either year lacks it."""
    current = stats.totals.get(year, {}).get(metric)
    previous = stats.totals.get(year - 1, {}).get(metric)
    if current is None or previous is None:
        return None
    delta = to_number(Decimal(current) - Decimal(previous))
    percent = None
    if previous != 0:
        percent = (Decimal(delta) * 100 / Decimal(previous)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return Change(year - 1, previous, delta, percent)
