"""Numbers, dates and sizes worded for Chinese readers (babel, locale zh_CN).

Counts stay exact below 10万 (12,345名); larger counts and money of 1万 and
more use 万 and 亿 with at most two decimals (1317.31万元, 2.5亿元).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_decimal, parse_pattern

from ..model import Number

LOCALE = Locale.parse("zh_CN")  # parsed once: babel re-parses a locale string on every call
MONEY_UNITS = ("元",)
# Patterns parsed once: babel parses a pattern string again on every call,
# which was the largest cost of a 1,000-bulletin build.
_EXACT = parse_pattern("#,##0.##")
_WHOLE = parse_pattern("#,##0")
_ONE = parse_pattern("#,##0.#")


@dataclass(frozen=True)
class Shown:
    """A number as a card shows it: the figure, its unit, and the exact value."""

    number: str
    unit: str
    exact: str  # full value with unit, for a tooltip and screen readers


def raw(value: Number) -> str:
    """The plain machine-readable form used in data-value and JSON."""
    if isinstance(value, int):
        return str(value)
    text = format(value.normalize(), "f")
    return text


def exact(value: Number) -> str:
    """Full value with thousands separators: 13,173,100 or 4,500.5."""
    return _EXACT.apply(value, LOCALE)


@lru_cache(maxsize=8192)
def show(value: Number, unit: str) -> Shown:
    """Format a statistic for a card."""
    threshold = 10_000 if unit in MONEY_UNITS else 100_000
    if abs(Decimal(value)) >= threshold:
        number = format_compact_decimal(value, locale=LOCALE, fraction_digits=2)
        # babel puts 万/亿 at the end: the unit follows, as in 1317.31万元
    else:
        number = exact(value)
    return Shown(number, unit, f"{exact(value)}{unit}")


def signed(value: Number, unit: str) -> str:
    """A change with its sign: +376名, -1.2万元."""
    shown = show(abs(value), unit)
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{shown.number}{shown.unit}"


def percent(value: Decimal) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{_ONE.apply(abs(value), LOCALE)}%"


@lru_cache(maxsize=8192)
def date_text(day: dt.date) -> str:
    """2024年1月15日."""
    return format_date(day, format="long", locale=LOCALE)


def size_text(size: int) -> str:
    """File size for a download link: 856 KB, 2.3 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{_WHOLE.apply(size / 1024, LOCALE)} KB"
    return f"{_ONE.apply(size / 1024 / 1024, LOCALE)} MB"
