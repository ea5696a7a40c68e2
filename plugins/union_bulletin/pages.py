"""The pages the generator adds to a site, their kinds and their addresses.

Addresses follow CONTENT_SPEC: ``years/``, ``years/<YYYY>/``, ``orgs/``,
``orgs/<key>/``, ``topics/`` and ``topics/<key>/``; and our extension
``years/<YYYY>/print/``, the year's compiled report (合订本). Each is a Markdown
source path; MkDocs (or another generator) turns it into a URL as it does for
any page.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .catalog import Catalog


class PageKind(StrEnum):
    """Every kind of page the plugin renders; the value names its template ``bulletin/<value>.html``."""

    HOME = "home"
    BULLETIN = "bulletin"
    YEARS = "years"
    YEAR = "year"
    REPORT = "report"
    ORGS = "orgs"
    ORG = "org"
    TOPICS = "topics"
    TOPIC = "topic"

    @property
    def template(self) -> str:
        return f"bulletin/{self.value}.html"

    @property
    def section(self) -> PageKind | None:
        """The list page (a tab in the navigation) this kind of page belongs under; None for the home page."""
        return _SECTIONS.get(self)


_SECTIONS = {
    PageKind.BULLETIN: PageKind.YEARS, PageKind.YEARS: PageKind.YEARS, PageKind.YEAR: PageKind.YEARS,
    PageKind.REPORT: PageKind.YEARS, PageKind.ORGS: PageKind.ORGS, PageKind.ORG: PageKind.ORGS,
    PageKind.TOPICS: PageKind.TOPICS, PageKind.TOPIC: PageKind.TOPICS,
}

#: The default titles of the three list pages (a Markdown file at their address may give another).
LIST_TITLES = {PageKind.YEARS: "年度公报", PageKind.ORGS: "基层组织", PageKind.TOPICS: "工作专题"}


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    kind: PageKind
    key: str  # the year, organisation or topic key; "" for the lists
    title: str


def src_uri(kind: PageKind, key: str = "") -> str:
    """The Markdown source path of a generated page (or of a list page the home page links to)."""
    if kind is PageKind.REPORT:
        return f"years/{key}/print/index.md"
    if kind is PageKind.HOME:
        return "index.md"
    folder = (kind.section or kind).value
    return f"{folder}/{key}/index.md" if key else f"{folder}/index.md"


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The URL of a Markdown source path, as MkDocs makes it."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        base = stem[: -len("index")]
        return base if use_directory_urls else base + "index.html"
    return stem + "/" if use_directory_urls else stem + ".html"


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every index page: each year with bulletins (and its compiled report), each organisation and topic."""
    cfg = catalog.config
    pages = [GeneratedPage(src_uri(k), k, "", title) for k, title in LIST_TITLES.items()]
    pages += [GeneratedPage(src_uri(PageKind.YEAR, str(y)), PageKind.YEAR, str(y), f"{y}年度公报") for y in sorted(catalog.by_year)]
    pages += [GeneratedPage(src_uri(PageKind.REPORT, str(y)), PageKind.REPORT, str(y), f"{y}年度公报合订本") for y in sorted(catalog.by_year)]
    pages += [GeneratedPage(src_uri(PageKind.ORG, k), PageKind.ORG, k, o.name) for k, o in cfg.organisations.items()]
    pages += [GeneratedPage(src_uri(PageKind.TOPIC, k), PageKind.TOPIC, k, t.label) for k, t in cfg.topics.items()]
    return pages
