"""The example site builds to the same bytes every time, and nothing in it links
to a page or an anchor that is not there."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import ROOT, Result, build_project

#: The only files that carry the build date: MkDocs writes it as every page's <lastmod>.
DATED = {"sitemap.xml", "sitemap.xml.gz"}
#: Pagefind numbers pages in the order its threads finish reading them, so its word, filter and
#: page-list files differ from build to build (Pagefind issue #638: only fragments are stable).
#: Each page's fragment (what a result shows) is still compared byte for byte.
UNSTABLE = re.compile(r"pagefind/(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index/[^/]+\.pf_index|filter/[^/]+\.pf_filter)$")
SITE_URL = "https://bulletin.example.org/"


def build_copy(tmp: Path, monkeypatch: pytest.MonkeyPatch, day: dt.date) -> dict[str, bytes]:
    for name in ("content", "site_config", "assets"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    epoch = dt.datetime.combine(day, dt.time(9, 30), dt.UTC).timestamp()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(epoch)))
    r = build_project(tmp, strict=True)
    assert not r.aborted, r.error
    files = {p.relative_to(r.site).as_posix(): p.read_bytes() for p in sorted(r.site.rglob("*")) if p.is_file()}
    assert any(UNSTABLE.match(name) for name in files)
    return {name: data for name, data in files.items() if not UNSTABLE.match(name)}


def test_two_builds_are_byte_identical_but_for_the_build_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = build_copy(tmp_path / "a", monkeypatch, dt.date(2026, 3, 1))
    again = build_copy(tmp_path / "b", monkeypatch, dt.date(2026, 3, 1))
    later = build_copy(tmp_path / "c", monkeypatch, dt.date(2026, 9, 15))
    assert len(first) > 80
    assert first == again  # same day, other folder: not one byte differs
    assert set(first) == set(later)
    differs = {name for name in first if first[name] != later[name]}
    assert differs == DATED
    assert b"<lastmod>2026-09-15</lastmod>" in later["sitemap.xml"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(str(a[key]))
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("canonical", "alternate") and key == "href"):
                self.links.append(str(a[key]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def _target(site: Path, page: Path, link: str) -> tuple[Path | None, str]:
    """The file a link points to inside the site (None: another host or scheme), and its fragment."""
    base = SITE_URL + page.relative_to(site).as_posix()
    url = urlsplit(urljoin(base, link))
    if url.scheme not in ("http", "https") or not (url.scheme + "://" + url.netloc + "/") == SITE_URL:
        return None, ""
    path = site / unquote(url.path).lstrip("/")
    if url.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(url.fragment)


def test_no_broken_internal_link_or_anchor(example_site: Result) -> None:
    site = example_site.site
    pages = sorted(site.rglob("*.html"))
    parsed = {p: _parse(p) for p in pages}
    broken: list[str] = []
    checked = 0
    for page, links in parsed.items():
        for link in links.links:
            target, fragment = _target(site, page, link)
            if target is None:
                continue
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link} → 没有这个文件")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} → 页面中没有锚点 #{fragment}")
    assert broken == []
    assert checked > 2000  # the check really walked the site's links (2,797 when written)


def test_the_link_check_finds_what_is_broken(example_site: Result, tmp_path: Path) -> None:
    """The checker itself: a missing page and a missing anchor are caught."""
    site = tmp_path / "site"
    shutil.copytree(example_site.site, site)
    page = site / "years/2024/index.html"
    html = page.read_text("utf-8")
    html = re.sub(r'href="\.\./2023/"', 'href="../2019/"', html, count=1)
    html = html.replace("</article>", '<a href="../../orgs/lanwan-town/#y1999">x</a></article>', 1)
    page.write_text(html, "utf-8")
    parsed = _parse(page)
    problems = [link for link in parsed.links if (t := _target(site, page, link))[0] is not None
                and (not t[0].is_file() or (t[1] and t[1] not in _parse(t[0]).ids))]
    assert problems == ["../2019/", "../../orgs/lanwan-town/#y1999"]
