"""The pages the generator adds to a site, and their addresses.

Addresses follow CONTENT_SPEC: ``years/``, ``years/<YYYY>/``, ``orgs/``,
``orgs/<key>/``, ``topics/`` and ``topics/<key>/``. Each is a Markdown source
path; MkDocs (or another generator) turns it into a URL as it does for any page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    kind: str  # years | year | orgs | org | topics | topic
    key: str  # the year, organisation or topic key; "" for the lists
    title: str


def src_uri(kind: str, key: str = "") -> str:
    folder = {"years": "years", "year": "years", "orgs": "orgs", "org": "orgs", "topics": "topics", "topic": "topics"}[kind]
    return f"{folder}/{key}/index.md" if key else f"{folder}/index.md"


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The URL of a Markdown source path, as MkDocs makes it."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        base = stem[: -len("index")]
        return base if use_directory_urls else base + "index.html"
    return stem + "/" if use_directory_urls else stem + ".html"


def generated_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every index page: each year with bulletins, each organisation and topic."""
    cfg = catalog.config
    pages = [
        GeneratedPage(src_uri("years"), "years", "", "年度公报"),
        GeneratedPage(src_uri("orgs"), "orgs", "", "基层组织"),
        GeneratedPage(src_uri("topics"), "topics", "", "工作专题"),
    ]
    pages += [GeneratedPage(src_uri("year", str(y)), "year", str(y), f"{y}年度公报") for y in sorted(catalog.by_year)]
    pages += [GeneratedPage(src_uri("org", k), "org", k, o.name) for k, o in cfg.organisations.items()]
    pages += [GeneratedPage(src_uri("topic", k), "topic", k, t.label) for k, t in cfg.topics.items()]
    return pages
