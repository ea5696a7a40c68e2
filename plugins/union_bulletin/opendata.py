"""The open-data files: every year's aggregated statistics.

``data/stats.json``: per year, per metric: label, unit, the total (over the
organisations whose level counts, ``null`` when none does) and each
organisation's own value. ``data/stats.csv``: the same numbers as one table,
a row per year and metric, a column per organisation (the plugin writes it
with a byte-order mark so that Excel reads it as UTF-8). Keys are in a fixed
order and nothing depends on the build time, so two builds of the same
content give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from .catalog import Catalog
from .model import Number
from .render.formatting import raw
from .stats import Stats

SCHEMA_VERSION = 1


def _json_number(value: Number) -> int | float:
    return value if isinstance(value, int) else float(Decimal(value))


def stats_document(catalog: Catalog, stats: Stats) -> dict[str, Any]:
    cfg = catalog.config
    return {
        "schema": SCHEMA_VERSION,
        "publisher": cfg.facts.publisher,
        "count_types": list(cfg.facts.count_types),
        "count_levels": list(cfg.facts.count_levels),
        "metrics": {k: {"label": m.label, "unit": m.unit, "aggregate": m.aggregate} for k, m in cfg.metrics.items()},
        "organisations": {
            k: {"name": o.name, "level": o.level, "parent": o.parent} for k, o in cfg.organisations.items()
        },
        "years": {
            str(year): {
                key: {
                    "label": cfg.metrics[key].label,
                    "unit": cfg.metrics[key].unit,
                    "total": _json_number(stats.totals[year][key]) if key in stats.totals[year] else None,
                    "organisations": {org: _json_number(v) for org, v in orgs.items()},
                }
                for key, orgs in stats.by_org[year].items()
            }
            for year in sorted(stats.by_org, reverse=True)
        },
    }


def stats_json(catalog: Catalog, stats: Stats) -> str:
    return json.dumps(stats_document(catalog, stats), ensure_ascii=False, indent=2) + "\n"


def stats_csv(catalog: Catalog, stats: Stats) -> str:
    """The numbers of ``stats_json`` as CSV text: 年度, 指标, 指标键, 单位, 合计, then one column per organisation."""
    cfg = catalog.config
    orgs = list(cfg.organisations)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["年度", "指标", "指标键", "单位", "合计", *(cfg.organisations[k].name for k in orgs)])
    for year in sorted(stats.by_org, reverse=True):
        for key, values in stats.by_org[year].items():
            metric = cfg.metrics[key]
            total = stats.totals[year].get(key)
            writer.writerow([
                year, metric.label, key, metric.unit, "" if total is None else raw(total),
                *("" if k not in values else raw(values[k]) for k in orgs),
            ])
    return out.getvalue()
