"""The ``bulletin-search`` MkDocs plugin: Chinese search over the bulletins.

engine: pagefind (default) stages one search document per bulletin as pages
render, indexes them with Pagefind after the build and adds the search box to
Material's header; Material's own search is switched off. engine: lunr
configures Material's search plugin with jieba instead, for copies opened
without a web server. The work is done in :mod:`union_bulletin.search`.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Literal

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..model import TYPE_LABELS
from ..search.documents import SearchDocument, plain_text
from ..search.indexer import SHARD_WORDS, Facets, SearchError, Stage, Staged, write_bundle
from ..search.lunr import SEPARATOR, require_jieba
from ..search.tokens import Vocabulary
from ..search.vocabulary import UNION_TERMS, build_vocabulary
from . import priorities
from .plugin import BulletinPlugin, Workers, background

log = get_plugin_logger(__name__)

THEME = Path(__file__).resolve().parent.parent / "search" / "theme"
SCRIPT = "assets/union-bulletin/search.js"  # loads tokens.js beside it on first use
STYLE = "assets/union-bulletin/search.css"
MATERIAL_SEARCH = "material/search"


class BulletinSearchConfig(Config):
    enabled = c.Type(bool, default=True)
    engine = c.Choice(("pagefind", "lunr"), default="pagefind")
    vocabulary = c.ListOfItems(c.Type(str), default=[])  # more terms to index as one token each
    # Words of ours per index shard: bounds Pagefind's memory (about 0.85 KB a word).
    shard_words = c.Type(int, default=SHARD_WORDS)


class BulletinSearchPlugin(BasePlugin[BulletinSearchConfig]):
    """Index the bulletins for Chinese search and put the search box in the header."""

    def __init__(self) -> None:
        self.bulletin: BulletinPlugin | None = None
        self.stage: Stage | None = None
        self.vocabulary = Vocabulary.of(())
        self.preview = False  # under mkdocs serve: the page first, the index after it
        self.workers = Workers()  # the preview's index threads
        self.writing = threading.Lock()  # one index written at a time
        self.round = 0  # rebuilds so far: an index that a newer rebuild has overtaken is not written

    @property
    def worker(self) -> threading.Thread | None:
        """The newest preview index thread."""
        return self.workers.newest

    # Having on_startup keeps this instance across the rebuilds of mkdocs serve, and with it the stage.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is a preview."""
        self.preview = command == "serve"

    def on_shutdown(self) -> None:
        """Let a running index finish; remove the stage; the next build of this process is not a preview unless it says so."""
        self.workers.join()
        self._close()
        self.preview = False

    @event_priority(priorities.SEARCH_CONFIG)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Check what the chosen engine needs; set up Material's search or our search box."""
        if not self.config.enabled:
            return None
        bulletin = config.plugins.get("bulletin")
        if not isinstance(bulletin, BulletinPlugin):
            raise PluginError("bulletin-search 要和 bulletin 插件一起用：请在 mkdocs.yml 的 plugins 里加入 bulletin（先后不限）")
        self.bulletin = bulletin
        material = config.plugins.get(MATERIAL_SEARCH)
        if self.config.engine == "lunr":
            if material is None:
                raise PluginError("bulletin-search 的 engine: lunr 用 Material 自带的搜索：请在 mkdocs.yml 的 plugins 里加入 search")
            try:
                require_jieba()
            except SearchError as exc:
                raise PluginError(str(exc)) from None
            material.config.enabled = True
            if not material.config.separator:
                material.config.separator = SEPARATOR
            return config
        if material is not None and material.config.enabled:
            material.config.enabled = False  # its index grows with the site and is downloaded whole
            log.info("已关闭 Material 自带的搜索（search）：bulletin-search 用 Pagefind 搜索")
        if str(THEME) not in config.theme.dirs:
            config.theme.dirs.append(str(THEME))
        if STYLE not in config.extra_css:
            config.extra_css.append(STYLE)
        if SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        return config

    @event_priority(priorities.SEARCH_FILES)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Work out the vocabulary from the site model (made by bulletin's on_files) and open the stage."""
        if not self._pagefind() or self.bulletin is None or self.bulletin.model is None:
            return None
        site = self.bulletin.model.config
        self.vocabulary = Vocabulary.of(build_vocabulary(
            UNION_TERMS,
            (o.name for o in site.organisations.values()),
            (t.label for t in site.topics.values()),
            self.config.vocabulary,
        ))
        if not self.preview:
            self._close()
            self.stage = Stage()
        elif self.stage is None:
            self.stage = Stage(kept=True)
        self.stage.begin(self.vocabulary)
        return None

    @event_priority(priorities.SEARCH_PAGE)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Stage the search document of a bulletin."""
        if self.stage is None or self.bulletin is None or self.bulletin.model is None:
            return None
        b = self.bulletin.model.bulletins.get(page.file.src_uri)
        if b is None:
            return None
        site = self.bulletin.model.config
        self.stage.add(
            SearchDocument(
                url=page.url,
                title=b.title,
                organisation=site.organisations[b.org].name,
                year=b.year,
                type_label=b.type_label,
                date=b.date.isoformat(),
                topics=[site.topics[t].label for t in b.topics if t in site.topics],
                text=plain_text(html),
            ),
            self.vocabulary,
        )
        return None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the staged documents with Pagefind into site/pagefind/ (in a preview: after the page is served)."""
        if self.stage is None or self.bulletin is None or self.bulletin.model is None:
            return
        catalog = self.bulletin.model.catalog
        present = {b.type for b in catalog.bulletins}
        facets = Facets(
            years=[str(y) for y in catalog.years],
            organisations=[o.name for key, o in catalog.config.organisations.items() if key in catalog.by_org],
            types=[label for key, label in TYPE_LABELS.items() if key in present],
        )
        if self.stage.kept:
            self.stage.carry([b.url for b in self.bulletin.model.bulletins.values()])  # pages the preview kept, not rendered again
        if self.stage.count == 0:
            log.info("没有公报，不写搜索索引")
            if not self.preview:
                self._close()
            return
        site_dir, stage, vocabulary, shard_words = Path(config.site_dir), self.stage, self.vocabulary, max(1, self.config.shard_words)
        if self.preview:
            # A preview shows the edited page at once; the index follows a few seconds later, in a thread that
            # works from this round's list of documents and files that are never rewritten, so the next rebuild
            # neither waits for it nor disturbs it.
            self.round += 1
            docs = list(stage.docs)
            self.workers.start(self._preview_index, self.round, stage, site_dir, vocabulary, facets, shard_words, docs)
            return
        try:
            self._index(stage, site_dir, vocabulary, facets, shard_words)
        finally:
            self._close()

    def _preview_index(self, round_: int, stage: Stage, site_dir: Path, vocabulary: Vocabulary, facets: Facets, shard_words: int,
                       docs: list[Staged]) -> None:
        background()  # the Pagefind process it starts inherits the nice value too
        with self.writing:
            if round_ == self.round:  # else a newer rebuild's index follows this one
                self._index(stage, site_dir, vocabulary, facets, shard_words, docs)

    def _index(self, stage: Stage, site_dir: Path, vocabulary: Vocabulary, facets: Facets, shard_words: int,
               docs: list[Staged] | None = None) -> None:
        try:
            report = write_bundle(stage, site_dir, vocabulary, facets, shard_words, docs)
        except SearchError as exc:
            if self.preview:
                log.warning(str(exc))  # a preview goes on; the next edit tries again
                return
            raise PluginError(str(exc)) from None
        reused = f"，{report.shards - stage.indexed} 段沿用上次的索引" if stage.kept else ""
        log.info(f"搜索索引：{report.pages} 篇公报，分 {report.shards} 段{reused}，{report.seconds:.1f} 秒，{report.bytes / 1e6:.1f} MB")

    def on_build_error(self, *, error: Exception) -> None:
        """Remove the stage of a failed build."""
        if not self.preview:
            self._close()

    def _pagefind(self) -> bool:
        return bool(self.config.enabled) and self.config.engine == "pagefind"

    def _close(self) -> None:
        if self.stage is not None:
            self.stage.close()
            self.stage = None
