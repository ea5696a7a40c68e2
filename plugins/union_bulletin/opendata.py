"""The open-data file data/stats.json: every year's aggregated statistics.

Per year, per metric: label, unit, the total (over the organisations whose
level counts, ``null`` when none does) and each organisation's own value.
Keys are in a fixed order and nothing depends on the build time, so two
builds of the same content give the same bytes.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from .catalog import Catalog
from .model import Number
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
