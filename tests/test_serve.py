"""Preview: a real ``mkdocs serve`` (with all our plugins) shows an edited bulletin and an edited site_config file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import ORGS, Site

START = 120.0  # seconds: the first build on a busy machine
REBUILD = 60.0  # seconds: an edit noticed and the site rebuilt


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait(what: str, check: Callable[[], bool], seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    pytest.fail(f"{what}: not within {seconds:.0f} s\n--- mkdocs serve said:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")


@pytest.fixture
def served(site: Site, tmp_path: Path) -> Iterator[str]:
    site.bulletin("2024/a-summary.md", "二〇二四年工作总结正文。", title="石桥镇2024年工作总结", date="2025-01-10", year=2024, org="town-a", type="summary",
                  stats={"new_members": 150})
    built = site.build(plugins=[{"bulletin-privacy": {}}, {"bulletin": {}}, {"bulletin-search": {}}])  # writes mkdocs.yml; the site builds at all
    assert not built.aborted, built.error
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-strict"],
            cwd=site.root, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait("the first build served", lambda: "石桥镇2024年工作总结" in _get(base + "bulletins/2024/a-summary/"), START, log)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)


def test_serve_shows_an_edited_bulletin_and_an_edited_organisation_name(site: Site, served: str, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    page = served + "bulletins/2024/a-summary/"
    assert "石桥镇总工会" in _get(page)

    site.bulletin("2024/a-summary.md", "二〇二四年工作总结正文。", title="石桥镇2024年度工作总结（修订）", date="2025-01-10", year=2024, org="town-a", type="summary",
                  stats={"new_members": 150})
    _wait("the edited title served", lambda: "石桥镇2024年度工作总结（修订）" in _get(page), REBUILD, log)

    site.config("organisations.yml", {**ORGS, "town-a": {**ORGS["town-a"], "name": "石桥镇总工会联合会"}})
    _wait("the edited organisation name served", lambda: "石桥镇总工会联合会" in _get(page) and "石桥镇总工会联合会" in _get(served + "orgs/town-a/"), REBUILD, log)
    said = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in said and "ERROR" not in said, said[-3000:]
