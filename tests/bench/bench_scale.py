"""Scale benchmark: the whole site against plain Material and Material's search with jieba, at 1,000 and 10,000 bulletins.

For each corpus (`synthetic`, and `real`: summaries as long and as full of figures
as real ones, see tests/bench/corpus.py) and each size, it generates the Markdown
once and builds it, in one invocation, four ways:

  full            bulletin-privacy, bulletin, bulletin-search (Pagefind), as the example site
  nosearch        bulletin-privacy, bulletin
  material        Material alone, search off
  material-jieba  Material with its own search plugin (lunr); jieba is installed, so
                  Material segments the Chinese with it (separator: bulletin-search's lunr one)

All four have the same short nav (bench_build.py). For every build it measures:
CPU seconds of the build and all its descendants (RUSAGE_CHILDREN after the
build is reaped; Pagefind is a child the build waits for, and the psutil
samples confirm it is counted), wall time, peak resident memory of the whole
process tree sampled every 50 ms (the Python process, its descendants, i.e.
Pagefind, and the largest sum of the two in one sample), and output size. It
prints a table per corpus and size, the ratios and PASS/FAIL lines for the
targets; timings are only ever compared with runs of the same invocation.

On the `full` build of the largest size it measures first queries in chromium
(bench_search.py's measurement: bytes from the first keystroke to results on
screen, plain and gzip server). `--serve` times edit -> page updated under
`mkdocs serve` (live reload on) for `full` and `material-jieba` on one
synthetic site (`--serve-bulletins`, default 1,000).

    python tests/bench/bench_scale.py                                 # 1,000 and 10,000, both corpora
    python tests/bench/bench_scale.py --sizes 100 --corpora synthetic,real --json out.json
    python tests/bench/bench_scale.py --sizes 1000 --serve --no-queries

Exit 0 even when a target is missed (it is a report), 1 when a build fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import _load_corpus, write_config, write_nav_stubs
from bench_search import TARGET_KB, measure_queries, queries_for

from browser import launch
from union_bulletin.search.lunr import SEPARATOR  # what bulletin-search's engine: lunr gives Material's search

VARIANTS: dict[str, list[Any]] = {
    "full": ["bulletin-privacy", {"bulletin": {"config_dir": "site_config"}}, "bulletin-search"],
    "nosearch": ["bulletin-privacy", {"bulletin": {"config_dir": "site_config"}}],
    "material": [],
    "material-jieba": [{"search": {"separator": SEPARATOR}}],
}
SAMPLE_S = 0.05
TARGET_CPU_VS_JIEBA = 1.5  # full / material-jieba, CPU
TARGET_PEAK_GB = 1.0  # whole process tree at 10,000 bulletins
TARGET_GROWTH_SLACK = 1.05  # CPU 10,000 / 1,000 <= 10.5 = 1.05 x the growth in bulletins
TARGET_SERVE = 0.5  # edit -> page updated, full / material-jieba
MB = 1e6


class BuildFailed(RuntimeError):
    """A build exited non-zero."""


@dataclass
class Run:
    """One build of one variant."""

    variant: str
    cpu_s: float  # RUSAGE_CHILDREN: the build and every descendant it reaped
    wall_s: float
    sampled_py_cpu_s: float  # psutil, last sample: the Python process itself
    sampled_child_cpu_s: float  # psutil, last sample of each descendant (Pagefind)
    peak_py_mb: float
    peak_child_mb: float
    peak_sum_mb: float  # the largest Python + descendants in one sample
    children: list[str]
    output_mb: float = 0.0


@dataclass
class SizeResult:
    corpus: str
    n: int
    runs: dict[str, list[Run]] = field(default_factory=dict)
    queries: list[dict[str, Any]] = field(default_factory=list)

    def cpu(self, variant: str) -> float:
        return statistics.median(r.cpu_s for r in self.runs[variant])

    def best(self, variant: str, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in self.runs[variant])


def build_env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


def run_tree(cmd: list[str], cwd: Path, variant: str) -> Run:
    """Run a build, sampling the memory and CPU of its whole process tree every SAMPLE_S seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    cpu: dict[int, float] = {}
    names: dict[int, str] = {}
    peak_py = peak_child = peak_sum = 0
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, cwd=cwd, env=build_env(), stdout=log, stderr=subprocess.STDOUT)
        root = psutil.Process(proc.pid)
        try:
            root_exe = root.exe()
        except psutil.Error:
            root_exe = ""
        while proc.poll() is None:
            try:
                with root.oneshot():
                    py = root.memory_info().rss
                    t = root.cpu_times()
                    cpu[root.pid] = t.user + t.system
                kids = root.children(recursive=True)
            except (psutil.NoSuchProcess, psutil.ZombieProcess):
                break
            child = 0
            for k in kids:
                try:
                    with k.oneshot():
                        # A child forked by the build that has not yet run exec (Pagefind's Python API forks
                        # the build to start each shard's process) shares the build's pages: its RSS would
                        # count the build twice (seen at 50,000 bulletins: 1.3 GB of "children").
                        if k.exe() == root_exe:
                            continue
                        child += k.memory_info().rss
                        t = k.cpu_times()
                        cpu[k.pid] = t.user + t.system
                        names[k.pid] = Path((k.cmdline() or [k.name()])[0]).name
                except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
                    pass
            peak_py, peak_child, peak_sum = max(peak_py, py), max(peak_child, child), max(peak_sum, py + child)
            time.sleep(SAMPLE_S)
        code = proc.wait()
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if code != 0:
            log.seek(0)
            tail = "\n".join(log.read().decode("utf-8", "replace").strip().splitlines()[-15:])
            raise BuildFailed(f"{variant} build failed (exit {code}):\n{tail}")
    return Run(
        variant=variant,
        cpu_s=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        wall_s=wall,
        sampled_py_cpu_s=cpu.get(proc.pid, 0.0),
        sampled_child_cpu_s=sum(v for pid, v in cpu.items() if pid != proc.pid),
        peak_py_mb=peak_py / MB,
        peak_child_mb=peak_child / MB,
        peak_sum_mb=peak_sum / MB,
        children=sorted(set(names.values())),
    )


def check_jieba(site: Path) -> None:
    """Material joins jieba's words with zero-width spaces: without them the baseline would be Material without jieba."""
    index = site / "search" / "search_index.json"
    text = index.read_text("utf-8")
    if "\u200b" not in text and "\\u200b" not in text:  # the character, or its JSON escape
        raise BuildFailed(f"{index} has no zero-width space: Material's search did not segment with jieba")


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / MB


def configure(root: Path) -> dict[str, Path]:
    configs = {}
    for name, plugins in VARIANTS.items():
        cfg = root / f"mkdocs-{name}.yml"
        write_config(cfg, f"site-{name}", with_plugin=False, plugins=plugins)
        configs[name] = cfg
    return configs


def run_size(corpus: ModuleType, kind: str, n: int, seed: int, repeat: int, browser: Any | None,
             variants: list[str] | None = None, scratch: Path | None = None) -> SizeResult:
    """Build one corpus of one size every way. Its folder is made in ``scratch`` and left there: the caller
    deletes them all at the end (see the note on deleted files in the loop below)."""
    result = SizeResult(kind, n, {v: [] for v in variants or VARIANTS})
    root = Path(tempfile.mkdtemp(prefix=f"ub-scale-{kind}-{n}-", dir=scratch))
    summary = corpus.generate(root, n, seed=seed, length=kind)
    write_nav_stubs(root)
    print(f"[{kind}] N={n}: {summary['bulletins']} bulletins, {summary['organisations']} organisations, "
          f"Markdown {dir_mb(root / 'content'):.1f} MB", flush=True)
    configs = configure(root)
    names = list(result.runs)
    for i in range(repeat):
        order = names[i % len(names):] + names[:i % len(names)]  # a different variant first each repeat
        for name in order:
            site = root / f"site-{name}"
            if site.exists():
                # Each build writes into a folder that did not exist; the last one's is set aside, not deleted.
                # This machine's root file system is ext4 without a journal (/sys/fs/ext4/vda/journal_task:
                # <none>), and ext4 then passes over recently deleted inodes each time it makes a file (a
                # perf profile of a build, taken by hand, showed recently_deleted under every file creation): tens of thousands
                # of files deleted just before a build would slow whichever variant came next. All the folders
                # are deleted when the benchmark ends.
                site.rename(root / f"old-{name}-{i}-{time.monotonic_ns()}")
            run = run_tree([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(configs[name])], root, name)
            run.output_mb = dir_mb(site)
            if name == "material-jieba":
                check_jieba(site)
            result.runs[name].append(run)
            print(f"  {name:<15} {run.cpu_s:8.1f} s CPU {run.wall_s:8.1f} s wall  peak {run.peak_sum_mb:7.0f} MB "
                  f"(python {run.peak_py_mb:.0f}, children {run.peak_child_mb:.0f})  output {run.output_mb:.1f} MB", flush=True)
            if name == "full" and browser is not None and i == repeat - 1:
                result.queries = [
                    {"query": q.query, "results": q.results, "plain_kb": q.kb["plain"], "gzip_kb": q.kb["gzip"]}
                    for q in measure_queries(browser, site, queries_for(root))
                ]
    return result


# ------------------------------------------------------------------ serve timing


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(check: Any, timeout: float, what: str) -> float:
    """Poll check() every 50 ms until true; return the seconds it took. Raise TimeoutError after timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{what}: not within {timeout:.0f} s")


def serve_timing(root: Path, config: Path, page: Path, url_path: str, edits: int, timeout: float) -> dict[str, Any]:
    """Start `mkdocs serve`, wait for the first build, then edit `page`'s title `edits` times and time each until
    the served page shows it. The server runs in a process group of its own, stopped at the end."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    original = page.read_text("utf-8")
    log_path = root / f"serve-{config.stem}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                                cwd=root, env=build_env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def built() -> int:
        # "Reloading browsers" follows every rebuild; "Documentation built in" was once missing from a log here.
        return len(re.findall(r"Reloading browsers", log_path.read_text("utf-8", "replace")))

    times: list[float] = []
    try:
        first = wait_for(lambda: proc.poll() is not None or fetch(base + url_path) is not None, timeout, "first build")
        if proc.poll() is not None:
            raise BuildFailed(f"mkdocs serve exited:\n{log_path.read_text('utf-8', 'replace')[-2000:]}")
        for i in range(1, edits + 1):
            marker = f"UBEDIT{i}X{port}"
            text = re.sub(r"^title: (.*)$", lambda m, k=marker: f"title: {m.group(1)}{k}", original, count=1, flags=re.M)
            done = built()
            start = time.perf_counter()
            page.write_text(text, encoding="utf-8")
            wait_for(lambda k=marker: k in (fetch(base + url_path) or ""), timeout, f"edit {i}")
            times.append(time.perf_counter() - start)
            wait_for(lambda d=done: built() > d, timeout, f"rebuild {i} to finish")  # let the rebuild end before the next edit
            time.sleep(1.0)
    finally:
        page.write_text(original, encoding="utf-8")
        stop(proc)
    return {"first_build_s": first, "edits_s": times, "median_s": statistics.median(times)}


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server's process group (it was started in a session of its own): TERM, then KILL."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=15)
    except ProcessLookupError:
        pass


def run_serve(corpus: ModuleType, n: int, seed: int, edits: int, timeout: float) -> dict[str, Any]:
    out: dict[str, Any] = {"n": n}
    with tempfile.TemporaryDirectory(prefix=f"ub-serve-{n}-") as tmp:
        root = Path(tmp)
        corpus.generate(root, n, seed=seed)
        write_nav_stubs(root)
        configs = configure(root)
        page = sorted((root / "content" / "bulletins").rglob("*.md"))[0]
        url_path = page.relative_to(root / "content").with_suffix("").as_posix() + "/"
        print(f"serve timing, {n} synthetic bulletins: editing the title of {url_path}", flush=True)
        for name in ("full", "material-jieba"):
            out[name] = serve_timing(root, configs[name], page, url_path, edits, timeout)
            print(f"  {name:<15} first build {out[name]['first_build_s']:.1f} s; edit -> page updated "
                  + ", ".join(f"{t:.2f}" for t in out[name]["edits_s"]) + f" s (median {out[name]['median_s']:.2f} s)", flush=True)
    return out


# ------------------------------------------------------------------ report


def verdict(ok: bool | None) -> str:
    return "NOT MEASURED" if ok is None else "PASS" if ok else "FAIL"


def report(results: list[SizeResult], serve: dict[str, Any] | None) -> None:
    print()
    for r in results:
        print(f"[{r.corpus}] N={r.n} (median of {len(r.runs['full'])} run(s))")
        head = (f"  {'variant':<15} {'CPU s':>8} {'wall s':>8} {'sampled py+child s':>19} {'peak py MB':>10} "
                f"{'child MB':>9} {'sum MB':>8} {'MB/1k':>7} {'output MB':>10}  children")
        print(head)
        for v in r.runs:
            print(f"  {v:<15} {r.cpu(v):>8.1f} {r.best(v, 'wall_s'):>8.1f} "
                  f"{r.best(v, 'sampled_py_cpu_s'):>9.1f}+{r.best(v, 'sampled_child_cpu_s'):<9.1f} "
                  f"{r.best(v, 'peak_py_mb'):>10.0f} {r.best(v, 'peak_child_mb'):>9.0f} {r.best(v, 'peak_sum_mb'):>8.0f} "
                  f"{r.best(v, 'peak_sum_mb') / (r.n / 1000):>7.0f} {r.best(v, 'output_mb'):>10.1f}  "
                  + ",".join(sorted({c for run in r.runs[v] for c in run.children})))
        full = r.cpu("full")
        if set(VARIANTS) <= set(r.runs):
            print(f"  ratios (CPU): full/material-jieba {full / r.cpu('material-jieba'):.2f}, full/material {full / r.cpu('material'):.2f}, "
                  f"nosearch/material {r.cpu('nosearch') / r.cpu('material'):.2f}, full/nosearch {full / r.cpu('nosearch'):.2f}")
        run = r.runs["full"][-1]
        sampled = run.sampled_py_cpu_s + run.sampled_child_cpu_s
        print(f"  CPU check (full): RUSAGE_CHILDREN {run.cpu_s:.1f} s; sampled python {run.sampled_py_cpu_s:.1f} s + children "
              f"{run.sampled_child_cpu_s:.1f} s = {sampled:.1f} s -> children's CPU "
              + ("counted" if run.cpu_s + 0.5 >= sampled else "NOT counted"))
        if r.queries:
            plain = [q["plain_kb"] for q in r.queries]
            gz = [q["gzip_kb"] for q in r.queries]
            print(f"  first query (full, {len(r.queries)} queries): plain server {min(plain):.0f}-{max(plain):.0f} KB, "
                  f"gzip server {min(gz):.0f}-{max(gz):.0f} KB")
        print()
    corpora = list(dict.fromkeys(r.corpus for r in results))
    for kind in corpora:
        rows = sorted((r for r in results if r.corpus == kind), key=lambda r: r.n)
        if len(rows) > 1:
            lo, hi = rows[0], rows[-1]
            grow = hi.n / lo.n
            print(f"[{kind}] growth {lo.n} -> {hi.n} bulletins (x{grow:g}): CPU "
                  + ", ".join(f"{v} x{hi.cpu(v) / lo.cpu(v):.2f}" for v in hi.runs if v in lo.runs)
                  + f"; peak memory full x{hi.best('full', 'peak_sum_mb') / lo.best('full', 'peak_sum_mb'):.2f}")
    print()
    print("targets:")
    for kind in corpora:
        rows = sorted((r for r in results if r.corpus == kind), key=lambda r: r.n)
        for r in rows:
            if "material-jieba" not in r.runs:
                continue
            ratio = r.cpu("full") / r.cpu("material-jieba")
            print(f"  [{kind}] full <= {TARGET_CPU_VS_JIEBA}x material-jieba CPU at N={r.n}: {verdict(ratio <= TARGET_CPU_VS_JIEBA)} ({ratio:.2f})")
        at = [r for r in rows if r.n == 10000]
        if at:
            gb = at[0].best("full", "peak_sum_mb") / 1000
            print(f"  [{kind}] peak memory of the whole build <= {TARGET_PEAK_GB} GB at 10,000: {verdict(gb <= TARGET_PEAK_GB)} ({gb:.2f} GB)")
        else:
            print(f"  [{kind}] peak memory of the whole build <= {TARGET_PEAK_GB} GB at 10,000: NOT MEASURED (no 10,000 run)")
        if len(rows) > 1:
            lo, hi = rows[0], rows[-1]
            grow = hi.n / lo.n
            mem = hi.best("full", "peak_sum_mb") / lo.best("full", "peak_sum_mb")
            print(f"  [{kind}] peak memory grows no faster than bulletins ({lo.n} -> {hi.n}): {verdict(mem <= grow)} (x{mem:.2f} for x{grow:g})")
            cpu = hi.cpu("full") / lo.cpu("full")
            print(f"  [{kind}] full CPU {hi.n}/{lo.n} <= {TARGET_GROWTH_SLACK * grow:g}x: {verdict(cpu <= TARGET_GROWTH_SLACK * grow)} (x{cpu:.2f})")
        else:
            print(f"  [{kind}] growth targets (memory, CPU 10,000/1,000): NOT MEASURED (one size only)")
        big = [r for r in rows if r.n >= 10000 and r.queries]
        if big:
            worst = max(q["gzip_kb"] for r in big for q in r.queries)
            print(f"  [{kind}] first query <= {TARGET_KB} KB with gzip at >= 10,000: {verdict(worst <= TARGET_KB)} (worst {worst:.0f} KB)")
        else:
            print(f"  [{kind}] first query <= {TARGET_KB} KB with gzip at >= 10,000: NOT MEASURED (no run of 10,000 or more with queries)")
    if serve:
        ratio = serve["full"]["median_s"] / serve["material-jieba"]["median_s"]
        print(f"  serve, edit -> page updated at N={serve['n']}: full {serve['full']['median_s']:.2f} s, material-jieba "
              f"{serve['material-jieba']['median_s']:.2f} s; full <= {TARGET_SERVE}x material-jieba: {verdict(ratio <= TARGET_SERVE)} ({ratio:.2f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--corpora", default="synthetic,real", help="comma-separated: synthetic, real (default both)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per variant and size; medians are reported (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-queries", action="store_true", help="skip the first-query measurement in chromium")
    parser.add_argument("--serve", action="store_true", help="also time edit -> page updated under mkdocs serve")
    parser.add_argument("--serve-bulletins", type=int, default=1000, help="size of the --serve site (default 1000)")
    parser.add_argument("--serve-edits", type=int, default=3, help="edits per server; the median is reported (default 3)")
    parser.add_argument("--serve-timeout", type=float, default=1200, help="seconds to wait for a build or an update (default 1200)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help=f"comma-separated builds to run (default all: {','.join(VARIANTS)}); a 50,000 run may take full alone")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, got {args.sizes!r}")
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    corpus = _load_corpus()
    if not sizes or min(sizes) < 1 or args.repeat < 1 or not corpora or set(corpora) - set(corpus.LENGTHS):
        parser.error(f"sizes and --repeat must be >= 1; --corpora from {corpus.LENGTHS}")
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    if not variants or set(variants) - set(VARIANTS) or "full" not in variants:
        parser.error(f"--variants from {list(VARIANTS)}, full among them")

    results: list[SizeResult] = []
    serve = None
    pw = browser = None
    scratch = Path(tempfile.mkdtemp(prefix="ub-scale-"))
    try:
        if not args.no_queries:
            from playwright.sync_api import sync_playwright

            pw = sync_playwright().start()
            browser = launch(pw)
        for kind in corpora:
            for n in sizes:
                results.append(run_size(corpus, kind, n, args.seed, args.repeat, browser if n == sizes[-1] else None, variants, scratch))
        if args.serve:
            serve = run_serve(corpus, args.serve_bulletins, args.seed, args.serve_edits, args.serve_timeout)
    except (BuildFailed, TimeoutError) as exc:
        print(f"\nERROR: {exc}", file=sys.stderr)
        if results:
            report(results, serve)
        return 1
    finally:
        if browser is not None:
            browser.close()
        if pw is not None:
            pw.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    report(results, serve)
    if args.json:
        data = {"results": [{"corpus": r.corpus, "n": r.n, "runs": {v: [asdict(x) for x in runs] for v, runs in r.runs.items()},
                             "queries": r.queries} for r in results], "serve": serve}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
