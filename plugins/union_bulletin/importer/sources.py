"""Reports as authors have them: Word files (.docx), plain text (.txt) and Markdown (.md), read into paragraphs."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".docx", ".txt", ".md")
#: Word paragraph styles that mark a document's title (English and Chinese Word).
_TITLE_STYLES = ("title", "heading 1", "标题", "标题 1")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a report; ``title`` when Word marked it as a title or first-level heading."""

    text: str
    title: bool = False
    table: bool = False  # a row of a Word table, already written as a Markdown table row


class SourceError(Exception):
    """A report that cannot be read; the message is for the author."""


def read_source(path: Path, shown: str) -> tuple[list[Paragraph], str]:
    """The paragraphs of a report and how it was read (文件格式、编码)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SourceError(f"{shown}: 文件: 发现 不支持的文件类型“{path.suffix or '无扩展名'}”，应为 .docx、.txt 或 .md（旧的 .doc 请先用 Word 另存为 .docx）")
    if suffix == ".docx":
        return _docx(path, shown), "Word 文档"
    data = path.read_bytes()
    text, encoding = decode_text(data)
    if text is None:
        raise SourceError(f"{shown}: 文件: 发现 既不是 UTF-8 也不是 GB18030 编码的文字，应为 UTF-8 或 GB18030（GBK）编码的文本（用记事本另存为 UTF-8）")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if suffix == ".md":
        lines = _without_front_matter(lines)
    paragraphs = []
    for line in lines:
        stripped = line.strip().replace("\u3000", " ").strip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped) if suffix == ".md" else None
        if heading:
            paragraphs.append(Paragraph(heading.group(2).strip(), heading.group(1) == "#"))
        elif stripped:
            paragraphs.append(Paragraph(stripped))
    return paragraphs, f"{'Markdown' if suffix == '.md' else '文本'}，{encoding} 编码"


def decode_text(data: bytes) -> tuple[str | None, str]:
    """UTF-8 (with or without a byte-order mark) when it decodes, else GB18030 (which covers GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError:
        return None, ""


def _without_front_matter(lines: list[str]) -> list[str]:
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return lines[i + 1 :]
    return lines


def _docx(path: Path, shown: str) -> list[Paragraph]:
    import docx  # python-docx: loaded only when a Word file is imported
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph as WordParagraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise SourceError(f"{shown}: 文件: 发现 无法打开的 Word 文件，应为 Word 2007 以后的 .docx 文件（用 Word 打开后另存为 .docx）") from None
    paragraphs: list[Paragraph] = []
    for block in document.iter_inner_content():
        if isinstance(block, WordParagraph):
            text = " ".join(block.text.replace("\u3000", " ").split())
            if text:
                style = (block.style.name if block.style is not None else "").lower()
                paragraphs.append(Paragraph(text, style in _TITLE_STYLES))
        elif isinstance(block, Table):
            rows = [[" ".join(cell.text.split()).replace("|", "／") for cell in row.cells] for row in block.rows]
            if rows:
                paragraphs.append(Paragraph("| " + " | ".join(rows[0]) + " |", table=True))
                paragraphs.append(Paragraph("|" + " --- |" * len(rows[0]), table=True))
                paragraphs += [Paragraph("| " + " | ".join(r) + " |", table=True) for r in rows[1:]]
    return paragraphs
