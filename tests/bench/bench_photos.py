"""Photo benchmark: 200 phone-sized photos across news pages.

It writes a small site into a temporary folder: NEWS news bulletins with
PER_PAGE photos each, every photo a 4032×3024 JPEG (quality 92) drawn by
tools/example_photos.py with a phone's EXIF (a quarter of them stored sideways,
orientation 6, as phones store portrait photos; all with GPS). Then:

  first build       `python -m mkdocs build`, empty photo cache: every photo encoded
  unchanged rebuild the same command again: nothing encoded (the log line says so)
  phone download    chromium (Debian's, via Playwright) opens one news page at
                    360×740 CSS px with device pixel ratio 3 (most phones sold today;
                    also reported at 2), scrolls to the end so every lazy photo loads,
                    and adds up the bytes of the images it fetched, with the choice
                    the browser made from srcset/sizes; against the same page's
                    original photos (what the page published before this pipeline)

Times are wall-clock seconds of the whole build and the CPU seconds of the
build process and its encoding workers (the wall time shows this machine's
other work; the CPU time much less). It prints the numbers and the ratios; it
is a report, not a test.

    .venv/bin/python tests/bench/bench_photos.py                # 200 photos: 20 pages × 10
    .venv/bin/python tests/bench/bench_photos.py --pages 4 --per-page 5
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(HERE.parent))

import example_photos  # noqa: E402

SCENES = ["stage", "people", "field", "court", "medals", "runner"]
SIZE = (4032, 3024)


def textured(img: Image.Image, strength: float = 0.2) -> Image.Image:
    """The scene with grain at several scales, so that it keeps detail when made smaller, as a photo does.

    A flat drawing shrinks to almost nothing; with this texture a 4032×3024 JPEG (quality 92) is about 2.9 MB
    and its 1600 px WebP about 240 KB, what phone photos of a crowd or a field give.
    """
    w, h = img.size
    grain = [Image.effect_noise((w // k, h // k), 60).resize((w, h), Image.Resampling.BICUBIC) for k in (2, 6, 16)]
    return Image.blend(img, Image.merge("RGB", grain), strength)


def write_site(root: Path, pages: int, per_page: int) -> list[Path]:
    """The project: site_config, mkdocs.yml, the news pages and their photos; the photo files."""
    (root / "site_config").mkdir(parents=True)
    (root / "site_config/organisations.yml").write_text(
        yaml.safe_dump({"county": {"name": "江屿县总工会", "level": "county"}}, allow_unicode=True), encoding="utf-8")
    (root / "content").mkdir()
    (root / "content/index.md").write_text("# 首页\n", encoding="utf-8")
    mkdocs = {
        "site_name": "照片基准", "docs_dir": "content", "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": [{"bulletin": {}}, "glightbox"],
        "nav": [{"首页": "index.md"}, {"年度公报": "years/index.md"}, {"基层组织": "orgs/index.md"}, {"工作专题": "topics/index.md"}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs, allow_unicode=True, sort_keys=False), encoding="utf-8")
    bases = {kind: textured(example_photos.scene(kind, SIZE if kind != "runner" else SIZE[::-1], "职工运动会" if kind == "stage" else ""))
             for kind in SCENES}
    files: list[Path] = []
    n = 0
    for p in range(pages):
        body = ["工会组织职工开展文体活动，现场照片如下。", ""]
        folder = root / f"content/bulletins/2024/p{p:02d}"
        folder.mkdir(parents=True)
        for i in range(per_page):
            kind = SCENES[n % len(SCENES)]
            upright = bases[kind].copy()
            # a mark of its own, so that no two photos have the same bytes (the cache is keyed by content)
            ImageDraw.Draw(upright).rectangle((40 + 13 * n, 40, 140 + 13 * n, 140), fill=(n % 256, 255 - n % 256, 128))
            orientation = 6 if kind == "runner" else 1
            out = BytesIO()
            example_photos.stored(upright, orientation).save(out, "JPEG", quality=92, exif=example_photos.exif_bytes("2024:05:01 09:00:00", orientation, n))
            photo = folder / f"photo{i:02d}.jpg"
            photo.write_bytes(out.getvalue())
            files.append(photo)
            body += [f"![现场照片 {i + 1}](p{p:02d}/photo{i:02d}.jpg)", ""]
            n += 1
        front = {"title": f"职工活动 {p + 1}", "date": f"2024-05-{p % 28 + 1:02d}", "org": "county", "type": "news"}
        (root / f"content/bulletins/2024/news-{p:02d}.md").write_text(
            "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + "\n".join(body), encoding="utf-8")
    return files


def build(root: Path) -> tuple[float, float, str]:
    """Wall seconds the build took, CPU seconds of the build and its encoding workers, and its photo log line."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers are waited for by the build, so they count
    if done.returncode != 0:
        sys.exit(done.stderr)
    line = re.search(r"照片：[^\n]*", done.stderr)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, line.group(0) if line else "(no photo line)"


def phone_bytes(site: Path, page: str, scale: float) -> tuple[int, list[str]]:
    """The image bytes chromium fetches for ``page`` at 360×740 CSS px and ``scale``, scrolled to the end; the files."""
    from playwright.sync_api import sync_playwright

    from browser import launch, serve

    fetched: dict[str, int] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=scale, service_workers="block")
        tab = context.new_page()

        def seen(response: Any) -> None:
            if "/bulletins/" in response.url and re.search(r"\.(webp|jpe?g|png)$", response.url):
                fetched[response.url] = len(response.body())

        tab.on("response", seen)
        tab.goto(base + page, wait_until="networkidle")
        for _ in range(40):  # scroll down a screen at a time, as a reader does, so each lazy photo loads
            tab.mouse.wheel(0, 700)
            tab.wait_for_timeout(100)
        tab.wait_for_load_state("networkidle")
        context.close()
        browser.close()
    return sum(fetched.values()), sorted(u.rsplit("/", 1)[-1] for u in fetched)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--per-page", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ub-bench-photos-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        files = write_site(root, args.pages, args.per_page)
        total = sum(f.stat().st_size for f in files)
        print(f"{len(files)} photos of {SIZE[0]}×{SIZE[1]} on {args.pages} news pages, {total / 2**20:.1f} MB "
              f"(written in {time.perf_counter() - start:.0f} s); {os.cpu_count()} cores")
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        first, first_cpu, line1 = build(root)
        print(f"first build        {first:7.1f} s wall, {first_cpu:7.1f} s CPU   {line1}")
        again, again_cpu, line2 = build(root)
        print(f"unchanged rebuild  {again:7.1f} s wall, {again_cpu:7.1f} s CPU   {line2}")
        print(f"rebuild / first    {again / first:7.3f} wall, {again_cpu / first_cpu:.3f} CPU; "
              f"{first_cpu / len(files):.2f} CPU s per photo encoded; load average after: {os.getloadavg()[0]:.1f}")
        originals = sum(f.stat().st_size for f in files[: args.per_page])
        for scale in (3, 2):
            fetched, names = phone_bytes(root / "site", "bulletins/2024/news-00/", scale)
            print(f"360 px phone, DPR {scale}: {fetched / 1024:8.0f} KB of images for one news page "
                  f"(originals: {originals / 1024:.0f} KB): {fetched / originals:.3f} of the originals, "
                  f"{originals / fetched:.1f}× less")
            print(f"  fetched: {', '.join(names)}")


if __name__ == "__main__":
    main()
