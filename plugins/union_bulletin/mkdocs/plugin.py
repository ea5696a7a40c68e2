"""The ``bulletin`` MkDocs plugin: wires the core into MkDocs' build events.

on_config loads site_config and adds the package templates to the theme;
on_files hands the bulletin files to the core pipeline (union_bulletin.build),
reports what it found, drops the files that give no page and adds the
generated index pages; the page events hand each page its view (a bulletin
also its 分享 QR code), mark its tab, add the reader's controls (large text,
print provenance), the footer and the head's metadata and feed links (and
its share card as og:image); on_post_build writes data/stats.json, its CSV,
the feeds and the share cards (render/sharecard.py; a preview draws them in a
thread, after its pages are served). The site model is ``model``: the one
attribute other plugins read (and ``site``, site_config as loaded, which
bulletin-privacy reads before the model is built).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import json
import os
import posixpath
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from ..build import SiteModel, Source, build_site
from ..cache import DISK_CACHE, FileCache, Folders
from ..feeds import EMPTY_SITEMAP, SITEMAP, feed_specs, json_feed, org_feeds, rss, site_feeds
from ..model import Bulletin
from ..opendata import stats_csv, stats_json
from ..pages import PageKind, src_uri
from ..photos import Failure, Photo, Settings, Use, fill, has_img, is_photo, mark, photo_problems, publish
from ..photos import Source as PhotoSource
from ..preview import KeptPage, PageStore, environment_key, page_keys
from ..problems import InputError, Problem, shown_path
from ..render import metadata, reader
from ..render.metadata import Feed
from ..render.qr import share
from ..render.sharecard import HEIGHT, NO_FONT, WIDTH, FontError, Fonts, ShareCard, find_fonts, lacking, share_cards
from ..render.sharecard import publish as publish_cards
from ..render.views import REPORT_TYPES, STATS_CSV, STATS_JSON, View
from ..sanitize import clean, removal_problem
from ..site_config import SiteConfig, load_site_config
from . import priorities

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CSS = "assets/union-bulletin/bulletin.css"
SCRIPT = "assets/union-bulletin/reader.js"


class BulletinConfig(Config):
    enabled = c.Type(bool, default=True)
    bulletins_dir = c.Type(str, default="bulletins")
    config_dir = c.Dir(exists=True, default="site_config")
    home = c.Type(bool, default=True)
    sanitize = c.Type(bool, default=True)
    share_cards = c.Type(bool, default=True)
    font = c.Optional(c.Type(str))  # a font file for the share cards, relative to mkdocs.yml; else fontconfig's
    photos = c.Type(bool, default=True)  # publish a bulletin's photos as resized WebP/JPEG variants, metadata removed
    photo_originals = c.Type(bool, default=False)  # also publish the original files, byte for byte (EXIF and GPS included)
    cache_dir = c.Type(str, default=str(DISK_CACHE))  # encoded photos and drawn share cards, relative to mkdocs.yml


class BulletinPlugin(BasePlugin[BulletinConfig]):
    """Build a bulletin site from content/bulletins and site_config."""

    def __init__(self) -> None:
        self.site: SiteConfig | None = None  # site_config as loaded by on_config (bulletin-privacy reads its organisations)
        self.model: SiteModel | None = None  # what the other plugins read: set by on_files
        self.titles: dict[str, str] = {}  # a generated page's title as written, before escaping
        self.bodies: dict[str, str] = {}  # a bulletin's rendered, sanitized body, by src_uri (for the compiled reports)
        self.tab: Page | None = None  # the navigation page marked active for the page being rendered
        self.preview = False  # under mkdocs serve: unchanged bulletin pages are kept, not rendered again
        self.store = PageStore()  # kept pages, across the rebuilds of a preview
        self.keys: dict[str, str] = {}  # each bulletin page's key in this build (preview only)
        self.restored: dict[str, KeptPage] = {}  # pages this build writes back instead of rendering
        self.fonts: Fonts | None = None  # the share cards' fonts; None: no cards this build
        # A preview draws its share cards after the pages are served, in a thread of its round; a rebuild starts
        # a new round (on_config, before MkDocs empties the site folder) and waits while an older one places cards.
        self.card_round = 0
        self.card_lock = threading.Lock()
        self.card_workers = Workers()
        self.cards: dict[str, ShareCard] = {}  # each page's share card, by page URL
        self.photo_files: dict[str, File] = {}  # image files a bulletin may use, by where they would be published
        self.uses: list[Use] = []  # each photo in a bulletin body, in the order of its mark
        self.covers: dict[str, Use] = {}  # each bulletin's cover, by src_uri
        self.photos: dict[str, Photo | Failure] = {}  # what each used image became, by where it would be published
        self.page_photos: dict[str, tuple[Use, ...]] = {}  # a bulletin's photos, kept for the preview's unrendered pages
        self.qr: FileCache | None = None  # the QR codes drawn by earlier builds (set in on_config: read once per bulletin page)

    # Having on_startup keeps this instance across the rebuilds of mkdocs serve, and with it the kept pages;
    # everything that belongs to one build is reset in on_config.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is a preview."""
        self.preview = command == "serve"
        self.store.links = not dirty  # with --dirty MkDocs writes over the files in place, links included

    def on_shutdown(self) -> None:
        """Forget the kept pages; the next build of this process (MkDocs keeps this object) is not a preview unless it says so.
        A card thread still drawing stops after its current card (what it drew is kept in the cache)."""
        self.card_round += 1
        self.card_workers.join()
        self.store.clear()
        self.preview = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load site_config; add our templates (after custom_dir, before the theme's), stylesheet and script."""
        self.card_round += 1
        with self.card_lock:
            pass  # an older round's thread that is putting cards in the site folder finishes first
        self.model, self.titles, self.bodies, self.tab, self.keys, self.restored = None, {}, {}, None, {}, {}
        self.fonts, self.cards = None, {}
        self.photo_files, self.uses, self.covers, self.photos = {}, [], {}, {}
        if not self.config.enabled:
            return None
        project = _project(config)
        try:
            self.site, problems = load_site_config(Path(self.config.config_dir), project)
        except InputError as exc:
            raise PluginError(str(exc)) from None
        _report(problems)
        self.qr = self._cache(config, "qr", ".svg")
        self._find_fonts(config, project)
        if str(TEMPLATES) not in config.theme.dirs:
            # Before the theme's own folder, so that our 404.html and partials/logo.html replace the theme's
            # (English text, alt="logo"); after custom_dir, so that a site can still override any of ours.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        if CSS not in config.extra_css:
            config.extra_css.insert(0, CSS)
        if SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        if config.nav is None:
            config.nav = self._default_nav(Path(config.docs_dir))
        return config

    def _find_fonts(self, config: MkDocsConfig, project: Path) -> None:
        """The share cards' fonts; a ``font`` that is no Chinese font stops the build, a system without one warns once."""
        if not self.config.share_cards or not (config.site_url or self.config.font):
            return  # a font option is checked even without site_url: it is wrong either way
        try:
            fonts = find_fonts(self.config.font, project)
        except FontError as exc:
            raise PluginError(str(exc)) from None
        if not config.site_url:
            return  # no og:image without an absolute address, so no card (_write_feeds says so)
        if fonts is None:
            log.warning(NO_FONT)
        self.fonts = fonts

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer | None:
        """Rebuild the preview when a site_config file changes too (MkDocs watches only the docs folder and mkdocs.yml)."""
        if self.config.enabled:
            server.watch(str(Path(self.config.config_dir).resolve()))
        return server

    @event_priority(priorities.BULLETIN_FILES)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        """Build the site model from the bulletins; drop the files that give no page; add the generated index pages."""
        self.model = None
        if not self.config.enabled or self.site is None:
            return None
        project = _project(config)
        docs = Path(config.docs_dir).resolve()
        prefix = self.config.bulletins_dir.strip("/") + "/"

        def locate(path: str) -> Path | None:
            f = files.get_file_from_path(path)
            return Path(f.abs_src_path) if f is not None and f.abs_src_path else None

        bulletin_files = [f for f in files.documentation_pages() if f.src_uri.startswith(prefix)]
        sources = (Source(f.src_uri, shown_path(docs / f.src_uri, project), f.url, f.content_bytes) for f in bulletin_files)
        self.model = model = build_site(sources, self.site, locate, use_directory_urls=config.use_directory_urls)
        for item in model.report:
            if not isinstance(item, Problem) and not item.serious:
                log.info(str(item))
            else:
                log.warning(str(item))
        for file in bulletin_files:
            body = model.bodies.get(file.src_uri)
            if body is None:
                files.remove(file)
                continue
            _keep_out_of_nav(file)
            # MkDocs gets the body only: the front matter is read once, here, not again by MkDocs.
            # (The leading newline keeps MkDocs from taking a first "key: value" line for metadata.)
            on_disk = file.abs_src_path
            file.content_string = "\n" + body
            file.abs_src_path = on_disk  # other plugins (dates from git, edit links) still find the file

        if self.preview:
            self._keep_unchanged(bulletin_files, config)
        if self.config.photos:
            self.photo_files = {f.dest_uri: f for f in files if not f.is_documentation_page() and is_photo(f.src_uri) and f.abs_src_path}

        for page in model.pages.values():
            own = files.get_file_from_path(page.src_uri)
            if own is None:
                own = File.generated(config, page.src_uri, content=f"---\ntitle: {json.dumps(page.title, ensure_ascii=False)}\n---\n")
                files.append(own)
            if page.key:
                _keep_out_of_nav(own)
        if self.fonts is not None:
            self.cards = share_cards(model.views, config.site_name)
        # Numbers as arguments: `union-bulletin build` and `preview` read them from the record for their summary.
        log.info("公报 %d 篇，生成索引页 %d 个", len(model.catalog.bulletins), len(model.pages))
        return files

    def _keep_unchanged(self, bulletin_files: list[File], config: MkDocsConfig) -> None:
        """Leave out of MkDocs' build every bulletin page whose key is the one it was written under last time."""
        assert self.model is not None
        dirs = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        config_file = Path(config.config_file_path) if config.config_file_path else None
        self.keys = page_keys(self.model, environment_key(config_file, [*dirs, TEMPLATES]))
        for file in bulletin_files:
            kept = self.store.get(file.src_uri, self.keys.get(file.src_uri, ""))
            if kept is None:
                continue
            file.inclusion = InclusionLevel.EXCLUDED  # not rendered, not even under serve; on_post_build writes it back
            self.restored[file.src_uri] = kept
            if kept.body:
                self.bodies[file.src_uri] = kept.body
        if self.restored:
            log.info(f"预览：{len(self.restored)} 篇公报没有改动，沿用上次生成的页面")

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Give our pages their template, and a title that is safe in the theme's HTML."""
        if self.model is None:
            return None
        src = page.file.src_uri
        if src in self.model.bulletins:
            b = self.model.bulletins[src]
            when = dt.datetime.combine(b.date, b.time) if b.time else b.date
            # A copy: the model's front matter is kept between builds of a preview, and other plugins may change page.meta.
            page.meta = {**copy.deepcopy(dict(self.model.meta.get(src, {}))), "date": when}
            page.meta["template"] = PageKind.BULLETIN.template
            page.meta["title"] = _escape(b.title)
            description = _description(page.meta, b)
            if description:
                page.meta["description"] = _escape(description)  # Material prints it unescaped into an attribute
            else:
                page.meta.pop("description", None)
        elif src in self.model.pages:
            page.meta.setdefault("template", self.model.pages[src].kind.template)
            self.titles[src] = str(page.meta.get("title") or self.model.pages[src].title)
            page.meta["title"] = _escape(self.titles[src])
        elif page.is_homepage and self.config.home:
            page.meta.setdefault("template", PageKind.HOME.template)
        return None

    @event_priority(priorities.SANITIZE)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Remove scripts, frames, event handlers and javascript: links the author's Markdown let through; mark a bulletin's photos."""
        if not self.config.enabled:
            return None
        cleaned, removed = clean(html) if self.config.sanitize else (html, [])
        for what in removed:
            log.warning(str(removal_problem(_shown(page, config), what)))
        cleaned = self._mark_photos(cleaned, page, config)
        self._keep_body(page, cleaned)
        return cleaned

    def _mark_photos(self, html: str, page: Page, config: MkDocsConfig) -> str:
        """Replace a bulletin's photos by marks, and note its cover: all are published in on_env, at once."""
        b = self.model.bulletins.get(page.file.src_uri) if self.model is not None else None
        if b is None or not self.config.photos:
            return html
        if b.cover is None and not has_img(html):
            self.page_photos[b.src_path] = ()  # most bulletins have no photo: no paths to resolve
            return html
        project = _project(config)
        shown = _shown(page, config)
        base = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"

        def resolve(src: str) -> PhotoSource | None:
            parts = urlsplit(src)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                return None
            found = self.photo_files.get(posixpath.normpath(posixpath.join(base, unquote(parts.path))))
            return _photo_source(found, project) if found is not None else None

        cover_file = self.photo_files.get(b.cover.path) if b.cover is not None else None
        cover = _photo_source(cover_file, project) if cover_file is not None else None
        if cover is not None:
            self.covers[b.src_path] = Use(cover, shown, page.url, b.title, eager=True, cover=True)
        marked, uses = mark(html, resolve, shown, page.url, first=len(self.uses), eager=cover is None)
        self.uses += uses
        self.page_photos[b.src_path] = (*([self.covers[b.src_path]] if cover else []), *uses)
        return marked

    def _keep_body(self, page: Page, html: str) -> None:
        """Keep a summary's or plan's body for its year's compiled report (MkDocs renders every body before any template)."""
        b = self.model.bulletins.get(page.file.src_uri) if self.model is not None else None
        if b is not None and b.type in REPORT_TYPES:  # only what a report prints: news and notices are most bulletins
            self.bodies[page.file.src_uri] = html

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Publish every photo the bulletins use (encoding what the cache lacks), fill the marks, leave the originals out."""
        if self.model is None or not self.config.photos:
            return None
        project = _project(config)
        # A page the preview keeps from its last build is not rendered again, but its photos are written again.
        uses = [*self.covers.values(), *self.uses, *(u for src in self.restored for u in self.page_photos.get(src, ()))]
        if uses:
            cache = project / self.config.cache_dir  # photos keeps a folder of its own per photo below it
            try:
                outcome = publish([u.source for u in uses], Path(config.site_dir), cache, Settings())
            except OSError as exc:
                where = shown_path(Path(exc.filename), project) if exc.filename else shown_path(cache, project)
                raise PluginError(f"{where}: 照片无法写入缓存或网站文件夹，应为可写的文件夹（检查 bulletin 插件的 cache_dir 和文件夹权限）") from None
            self.photos = dict(outcome.photos)
            for problem in photo_problems(uses, self.photos):
                log.warning(str(problem))
            log.info(outcome.summary)
        markups = [u.markup(self.photos[u.source.dest], get_relative_url) for u in self.uses]
        for file in files.documentation_pages():
            if file.page is not None and file.page.content:
                file.page.content = fill(file.page.content, markups)
        printed = [u.printed(self.photos[u.source.dest], get_relative_url) for u in self.uses]
        self.bodies = {src: fill(body, printed) for src, body in self.bodies.items()}
        if not self.config.photo_originals:
            # Not copied: a photo a bulletin uses is published as its variants only, and one that no published
            # bulletin uses (a draft's, a forgotten one) not at all.
            prefix = self.config.bulletins_dir.strip("/") + "/"
            for dest, file in self.photo_files.items():
                if dest in self.photos or file.src_uri.startswith(prefix):
                    file.inclusion = InclusionLevel.EXCLUDED
        return None

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext | None:
        """Hand the page its view (``ub`` in the templates); mark its tab; give its width to the content."""
        if self.model is None:
            return None
        views = self.model.views
        view: View | None = None
        src = page.file.src_uri
        if src in self.model.bulletins:
            view = views.bulletin(self.model.bulletins[src])
        elif src in self.model.pages:
            g = self.model.pages[src]
            title = self.titles.get(src, g.title)
            if g.kind is PageKind.REPORT:
                view = views.report(g.key, title, self.bodies)
            else:
                view = views.page(g.kind, g.key, title)
        elif page.is_homepage and self.config.home:
            view = views.home(str(page.title or ""))
        if view is None:
            return context
        context["ub"] = view  # type: ignore[typeddict-unknown-key]
        if src in self.model.bulletins:
            context["ub_share"] = share(page.canonical_url or "", self.qr)  # type: ignore[typeddict-unknown-key]
            cover = self.covers.get(src)
            if cover is not None and cover.source.dest in self.photos:
                found = self.photos[cover.source.dest]
                # A cover that cannot be published is left out (the message says why): the title says what the page is.
                context["ub_cover"] = None if isinstance(found, Failure) else cover.markup(found, get_relative_url)  # type: ignore[typeddict-unknown-key]
        # Our pages have the tabs and breadcrumbs: the left sidebar would be empty, and so would the
        # right one unless the body has headings. Hidden sidebars give their width to the content.
        hide = ["navigation"] if page.toc else ["navigation", "toc"]
        own = page.meta.get("hide")  # what the author hid in front matter stays hidden
        page.meta["hide"] = [*(own if isinstance(own, list) else [own] if isinstance(own, str) else []), *hide]
        if view.section is not None:
            self._activate(nav, src_uri(view.section))
        return context

    def _activate(self, nav: Navigation, section_src: str) -> None:
        """Mark the tab of the section a page belongs under (a bulletin: 年度公报), though the page is not in the nav."""
        for item in nav.pages:
            if item.file.src_uri == section_src and not item.active:
                item.active = True  # also marks its parents
                self.tab = item
                return

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Add the large-text switch, the print provenance, the footer and the head's tags; unmark the tab marked for this page."""
        if self.tab is not None:
            self.tab.active = False
            self.tab = None
        if not self.config.enabled:
            return None
        output = self._reader(output, config, page.canonical_url or "")
        output = metadata.add_head_tags(output, metadata.head_tags(self._with_card(self._facts(page, config), page, config)))
        src = page.file.src_uri
        if self.preview and src in self.keys:
            self.store.put(src, KeptPage(self.keys[src], page.file.dest_uri, output, self.bodies.get(src, "")))
        return output

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        """The same for the theme's own pages (404.html)."""
        if not self.config.enabled or not template_name.endswith(".html") or template_name.startswith("sitemap"):
            return None
        html = self._reader(output_content, config, "")
        return metadata.add_head_tags(html, metadata.head_tags(metadata.PageFacts(config.site_name, config.site_name)))

    def _reader(self, html: str, config: MkDocsConfig, address: str) -> str:
        facts = self.site.facts if self.site is not None else None
        html = reader.add_head_script(html)
        if facts is not None:
            html = metadata.add_footer(html, metadata.footer(facts.publisher, facts.contact, facts.icp))
        return reader.add_print_info(html, reader.print_info(config.site_name, facts.publisher if facts else "", address))

    def _facts(self, page: Page, config: MkDocsConfig) -> metadata.PageFacts:
        """What the head says about ``page``: a bulletin is an article, an index page a column."""
        site_url = config.site_url or ""
        logo = str(config.theme.get("logo") or "")
        feeds = site_feeds(config.site_name) if site_url else ()
        url = (page.canonical_url or "") if site_url else ""
        src = page.file.src_uri
        model = self.model
        if model is not None and src in model.bulletins:
            b = model.bulletins[src]
            description = _description(model.meta.get(src, {}), b)
            return metadata.PageFacts(
                config.site_name, b.title, description, url, self._picture(b, site_url, logo), article=b,
                source=model.config.organisations[b.org].name, feeds=_relative(feeds, page),
            )
        given = page.meta.get("description")
        description = (given if isinstance(given, str) else "") or config.site_description or ""
        title = str(page.title or config.site_name)
        column = ""
        if model is not None and src in model.pages:
            g = model.pages[src]
            title = self.titles.get(src, g.title)
            column = title if g.kind is not PageKind.REPORT else ""
            if g.kind is PageKind.ORG and site_url:
                feeds = (*feeds, *org_feeds(model.config.organisations[g.key].name, g.key))
        return metadata.PageFacts(config.site_name, title, description, url, metadata.image_for(site_url, None, logo), column=column,
                                  feeds=_relative(feeds, page))

    def _picture(self, b: Bulletin, site_url: str, logo: str) -> str:
        """A bulletin's shared picture when it has no share card: its cover as published (with photos on, the
        largest JPEG variant: the original is not published), else the logo."""
        use = self.covers.get(b.src_path) if self.config.photos else None
        if use is None:
            return metadata.image_for(site_url, None if self.config.photos else b, logo)
        photo = self.photos.get(use.source.dest)
        if isinstance(photo, Photo):
            return metadata.absolute(site_url, photo.large.fallback)
        return metadata.image_for(site_url, None, logo)

    def _with_card(self, facts: metadata.PageFacts, page: Page, config: MkDocsConfig) -> metadata.PageFacts:
        """The page's share card, when it has one, as the picture a shared link shows."""
        card = self.cards.get(page.url)
        if card is None:
            return facts
        image = metadata.absolute(config.site_url or "", card.path)
        return dataclasses.replace(facts, image=image, image_size=(WIDTH, HEIGHT), image_alt=card.alt)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the open-data files (JSON, and the same numbers as a CSV table), the feeds and the share cards."""
        if self.model is None:
            return
        folders = Folders()
        for kept in self.restored.values():
            folders.make((Path(config.site_dir) / kept.dest).parent)
            self.store.write(kept, Path(config.site_dir))
        self.store.adopt(Path(config.site_dir))
        target = Path(config.site_dir) / STATS_JSON
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(stats_json(self.model.catalog, self.model.stats), encoding="utf-8")
        # UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the file as GBK.
        (Path(config.site_dir) / STATS_CSV).write_bytes(stats_csv(self.model.catalog, self.model.stats).encode("utf-8-sig"))
        self._write_feeds(config)
        if self.fonts is None:
            return
        args = (dict(self.cards), self.fonts, self._cache(config, "cards", ".png"), Path(config.site_dir), _project(config))
        if not self.preview:
            self._publish_cards(*args)
            return
        # A preview shows the page first: on a large site the first preview would otherwise draw every card
        # before serving anything (bench_scale.py --serve measures it).
        self.card_workers.start(self._publish_cards, *args, round_=self.card_round)

    @property
    def card_worker(self) -> threading.Thread | None:
        """The thread drawing the last preview round's share cards (tests join it)."""
        return self.card_workers.newest

    def _publish_cards(self, cards: dict[str, ShareCard], fonts: Fonts, cache: FileCache, site_dir: Path, project: Path,
                       round_: int | None = None) -> None:
        """Draw the cards the cache lacks and put every card in the site; a preview's round gives way to a newer one."""
        if round_ is not None:
            background()
        done = publish_cards(cards.values(), fonts, cache, site_dir, current=lambda: round_ in (None, self.card_round),
                             lock=self.card_lock)
        if done is None:
            return  # a newer round places its own cards (and those this one drew, from the cache)
        log.info(f"分享卡片 {done.drawn + done.reused} 张：新绘制 {done.drawn} 张，沿用上次的 {done.reused} 张")
        for url, card in cards.items():
            chars = lacking(card, fonts)
            if chars:  # valid text the font cannot draw: an info line, so that a strict build still passes
                log.info(f"{url}: 分享卡片: 发现 字体里没有的字「{chars}」（卡片上画成空框），应为 字体能画出的字（可用 bulletin 插件的 font 指定字形更全的中文字体）")
        if done.cache_error:  # the site is the same; only the next build draws them again
            log.info(f"{shown_path(cache.folder, project)}: 发现 无法写入（系统提示：{done.cache_error}），应为 可写的文件夹（分享卡片照常发布，但下次构建要重新绘制）")

    def _write_feeds(self, config: MkDocsConfig) -> None:
        """RSS and JSON Feed of the news and notices (the site's, each organisation's) and of the summaries."""
        assert self.model is not None
        site_url = config.site_url or ""
        if not site_url:
            if self.config.share_cards:
                log.info("mkdocs.yml 没有 site_url：不生成订阅源和分享卡片（RSS、JSON Feed 和 og:image 需要完整网址）")
            else:
                log.info("mkdocs.yml 没有 site_url：不生成订阅源（RSS、JSON Feed 需要完整网址）")
            return
        catalog = self.model.catalog
        specs = feed_specs(catalog, config.site_name, config.site_description or "", site_url, config.use_directory_urls)
        for spec in specs:
            target = Path(config.site_dir) / spec.stem
            target.parent.mkdir(parents=True, exist_ok=True)
            target.with_suffix(".xml").write_bytes(rss(spec, catalog, site_url))
            target.with_suffix(".json").write_text(json_feed(spec, catalog, site_url), encoding="utf-8")
        (Path(config.site_dir) / SITEMAP).write_text(EMPTY_SITEMAP, encoding="utf-8")
        log.info(f"订阅源 {len(specs)} 组（RSS 和 JSON Feed）")

    def _cache(self, config: MkDocsConfig, kind: str, suffix: str) -> FileCache:
        """The files of one ``kind`` kept between builds (share cards, QR codes) under the ``cache_dir`` option."""
        return FileCache(_project(config) / self.config.cache_dir / kind, suffix)

    def _default_nav(self, docs: Path) -> list[Any]:
        """A short nav when mkdocs.yml has none: bulletins never go into the nav (it grows quadratically)."""
        nav: list[Any] = []
        if (docs / "index.md").is_file():
            nav.append({"首页": "index.md"})
        nav += [{"年度公报": "years/index.md"}, {"基层组织": "orgs/index.md"}, {"工作专题": "topics/index.md"}]
        skip = {"index.md", "years", "orgs", "topics", self.config.bulletins_dir.strip("/")}
        nav += sorted(p.name for p in docs.glob("*.md") if p.name not in skip)
        return nav


def _keep_out_of_nav(file: File) -> None:
    """Bulletins and per-key index pages are reached from index pages, never the nav: no log line for each."""
    if file.inclusion in (InclusionLevel.UNDEFINED, InclusionLevel.INCLUDED):
        file.inclusion = InclusionLevel.NOT_IN_NAV


def _project(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: what authors' paths and the cache are relative to."""
    return _folder_of(config.config_file_path or ".")


@functools.lru_cache(maxsize=8)
def _folder_of(config_file: str) -> Path:
    return Path(config_file).resolve().parent


def _shown(page: Page, config: MkDocsConfig) -> str:
    """The page's file as authors know it."""
    project = _project(config)
    source = Path(page.file.abs_src_path) if page.file.abs_src_path else Path(config.docs_dir) / page.file.src_uri
    return shown_path(source.resolve(), project)


def _photo_source(file: File, project: Path) -> PhotoSource:
    assert file.abs_src_path is not None
    path = Path(file.abs_src_path)
    return PhotoSource(path, shown_path(path.resolve(), project), file.dest_uri)


def _report(problems: list[Problem]) -> None:
    for p in problems:
        log.warning(str(p))


def _relative(feeds: tuple[Feed, ...], page: Page) -> tuple[Feed, ...]:
    """The feeds' addresses relative to ``page``, as MkDocs writes every link of a page."""
    return tuple(dataclasses.replace(f, url=get_relative_url(f.url, page.url)) for f in feeds)


def _description(meta: Mapping[str, Any], b: Bulletin) -> str:
    """A bulletin's description: the front matter's, when it is text with something in it; else its summary."""
    given = meta.get("description")
    return given if isinstance(given, str) and given.strip() else b.summary


def _escape(text: str) -> str:
    """Escape as Jinja does: the theme prints page titles and descriptions unescaped."""
    return str(escape(text))


def background() -> None:
    """Give this thread (and the threads it starts) a lower priority: the rebuild an author waits for comes first.
    On Linux the nice value is the thread's own."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):
        pass


class Workers:
    """The threads a preview leaves working after its pages are served (the search index, the share cards),
    newest last; those that have ended are forgotten when the next one starts."""

    def __init__(self) -> None:
        self._threads: list[threading.Thread] = []

    def start(self, target: Callable[..., None], *args: Any, **kwargs: Any) -> None:
        thread = threading.Thread(target=target, args=args, kwargs=kwargs, daemon=True)
        self._threads = [*(t for t in self._threads if t.is_alive()), thread]
        thread.start()

    @property
    def newest(self) -> threading.Thread | None:
        return self._threads[-1] if self._threads else None

    def join(self) -> None:
        """Wait for every thread still working."""
        for thread in self._threads:
            thread.join()
        self._threads = []
