"""The pipeline: bulletin files and a site configuration → one site model.

read → validate → catalog → stats → page views, with every bulletin that was
left out and why. No MkDocs here: the MkDocs plugin (and later the authoring
command) hands in the bulletin files as :class:`Source` values and adapts the
:class:`SiteModel` to its own files and events.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import Memo, digest
from .catalog import Catalog, build_catalog
from .frontmatter import Locate, Reading, read_bulletin
from .model import PERIOD_LABELS, Bulletin
from .pages import GeneratedPage, generated_pages
from .problems import Problem
from .render.views import Views
from .site_config import SiteConfig
from .stats import Overlap, Stats, compute_stats

#: Why a bulletin file gives no page.
ERROR = "error"  # a problem that must be fixed (missing title, broken YAML, unknown organisation, …)
DRAFT = "draft"  # ``draft: true``
URL_CLASH = "url"  # another bulletin has its address

#: Readings kept between builds of one process (a preview rebuilds after every edit), by
#: (src_uri, shown path, url, content hash, site_config hash); a few KB each.
READINGS_KEPT = 16_384


@dataclass(frozen=True)
class Source:
    """One bulletin file as the generator found it."""

    src_uri: str  # relative to the docs folder, POSIX separators
    shown: str  # the path authors know it by (relative to the project folder)
    url: str  # its address relative to the site root
    data: bytes  # the file's content (personal numbers already masked, when the privacy check runs first)


@dataclass(frozen=True)
class Dropped:
    """A bulletin file that gives no page, and why (one of ERROR, DRAFT, URL_CLASH)."""

    src_uri: str
    shown: str
    reason: str

    @property
    def serious(self) -> bool:
        """A draft is left out on purpose; anything else is the author's mistake."""
        return self.reason != DRAFT

    def __str__(self) -> str:
        if self.reason == DRAFT:
            return f"{self.shown}: 草稿（draft: true），不发布"
        if self.reason == URL_CLASH:
            return f"{self.shown}: 与另一篇公报网址相同，本篇未生成页面"
        return f"{self.shown}: 有必须改正的错误，本篇未生成页面"


@dataclass(frozen=True)
class Notice:
    """Something the authors should know that is not a mistake (an info line, not a warning)."""

    shown: str
    text: str
    serious = False

    def __str__(self) -> str:
        return f"{self.shown}: {self.text}"


@dataclass(frozen=True)
class SiteModel:
    """Everything a generator needs to publish the site, built once per build."""

    config: SiteConfig
    catalog: Catalog
    stats: Stats
    views: Views  # page views for the templates (caches what several pages share)
    bulletins: Mapping[str, Bulletin]  # the published bulletins by src_uri
    bodies: Mapping[str, str]  # a published bulletin's Markdown body, front matter removed
    meta: Mapping[str, Mapping[str, Any]]  # a published bulletin's front matter as written
    pages: Mapping[str, GeneratedPage]  # the generated index pages by src_uri
    dropped: tuple[Dropped, ...]  # in the order of the sources, URL clashes last
    report: tuple[Problem | Dropped | Notice, ...]  # what to tell the authors, in order: a file's problems, then its drop

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.report if isinstance(p, Problem))


def build_site(sources: Iterable[Source], config: SiteConfig, locate: Locate, *, use_directory_urls: bool = True) -> SiteModel:
    """Read and validate every bulletin, catalog the good ones, aggregate, and prepare the page views.

    ``locate`` finds a docs-relative path (a cover, an attachment) on disk.
    """
    config_key = digest(repr(config))  # the whole validated site_config: organisations, metrics, topics, site facts
    report: list[Problem | Dropped | Notice] = []
    dropped: list[Dropped] = []
    valid: list[Bulletin] = []
    bodies: dict[str, str] = {}
    meta: dict[str, Mapping[str, Any]] = {}
    shown: dict[str, str] = {}
    for source in sources:
        shown[source.src_uri] = source.shown
        reading = _read(source, config, config_key, locate)
        report += reading.problems
        if reading.bulletin is None or reading.bulletin.draft:
            drop = Dropped(source.src_uri, source.shown, ERROR if reading.bulletin is None else DRAFT)
            dropped.append(drop)
            report.append(drop)
            continue
        valid.append(reading.bulletin)
        bodies[source.src_uri] = reading.body
        meta[source.src_uri] = reading.meta

    catalog, clashes = build_catalog(config, valid, shown)
    report += clashes  # each clash's problem says the page was not made
    for b in sorted(valid, key=lambda b: b.src_path):
        if catalog.by_url.get(b.url) is not b:
            dropped.append(Dropped(b.src_path, shown[b.src_path], URL_CLASH))
            del bodies[b.src_path], meta[b.src_path]
    stats = compute_stats(catalog)
    report += [_overlap_report(o, config, shown) for o in stats.overlaps]
    return SiteModel(
        config=config,
        catalog=catalog,
        stats=stats,
        views=Views(catalog, stats, use_directory_urls),
        bulletins={b.src_path: b for b in catalog.bulletins},
        bodies=bodies,
        meta=meta,
        pages={p.src_uri: p for p in generated_pages(catalog)},
        dropped=tuple(dropped),
        report=tuple(report),
    )


def _overlap_report(overlap: Overlap, config: SiteConfig, shown: Mapping[str, str]) -> Problem | Notice:
    """Say which of two overlapping summaries (plans) counts; a part-year one beside the annual one is no mistake."""
    kept, left = overlap.counted, overlap.left_out
    kept_path, left_path = shown.get(kept.src_path, kept.src_path), shown.get(left.src_path, left.src_path)
    if overlap.expected:
        return Notice(left_path, f"{left.kind_label}，年度汇总计入同年的{kept.type_label} {kept_path}，本篇的数字不重复计入")
    org = config.organisations[left.org].name
    return Problem(
        left_path, "period",
        f"与 {kept_path} 同为{org}{left.year}年的{left.type_label}，时段重叠（本篇{PERIOD_LABELS[left.period]}，"
        f"那篇{PERIOD_LABELS[kept.period]}）",
        f"同一单位同一年度的{left.type_label}时段互不重叠",
        f"年度汇总计入 {kept_path} 的数字，本篇的数字未计入；重复的文件请删去，补充的内容请并入原文，"
        "半年或季度的请写 period（H1、H2、Q1–Q4）",
    )


@dataclass(frozen=True)
class _Kept:
    """A reading, and the files it looked up (cover, attachments) as they were: path, where, (mtime, size)."""

    reading: Reading
    located: tuple[tuple[str, Path | None, tuple[int, int] | None], ...]


_readings: Memo[tuple[str, str, str, str, str], _Kept] = Memo(READINGS_KEPT)


def _read(source: Source, config: SiteConfig, config_key: str, locate: Locate) -> Reading:
    """Read one bulletin, or take the reading of the same bytes under the same site_config when the files it names are unchanged."""
    key = (source.src_uri, source.shown, source.url, digest(source.data), config_key)
    kept = _readings.get(key)
    if kept is not None and all(_where(locate, path) == (found, stat) for path, found, stat in kept.located):
        return kept.reading
    located: list[tuple[str, Path | None, tuple[int, int] | None]] = []

    def recording(path: str) -> Path | None:
        found, stat = _where(locate, path)
        located.append((path, found, stat))
        return found

    reading = read_bulletin(source.src_uri, source.shown, source.url, source.data, config, recording)
    _readings.put(key, _Kept(reading, tuple(located)))
    return reading


def _where(locate: Locate, path: str) -> tuple[Path | None, tuple[int, int] | None]:
    found = locate(path)
    if found is None:
        return None, None
    try:
        st = found.stat()
    except OSError:
        return found, None
    return found, (st.st_mtime_ns, st.st_size)
