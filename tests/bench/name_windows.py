"""What tagging less than a whole sentence would save the personal-data name check, and which names it would change.

The name check (union_bulletin.privacy) runs jieba's part-of-speech tagger on
every sentence that holds a hardship word; on text that repeats no sentence
(real reports, unlike the benchmark corpora) that is most of what the check
costs. This tags the same sentences three ways, with the memos off, and prints
for each the CPU seconds, the characters tagged and the names found, and which
names differ from the whole sentence's:

  sentence     the whole sentence (what the build does)
  clause+-1    the clauses (cut at ，,：:, not at 、 which lists names) that hold a
               hardship word, and one clause on either side
  clause       only the clauses that hold a hardship word

A name the sentence finds and a window misses is not necessarily a person:
the tagger also takes some company names for names (the build leaves out those
the site's organisation names explain; this script does not). Judged on a
sentence whose name is known, the windows lose a person: aid lists write
"职工刘建军，46岁，妻子患尿毒症多年，家庭生活困难", the name two clauses before
the hardship word (case name-two-clauses-before in tests/test_privacy.py). So
the build tags whole sentences.

Last, when the docs folder has a sibling site_config/organisations.yml, it runs
the check as the build does, without and with the site's organisation names,
and prints the names each reports.

    python tests/bench/name_windows.py content
    python tests/bench/corpus.py --bulletins 10000 --length real --out /tmp/c && \\
        python tests/bench/name_windows.py /tmp/c/content
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections import Counter
from pathlib import Path

from union_bulletin import privacy
from union_bulletin.cache import Memo

CLAUSE = re.compile(r"[，,：:]")


def windows(sentence: str, hardship: re.Pattern[str], around: int) -> list[tuple[int, str]]:
    """The parts of ``sentence`` to tag: the clauses holding a hardship word and ``around`` clauses either side."""
    cuts = [0, *(m.end() for m in CLAUSE.finditer(sentence)), len(sentence)]
    spans = list(itertools.pairwise(cuts))
    hits = {i for i, (a, b) in enumerate(spans) for h in hardship.finditer(sentence) if a <= h.start() < b}
    keep = sorted({j for i in hits for j in range(i - around, i + around + 1) if 0 <= j < len(spans)})
    parts: list[tuple[int, int]] = []
    for j in keep:
        a, b = spans[j]
        if parts and parts[-1][1] >= a:
            parts[-1] = (parts[-1][0], b)
        else:
            parts.append((a, b))
    return [(a, sentence[a:b]) for a, b in parts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("docs", type=Path, help="a docs folder: every .md file below it is scanned")
    parser.add_argument("--show", type=int, default=5, help="names not found to list for each window (default 5)")
    args = parser.parse_args(argv)
    tag = privacy._sentence_names.__wrapped__  # no memo per sentence
    privacy._unknown_runs = Memo(0)  # nor per unknown run
    scanner = privacy.Scanner()
    files = sorted(args.docs.rglob("*.md"))
    sentences = [(path, start, s) for path in files for start, s in scanner.sentences(path.read_text("utf-8"))]
    print(f"{len(files)} files, {len(sentences)} sentences with a hardship word, {sum(len(s) for *_, s in sentences)} characters")
    whole: set[tuple[str, int, str]] = set()
    for mode, around in (("sentence", -1), ("clause+-1", 1), ("clause", 0)):
        start_cpu = time.process_time()
        names: set[tuple[str, int, str]] = set()
        chars = 0
        for path, start, sentence in sentences:
            parts = [(0, sentence)] if around < 0 else windows(sentence, scanner._hardship, around)
            for offset, part in parts:
                chars += len(part)
                names.update((str(path), start + offset + at, name) for at, name in tag(part))
        cpu = time.process_time() - start_cpu
        whole = names if around < 0 else whole
        print(f"{mode:<10} {cpu:6.2f} CPU s  {chars:>9} characters  {len(names):>5} names  "
              f"{len(whole - names):>4} of the sentence's not found  {len(names - whole):>4} others")
        for path_, at, name in sorted(whole - names)[: args.show]:
            print(f"    not found: {name} ({path_}, character {at})")
    organisations(args.docs, files, args.show)
    return 0


def organisations(docs: Path, files: list[Path], show: int) -> None:
    """The names the build's check reports, without and with the site's organisation names (the docs
    folder's sibling site_config/organisations.yml), as the build runs it (memos on)."""
    config = docs.parent / "site_config" / "organisations.yml"
    if not config.is_file():
        return
    import yaml

    names = [o["name"] for o in yaml.safe_load(config.read_text("utf-8")).values()]
    texts = [path.read_text("utf-8") for path in files]
    for label, scanner in (("without organisation names", privacy.Scanner()), ("with organisation names", privacy.Scanner(organisations=names))):
        found = Counter(f.value for text in texts for f in scanner.scan(text) if f.kind == "name_hardship")
        print(f"the check {label}: {sum(found.values())} names found", ", ".join(f"{n} {c}" for n, c in found.most_common(show)))


if __name__ == "__main__":
    sys.exit(main())
