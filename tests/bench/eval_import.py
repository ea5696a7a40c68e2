"""How well `union-bulletin import` suggests figures: precision and recall against a person's choice.

Imports tests/data/import/compilation.txt (five articles written for the tests:
three annual summaries, a plan, a news item) with the example site's
site_config, as a dry run, and compares each article's suggested ``stats``
values (not the figures left as comments) with tests/data/import/expected.yml,
the figures a person would take, written by hand from the text.

    .venv/bin/python tests/bench/eval_import.py

Prints, per article, every metric either side names (✓ the same value, ✗
different, + suggested but not expected, − expected but not suggested), then
precision (right suggestions / suggestions) and recall (right suggestions /
expected figures) over all articles. ``--json`` prints the numbers only.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "import"


def evaluate(source: Path = DATA / "compilation.txt", expected_file: Path = DATA / "expected.yml") -> dict[str, Any]:
    """Per-article rows and the totals: suggested, expected, right, precision, recall."""
    from union_bulletin.importer.run import Choices, plan_file
    from union_bulletin.privacy import Scanner
    from union_bulletin.site_config import load_site_config

    config, _ = load_site_config(ROOT / "site_config", ROOT)
    expected: dict[str, dict[str, Any]] = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        planned = plan_file(source, source.name, config, Path(tmp), Path(tmp), Choices(), Scanner())
    articles = []
    suggested_n = expected_n = right_n = 0
    for item in planned:
        got = dict(item.values)
        want = expected.get(item.title, {})
        rows = []
        for key in [*want, *(k for k in got if k not in want)]:
            mark = "✓" if key in got and key in want and got[key] == want[key] else "✗" if key in got and key in want else "+" if key in got else "−"
            rows.append({"metric": key, "suggested": got.get(key), "expected": want.get(key), "mark": mark})
        right = sum(1 for r in rows if r["mark"] == "✓")
        suggested_n += len(got)
        expected_n += len(want)
        right_n += right
        articles.append({"title": item.title, "file": item.shown, "known": item.title in expected, "rows": rows, "unsure": [k for k, _ in item.unsure]})
    return {
        "articles": articles,
        "suggested": suggested_n,
        "expected": expected_n,
        "right": right_n,
        "precision": right_n / suggested_n if suggested_n else 1.0,
        "recall": right_n / expected_n if expected_n else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    result = evaluate()
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "articles"}, ensure_ascii=False))
        return 0
    for article in result["articles"]:
        print(f"\n{article['title']}  →  {article['file']}" + ("" if article["known"] else "  (not in expected.yml)"))
        for r in article["rows"]:
            print(f"  {r['mark']} {r['metric']:<22} suggested {r['suggested']!s:>10}   expected {r['expected']!s:>10}")
        if article["unsure"]:
            print(f"  left as comments: {', '.join(article['unsure'])}")
    print(f"\nsuggested {result['suggested']}, expected {result['expected']}, right {result['right']}")
    print(f"precision {result['precision']:.3f} (target ≥ 0.9), recall {result['recall']:.3f} (target ≥ 0.8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
