"""Statistic cards: the one description of a card every page uses.

A card is plain data; the ``cards`` macro of ``bulletin/partials/macros.html``
turns it into HTML, so a card looks and reads the same on a bulletin, a year
page, the years list, the compiled report and the home page. Each carries
``data-metric`` and ``data-value`` (ad-hoc figures: empty metric and
``data-label``). The change against the year before is a few phrases
(较2022年 / +376名 / （+3.4%）) that the page never breaks inside.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Bulletin, Number
from ..site_config import SiteConfig
from ..stats import Change, Stats, change
from . import formatting as fmt


@dataclass(frozen=True)
class Card:
    metric: str  # "" for an ad-hoc figure
    label: str
    raw: str
    number: str
    unit: str
    exact: str
    change: tuple[str, ...] = ()  # ("较2022年", "+376名", "（+3.4%）")
    direction: str = ""  # up | down | flat

    @property
    def change_text(self) -> str:
        """The change as one line of text: 较2022年 +376名（+3.4%）."""
        return " ".join(self.change[:2]) + "".join(self.change[2:])


def card(metric: str, label: str, value: Number, unit: str, moved: Change | None = None) -> Card:
    shown = fmt.show(value, unit)
    phrases: tuple[str, ...] = ()
    direction = ""
    if moved is not None:
        direction = moved.direction
        phrases = (f"较{moved.previous_year}年", fmt.signed(moved.delta, unit))
        if moved.percent is not None:
            phrases += (f"（{fmt.percent(moved.percent)}）",)
    return Card(metric, label, fmt.raw(value), shown.number, shown.unit, shown.exact, phrases, direction)


def bulletin_cards(bulletin: Bulletin, config: SiteConfig) -> list[Card]:
    """Registered metrics first, in metrics.yml order, then the ad-hoc figures."""
    cards = [card(k, config.metrics[k].label, v, config.metrics[k].unit) for k, v in bulletin.stats]
    cards += [card("", f.label, f.value, f.unit) for f in bulletin.figures]
    return cards


def year_cards(stats: Stats, year: int, config: SiteConfig, only: Iterable[str] | None = None) -> list[Card]:
    """A year's aggregated figures with the change against the year before."""
    totals = stats.totals.get(year, {})
    keys = [k for k in (only if only is not None else config.metrics) if k in totals]
    return [card(k, config.metrics[k].label, totals[k], config.metrics[k].unit, change(stats, year, k)) for k in keys]
