"""Work kept between builds in one process, keyed by what it was computed from.

A preview (``mkdocs serve``, and later the authoring command) rebuilds the
whole site after every edit, usually of one file. What one file gives (its
front matter read and validated, its personal-data findings, its cleaned
HTML) is kept here under a key made of the file's content hash and of
everything else the result depends on, so an unchanged file costs a hash and
a lookup. The caches live in this module, not in a plugin object: MkDocs
makes new plugin objects on each rebuild of ``serve``. Each is bounded (least
recently used entries go first), so a long session on a large archive does
not grow without limit.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def digest(data: bytes | str) -> str:
    """A short content hash (BLAKE2b, 128 bits) of bytes or text."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class Memo(Generic[K, V]):
    """A bounded least-recently-used map, counting its hits and misses."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.hits = 0
        self.misses = 0
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self._data.get(key)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        self._data.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.size:
            self._data.popitem(last=False)

    def clear(self) -> None:
        self._data.clear()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)
