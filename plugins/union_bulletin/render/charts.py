"""Small inline SVG charts of one organisation's figure over the years.

Horizontal bars, one row a year, so labels stay legible at any number of
years and on a 360 px phone. No JavaScript; colours come from the site's CSS
(classes ``ub-chart__*``); the figure's text alternative lists every value.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from html import escape

from ..model import Number
from . import formatting as fmt

WIDTH = 320
ROW = 24
LABEL_W = 46
VALUE_W = 84


def bar_chart(label: str, unit: str, series: Mapping[int, Number], chart_id: str) -> str:
    """An accessible bar chart; ``series`` maps year to value."""
    years = sorted(series, reverse=True)
    top = max((Decimal(series[y]) for y in years), default=Decimal(0))
    bar_room = WIDTH - LABEL_W - VALUE_W
    height = ROW * len(years) + 4
    alt = f"{label}：" + "，".join(f"{y}年 {fmt.exact(series[y])}{unit}" for y in years)
    parts = [
        f'<svg class="ub-chart__svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-t" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(alt)}</title>',
    ]
    for i, year in enumerate(years):
        y = i * ROW + 2
        value = series[year]
        length = 0 if top == 0 else float(Decimal(value) / top) * bar_room
        shown = fmt.show(value, unit)
        parts.append(
            f'<text class="ub-chart__year" x="0" y="{y + 16}">{year}</text>'
            f'<rect class="ub-chart__bar" x="{LABEL_W}" y="{y + 4}" width="{max(length, 1):.1f}" height="{ROW - 8}" rx="2"/>'
            f'<text class="ub-chart__value" x="{LABEL_W + max(length, 1) + 4:.1f}" y="{y + 16}">{escape(shown.number + shown.unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
