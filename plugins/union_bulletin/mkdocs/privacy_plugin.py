"""The ``bulletin-privacy`` MkDocs plugin: personal data in pages and text attachments.

on_files scans every Markdown page and every text attachment of the docs
folder (union_bulletin.privacy), reports each finding as a warning (so
``--strict`` fails) and hands MkDocs the text with every number masked and
every name found replaced (张某某), so that the built site (pages, search
index, feeds, the compiled report) never holds a full ID, mobile or bank card
number, nor the name of a worker in hardship the check found.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..privacy import KINDS, Scanner, scan_file
from ..problems import shown_path
from . import priorities
from .plugin import BulletinPlugin

log = get_plugin_logger(__name__)


class PrivacyConfig(Config):
    enabled = c.Type(bool, default=True)
    checks = c.ListOfItems(c.Choice(KINDS), default=list(KINDS))
    hardship_words = c.ListOfItems(c.Type(str), default=[])  # added to the built-in list
    allow = c.ListOfItems(c.Type(str), default=[])  # meant to be public on every page
    attachments = c.ListOfItems(c.Type(str), default=["csv", "txt"])  # extensions of text attachments to scan


class PrivacyPlugin(BasePlugin[PrivacyConfig]):
    """Report personal data in the sources and publish it masked."""

    def __init__(self) -> None:
        self.scanner: Scanner | None = None

    @event_priority(priorities.PRIVACY_FILES)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        """Scan pages and text attachments; report each finding and mask what was found."""
        self.scanner = None
        if not self.config.enabled:
            return None
        # With the bulletin plugin, the site's organisation names too (its on_config has loaded site_config).
        bulletin = config.plugins.get("bulletin")
        site = bulletin.site if isinstance(bulletin, BulletinPlugin) and bulletin.config.enabled else None
        organisations = [o.name for o in site.organisations.values()] if site is not None else []
        self.scanner = Scanner(self.config.checks, self.config.hardship_words, self.config.allow, organisations)
        project = Path(config.config_file_path or ".").resolve().parent
        docs = Path(config.docs_dir).resolve()
        suffixes = {"." + ext.lower().lstrip(".") for ext in self.config.attachments}
        for file in files:
            page = file.is_documentation_page()
            if not (page or Path(file.src_uri).suffix.lower() in suffixes) or not _authored(file, config.docs_dir):
                continue
            try:
                text = file.content_bytes.decode("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue  # the bulletin plugin (or MkDocs) reports a file it cannot read
            scanned = scan_file(self.scanner, shown_path(docs / file.src_uri, project), text, page=page)
            for p in scanned.problems:
                log.warning(str(p))
            if scanned.redacted is not None:
                on_disk = file.abs_src_path
                file.content_string = scanned.redacted  # a non-page file too: File.copy_file writes it
                file.abs_src_path = on_disk  # other plugins (dates from git, edit links) still find the file
        return files


def _authored(file: File, docs_dir: str) -> bool:
    """A file the authors wrote in the docs folder (not a theme file, not one a plugin made, not excluded)."""
    return file.src_dir == docs_dir and file.generated_by is None and file.inclusion != InclusionLevel.EXCLUDED
