"""Write the Pagefind bundle of a site: stage one document per bulletin, index them, add our search settings.

Documents are staged as files and indexed with one ``add_directory`` call:
Pagefind's Python API answers one request per polling round (0.1 s), so
adding 10,000 documents one by one would take over a quarter of an hour.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .documents import SearchDocument, render

BUNDLE = "pagefind"  # the folder under the site root that holds the search bundle
SETTINGS = "ub-search.json"  # our settings in that folder, read by search.js
#: Pagefind's own search interfaces: search.js replaces them, so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchError(Exception):
    """The search index cannot be written; the message says why, in words for the site owner."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float
    bytes: int  # size of the bundle on disk


@dataclass(frozen=True)
class Facets:
    """The filter choices the search box offers, in the order it offers them."""

    years: Sequence[str]
    organisations: Sequence[str]
    types: Sequence[str]


class Stage:
    """A temporary folder of search documents, one file per bulletin at its URL."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="ub-search-"))
        self.count = 0

    def add(self, doc: SearchDocument, vocabulary: Sequence[str]) -> None:
        url = doc.url.strip("/")
        target = self.root / url / "index.html" if not url.endswith(".html") else self.root / url
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(doc, vocabulary), encoding="utf-8")
        self.count += 1

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def write_bundle(stage: Stage, site_dir: Path, vocabulary: Sequence[str], facets: Facets) -> IndexReport:
    """Index the staged documents into site_dir/pagefind and write our settings beside them."""
    out = site_dir / BUNDLE
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    try:
        # In a thread of its own: asyncio.run refuses to start where an event loop already runs
        # (a build started from async code, or next to Playwright in the tests).
        with ThreadPoolExecutor(max_workers=1) as pool:
            pages = pool.submit(asyncio.run, _index(stage.root, out)).result()
    except ImportError as exc:
        raise SearchError(f"写搜索索引需要 Pagefind：请安装 pip install 'pagefind[extended]'（{exc}）") from None
    except SearchError:
        raise
    except Exception as exc:  # Pagefind's service reports every failure as a plain Exception
        raise SearchError(f"Pagefind 写搜索索引失败：{exc}") from None
    if pages != stage.count:
        raise SearchError(f"Pagefind 只收录了 {pages} 篇公报，应为 {stage.count} 篇")
    for name in UNUSED:
        (out / name).unlink(missing_ok=True)
    named = set(facets.organisations)
    settings = {
        # Organisation names are in the vocabulary too; sent once (search.js adds them back): 30 KB less at 10,000 bulletins.
        "vocabulary": [t for t in vocabulary if t not in named],
        "years": list(facets.years),
        "organisations": list(facets.organisations),
        "types": list(facets.types),
    }
    (out / SETTINGS).write_text(json.dumps(settings, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return IndexReport(pages, time.perf_counter() - start, size)


async def _index(source: Path, out: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(IndexConfig(output_path=str(out))) as index:
        result = await index.add_directory(str(source))
        pages = int(result["page_count"])
    if not (out / "pagefind.js").is_file():
        raise SearchError(f"Pagefind 没有写出 {out / 'pagefind.js'}")
    return pages
