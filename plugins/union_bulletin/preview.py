"""Bulletin pages kept between the rebuilds of a preview, so an edit re-renders only what it changed.

``mkdocs serve`` rebuilds the whole site after every edit; on a 1,000-bulletin
site almost all of that time is MkDocs converting and templating bulletins
that did not change. A bulletin page shows its own file (front matter, body,
cover and attachment sizes), the site configuration, the same organisation's
other bulletins (the 其他年度 links) and what the theme and mkdocs.yml make of
it. Its :func:`page_key` is a digest of exactly that; while the key stays the
same the page written last time is still right, so the adapter leaves it out
of MkDocs' build and writes the kept page back. ``mkdocs build`` never uses
this: it always renders every page.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .build import SiteModel
from .cache import Memo, digest

PAGES_KEPT = 20_000  # pages: about 40 KB each, only while a preview runs


@dataclass(frozen=True)
class KeptPage:
    """A bulletin page as it was written, and its body (the year's compiled report prints it)."""

    key: str
    dest: str  # where the page goes, relative to the site folder
    html: str
    body: str


def environment_key(config_file: Path | None, template_dirs: Iterable[Path]) -> str:
    """What every page depends on outside the site model: mkdocs.yml and the templates a site may edit."""
    parts: list[str] = []
    if config_file is not None and config_file.is_file():
        parts.append(digest(config_file.read_bytes()))
    for folder in template_dirs:
        if folder.is_dir():
            parts += sorted(f"{p}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in folder.rglob("*") if p.is_file())
    return digest("\n".join(parts))


def page_keys(model: SiteModel, environment: str) -> dict[str, str]:
    """The key of every bulletin page of the model, by src_uri."""
    site = digest(repr(model.config))
    by_org = {org: digest(repr([(b.url, b.title, b.year, b.type, b.date) for b in bulletins])) for org, bulletins in model.catalog.by_org.items()}
    return {
        src: digest(repr((environment, site, by_org.get(b.org, ""), b, model.bodies.get(src, ""), model.meta.get(src, {}))))
        for src, b in model.bulletins.items()
    }


class PageStore:
    """Kept bulletin pages, by src_uri; bounded (least recently used first out).

    Each rebuild of ``mkdocs serve`` starts from an emptied site folder, so every kept page is written again.
    The store keeps a hard link to the file MkDocs wrote for a page (:meth:`adopt`, named by the page's key)
    and links it back into the next site folder (:meth:`write`): no data copied and no new inode, which a
    file system like this project's ext4 (no journal) makes costly after a folder of files was deleted.
    Where a link cannot be made, the page is written from memory. Not with ``--dirty``: MkDocs then writes
    pages over the files already there, in place, and would change a linked kept page too.
    """

    def __init__(self, size: int = PAGES_KEPT) -> None:
        self._pages: Memo[str, KeptPage] = Memo(size)
        self._fresh: list[KeptPage] = []  # put since the last adopt(): their files are not linked yet
        self._folder: Path | None = None
        self.links = True

    def get(self, src_uri: str, key: str) -> KeptPage | None:
        kept = self._pages.get(src_uri)
        return kept if kept is not None and kept.key == key else None

    def put(self, src_uri: str, page: KeptPage) -> None:
        self._pages.put(src_uri, page)
        self._fresh.append(page)

    def _file(self, page: KeptPage) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="ub-kept-"))
        return self._folder / f"{page.key}.html"

    def adopt(self, site_dir: Path) -> None:
        """Link the files MkDocs wrote for the pages put this round into the store."""
        fresh, self._fresh = self._fresh, []
        if not self.links:
            return
        for page in fresh:
            try:
                os.link(site_dir / page.dest, self._file(page))
            except OSError:
                pass  # already linked (the same key), or no link possible: write() writes it from memory

    def write(self, page: KeptPage, site_dir: Path) -> None:
        """Put a kept page into the site folder (its folder exists)."""
        target = site_dir / page.dest
        if self.links:
            try:
                os.link(self._file(page), target)
                return
            except OSError:
                pass
        target.write_text(page.html, encoding="utf-8")

    def clear(self) -> None:
        self._pages.clear()
        self._fresh = []
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
