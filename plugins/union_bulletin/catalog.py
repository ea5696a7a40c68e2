"""All published bulletins of a site, with the lookups pages need.

Built once per build from validated bulletins; every grouping is computed
here once, so that page rendering stays linear in the number of bulletins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .model import TYPES, Bulletin
from .problems import Problem
from .site_config import SiteConfig


def newest_first(bulletins: Iterable[Bulletin]) -> list[Bulletin]:
    """Newest publication first; ties by title then path, so order is stable."""
    return sorted(bulletins, key=lambda b: (-b.date.toordinal(), -(b.time.hour * 60 + b.time.minute if b.time else 0), b.title, b.src_path))


@dataclass(frozen=True)
class Catalog:
    """The site's bulletins and configuration, grouped for the index pages."""

    config: SiteConfig
    bulletins: tuple[Bulletin, ...]  # newest first
    by_year: Mapping[int, tuple[Bulletin, ...]]
    by_org: Mapping[str, tuple[Bulletin, ...]]
    by_topic: Mapping[str, tuple[Bulletin, ...]]
    by_url: Mapping[str, Bulletin]
    children_of: Mapping[str, tuple[str, ...]]  # organisation -> the organisations whose parent it is

    @property
    def years(self) -> list[int]:
        """Years that have bulletins, newest first."""
        return sorted(self.by_year, reverse=True)

    def by_type(self, bulletins: Iterable[Bulletin]) -> list[tuple[str, list[Bulletin]]]:
        """Group (already ordered) bulletins by type, in the readers' type order."""
        groups: dict[str, list[Bulletin]] = {t: [] for t in TYPES}
        for b in bulletins:
            groups[b.type].append(b)
        return [(t, bs) for t, bs in groups.items() if bs]

    def children(self, org_key: str) -> tuple[str, ...]:
        return self.children_of.get(org_key, ())


def build_catalog(config: SiteConfig, bulletins: Iterable[Bulletin], shown: Mapping[str, str]) -> tuple[Catalog, list[Problem]]:
    """Index the bulletins; two that would share a URL are reported and the later path dropped.

    ``shown`` maps a bulletin's src_path to the path authors know it by.
    """
    problems: list[Problem] = []
    by_url: dict[str, Bulletin] = {}
    for b in sorted(bulletins, key=lambda b: b.src_path):
        if b.draft:
            continue
        other = by_url.get(b.url)
        if other is not None:
            problems.append(Problem(
                shown.get(b.src_path, b.src_path), "网址",
                f"与 {shown.get(other.src_path, other.src_path)} 相同的网址 {b.url or '/'}",
                "每篇公报有自己的网址", "给其中一个文件改名；本篇未生成",
            ))
            continue
        by_url[b.url] = b
    ordered = tuple(newest_first(by_url.values()))
    by_year: dict[int, list[Bulletin]] = defaultdict(list)
    by_org: dict[str, list[Bulletin]] = defaultdict(list)
    by_topic: dict[str, list[Bulletin]] = defaultdict(list)
    for b in ordered:
        by_year[b.year].append(b)
        by_org[b.org].append(b)
        for t in b.topics:
            by_topic[t].append(b)
    children: dict[str, list[str]] = defaultdict(list)
    for key, org in config.organisations.items():
        if org.parent is not None:
            children[org.parent].append(key)
    catalog = Catalog(
        config=config,
        bulletins=ordered,
        by_year={y: tuple(v) for y, v in by_year.items()},
        by_org={k: tuple(v) for k, v in by_org.items()},
        by_topic={k: tuple(v) for k, v in by_topic.items()},
        by_url=by_url,
        children_of={k: tuple(v) for k, v in children.items()},
    )
    return catalog, problems
