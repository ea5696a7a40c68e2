"""Share-card benchmark: the time to draw the example site's cards on a first build, and on an unchanged rebuild.

Copies the example site (content/, site_config/, assets/, mkdocs.yml, less the
bulletin-search plugin, which is beside the point) into a temporary folder and
builds it in this process a few times: the first build with an empty card cache,
then unchanged rebuilds. It times the card step (drawing or taking from the
cache, and copying into the site) by wrapping the plugin's ``publish_cards``, and the
whole build. Prints one line per build and exits 0; 1 when a build fails.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python tests/bench/bench_cards.py            # 1 first build, 3 rebuilds
    NO_MKDOCS_2_WARNING=1 .venv/bin/python tests/bench/bench_cards.py --rebuilds 5
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from union_bulletin.mkdocs import plugin
from union_bulletin.render.sharecard import Published

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuilds", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    timings: list[tuple[float, Published]] = []
    publish = plugin.publish_cards

    def timed(*a: Any, **k: Any) -> Published:
        start = time.perf_counter()
        done = publish(*a, **k)
        timings.append((time.perf_counter() - start, done))
        return done

    plugin.publish_cards = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="ub-bench-cards-") as tmp:
        root = Path(tmp)
        for name in ("content", "site_config", "assets"):
            shutil.copytree(ROOT / name, root / name)
        cfg = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)  # our own file: it has a !!python tag
        cfg["plugins"] = [p for p in cfg["plugins"] if p != "bulletin-search"]
        (root / "mkdocs.yml").write_text(yaml.dump(cfg, allow_unicode=True), encoding="utf-8")
        for n in range(1 + args.rebuilds):
            start = time.perf_counter()
            try:
                build(load_config(str(root / "mkdocs.yml")))
            except Exception as exc:  # a benchmark reports, it does not hide: say what failed and stop
                print(f"build {n + 1} failed: {exc}", file=sys.stderr)
                return 1
            total = time.perf_counter() - start
            seconds, done = timings[-1]
            kind = "first build (empty cache)" if n == 0 else "unchanged rebuild"
            cards = done.drawn + done.reused
            print(f"{kind:27} cards {cards:3}  drawn {done.drawn:3}  reused {done.reused:3}  "
                  f"card step {seconds:6.3f} s ({seconds / cards * 1000:5.1f} ms a card)  whole build {total:5.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
