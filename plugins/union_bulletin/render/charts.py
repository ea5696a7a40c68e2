"""Small bar charts of one organisation's figure over the years, as HTML.

One row a year, newest first: the year, a bar, the value with its unit. The
labels are ordinary text (not SVG drawn at a fixed scale), so they grow with
the reader's text size and large-text mode, wrap instead of overflowing on a
360 px phone, and a screen reader reads the list as it is. A year without a
figure keeps its row and says 无数据, so a gap never disappears silently.
No JavaScript; colours come from the site's CSS (classes ``ub-bar*``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from html import escape

from ..model import Number
from . import formatting as fmt

MISSING = "无数据"


def bar_chart(series: Mapping[int, Number], unit: str, years: Iterable[int]) -> str:
    """The bars of ``series`` (year → value) for every year in ``years``, newest first."""
    shown_years = sorted(set(years) | set(series), reverse=True)
    top = max((Decimal(v) for v in series.values()), default=Decimal(0))
    rows = []
    for year in shown_years:
        if year not in series:
            rows.append(
                f'<li class="ub-bar ub-bar--missing"><span class="ub-bar__year">{year}年</span>'
                f'<span class="ub-bar__track"></span><span class="ub-bar__value">{MISSING}</span></li>'
            )
            continue
        value = series[year]
        share = Decimal(0) if top == 0 else Decimal(value) / top * 100
        shown = fmt.show(value, unit)
        rows.append(
            f'<li class="ub-bar"><span class="ub-bar__year">{year}年</span>'
            f'<span class="ub-bar__track"><span class="ub-bar__fill" style="width: {share:.1f}%" aria-hidden="true"></span></span>'
            f'<span class="ub-bar__value" title="{escape(shown.exact)}">{escape(shown.number + shown.unit)}</span></li>'
        )
    return '<ol class="ub-bars">' + "".join(rows) + "</ol>"
