"""A real browser for the tests: Debian's chromium driven by Playwright, and a
local web server for a built site.

``.ci/run`` installs chromium and the Noto CJK fonts. The tests fail (they do
not skip) when the browser is missing, so a machine without it cannot pass by
testing less.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("UB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yield the base URL (ending in /)."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """What one page load did: every request, every dialog, every script error."""

    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # requests answered 4xx or 5xx

    def foreign(self, base: str) -> list[str]:
        """Requests that left the local server (data: and blob: URLs never do)."""
        home = urlsplit(base).netloc
        return [u for u in self.requests if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).netloc != home]


def launch(playwright: Any) -> Any:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"chromium not found at {CHROMIUM}: run .ci/run (it installs Debian's chromium) or set UB_CHROMIUM")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def visit(browser: Any, url: str, width: int = 1280, height: int = 900, action: Any = None, scale: float = 1) -> Visit:
    """Open ``url`` in a fresh context, wait until the network is idle, record what happened.

    ``action(page)``, when given, runs after the load (clicks, typing) and its requests count too.
    ``scale``: the device pixel ratio (a phone's is 2 or 3).
    """
    v = Visit(url)
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block", device_scale_factor=scale)
    page = context.new_page()
    page.on("request", lambda r: v.requests.append(r.url))
    page.on("response", lambda r: v.missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("pageerror", lambda e: v.errors.append(str(e)))

    def dialog(d: Any) -> None:
        v.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    try:
        page.goto(url, wait_until="networkidle")
        if action is not None:
            action(page)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return v


AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


def axe(page: Any) -> list[dict[str, Any]]:
    """Run axe-core (the local copy ``.ci/run`` installs from npm) on the loaded page; its violations.

    Each violation: ``id``, ``impact`` (minor, moderate, serious, critical), ``nodes`` (each with ``target``
    and ``summary``). The tests fail, not skip, when axe-core is missing.
    """
    if not AXE.is_file():
        raise RuntimeError(f"axe-core not found at {AXE}: run .ci/run (npm ci in tests/ installs it)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}));
    }""")
    return list(result)


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations that block readers: axe's serious and critical ones."""
    return [v for v in violations if v["impact"] in ("serious", "critical")]
