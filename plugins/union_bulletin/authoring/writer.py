"""The one writer of front matter, shared by ``union-bulletin new`` and the importer.

Fields come out in the order of ``frontmatter.FIELDS``; a field may carry
comment lines (why it is empty, where a figure came from), and ``stats`` may
carry entries that are only comments (a figure a person must confirm). What it
writes is read back with ``frontmatter.read_bulletin`` by its callers, the
same reader the build uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from ..frontmatter import FIELDS
from ..model import Number


@dataclass(frozen=True)
class StatLine:
    """One line under ``stats:``: a value, or (``value`` None) a figure left as a comment, with its notes above."""

    key: str
    value: Number | None
    notes: tuple[str, ...] = ()
    commented: tuple[str, ...] = ()  # for an unsure figure: the values a person may take, written as comments


def front_matter(fields: Mapping[str, Any], notes: Mapping[str, Sequence[str]] | None = None, stats: Sequence[StatLine] = ()) -> str:
    """``---`` YAML ``---`` for ``fields`` (a value None is written empty, for the author to fill), in FIELDS order."""
    notes = notes or {}
    unknown = [k for k in fields if k not in FIELDS]
    if unknown:
        raise ValueError(f"not a front matter field: {unknown}")
    lines = ["---"]
    for name in FIELDS:
        if name == "stats" and stats:
            lines += [f"# {n}" for n in notes.get(name, ())]
            lines.append("stats:")
            for s in stats:
                lines += [f"  # {_one_line(n)}" for n in s.notes]
                if s.value is not None:
                    lines.append(f"  {s.key}: {s.value}")
                lines += [f"  # {s.key}: {c}" for c in s.commented]
            continue
        if name not in fields:
            continue
        value = fields[name]
        lines += [f"# {_one_line(n)}" for n in notes.get(name, ())]
        lines.append(f"{name}:" if value is None else f"{name}: {scalar(name, value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def scalar(name: str, value: Any) -> str:
    """A value as one line of YAML (lists and mappings in flow style); a date stays unquoted."""
    if name == "date" and isinstance(value, str):
        return value
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000, sort_keys=False)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _one_line(text: str) -> str:
    return " ".join(text.split())
