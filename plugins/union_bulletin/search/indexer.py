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
    from pagefind.index import IndexConfig
    from pagefind.service import PagefindService

    # Not PagefindIndex as a context manager: it stops the Pagefind process as soon as WriteFiles
    # is answered, and Pagefind answers before its last writes reach the disk; seen here, a
    # pagefind-entry.json of 0 bytes and a search box that never loads. So write, wait until the
    # bundle has settled, then stop the process.
    async with PagefindService() as service:
        index = await service.create_index(IndexConfig(output_path=str(out)))
        result = await index.add_directory(str(source))
        pages = int(result["page_count"])
        await index.write_files()
        await _settled(out)
    if not (out / "pagefind.js").is_file():
        raise SearchError(f"Pagefind 没有写出 {out / 'pagefind.js'}")
    return pages


async def _settled(out: Path, timeout: float = 120.0) -> None:
    """Wait until pagefind-entry.json is whole and no file of the bundle changes between two looks."""
    deadline = time.monotonic() + timeout
    last: list[tuple[str, int]] | None = None
    while time.monotonic() < deadline:
        now = sorted((p.as_posix(), p.stat().st_size) for p in out.rglob("*") if p.is_file())
        if now == last and _entry_ok(out):
            return
        last = now
        await asyncio.sleep(0.2)
    raise SearchError(f"Pagefind 在 {timeout:.0f} 秒内没有写完搜索索引（{out / 'pagefind-entry.json'} 不完整）")


def _entry_ok(out: Path) -> bool:
    try:
        entry = json.loads((out / "pagefind-entry.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    languages = entry.get("languages") if isinstance(entry, dict) else None
    return isinstance(languages, dict) and bool(languages) and all(
        isinstance(v, dict) and (out / f"pagefind.{v.get('hash')}.pf_meta").is_file() for v in languages.values()
    )
