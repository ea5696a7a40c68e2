"""Search benchmark: Pagefind (bulletin-search) against Material's lunr index, at 1,000 and 10,000 bulletins.

For each size N, in one run, it generates a synthetic corpus (tests/bench/corpus.py) and

1. builds it with `bulletin` + `bulletin-search` (Pagefind) and reads the plugin's
   log line for the indexing time; measures the pagefind/ bundle on disk;
2. serves the site from 127.0.0.1 twice, once as Python's http.server does
   (no compression) and once gzip-compressing text files as nginx's `gzip on`
   would (Pagefind's own .pf_* files are gzip already and are sent as they are),
   and for every query opens the home page in a fresh browser context (empty
   cache), types the query into the header's search box and counts the bytes
   of every response from the first keystroke until the results are on screen
   and the network is idle: measured in the browser (Playwright's response
   sizes, headers included) and checked against what the server sent;
3. builds the same corpus with Material's search plugin and jieba
   (`bulletin-search: {engine: lunr}`) and reports search/search_index.json,
   raw and gzip-compressed: the file every reader downloads before a first answer.

    python tests/bench/bench_search.py                   # 1,000 and 10,000 bulletins
    python tests/bench/bench_search.py --sizes 1000 --no-lunr

Target: a first query at 10,000 bulletins transfers at most 300 KB.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import _load_corpus  # the same corpus generator, loaded the same way

from browser import launch  # the tests' chromium: same binary, same flags

HERE = Path(__file__).resolve().parent
TARGET_KB = 300
QUERIES = ("送温暖", "工资集体协商", "职工书屋", "技能比武", "送温暖 困难职工", "换届选举", "工会", "{org}")
COMPRESSIBLE = (".js", ".json", ".css", ".html", ".svg", ".xml")


def write_config(path: Path, site_dir: str, engine: str) -> None:
    plugins: list[Any] = [{"bulletin": {"config_dir": "site_config"}}]
    if engine == "lunr":
        plugins.append("search")
    plugins.append({"bulletin-search": {"engine": engine}})
    config = {
        "site_name": "工会公报（搜索基准）",
        "docs_dir": "content",
        "site_dir": site_dir,
        "theme": {"name": "material", "language": "zh", "font": False},
        "not_in_nav": "/bulletins/",
        "nav": [{"首页": "index.md"}],
        "plugins": plugins,
    }
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build(config: Path) -> tuple[float, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config)], cwd=config.parent,
                          capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"build of {config.name} failed:\n{proc.stderr[-3000:]}")
    return time.perf_counter() - start, proc.stderr


# ------------------------------------------------------------------ serving and measuring


class _Handler(SimpleHTTPRequestHandler):
    """Serves a folder; counts bytes sent; gzip-compresses text files when the server is told to."""

    compress = False
    sent: list[tuple[str, int]]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (self.compress and path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        outputfile.write(data)
        self.sent.append((self.path, len(data)))


@contextmanager
def serve(directory: Path, compress: bool) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    sent: list[tuple[str, int]] = []
    handler = type("H", (_Handler,), {"compress": compress, "sent": sent})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Query:
    query: str
    results: int = 0
    kb: dict[str, float] = field(default_factory=dict)  # server kind -> KB transferred (browser)
    server_kb: dict[str, float] = field(default_factory=dict)  # the same, counted at the server (bodies only)
    parts: dict[str, float] = field(default_factory=dict)  # plain server: KB by kind of file


def _collector(into: list[Any]) -> Any:
    def add(request: Any) -> None:  # Playwright wants a Python function, not a bound builtin
        into.append(request)

    return add


def measure_queries(browser: Any, site: Path, queries: list[str]) -> list[Query]:
    out = [Query(q) for q in queries]
    for compress in (False, True):
        kind = "gzip" if compress else "plain"
        with serve(site, compress) as (base, sent):
            for q in out:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(base, wait_until="networkidle")
                got: list[Any] = []
                page.on("requestfinished", _collector(got))
                before = len(sent)
                page.locator(".ub-search__input").click()
                page.locator(".ub-search__input").press_sequentially(q.query)
                page.wait_for_function("q => (document.querySelector('.ub-search').dataset.shown || '').startsWith(q + '|')", arg=q.query, timeout=120_000)
                page.wait_for_load_state("networkidle")
                found = re.search(r"找到 (\d+)", page.inner_text(".ub-search__status"))  # none: the newest shards held nothing
                q.results = int(found.group(1)) if found else 0
                total = 0
                for r in got:
                    s = r.sizes()
                    total += s["responseBodySize"] + s["responseHeadersSize"]
                    if not compress:
                        name = r.url.rsplit("/", 1)[-1]
                        part = "index chunks" if name.endswith(".pf_index") else "fragments" if name.endswith(".pf_fragment") else \
                            "filters" if name.endswith(".pf_filter") else "page list (pf_meta)" if name.endswith(".pf_meta") else \
                            "wasm" if ".pagefind" in name else "pagefind.js" if name.startswith("pagefind") and name.endswith(".js") else "other"
                        q.parts[part] = q.parts.get(part, 0) + s["responseBodySize"] / 1024
                q.kb[kind] = total / 1024
                q.server_kb[kind] = sum(n for _, n in sent[before:]) / 1024
                context.close()
    return out


def queries_for(root: Path) -> list[str]:
    """QUERIES for the corpus generated in `root` ({org}: the name of its first town union)."""
    org = yaml.safe_load((root / "site_config" / "organisations.yml").read_text("utf-8"))
    town = next(v["name"] for v in org.values() if v["level"] == "town")
    return [q.replace("{org}", town) for q in QUERIES]


def dir_size(path: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in path.rglob(pattern) if p.is_file())


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


# ------------------------------------------------------------------ one size


def run_size(corpus: ModuleType, n: int, seed: int, lunr: bool, browser: Any) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"ub-search-bench-{n}-") as tmp:
        root = Path(tmp)
        summary = corpus.generate(root, n, seed=seed)
        print(f"N={n}: {summary['bulletins']} bulletins, {summary['organisations']} organisations", flush=True)
        cfg = root / "mkdocs-pagefind.yml"
        write_config(cfg, "site-pagefind", "pagefind")
        seconds, log = build(cfg)
        m = re.search(r"搜索索引：(\d+) 篇公报，([\d.]+) 秒", log)
        assert m, log[-2000:]
        site = root / "site-pagefind"
        bundle = site / "pagefind"
        queries = queries_for(root)
        text_files = [p for p in bundle.rglob("*") if p.is_file() and p.suffix in COMPRESSIBLE]
        row: dict[str, Any] = {
            "n": n,
            "build_s": seconds,
            "index_s": float(m.group(2)),
            "bundle_mb": dir_size(bundle) / 1e6,
            "index_mb": dir_size(bundle / "index") / 1e6,
            "fragment_mb": dir_size(bundle / "fragment") / 1e6,
            "chunks": len(list((bundle / "index").glob("*.pf_index"))),
            "bundle_gz_mb": (dir_size(bundle) - sum(p.stat().st_size for p in text_files) + sum(gz_size(p) for p in text_files)) / 1e6,
        }
        print(f"  Pagefind build {seconds:.1f} s (indexing {row['index_s']:.1f} s), bundle {row['bundle_mb']:.1f} MB", flush=True)
        row["queries"] = measure_queries(browser, site, queries)
        shutil.rmtree(site)
        if lunr:
            cfg = root / "mkdocs-lunr.yml"
            write_config(cfg, "site-lunr", "lunr")
            seconds, _ = build(cfg)
            index = root / "site-lunr" / "search" / "search_index.json"
            row["lunr_build_s"] = seconds
            row["lunr_mb"] = index.stat().st_size / 1e6
            row["lunr_gz_mb"] = gz_size(index) / 1e6
            print(f"  lunr build {seconds:.1f} s, search_index.json {row['lunr_mb']:.1f} MB", flush=True)
        return row


def report(rows: list[dict[str, Any]]) -> bool:
    print()
    print(f"{'N':>6} {'index s':>8} {'bundle MB':>9} {'(gzip)':>7} {'index MB':>8} {'chunks':>6} {'lunr MB':>8} {'(gzip)':>7} {'pf build s':>10} {'lunr build s':>12}")
    for r in rows:
        lunr = f"{r['lunr_mb']:>8.1f} {r['lunr_gz_mb']:>7.2f}" if "lunr_mb" in r else f"{'-':>8} {'-':>7}"
        lb = f"{r['lunr_build_s']:>12.1f}" if "lunr_build_s" in r else f"{'-':>12}"
        print(f"{r['n']:>6} {r['index_s']:>8.1f} {r['bundle_mb']:>9.1f} {r['bundle_gz_mb']:>7.1f} {r['index_mb']:>8.1f} {r['chunks']:>6} {lunr} {r['build_s']:>10.1f} {lb}")
    print()
    print("first query, KB transferred (measured in the browser, headers included; the server's count of bodies in brackets)")
    print(f"{'N':>6} {'query':<18} {'results':>7} {'plain server':>18} {'gzip server':>18}   plain server by part (KB)")
    worst = 0.0
    for r in rows:
        for q in r["queries"]:
            parts = ", ".join(f"{k} {v:.0f}" for k, v in sorted(q.parts.items()))
            print(f"{r['n']:>6} {q.query:<18} {q.results:>7} {q.kb['plain']:>8.0f} [{q.server_kb['plain']:>6.0f}] {q.kb['gzip']:>8.0f} [{q.server_kb['gzip']:>6.0f}]   {parts}")
            if r["n"] >= 10000:
                worst = max(worst, q.kb["gzip"])
    print()
    if worst:
        ok = worst <= TARGET_KB
        print(f"target: first query at 10,000 bulletins <= {TARGET_KB} KB (gzip server): {'PASS' if ok else 'FAIL'} (worst {worst:.0f} KB)")
        return ok
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-lunr", action="store_true", help="skip the Material search (lunr + jieba) builds")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    from playwright.sync_api import sync_playwright

    corpus = _load_corpus()
    rows = []
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            for n in sizes:
                rows.append(run_size(corpus, n, args.seed, not args.no_lunr, browser))
        finally:
            browser.close()
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
