"""Every event priority of our plugins, in one place, each with its reason.

MkDocs runs an event's handlers from the highest priority down; handlers of
equal priority run in the order of ``plugins:`` in mkdocs.yml. Wherever one of
our plugins depends on another, the two get different numbers here, so the
site is the same whatever order mkdocs.yml lists them in
(tests/test_plugin_order.py builds one site with the list reversed).
Handlers not listed run at MkDocs' default, 0, and depend on no other plugin.
"""

from __future__ import annotations

# -- on_config ----------------------------------------------------------------------------
#: bulletin-search: before Material's search plugin (0) reads its own options in its on_config.
SEARCH_CONFIG = 100

# -- on_files -----------------------------------------------------------------------------
#: bulletin-privacy: before the bulletin plugin reads the files, so its reader, the pages,
#: the search index and every later plugin see only masked numbers.
PRIVACY_FILES = 60
#: bulletin: before other plugins look at the files, so none sees a bulletin that is dropped;
#: here the site model is built.
BULLETIN_FILES = 50
#: bulletin-search: after the bulletin plugin, whose site model gives the vocabulary.
SEARCH_FILES = 40

# -- on_page_content ----------------------------------------------------------------------
#: bulletin: first, so only what the author wrote is cleaned, before other plugins add markup; then a
#: bulletin's photos become marks (filled with <picture> markup in on_env), before mkdocs-glightbox (0)
#: would wrap each <img> in a link of its own.
SANITIZE = 100
#: bulletin-search: after the cleaning, so the index holds what the page publishes.
SEARCH_PAGE = 0
