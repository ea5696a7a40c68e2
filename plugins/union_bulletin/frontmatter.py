"""Read one bulletin file: its front matter, validated, or its problems.

We read the front matter ourselves, before MkDocs renders anything, because
MkDocs' own reader drops a file's metadata silently when the YAML is broken.
Every problem of a file is collected, not only the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import pinyin, yamlio
from .model import Bulletin
from .problems import Problem, describe, did_you_mean
from .schema import BULLETIN, BULLETIN_FIELDS, Context, Locate, to_number
from .site_config import SiteConfig

__all__ = ["FIELDS", "Locate", "Reading", "first_paragraph", "read_bulletin", "split_front_matter", "to_number"]

#: The fields a bulletin may have (declared in :mod:`schema`).
FIELDS = BULLETIN_FIELDS
#: Keys MkDocs or Material give a meaning to; allowed beside ours.
THEME_FIELDS = (
    "template", "hide", "search", "description", "icon", "status", "subtitle",
    "tags", "comments", "social",
)
SUMMARY_LENGTH = 120


@dataclass
class Reading:
    """What reading one file gave: a bulletin (unless fatal), its problems and body."""

    bulletin: Bulletin | None
    problems: list[Problem] = field(default_factory=list)
    body: str = ""
    meta: dict[str, Any] = field(default_factory=dict)  # the front matter as written (string keys)


def split_front_matter(path: str, text: str) -> tuple[str | None, str, list[Problem]]:
    """Split ``---`` YAML ``---`` from the body."""
    if not text.strip():
        return None, text, [Problem(path, "文件", "空文件", "以 --- 开头、以 --- 结束的 YAML front matter，再写正文", "在文件开头加上标题、日期、单位和类型")]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, text, [Problem(path, "文件", "没有 front matter（第一行不是 ---）", "以 --- 开头、以 --- 结束的 YAML front matter", "在文件开头加上标题、日期、单位和类型")]
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), []
    return None, text, [Problem(path, "文件", "front matter 没有结束的 --- 行", "以 --- 开头、以 --- 结束的 YAML front matter", "在 front matter 末尾加一行 ---")]


def read_bulletin(
    src_path: str, shown_path: str, url: str, data: bytes, config: SiteConfig, locate: Locate
) -> Reading:
    """Validate one bulletin file against the content contract."""
    decoded = yamlio.decode(shown_path, data)
    if decoded.text is None:
        return Reading(None, decoded.problems)
    yaml_text, body, problems = split_front_matter(shown_path, decoded.text)
    if yaml_text is None:
        return Reading(None, problems, body)
    meta, problems = yamlio.load(shown_path, yaml_text, first_line=2, field_name="front matter")
    if meta is None and problems:
        return Reading(None, problems, body)
    if not isinstance(meta, dict):
        found = "空的 front matter" if meta is None else describe(meta)
        return Reading(None, [Problem(shown_path, "front matter", found, "字段: 值 形式的映射（title、date、org、type 等）")], body)
    ctx = Context(shown_path, problems, registries(config), src_path, locate)
    # A full-width slip was repaired only to check the rest of the file: its values are a guess, so not published.
    ctx.fatal = any(isinstance(p, yamlio.Slip) for p in problems)
    bulletin = _bulletin(ctx, meta, url, body)
    problems = [*ctx.problems, *file_name_problems(src_path, shown_path), *heading_problems(shown_path, body, yaml_text.count("\n") + 4)]
    return Reading(bulletin, problems, body, {str(k): v for k, v in meta.items()})


def _bulletin(ctx: Context, meta: dict[Any, Any], url: str, body: str) -> Bulletin | None:
    """Every field checked through its declaration; the bulletin unless something fatal was found."""
    for key in meta:
        if key not in FIELDS and key not in THEME_FIELDS:
            ctx.report(str(key), f"未知的字段 {describe(key)}", "CONTENT_SPEC 中的字段", did_you_mean(str(key), FIELDS))
    v = {f.name: ctx.read(f, meta) for f in BULLETIN}
    date, time = v["date"] or (None, None)
    if ctx.fatal or any(v[name] is None for name in ("title", "type", "year", "period", "org")) or date is None:
        return None
    return Bulletin(
        src_path=ctx.src_path, url=url, title=v["title"], date=date, time=time, year=v["year"], org=v["org"], type=v["type"],
        topics=v["topics"], summary=v["summary"] or first_paragraph(body), stats=v["stats"], figures=v["figures"],
        cover=v["cover"], attachments=v["attachments"], index_no=v["index_no"], draft=v["draft"], period=v["period"],
    )


_registries: dict[int, tuple[SiteConfig, dict[str, dict[str, str]]]] = {}


def registries(config: SiteConfig) -> dict[str, dict[str, str]]:
    """What the fields look keys up in: key → label of organisations (names), topics and metrics; made once per configuration."""
    kept = _registries.get(id(config))
    if kept is None or kept[0] is not config:
        made = {
            "organisations": {k: o.name for k, o in config.organisations.items()},
            "organisation_roots": {k: o.name for k, o in config.organisations.items() if o.parent is None},
            "topics": {k: t.label for k, t in config.topics.items()},
            "metrics": {k: m.label for k, m in config.metrics.items()},
        }
        _registries.clear()  # one site at a time; a preview's rebuild brings a new configuration
        kept = _registries[id(config)] = (config, made)
    return kept[1]


def file_name_problems(src_path: str, shown: str) -> list[Problem]:
    """A file or folder name that is not ASCII (the guide asks for lowercase letters, digits and hyphens): propose it in pinyin."""
    parts = src_path.split("/")
    if all(part.isascii() for part in parts):
        return []
    renamed = [part if part.isascii() else (pinyin.file_name(part) if i == len(parts) - 1 else pinyin.slug(part)) for i, part in enumerate(parts)]
    shown_parts = shown.split("/")
    suggested = "/".join([*shown_parts[: len(shown_parts) - len(parts)], *renamed])
    name = next(part for part in reversed(parts) if not part.isascii())
    return [Problem(
        shown, "文件名", f"含中文的名称 {describe(name)}", "小写英文字母、数字和连字符组成的文件名",
        f"改名为 {suggested}；网址就是文件路径，发布后不要再改",
    )]


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_H1 = re.compile(r"^ {0,3}#(?!#)")
_H1_ANYWHERE = re.compile(r"^ {0,3}#(?!#)", re.M)


def heading_problems(shown: str, body: str, first_line: int) -> list[Problem]:
    """Each first-level heading of the body (the title is the page's only one); ``first_line`` is the body's line in the file."""
    if not _H1_ANYWHERE.search(body):  # most bodies: one search, no split into lines
        return []
    problems: list[Problem] = []
    fence = ""
    for i, line in enumerate(body.split("\n")):
        m = _FENCE.match(line)
        if m and (not fence or (m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence))):
            fence = "" if fence else m.group(1)
            continue
        if not fence and _H1.match(line):
            problems.append(Problem(
                shown, f"第 {first_line + i} 行", f"一级标题 {describe(line.strip())}", "二级或更低的标题，如 ## 一、组织建设",
                "页面标题来自 title，正文里不要再写一级标题；把开头的 # 改为 ##，或删去这一行",
            ))
    return problems


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"[*_`~]+|<[^>]+>")


def first_paragraph(body: str, limit: int = SUMMARY_LENGTH) -> str:
    """The first prose paragraph of a Markdown body, as plain text."""
    for block in re.split(r"\n\s*\n", body):
        text = block.strip()
        if not text or text[0] in "#!|>-*+<=" or text.startswith(("```", "~~~", "    ")) or re.match(r"^\d+\.\s", text):
            continue
        text = _MD_MARK.sub("", _MD_LINK.sub(r"\1", text))
        text = " ".join(text.split())
        if not text or (len(text) <= 30 and text.endswith(("：", ":"))):
            continue  # a salutation such as "各乡镇（街道）工会：" says nothing about the bulletin
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return ""
