"""How often the personal-data name check meets a sentence it has already tagged, in a corpus or a site.

The name check runs jieba's tagger on every sentence that holds a hardship word. A memo per sentence
would spare the repeats; this prints how many there are, which decides whether such a memo helps real
text or only a corpus cut from templates (tests/bench/corpus.py).

    python tests/bench/sentence_repeats.py content                     # the example site
    python tests/bench/sentence_repeats.py content --time              # also: CPU with and without the memos
    python tests/bench/corpus.py --bulletins 3000 --length real --out /tmp/c && \\
        python tests/bench/sentence_repeats.py /tmp/c/content
"""

from __future__ import annotations

import argparse
import collections
import functools
import sys
import time
from pathlib import Path

from union_bulletin import privacy
from union_bulletin.cache import Memo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("docs", type=Path, help="a docs folder: every .md file below it is scanned")
    parser.add_argument("--time", action="store_true",
                        help="also time the name check over every file with its memos and with neither (one process, same files)")
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
    if args.time:
        privacy._sentence_names = tag  # type: ignore[assignment]
        texts = [path.read_text("utf-8") for path in files]
        for label in ("with the memos", "with neither memo"):
            if label == "with neither memo":
                privacy._sentence_names = functools.lru_cache(maxsize=1)(tag.__wrapped__)  # type: ignore[assignment]
                privacy._unknown_runs = Memo(0)
            else:
                tag.cache_clear()
                privacy._unknown_runs.clear()
            start = time.process_time()
            names = sum(len(scanner._names(t, privacy._Lines(t))) for t in texts)
            print(f"name check {label}: {time.process_time() - start:.2f} CPU s, {names} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
