"""Fixtures that build real small sites in temporary folders.

``site`` gives a fresh project folder with a minimal organisations.yml,
mkdocs.yml and home page; tests add bulletins and call ``site.build()``,
which runs a real MkDocs build in-process and returns the output folder and
the warnings our plugin logged.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from union_bulletin.search.documents import SHOWN
from union_bulletin.site_config import SiteConfig, load_site_config

ROOT = Path(__file__).resolve().parent.parent

ORGS = {
    "county": {"name": "江屿县总工会", "level": "county"},
    "town-a": {"name": "石桥镇总工会", "level": "town", "parent": "county"},
    "town-b": {"name": "云岭镇总工会", "level": "town", "parent": "county"},
}


@dataclass
class Result:
    site: Path
    warnings: list[str]
    errors: list[str]
    aborted: bool
    error: str = ""
    infos: list[str] = field(default_factory=list)  # our plugins' info lines

    def html(self, url: str) -> str:
        path = self.site / url
        if url.endswith("/") or not url:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def exists(self, url: str) -> bool:
        path = self.site / url
        return (path / "index.html").is_file() if url.endswith("/") else path.is_file()


@dataclass
class Site:
    root: Path
    mkdocs: dict[str, Any] = field(default_factory=dict)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def config(self, name: str, data: Any) -> None:
        self.write(f"site_config/{name}", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))

    def bulletin(self, rel: str, body: str = "正文第一段。", **front: Any) -> Path:
        """Write content/bulletins/<rel> with front matter ``front``."""
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"
        return self.write(f"content/bulletins/{rel}", text)

    def build(self, strict: bool = False, **overrides: Any) -> Result:
        cfg = {
            "site_name": "测试公报",
            "docs_dir": "content",
            "theme": {"name": "material", "language": "zh", "font": False},
            "plugins": [{"bulletin": {}}],
            "nav": [{"首页": "index.md"}, {"年度公报": "years/index.md"}, {"基层组织": "orgs/index.md"}, {"工作专题": "topics/index.md"}],
        }
        cfg.update(self.mkdocs)
        cfg.update(overrides)
        self.write("mkdocs.yml", yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False))
        return build_project(self.root, strict)


def build_project(root: Path, strict: bool = False) -> Result:
    """Build root/mkdocs.yml in-process, collecting the log."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)  # our info lines (counts, search index) are checked too
    aborted, error = False, ""
    site_dir = root / "site"
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=strict)
        site_dir = Path(config.site_dir)
        build(config)
    except (Abort, PluginError) as exc:
        aborted, error = True, str(exc)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    ours = [r for r in handler.records if r.name.startswith("mkdocs.plugins.union_bulletin")]
    warnings = [_strip(r.getMessage()) for r in ours if r.levelno == logging.WARNING]
    errors = [_strip(r.getMessage()) for r in handler.records if r.levelno >= logging.WARNING]
    infos = [_strip(r.getMessage()) for r in ours if r.levelno == logging.INFO]
    return Result(site_dir, warnings, errors, aborted, error, infos)


@contextmanager
def serving(root: Path, wait_cards: bool = True) -> Iterator[Callable[[], MkDocsConfig]]:
    """Builds of root/mkdocs.yml as the rebuilds of one ``mkdocs serve``: started as serve, the config read again
    for every rebuild (MkDocs then hands back the same objects of the plugins that have on_startup), shut down
    at the end. Yields a function that runs the next build and returns its config; with ``wait_cards``, once
    the share cards the preview draws after the build are in place."""
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    builds = 0

    def rebuild() -> MkDocsConfig:
        nonlocal builds
        this = config if builds == 0 else load_config(str(root / "mkdocs.yml"))
        builds += 1
        build(this)
        bulletin = this.plugins.get("bulletin")
        if wait_cards and bulletin is not None and bulletin.card_worker is not None:
            bulletin.card_worker.join()
        return this

    try:
        yield rebuild
    finally:
        config.plugins.on_shutdown()  # also ends preview mode: MkDocs keeps these plugin objects for the whole process


def fragments(bundle: Path) -> list[dict[str, Any]]:
    """What a result shows of each bulletin indexed under ``bundle`` (the primary bundle or a shard in it): for each
    member of each page in its tables of packs (ub-packs.json), its page id and ``meta``, read from the bulletin's
    file in the primary bundle's ``text/`` folder (documents.shown_file): SHOWN's values and ``text``."""
    primary = bundle if (bundle / "ub-search.json").is_file() else bundle.parent
    found = []
    for table in sorted(bundle.rglob("ub-packs.json")):
        for page_id, members in json.loads(table.read_text("utf-8"))["pages"].items():
            assert (table.parent / "fragment" / f"{page_id}.pf_fragment").is_file()
            for m in members:
                head, _, text = (primary / "text" / f"{m[5]}.txt").read_text("utf-8").partition("\n")
                found.append({"id": page_id, "meta": {**dict(zip(SHOWN, json.loads(head), strict=True)), "text": text}})
    return found


def _strip(message: str) -> str:
    return re.sub(r"^union_bulletin: ", "", message)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def config(tmp_path: Path) -> SiteConfig:
    """The validated site_config of ORGS, without MkDocs (for tests of the pipeline on its own)."""
    folder = tmp_path / "site_config"
    folder.mkdir()
    (folder / "organisations.yml").write_text(yaml.safe_dump(ORGS, allow_unicode=True), encoding="utf-8")
    site, problems = load_site_config(folder, tmp_path)
    assert problems == []
    return site


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    s = Site(tmp_path)
    s.config("organisations.yml", ORGS)
    s.write("content/index.md", "---\ntitle: 首页\n---\n这里是测试站点。\n")
    yield s


class _Cards(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "data-metric" in a:
            self.cards.append({k: v or "" for k, v in a.items()})


def cards(html: str) -> list[dict[str, str]]:
    """Every element that carries data-metric, with its attributes."""
    parser = _Cards()
    parser.feed(html)
    return parser.cards


def metric_values(html: str) -> dict[str, str]:
    return {c["data-metric"]: c["data-value"] for c in cards(html) if c["data-metric"]}


def plain(html: str) -> str:
    """The text of an HTML fragment as a reader sees it: tags dropped, runs of white space made one space."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def chart(page: str, label: str) -> list[str]:
    """An organisation page's chart ``label`` as its rows read: ["2024年 500名", "2023年 无数据", …]."""
    m = re.search(r"<figcaption>" + re.escape(label) + r"</figcaption>\s*<ol class=\"ub-bars\">(.*?)</ol>", page, re.S)
    assert m, f"no chart {label}"
    return [plain(row.replace("</span><span", "</span> <span")) for row in re.findall(r"<li[^>]*>(.*?)</li>", m.group(1))]


def article(html: str) -> str:
    """The part of a page our templates render."""
    m = re.search(r'<article class="ub .*?</article>', html, re.S)
    assert m, "no union-bulletin article in page"
    return m.group(0)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium under Playwright, shared by the browser tests."""
    from playwright.sync_api import sync_playwright

    from browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Result:
    """The example site of this repository, copied and built once (strict) for the whole session."""
    root = tmp_path_factory.mktemp("example")
    for name in ("content", "site_config", "assets"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return build_project(root, strict=True)


@pytest.fixture(scope="session")
def served(example_site: Result) -> Iterator[str]:
    """The example site, built once, served from 127.0.0.1 for the browser tests; its base URL."""
    from browser import serve

    assert not example_site.aborted, example_site.error
    with serve(example_site.site) as base:
        yield base
