"""``union-bulletin build`` and ``preview``: MkDocs' strict build and its preview server, run in this process.

In-process rather than as a subprocess, so that the summary at the end can
count what the build logged: the ``bulletin`` plugin's count line (its numbers
travel as the log record's arguments) and every warning and error. Material's
banner about MkDocs 2 is silenced by setting ``NO_MKDOCS_2_WARNING`` before
Material is imported (MkDocs imports the theme when it loads the config).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

COUNT_MESSAGE = "公报 %d 篇，生成索引页 %d 个"


@dataclass
class Tally:
    """What one build logged."""

    bulletins: int = 0
    pages: int = 0  # generated index pages
    problems: int = 0  # warnings and errors

    def summary(self, built: bool) -> str:
        head = "构建完成" if built else "构建未完成"
        return f"{head}：公报 {self.bulletins} 篇，索引页 {self.pages} 个，问题 {self.problems} 个"


class _Watch(logging.Handler):
    """Counts a build's problems, shows them, and prints the summary when MkDocs says a build is done."""

    def __init__(self, echo: Callable[[str], None], on_built: Callable[[Tally], None] | None = None) -> None:
        super().__init__(logging.INFO)
        self.echo = echo
        self.on_built = on_built
        self.tally = Tally()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.msg == "Building documentation..." or str(record.msg).startswith("Building documentation to directory"):
            self.tally = Tally()
        if str(record.msg).endswith(COUNT_MESSAGE) and isinstance(record.args, tuple) and len(record.args) == 2:
            self.tally.bulletins, self.tally.pages = (int(str(x)) for x in record.args)
        if record.levelno >= logging.WARNING:
            self.tally.problems += 1
            label = "错误" if record.levelno >= logging.ERROR else "问题"
            self.echo(f"{label}：{message.removeprefix('union_bulletin: ')}")
        elif str(record.msg).startswith("Documentation built in") and self.on_built is not None:
            self.on_built(self.tally)
        elif record.name.startswith("mkdocs.commands.serve") or str(record.msg).startswith("Serving on"):
            self.echo(message)


def _silence_banner() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build(config_file: Path, echo: Callable[[str], None]) -> tuple[bool, Tally]:
    """A strict build of ``config_file``: (whether it finished without problems, what it logged)."""
    _silence_banner()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    watch = _Watch(echo)
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(watch)
    logger.setLevel(logging.INFO)
    ok = True
    try:
        config = load_config(str(config_file), strict=True)
        mkdocs_build(config)
    except (Abort, ConfigurationError) as exc:
        ok = False
        if not str(exc).startswith("Aborted with"):  # that one says only how many warnings there were: the summary says it
            watch.tally.problems += 1
            echo(f"错误：{exc}")
    finally:
        logger.removeHandler(watch)
        logger.setLevel(level)
    return ok and watch.tally.problems == 0, watch.tally


def preview(config_file: Path, address: str, echo: Callable[[str], None]) -> None:
    """``mkdocs serve`` of ``config_file`` until interrupted; a summary after every build."""
    _silence_banner()
    from mkdocs.commands.serve import serve

    watch = _Watch(echo, lambda tally: echo(tally.summary(True)))
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(watch)
    logger.setLevel(logging.INFO)
    try:
        serve(config_file=str(config_file), dev_addr=address, livereload=True)
    finally:
        logger.removeHandler(watch)
        logger.setLevel(level)
