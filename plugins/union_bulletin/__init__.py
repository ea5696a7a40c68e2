"""union-bulletin: turn Chinese trade-union bulletins into a public static site.

The core (everything outside :mod:`union_bulletin.mkdocs`) knows nothing of
MkDocs: it reads bulletins and site_config, builds a catalog, aggregates the
statistics and prepares what the pages show. The MkDocs plugins are thin
adapters around it.
"""

from __future__ import annotations

__version__ = "0.1.0"
