"""Problems found in input, worded for the people who write it.

Every message names the file, the field, what was found and what was
expected, plus a suggestion where one is obvious. The wording is part of the
project's contract: tests check it to the letter.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file."""

    path: str  # as the author knows it: relative to the project folder
    field: str  # dotted path into the YAML ("stats.new_members"), or "文件"
    found: str
    expected: str
    suggestion: str = ""

    def __str__(self) -> str:
        text = f"{self.path}: {self.field}: 发现 {self.found}，应为 {self.expected}"
        if self.suggestion:
            text += f"（{self.suggestion}）"
        return text


def shown_path(path: Path, project: Path) -> str:
    """A path as authors know it: relative to the project folder when inside it (POSIX separators)."""
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


class InputError(Exception):
    """Raised when input cannot be used at all; carries its problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def describe(value: object) -> str:
    """Show a YAML value to an author, short and unambiguous."""
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return f"布尔值 {'true' if value else 'false'}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f'"{shown}"'
    if isinstance(value, float):
        if math.isnan(value):
            return "非数字 NaN"
        if math.isinf(value):
            return "无穷大" if value > 0 else "负无穷大"
        return repr(value)
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "键值映射"
    return type(value).__name__


def did_you_mean(found: object, choices: Iterable[str]) -> str:
    """Suggest the closest known key, or nothing if none is close."""
    if not isinstance(found, str):
        return ""
    match = difflib.get_close_matches(found, list(choices), n=1, cutoff=0.6)
    return f"是否想写 {match[0]}？" if match else ""


def unknown_fields(path: str, prefix: str, item: dict[object, object], allowed: tuple[str, ...]) -> list[Problem]:
    """A problem for each key of ``item`` that is not one of ``allowed``."""
    expected = "、".join(allowed[:-1]) + " 或 " + allowed[-1]
    return [
        Problem(path, f"{prefix}.{key}", f"未知的字段 {describe(key)}", expected, did_you_mean(str(key), allowed))
        for key in item
        if key not in allowed
    ]
