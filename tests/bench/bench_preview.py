"""Preview benchmark: what a rebuild after one edit costs, as under `mkdocs serve`.

`mkdocs serve` loads the config afresh and rebuilds the whole site after each
edit, in the same process, keeping the plugin objects that have on_startup.
This does the same in one Python process per variant: a first build started
as serve, then --rebuilds rebuilds, each after changing one bulletin's title.
Variants, on one synthetic corpus (tests/bench/corpus.py):

  material     Material with its own search plugin (jieba installed: it segments Chinese), no plugin of ours
  ours         bulletin-privacy + bulletin (search off): per-file caches and kept pages (preview.py)
  ours-nocache the same with the per-file caches off and not started as serve (no kept pages): a plain rebuild

It prints the CPU seconds of the first build and the median of the rebuilds,
the part of a rebuild spent in our per-file work (privacy on_files, bulletin
on_files, sanitizing), and ours / material against the target of 0.5. A
report, not a test: exit 0 whatever the numbers. Search is left out of ours:
under `mkdocs serve` bulletin-search indexes in a thread after the build.

    python tests/bench/bench_preview.py                  # 1,000 bulletins, 4 rebuilds
    python tests/bench/bench_preview.py --bulletins 300 --rebuilds 2
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TARGET = 0.5
NAV = [{"首页": "index.md"}, {"年度公报": "years/index.md"}, {"基层组织": "orgs/index.md"}, {"工作专题": "topics/index.md"}]
VARIANTS = {"material": ["search"], "ours": ["bulletin-privacy", "bulletin"], "ours-nocache": ["bulletin-privacy", "bulletin"]}


def child(root: Path, variant: str, rebuilds: int) -> None:
    """Run in a fresh process: build ``root`` once, then rebuild after each edit; print the timings as JSON."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from union_bulletin import build as pipeline
    from union_bulletin import privacy, sanitize
    from union_bulletin.mkdocs import plugin, privacy_plugin

    logging.basicConfig(level=logging.ERROR)
    if variant == "ours-nocache":  # no per-file caches and no kept pages (not started as serve)
        for memo in (pipeline._readings, privacy._findings, sanitize._cleaned):
            memo.size = 0
    ours = [0.0]

    def timed(cls: type, name: str) -> None:
        inner = getattr(cls, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                ours[0] += time.process_time() - start

        wrapper.mkdocs_priority = getattr(inner, "mkdocs_priority", 0)  # type: ignore[attr-defined]
        setattr(cls, name, wrapper)

    timed(privacy_plugin.PrivacyPlugin, "on_files")
    timed(plugin.BulletinPlugin, "on_files")
    timed(plugin.BulletinPlugin, "on_page_content")
    edited = sorted((root / "content" / "bulletins").rglob("*.md"))[0]
    original = edited.read_text(encoding="utf-8")
    cpu: list[float] = []
    per_file: list[float] = []
    for i in range(rebuilds + 1):
        if i:
            edited.write_text(original.replace("title: ", f"title: 修订{i} ", 1), encoding="utf-8")
        ours[0] = 0.0
        start = time.process_time()
        config = load_config(str(root / f"mkdocs-{variant}.yml"))
        if i == 0 and variant != "ours-nocache":
            # As mkdocs serve does: plugins with on_startup are then kept across the rebuilds (bulletin keeps its pages).
            config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        cpu.append(time.process_time() - start)
        per_file.append(ours[0])
    edited.write_text(original, encoding="utf-8")
    print(json.dumps({"cpu": cpu, "ours": per_file}))


def write_config(root: Path, variant: str) -> None:
    plugins = [{name: {"config_dir": "site_config"} if name == "bulletin" else {}} for name in VARIANTS[variant]]
    config = {
        "site_name": "工会公报（预览基准）", "docs_dir": "content", "site_dir": str(root / f"site-{variant}"),
        "theme": {"name": "material", "language": "zh", "font": False}, "not_in_nav": "/bulletins/", "nav": NAV, "plugins": plugins,
    }
    (root / f"mkdocs-{variant}.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bulletins", type=int, default=1000)
    parser.add_argument("--rebuilds", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("ROOT", "VARIANT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(Path(args.child[0]), args.child[1], args.rebuilds)
        return 0
    sys.path.insert(0, str(HERE))
    from bench_build import _load_corpus

    with tempfile.TemporaryDirectory(prefix="ub-preview-") as tmp:
        root = Path(tmp)
        _load_corpus().generate(root, args.bulletins, args.seed)
        for name in ("years", "orgs", "topics"):  # Material alone needs the nav's pages; ours makes them its introductions
            (root / "content" / name).mkdir(exist_ok=True)
            (root / "content" / name / "index.md").write_text(f"---\ntitle: {name}\n---\n", encoding="utf-8")
        results = {}
        for variant in VARIANTS:
            write_config(root, variant)
            cmd = [sys.executable, __file__, "--rebuilds", str(args.rebuilds), "--child", str(root), variant]
            proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=False)
            if proc.returncode != 0:
                print(f"{variant} failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
                return 1
            results[variant] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"{args.bulletins} bulletins, {args.rebuilds} rebuilds after a one-bulletin edit; CPU seconds")
    print(f"{'variant':<14}{'first build':>12}{'rebuild (median)':>18}{'of it: our per-file work':>26}")
    for variant, r in results.items():
        rebuild = statistics.median(r["cpu"][1:])
        per_file = statistics.median(r["ours"][1:])
        print(f"{variant:<14}{r['cpu'][0]:>12.2f}{rebuild:>18.2f}{per_file:>26.2f}")
    ratio = statistics.median(results["ours"]["cpu"][1:]) / statistics.median(results["material"]["cpu"][1:])
    print(f"rebuild ours / material = {ratio:.2f} (target <= {TARGET}: {'PASS' if ratio <= TARGET else 'FAIL'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
