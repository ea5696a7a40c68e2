"""MkDocs adapters: the only part of union_bulletin that imports mkdocs."""
