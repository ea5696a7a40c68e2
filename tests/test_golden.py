"""A small site built and compared, file by file, with a golden copy.

What is compared: the list of files the build writes (less the theme's own
hashed assets and the sitemap, which carry build-specific names and dates),
and for every page its <title>, description, the metadata and feed links our
plugin puts in the head, the part our templates render and our footer block;
data/stats.json and the feeds whole.

Regenerate after an intended change, then read the diff before committing:

    UB_REGENERATE_GOLDEN=1 python3 -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from conftest import build_project

GOLDEN = Path(__file__).parent / "golden"
SKIP = re.compile(r"^(assets/(javascripts|stylesheets|images)/|sitemap\.xml)")


def snapshot(site: Path) -> dict[str, str]:
    """The comparable content of a built site: relative path -> text."""
    out: dict[str, str] = {}
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    kept = [f for f in files if not SKIP.match(f)]
    out["files.txt"] = "\n".join(kept) + "\n"
    for rel in kept:
        path = site / rel
        if rel.endswith(".html"):
            html = path.read_text(encoding="utf-8")
            head = html[: html.find("</head>")]  # (a QR code's SVG has a <title> of its own)
            parts = re.findall(r"<title>.*?</title>|<meta name=\"description\"[^>]*>", head)
            parts += re.findall(r'<meta name="(?:SiteName|ArticleTitle|PubDate|ContentSource|ColumnName)"[^>]*>'
                                r'|<meta property="(?:og|article):[^>]*>|<link rel="alternate"[^>]*>', head)
            body = re.search(r'<article class="ub .*?</article>', html, re.S)
            if body:
                parts.append(body.group(0))
            parts += re.findall(r'<div class="ub-footer">.*?</div>', html)
            out[rel] = "\n".join(parts) + "\n"
        elif rel.endswith(".json") or rel.startswith("feeds/"):
            out[rel] = path.read_text(encoding="utf-8")
    return out


def test_golden_site(tmp_path: Path) -> None:
    shutil.copytree(GOLDEN / "src", tmp_path, dirs_exist_ok=True)
    result = build_project(tmp_path, strict=True)
    assert not result.aborted, result.errors
    got = snapshot(result.site)
    expected_dir = GOLDEN / "expected"
    if os.environ.get("UB_REGENERATE_GOLDEN"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, text in got.items():
            target = expected_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = {p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8") for p in expected_dir.rglob("*") if p.is_file()}
    assert sorted(got) == sorted(expected)
    for rel in sorted(expected):
        assert got[rel] == expected[rel], f"{rel} differs from tests/golden/expected/{rel}"
