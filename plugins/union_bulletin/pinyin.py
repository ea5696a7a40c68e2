"""Names an author can type: a Chinese file name or organisation name as a pinyin key.

The author guide asks for file names and keys of lowercase letters, digits and
hyphens (they become addresses); when someone writes Chinese, the message
proposes the same name in pinyin (pypinyin) instead of only saying no.
"""

from __future__ import annotations

import re

from .model import LEVELS

#: The ending of an organisation's name → its level (longest first), after 总工会/工会 is taken off.
_LEVEL_ENDINGS = (("街道", "street"), ("镇", "town"), ("乡", "township"), ("县", "county"), ("市", "county"), ("区", "county"))
_UNION = re.compile(r"(总工会|工会联合会|工会委员会|工会)$")


def lazy_pinyin(text: str) -> list[str]:
    """pypinyin's syllables of ``text``. Imported on first use: loading its dictionaries takes time a build
    does not have to spend, as a build needs them only for a Chinese file or organisation name (a message's proposal)."""
    from pypinyin import lazy_pinyin as syllables

    return list(syllables(text))


def slug(text: str) -> str:
    """``text`` in lowercase pinyin, letters and digits, words joined by hyphens: 石桥镇2024年总结 → shi-qiao-zhen-2024-nian-zong-jie."""
    words = re.split(r"[^a-z0-9]+", "-".join(lazy_pinyin(text)).lower())
    return "-".join(w for w in words if w) or "bulletin"


def file_name(name: str) -> str:
    """A file name with its Chinese parts in pinyin, the extension kept: 石桥镇总结.md → shi-qiao-zhen-zong-jie.md."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    return slug(stem) + (f".{ext.lower()}" if ext else "")


def organisation(name: str) -> tuple[str, str]:
    """A key and a level guessed from an organisation's Chinese name: 新河镇总工会 → (xinhe-town, town)."""
    base = _UNION.sub("", name.strip())
    for ending, level in _LEVEL_ENDINGS:
        if base.endswith(ending) and len(base) > len(ending):
            return "".join(lazy_pinyin(base[: -len(ending)])).lower() + "-" + level, level
    return slug(base).replace("-", "") or "org", LEVELS[-1]
