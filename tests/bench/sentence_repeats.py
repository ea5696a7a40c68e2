"""How often the personal-data name check meets a sentence it has already tagged, in a corpus or a site.

The name check runs jieba's tagger on every sentence that holds a hardship word. A memo per sentence
would spare the repeats; this prints how many there are, which decides whether such a memo helps real
text or only a corpus cut from templates (tests/bench/corpus.py).

    python tests/bench/sentence_repeats.py content                     # the example site
    python tests/bench/corpus.py --bulletins 3000 --length real --out /tmp/c && \\
        python tests/bench/sentence_repeats.py /tmp/c/content
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from union_bulletin import privacy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("docs", type=Path, help="a docs folder: every .md file below it is scanned")
    args = parser.parse_args(argv)
    seen: collections.Counter[str] = collections.Counter()
    tag = privacy._sentence_names

    def counted(sentence: str) -> tuple[tuple[int, str], ...]:
        seen[sentence] += 1
        return tag(sentence)

    privacy._sentence_names = counted  # type: ignore[assignment]
    scanner = privacy.Scanner()
    files = sorted(args.docs.rglob("*.md"))
    for path in files:
        scanner.scan(path.read_text("utf-8"))
    total = sum(seen.values())
    share = 1 - len(seen) / total if total else 0.0
    print(f"{len(files)} files, {total} sentences tagged, {len(seen)} distinct: {share:.0%} are repeats")
    return 0


if __name__ == "__main__":
    sys.exit(main())
