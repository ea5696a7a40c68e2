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

What is worth keeping across processes (a drawn share card) is a file in a
:class:`FileCache`, a folder under the project's ``.cache/union-bulletin/``,
named by the same kind of digest.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Hashable
from pathlib import Path
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


#: The folder below a project (the folder of mkdocs.yml) that holds the caches kept between builds.
DISK_CACHE = Path(".cache") / "union-bulletin"


def place(source: Path, target: Path) -> None:
    """Put a file kept between builds at ``target`` in the site (its folder exists): a hard link where the
    file system allows one, else a copy with the kept file's time. A link makes no new inode and copies
    nothing: under ``mkdocs serve`` every rebuild puts every card and photo into a site folder emptied before
    it. Only for files never written again in place (a new version is a new file renamed over the old name,
    or another name), so that the site's link cannot change."""
    try:
        os.link(source, target)
        return
    except FileExistsError:
        if os.path.samefile(source, target):
            return
        target.unlink()
        try:
            os.link(source, target)
            return
        except OSError:
            pass
    except OSError:
        pass  # another file system, or one without hard links
    shutil.copy2(source, target)  # keeps the kept file's time: an unchanged card is not a new file


class Folders:
    """The folders of one pass that puts many files into the site: each made once (one mkdir per folder, not per file)."""

    def __init__(self) -> None:
        self._made: set[Path] = set()

    def make(self, folder: Path) -> None:
        if folder not in self._made:
            folder.mkdir(parents=True, exist_ok=True)
            self._made.add(folder)


class FileCache:
    """Files kept between builds in ``folder``, each named by the digest of what it was made from (``<key><suffix>``)."""

    def __init__(self, folder: Path, suffix: str) -> None:
        self.folder = folder
        self.suffix = suffix
        self._name = re.compile(r"[0-9a-f]{32}" + re.escape(suffix))

    def path(self, key: str) -> Path:
        """Where the file of ``key`` is (or would be) kept."""
        return self.folder / f"{key}{self.suffix}"

    def get(self, key: str) -> Path | None:
        path = self.path(key)
        return path if path.is_file() else None

    def put(self, key: str, data: bytes) -> Path:
        """Keep ``data`` under ``key``: written beside and renamed, so a reader never sees half a file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a kept file is copied into the site, which a web server reads
        os.replace(tmp, self.path(key))
        return self.path(key)

    def place(self, key: str, target: Path) -> None:
        """Put the kept file of ``key`` at ``target`` (see :func:`place`)."""
        place(self.path(key), target)

    def prune(self, keep: set[str]) -> int:
        """Delete the kept files whose key is not in ``keep`` (what the site no longer shows); how many."""
        if not self.folder.is_dir():
            return 0
        gone = 0
        for path in self.folder.iterdir():
            if self._name.fullmatch(path.name) and path.name[: -len(self.suffix)] not in keep:
                path.unlink(missing_ok=True)
                gone += 1
        return gone
