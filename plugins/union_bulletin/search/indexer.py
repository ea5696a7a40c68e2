"""Write the Pagefind bundle of a site: stage each bulletin's words, index them in shards and packs, add our settings.

Why shards. Pagefind holds every page of an index in memory until it writes
the index, and its memory follows the number of indexed words (tests/bench/bench_pagefind.py,
the binary alone on our documents of 1,000 real-length bulletins: 214 MB for 243,000
words, 390 MB for 460,000, 754 MB for 909,000; about 0.85 KB a word). One index of 50,000 real-length summaries would
not fit this project's 24 GB machine. So the documents are cut, newest first,
into shards of at most ``shard_words`` words, and each shard is indexed by a
Pagefind process of its own, one after the other: the build's peak memory
follows the shard size, not the site. The first shard is the primary bundle
(``pagefind/``, with pagefind.js and the WebAssembly); the others are bundles
without code under ``pagefind/<n>/``, which ``search.js`` merges (Pagefind's
``mergeIndex``, which reuses the primary's WebAssembly) only when the newer
shards have not given a reader enough results. A reader's first query costs
the newest shard's page list and chunks, not the whole archive's.

Packs. Pagefind's cost follows its pages as well as their words: on 2,000
synthetic bulletins (``bench_pagefind.py --packs 1,4,8,16``, one run) four a
page took 1.88 CPU s and 415 MB, sixteen a page 1.11 s and 251 MB, against
3.81 s and 659 MB one a page. So each shard's bulletins are indexed ``PACK`` to
a Pagefind page, one organisation's together (they share the most words):
each bulletin's title and body tokens one after the other, and every member's
filter values. Pagefind then finds pages, not bulletins: ``ub-packs.json`` in
each shard's bundle gives, for each page id, its members' word counts, title
word counts, years, organisations, types and the numbers of their files under
``EXCERPTS`` (what a result shows), and ``search.js`` keeps a bulletin only
when every query token lies within its own words and its own values match the
filters, and ranks the bulletins itself (BM25, as Pagefind ranks pages).

How a shard reaches Pagefind. Each shard's pages are written into a folder of
their own, which Pagefind's command line (``--site``) indexes, building the
index once. Its service
(the Python wrapper's ``add_directory`` and ``write_files``, and ``GetFiles``)
builds the whole index twice, once for the request and once inside writing
the files: about a third more of Pagefind's CPU on the same documents
(``tests/bench/bench_pagefind.py`` measures both). Each bulletin's part is
staged as a file when its page renders; a shard's pack pages are written from
those parts into the shard's folder. The staged folders are
deleted when the build ends, not after each shard: on ext4 without a journal,
as on this project's machines, a file made soon after many were deleted costs
the kernel a search over the recently deleted inodes, and every shard's index
is a file per bulletin.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .documents import EXCERPTS, Member, SearchDocument, page, section, shown_file
from .tokens import Vocabulary, search_rule

BUNDLE = "pagefind"  # the folder under the site root that holds the search bundle
SETTINGS = "ub-search.json"  # our settings in that folder, read by search.js
SHARD_WORDS = 400_000  # words of ours per shard: about 0.35 GB of Pagefind memory (0.85 KB a word)
#: Pagefind's own search interfaces: search.js replaces them, so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
#: What a merged shard needs: its entry, page list, chunks, fragments and filters; not Pagefind's code.
SHARD_KEEP = ("pagefind-entry.json", "index", "fragment", "filter", "ub-packs.json")
PACK = 16  # bulletins indexed as one Pagefind page (see "Packs" above)
PACKS = "ub-packs.json"  # in each shard's bundle: which bulletins each of its pages holds, read by search.js


class SearchError(Exception):
    """The search index cannot be written; the message says why, in words for the site owner."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    shards: int
    seconds: float
    bytes: int  # size of the bundle on disk


@dataclass(frozen=True)
class Facets:
    """The filter choices the search box offers, in the order it offers them."""

    years: Sequence[str]
    organisations: Sequence[str]
    types: Sequence[str]


@dataclass(frozen=True)
class Staged:
    """One staged document: where it lies in the stage, and what the shards are cut by."""

    path: str  # its file name in the stage (one flat folder: a folder per bulletin cost a mkdir and a rmdir each)
    member: Member
    key: int = 0  # what the document holds (a hash within this process): a preview re-indexes a shard only when one changed
    url: str = ""

    @property
    def words(self) -> int:
        return self.member.words

    @property
    def date(self) -> str:
        return self.member.of("date")

    @property
    def year(self) -> str:
        return self.member.of("year")


@dataclass(frozen=True)
class Shard:
    """Consecutive documents, newest first, indexed by one Pagefind process into one bundle."""

    number: int
    docs: tuple[Staged, ...]

    @property
    def path(self) -> str:
        """The bundle's folder under pagefind/ ("" for the primary bundle)."""
        return "" if self.number == 0 else f"{self.number}/"

    @property
    def key(self) -> str:
        """What the shard holds: the same key, the same bundle."""
        return f"{self.number}-{hash(tuple((d.path, d.key) for d in self.docs)) & 0xFFFFFFFFFFFF:x}"

    def settings(self) -> dict[str, Any]:
        years = sorted({d.year for d in self.docs}, reverse=True)
        return {"path": self.path, "pages": len(self.docs), "years": years}


class Stage:
    """A temporary folder of search documents: each bulletin's part of a pack page (documents.section), one file
    per bulletin, all in one folder (``all/``).

    A stage that is ``kept`` (a preview under ``mkdocs serve``) lives across
    rebuilds: a document whose content has not changed is not rendered again,
    and a shard whose documents have not changed is not indexed again (its
    bundle is copied from the last build).
    """

    def __init__(self, kept: bool = False) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="ub-search-"))
        (self.root / "all").mkdir()
        (self.root / EXCERPTS).mkdir()  # what each result shows (documents.shown_file), <number>.txt
        self.serial = 0  # the number of the next such file: a file, once written, never changes
        self.kept = kept
        self.docs: list[Staged] = []
        self.known: dict[str, Staged] = {}  # address -> the document staged for it, from earlier rounds
        self.bundles: dict[str, Path] = {}  # shard key -> its bundle, from earlier rounds
        self.indexed = 0  # shards Pagefind indexed in the last round (the others were copied)
        self.terms: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.docs)

    def begin(self, vocabulary: Vocabulary) -> None:
        """Start a new round of documents (a kept stage keeps what it staged before, while the vocabulary stays)."""
        if vocabulary.terms != self.terms:
            # Other tokens everywhere. (Old bundles may still be read by an index being written: close() removes them.)
            self.known = {}
            self.bundles = {}
        else:
            self.known.update((d.url, d) for d in self.docs)
        self.terms = vocabulary.terms
        self.docs = []

    @staticmethod
    def name(url: str, key: int = 0) -> str:
        """A document's file name: the bulletin's address travels as metadata (search.js links to it), so the
        name is free. In a kept stage it names the content too: a file, once written, never changes, so an
        index still being written from an earlier round reads what that round staged."""
        return hashlib.blake2b(f"{url}\0{key}".encode(), digest_size=10).hexdigest() + ".html"

    def carry(self, urls: Sequence[str]) -> int:
        """Keep, for this round, the documents staged earlier for these addresses and not staged again
        (a preview does not render a bulletin page that did not change); how many were carried."""
        here = {d.url for d in self.docs}
        carried = [self.known[u] for u in urls if u not in here and u in self.known]
        self.docs += carried
        return len(carried)

    def add(self, doc: SearchDocument, vocabulary: Vocabulary | Sequence[str]) -> None:
        # The vocabulary is part of what a document's tokens are made of: with another, every key (and shard) is new.
        key = hash((self.terms, doc.url, doc.title, doc.organisation, doc.year, doc.type_label, doc.date, tuple(doc.topics), doc.text)) if self.kept else 0
        before = self.known.get(doc.url)
        if before is not None and key and before.key == key:
            self.docs.append(before)
            return
        rel = self.name(doc.url, key)
        shown = f"{self.serial}.txt"
        self.serial += 1
        part, member = section(doc, vocabulary, shown)
        (self.root / "all" / rel).write_text(part, encoding="utf-8")
        (self.root / EXCERPTS / shown).write_text(shown_file(member, doc), encoding="utf-8")
        self.docs.append(Staged(rel, member, key, doc.url))

    def shards(self, shard_words: int, docs: Sequence[Staged] | None = None) -> list[Shard]:
        """The documents (this round's, or ``docs``) newest first, cut where a shard would pass ``shard_words`` words."""
        ordered = sorted(self.docs if docs is None else docs, key=lambda d: d.path)
        ordered.sort(key=lambda d: d.date, reverse=True)
        shards: list[Shard] = []
        current: list[Staged] = []
        words = 0
        for d in ordered:
            if current and words + d.words > shard_words:
                shards.append(Shard(len(shards), tuple(current)))
                current, words = [], 0
            current.append(d)
            words += d.words
        if current:
            shards.append(Shard(len(shards), tuple(current)))
        return shards

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _publish_excerpts(stage: Stage, docs: Sequence[Staged], out: Path) -> None:
    """What the results of ``docs`` show (their files under EXCERPTS) into ``out``/EXCERPTS. A build moves the folder once; a preview links
    the round's files (its stage keeps them: a file, once written, never changes)."""
    target = out / EXCERPTS
    if not stage.kept:
        shutil.move(stage.root / EXCERPTS, target)
        (stage.root / EXCERPTS).mkdir()
        return
    target.mkdir(parents=True, exist_ok=True)
    for d in docs:
        os.link(stage.root / EXCERPTS / d.member.shown, target / d.member.shown)


def write_bundle(stage: Stage, site_dir: Path, vocabulary: Vocabulary | Sequence[str], facets: Facets,
                 shard_words: int = SHARD_WORDS, docs: Sequence[Staged] | None = None, pack: int = PACK) -> IndexReport:
    """Index the staged documents (this round's, or ``docs``), shard by shard, into site_dir/pagefind with our settings.

    A kept stage (a preview) writes the bundle in a folder of its own and puts it in place when it is whole:
    the next rebuild may clean the site folder meanwhile, and must not wait for the index.
    """
    docs = list(stage.docs if docs is None else docs)
    final = site_dir / BUNDLE
    out = stage.root / "publish" if stage.kept else final
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    shards = stage.shards(shard_words, docs)
    built = stage.root / "built"
    pages = 0
    bundles: dict[str, Path] = {}
    stage.indexed = 0
    seen: set[str] = set()  # the page ids of the shards so far: search.js tells packs apart by id, across shards
    for shard in shards:
        if shard.key in stage.bundles:
            bundles[shard.key] = stage.bundles[shard.key]
            pages += len(shard.docs)
            seen.update(json.loads((stage.bundles[shard.key] / PACKS).read_text("utf-8"))["pages"])
            continue
        # A build writes each shard in its place; a preview keeps each shard's bundle for the next round and copies it.
        target = built / shard.key if stage.kept else out / shard.path
        seen.update(_index_shard(stage, shard, target, pack, seen))
        pages += len(shard.docs)
        stage.indexed += 1
        bundles[shard.key] = target
    if pages != len(docs):
        raise SearchError(f"Pagefind 只收录了 {pages} 篇公报，应为 {len(docs)} 篇")
    if stage.kept:
        for shard in shards:
            shutil.copytree(bundles[shard.key], out / shard.path, dirs_exist_ok=True)
        for key, old in stage.bundles.items():
            if key not in bundles:
                shutil.rmtree(old, ignore_errors=True)
        stage.bundles = bundles
    named = set(facets.organisations)
    terms = vocabulary.terms if isinstance(vocabulary, Vocabulary) else tuple(vocabulary)
    settings = {
        "rule": search_rule(),
        # Organisation names are in the vocabulary too; sent once (search.js adds them back): 30 KB less at 10,000 bulletins.
        "vocabulary": [t for t in terms if t not in named],
        "years": list(facets.years),
        "organisations": list(facets.organisations),
        "types": list(facets.types),
        "shards": [s.settings() for s in shards],
    }
    out.mkdir(parents=True, exist_ok=True)
    _publish_excerpts(stage, docs, out)
    (out / SETTINGS).write_text(json.dumps(settings, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    size = _bytes(out)
    if out != final:
        shutil.rmtree(final, ignore_errors=True)
        final.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(out, final)
    return IndexReport(pages, len(shards), time.perf_counter() - start, size)


def packs(docs: Sequence[Staged], size: int) -> list[tuple[Staged, ...]]:
    """A shard's documents ``size`` to a page: one organisation's bulletins together where they can be (they share
    the most words), newest first within it."""
    ordered = sorted(docs, key=lambda d: d.member.of("org"))  # stable: the shard's order (newest first) within an organisation
    return [tuple(ordered[i:i + size]) for i in range(0, len(ordered), max(1, size))]


def _index_shard(stage: Stage, shard: Shard, target: Path, size: int, taken: set[str]) -> dict[str, Any]:
    """Index one shard's documents, ``size`` to a page, into ``target`` with its table of packs; the table's pages.

    A page's id is Pagefind's hash of what it stores of the page (seven hex digits, made longer only where they
    repeat within one index): should one repeat an id of an earlier shard, that page is written again with one
    more piece of metadata and the shard indexed again (at 50,000 bulletins, 3,125 pages, about one build in
    fifty meets one such repeat: 3,125² / 2 pairs among 16⁷ ids)."""
    grouped = packs(shard.docs, size)
    parts = [[(stage.root / "all" / d.path).read_text("utf-8") for d in group] for group in grouped]
    salt: dict[int, int] = {}
    for _ in range(5):
        source = stage.root / f"shard-{shard.number}-{time.monotonic_ns()}"
        source.mkdir(parents=True)
        for j, group in enumerate(grouped):
            extra = [f'<div data-pagefind-ignore><span data-pagefind-meta="s">{salt[j]}</span></div>\n'] if j in salt else []
            (source / f"p{j}.html").write_text(page(parts[j] + extra, [d.member for d in group]), encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        if _run(source, target) != len(grouped):
            raise SearchError(f"Pagefind 没有收录第 {shard.number + 1} 段的全部 {len(grouped)} 页")
        if stage.kept:
            shutil.rmtree(source, ignore_errors=True)  # a build leaves its staged folders to close(), after the last shard
        ids = _page_ids(target)
        clashes = [j for page_id, j in ids.items() if page_id in taken]
        if not clashes:
            break
        for j in clashes:
            salt[j] = salt.get(j, 0) + 1
    else:
        raise SearchError(f"Pagefind 给第 {shard.number + 1} 段的页面编号与前面各段重复")
    _trim(target, primary=shard.number == 0)
    table = _pack_table(grouped, ids)
    (target / PACKS).write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return table["pages"]


def _pack_table(grouped: Sequence[tuple[Staged, ...]], ids: dict[str, int]) -> dict[str, Any]:
    """What search.js needs to tell a page's bulletins apart, rank them and show them: for each page id, each
    member's words, title words, year, organisation and type (as numbers into this table's own lists), and the
    number of its file under EXCERPTS."""
    lists: dict[str, list[str]] = {"years": [], "orgs": [], "types": []}
    numbers: dict[str, dict[str, int]] = {k: {} for k in lists}

    def number(kind: str, value: str) -> int:
        known = numbers[kind]
        if value not in known:
            known[value] = len(lists[kind])
            lists[kind].append(value)
        return known[value]

    pages = {}
    for page_id, j in sorted(ids.items(), key=lambda item: item[1]):
        pages[page_id] = [[m.words, m.title_words, number("years", m.of("year")), number("orgs", m.of("org")), number("types", m.of("type")),
                           int(m.shown.removesuffix(".txt"))] for m in (d.member for d in grouped[j])]
    return {**lists, "pages": pages}


_PAGE_URL = re.compile(rb'"url":"/p(\d+)\.html"')


def _page_ids(bundle: Path) -> dict[str, int]:
    """Pagefind's id of each page it wrote (its fragment's name) -> the number of our page (p<n>.html)."""
    ids = {}
    for entry in os.scandir(bundle / "fragment"):
        head = zlib.decompressobj(wbits=31).decompress(Path(entry.path).read_bytes(), 256)  # the url comes first
        m = _PAGE_URL.search(head)
        if m is None:
            raise SearchError(f"Pagefind 写出的 {entry.name} 不是本站的搜索页面")
        ids[entry.name.removesuffix(".pf_fragment")] = int(m.group(1))
    return ids


def _bytes(folder: Path | str) -> int:
    """The size of the files under ``folder`` (os.scandir, not Path.rglob, which makes a Path of each of the
    bundle's files: a profile of a 10,000-bulletin build showed that)."""
    total = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                total += _bytes(entry.path)
            elif entry.is_file(follow_symlinks=False):
                total += entry.stat(follow_symlinks=False).st_size
    return total


def _trim(bundle: Path, primary: bool) -> None:
    """Remove what nobody loads: Pagefind's own interfaces; in a merged shard, Pagefind's code too."""
    if primary:
        for name in UNUSED:
            (bundle / name).unlink(missing_ok=True)
        return
    for child in bundle.iterdir():
        if child.name in SHARD_KEEP or child.name.endswith(".pf_meta"):
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def _run(source: Path, out: Path) -> int:
    """Index one folder of documents with a Pagefind process of its own (its memory is freed when it ends)
    into ``out``; how many pages it indexed."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise SearchError(f"写搜索索引需要 Pagefind：请安装 pip install 'pagefind[extended]'（{exc}）") from None
    executable = get_executable()
    if executable is None:
        raise SearchError("写搜索索引需要 Pagefind 程序：请安装 pip install 'pagefind[extended]'")
    # Run in the folder of documents, and without PAGEFIND_* variables: Pagefind reads a configuration file
    # (pagefind.yml, .toml, .json) from its working folder and settings from such variables, and neither is ours.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    with tempfile.TemporaryFile() as log:
        code = subprocess.call([str(executable), "--site", str(source), "--output-path", str(out), "--quiet"],
                               cwd=source, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        if code != 0:
            log.seek(0)
            said = log.read().decode("utf-8", "replace").strip()[-500:]
            raise SearchError(f"Pagefind 写搜索索引失败（退出码 {code}）" + (f"：{said}" if said else ""))
    if not (out / "pagefind.js").is_file():
        raise SearchError(f"Pagefind 没有写出 {out / 'pagefind.js'}")
    try:
        entry = json.loads((out / "pagefind-entry.json").read_text("utf-8"))
        return sum(int(language["page_count"]) for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise SearchError(f"Pagefind 没有写出完整的 {out / 'pagefind-entry.json'}") from None
