"""A report file → bulletin files with proposed front matter: ``union-bulletin import``.

Each article of the source becomes one bulletin, written as a draft
(``draft: true``) until a person has checked it: title, year, type, date,
organisation and topics from its text (what the text does not state is left
empty with a note, never guessed), suggested ``stats`` with the sentence each
figure came from, and personal numbers masked. No file is ever overwritten:
a taken name gets ``-2``, ``-3``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..authoring.writer import StatLine, front_matter
from ..privacy import ALLOW_KEY, Scanner, redact
from ..problems import shown_path
from ..site_config import SiteConfig
from .articles import Article, Guess, core_name, guess, split_articles
from .figures import Suggestion, find_figures, suggest
from .sources import read_source

SLUG_SYLLABLES = 6


@dataclass(frozen=True)
class Choices:
    """What the author fixed on the command line (None: take it from the text)."""

    org: str | None = None
    year: int | None = None
    type: str | None = None


@dataclass(frozen=True)
class Planned:
    """One bulletin the import will write."""

    source: str  # the report, as the author named it
    target: Path
    shown: str  # the target as the author knows it
    title: str
    text: str  # the whole file: front matter and body
    values: tuple[tuple[str, Any], ...]  # suggested stats (metric key, value)
    unsure: tuple[tuple[str, str], ...]  # (metric key, why) of the figures left as comments
    notes: tuple[str, ...]  # what a person must fill or check (Chinese)
    privacy: tuple[str, ...]  # personal-data findings, as messages


def plan_file(
    path: Path, shown: str, config: SiteConfig, into: Path, project_root: Path, choices: Choices,
    scanner: Scanner, taken: Set[Path] = frozenset(),
) -> list[Planned]:
    """The bulletins one report gives; raises SourceError when the file cannot be read."""
    planned: list[Planned] = []
    used = set(taken)
    for article in read_articles(path, shown):
        item = plan_article(article, shown, config, into, project_root, choices, scanner, used.__contains__)
        used.add(item.target)
        planned.append(item)
    return planned


def read_articles(path: Path, shown: str) -> list[Article]:
    """The articles of one report; raises SourceError when the file cannot be read."""
    paragraphs, _ = read_source(path, shown)
    return split_articles(paragraphs, path.stem)


def plan_article(
    article: Article, source: str, config: SiteConfig, into: Path, project_root: Path, choices: Choices,
    scanner: Scanner, is_taken: Callable[[Path], bool],
) -> Planned:
    g = guess(article, config.organisations, config.topics)
    org = choices.org or g.org
    year = choices.year or g.year
    btype = choices.type or g.type
    notes: list[str] = []
    fields: dict[str, Any] = {"title": article.title}
    field_notes: dict[str, list[str]] = {}

    fields["date"] = g.date
    if g.date is None:
        field_notes["date"] = [g.date_note]
        notes.append(g.date_note)
    if year is not None:
        fields["year"] = year
    elif btype in ("summary", "plan") or g.date is None:
        fields["year"] = None
        field_notes["year"] = [g.year_note]
        notes.append(g.year_note)
    fields["org"] = org
    if org is None:
        field_notes["org"] = [g.org_note]
        notes.append(g.org_note)
    fields["type"] = btype
    if g.topics:
        fields["topics"] = list(g.topics)
    fields["draft"] = True
    field_notes["draft"] = ["导入的草稿：核对标题、日期、单位和统计数字后，删去这一行才会发布"]

    suggestions = suggest(find_figures(article.facts, config.metrics), config.metrics, targets=btype == "plan")
    text = front_matter(fields, field_notes, [stat_line(s) for s in suggestions]) + "\n" + article.body
    target = free_name(into / _folder(year, g) / f"{bulletin_name(article.title, org, btype, config)}.md", is_taken)
    shown_target = shown_path(target, project_root)
    findings = scanner.scan(text)
    if findings:
        text = redact(text, findings)
    return Planned(
        source=source,
        target=target,
        shown=shown_target,
        title=article.title,
        text=text,
        values=tuple((s.metric, s.value) for s in suggestions if s.value is not None),
        unsure=tuple((s.metric, s.reason) for s in suggestions if s.value is None),
        notes=tuple(notes),
        privacy=tuple(str(f.problem(shown_target, ALLOW_KEY)) for f in findings),
    )


def stat_line(s: Suggestion) -> StatLine:
    """A suggestion as lines under ``stats:``: the sentences it came from, and the value or the figures as comments."""
    sentences = list(dict.fromkeys(f.sentence for f in s.sources))
    if s.value is not None:
        chosen = next(f for f in s.sources if f.value == s.value and not f.approximate)
        return StatLine(s.metric, s.value, (f"原文：{chosen.sentence}",))
    notes = (f"待核对：{s.reason}", *(f"原文：{x}" for x in sentences))
    return StatLine(s.metric, None, notes, tuple(f"{f.value}（原文“{f.written}”）" for f in s.sources))


def free_name(path: Path, is_taken: Callable[[Path], bool]) -> Path:
    """``path``, or the first of ``name-2.md``, ``name-3.md``… that is neither on disk nor taken by this run."""
    candidate, n = path, 1
    while candidate.exists() or is_taken(candidate):
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def slug(text: str, syllables: int = SLUG_SYLLABLES) -> str:
    """An ASCII file name from Chinese text: its pinyin, lower case, joined by hyphens."""
    from pypinyin import lazy_pinyin

    words: list[str] = []
    for part in lazy_pinyin(text, errors=lambda chars: " ".join(re.findall(r"[A-Za-z0-9]+", chars))):
        words += [w for w in (re.sub(r"[^a-z0-9]", "", x) for x in part.lower().split()) if w]
    return "-".join(words[:syllables]) or "bulletin"


def bulletin_name(title: str, org: str | None, btype: str, config: SiteConfig) -> str:
    """A bulletin's file name without .md: ``org-summary`` for a summary or plan, ``org-news-`` and the title's pinyin otherwise."""
    if org and btype in ("summary", "plan"):
        return f"{org}-{btype}"
    rest = title
    if org:
        rest = re.sub(re.escape(core_name(config.organisations[org].name)) + r"(总工会|工会联合会|工会委员会|工会)?", "", rest)
    rest = re.sub(r"(19|20)\d{2}\s*年度?", "", rest)
    return "-".join(x for x in (org, btype if org else "", slug(rest)) if x)


def _folder(year: int | None, g: Guess) -> str:
    if year is not None:
        return str(year)
    return g.date[:4] if g.date else ""
