"""Pagefind alone: what its memory and CPU follow, measured on our own search documents.

It generates a corpus (tests/bench/corpus.py), renders each bulletin's search
document exactly as bulletin-search stages it (union_bulletin.search.documents,
the body taken from the Markdown as plain text), and runs Pagefind's binary
(from pagefind[extended]) over the first quarter, half and all of them: with
the excerpt text in the metadata, as the search was staged before the text
became a file of its own; without it; both read from a folder by the command
line (`--site`), as the build does (search/indexer.py `_run`); and without it
through Pagefind's service (the Python wrapper's `add_directory` and
`write_files`, as the build did before), which builds the index twice. For
every run it prints the words of ours it indexed, Pagefind's peak memory
(sampled every 20 ms with psutil), its CPU seconds (user and system) and the
memory per word: the numbers behind SHARD_WORDS in search/indexer.py.

With --packs and --cut it also measures what Pagefind's cost follows besides
the words: the number of pages. --packs 1,2,4,8 indexes all the documents k to
a page (each one's title and body a section of the page, as the build does not
do), --cut 4 every document cut into four pages; each line gives the pages,
Pagefind's peak memory, CPU seconds and the size of its fragment files.

    python tests/bench/bench_pagefind.py                     # 1,000 real-length bulletins
    python tests/bench/bench_pagefind.py --bulletins 400 --length synthetic
    python tests/bench/bench_pagefind.py --packs 1,2,4,8 --cut 4
"""

from __future__ import annotations

import argparse
import asyncio
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from html import escape
from pathlib import Path

import psutil
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_build import _load_corpus  # noqa: E402

from union_bulletin.search.documents import SearchDocument, excerpt_text, render  # noqa: E402
from union_bulletin.search.tokens import Vocabulary  # noqa: E402
from union_bulletin.search.vocabulary import UNION_TERMS, build_vocabulary  # noqa: E402

_META_END = "<div data-pagefind-ignore>"  # the earlier design put the text as metadata here
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def stage(corpus: Path, out: Path, with_text: bool) -> list[tuple[Path, int]]:
    """One document per bulletin in ``out``; (file, words of ours) in the corpus' file order."""
    orgs = yaml.safe_load((corpus / "site_config" / "organisations.yml").read_text("utf-8"))
    vocab = Vocabulary.of(build_vocabulary(UNION_TERMS, (o["name"] for o in orgs.values())))
    docs: list[tuple[Path, int]] = []
    for i, md in enumerate(sorted((corpus / "content" / "bulletins").rglob("*.md"))):
        raw = md.read_text("utf-8")
        m = _FRONT.match(raw)
        assert m, md
        meta = yaml.safe_load(m.group(1))
        body = re.sub(r"\s+", " ", re.sub(r"[#*>|-]", " ", raw[m.end():])).strip()
        doc = SearchDocument(f"bulletins/{i}/", str(meta["title"]), orgs[meta["org"]]["name"], int(meta.get("year") or str(meta["date"])[:4]),
                             str(meta["type"]), str(meta["date"])[:10], [], body)
        html, words = render(doc, vocab, f"{i:06d}.txt")
        if with_text:
            html = html.replace(_META_END, _META_END + f'<span data-pagefind-meta="text">{escape(excerpt_text(doc))}</span>', 1)
        target = out / f"{i:06d}.html"
        target.write_text(html, encoding="utf-8")
        docs.append((target, words))
    return docs


def run_pagefind(docs: list[tuple[Path, int]], work: Path) -> dict[str, float]:
    """Index ``docs`` with the binary; its peak memory, CPU seconds and the words it indexed."""
    from pagefind_bin_extended import get_executable

    site = work / "site"
    site.mkdir()
    for path, _ in docs:
        (site / path.name).symlink_to(path)
    out = work / "out"
    start = time.perf_counter()
    proc = subprocess.Popen([str(get_executable()), "--site", str(site), "--output-path", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ps = psutil.Process(proc.pid)
    peak = 0
    cpu = 0.0
    while proc.poll() is None:
        try:
            peak = max(peak, ps.memory_info().rss)
            t = ps.cpu_times()
            cpu = t.user + t.system
        except psutil.Error:
            break
        time.sleep(0.02)
    if proc.wait() != 0:
        raise RuntimeError("pagefind failed")
    return {"words": sum(w for _, w in docs), "peak_mb": peak / 1e6, "cpu_s": cpu, "wall_s": time.perf_counter() - start}


def run_service(docs: list[tuple[Path, int]], work: Path) -> dict[str, float]:
    """Index ``docs`` through Pagefind's service, as the build did before: add_directory, then write_files."""
    from pagefind.index import IndexConfig
    from pagefind.service import PagefindService

    site = work / "site"
    site.mkdir()
    for path, _ in docs:
        (site / path.name).symlink_to(path)
    me = psutil.Process()
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            for child in me.children():
                try:
                    peak = max(peak, child.memory_info().rss)
                except psutil.Error:
                    pass
            time.sleep(0.02)

    async def index() -> None:
        async with PagefindService() as service:
            built = await service.create_index(IndexConfig(output_path=str(work / "out")))
            await built.add_directory(str(site))
            await built.write_files()

    sampler = threading.Thread(target=sample, daemon=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    sampler.start()
    try:
        asyncio.run(index())
    finally:
        done.set()
        sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"words": sum(w for _, w in docs), "peak_mb": peak / 1e6, "cpu_s": cpu, "wall_s": wall}


_TITLE_BODY = re.compile(r"<h1 [^>]*>(.*?)</h1>\n<p>(.*?)</p>", re.S)


def pack(docs: list[tuple[Path, int]], k: int, out: Path) -> list[tuple[Path, int]]:
    """``k`` consecutive documents as one page: each one's title (weighted, anchored) and body a section of it;
    the first one's metadata and filters. Not what the build does: what Pagefind would cost if it did."""
    packed: list[tuple[Path, int]] = []
    for i in range(0, len(docs), k):
        group = docs[i : i + k]
        texts = [path.read_text("utf-8") for path, _ in group]
        parts = [_TITLE_BODY.search(t) for t in texts]
        assert all(parts), group
        sections = "\n".join(f'<h2 id="m{j}" data-pagefind-weight="10">{m.group(1)}</h2>\n<p>{m.group(2)}</p>'
                             for j, m in enumerate(parts) if m)
        first = parts[0]
        assert first is not None
        target = out / group[0][0].name
        target.write_text(texts[0][: first.start()] + sections + texts[0][first.end() :], encoding="utf-8")
        packed.append((target, sum(w for _, w in group)))
    return packed


def split(docs: list[tuple[Path, int]], parts: int, out: Path) -> list[tuple[Path, int]]:
    """Each document's body cut into ``parts`` pages (each with the title): the same words of the body, more pages."""
    pages: list[tuple[Path, int]] = []
    for path, words in docs:
        text = path.read_text("utf-8")
        m = _TITLE_BODY.search(text)
        assert m, path
        tokens = m.group(2).split(" ")
        for j in range(parts):
            piece = " ".join(tokens[j * len(tokens) // parts : (j + 1) * len(tokens) // parts])
            target = out / f"{path.stem}-{j}.html"
            target.write_text(text[: m.start(2)] + piece + text[m.end(2) :], encoding="utf-8")
            pages.append((target, words // parts))
    return pages


def pages_table(docs: list[tuple[Path, int]], root: Path, packs: list[int], cut: int) -> None:
    """What Pagefind's cost follows besides words: the number of pages (packed, and cut into more)."""
    print(f"\n{'pages':>10} {'made as':>14} {'peak MB':>8} {'CPU s':>7} {'fragments KB':>13}")
    variants = [(f"{k} a page", k) for k in packs] + ([(f"cut into {cut}", -cut)] if cut > 1 else [])
    for label, k in variants:
        folder = root / f"pages-{k}"
        folder.mkdir()
        made = docs if k == 1 else pack(docs, k, folder) if k > 1 else split(docs, -k, folder)
        work = root / f"run-pages-{k}"
        work.mkdir()
        r = run_pagefind(made, work)
        fragments = sum(f.stat().st_size for f in (work / "out" / "fragment").iterdir())
        print(f"{len(made):>10} {label:>14} {r['peak_mb']:>8.0f} {r['cpu_s']:>7.2f} {fragments / 1000:>13.0f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bulletins", type=int, default=1000)
    parser.add_argument("--length", choices=("synthetic", "real"), default="real")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--packs", default="", help="also index all documents k to a page, for each k (for example 1,2,4,8)")
    parser.add_argument("--cut", type=int, default=0, help="also index every document cut into this many pages")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ub-pagefind-") as tmp:
        root = Path(tmp)
        _load_corpus().generate(root / "corpus", args.bulletins, seed=args.seed, length=args.length)
        print(f"{args.bulletins} {args.length} bulletins; Pagefind's binary alone over our staged documents")
        print(f"{'documents':>10} {'text as meta':>13} {'run as':>8} {'words':>10} {'peak MB':>8} {'CPU s':>7} {'KB/word':>8}")
        for with_text, fed in ((True, "command"), (False, "command"), (False, "service")):
            staged = root / f"staged-{with_text}"
            if not staged.exists():
                staged.mkdir()
                docs = stage(root / "corpus", staged, with_text)
            for share in (4, 2, 1):
                part = docs[: len(docs) // share]
                work = root / f"run-{with_text}-{fed}-{share}"
                work.mkdir()
                r = (run_pagefind if fed == "command" else run_service)(part, work)
                print(f"{len(part):>10} {'with' if with_text else 'without':>13} {fed:>8} {r['words']:>10.0f} {r['peak_mb']:>8.0f} {r['cpu_s']:>7.2f} "
                      f"{r['peak_mb'] * 1000 / max(1, r['words']):>8.2f}", flush=True)
        if args.packs or args.cut > 1:
            packs = [int(k) for k in args.packs.split(",") if k.strip()] or [1]
            staged = root / "staged-pages"
            staged.mkdir()
            pages_table(stage(root / "corpus", staged, False), root, packs, args.cut)
    return 0


if __name__ == "__main__":
    sys.exit(main())
