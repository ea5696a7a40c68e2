"""Reading YAML the way authors expect, with every problem reported.

PyYAML's safe loader is used with two changes: dates stay strings (so that an
impossible date such as 2023-02-30 is our clear message, not PyYAML's
ValueError) and a key written twice in one mapping is a problem instead of
silently keeping the last value.

Chinese input methods type full-width punctuation: ``title：…`` (a full-width
colon after a key), ``[a，b]`` (a full-width comma in a bracketed list),
``“…”`` around a whole value. Each such slip is a :class:`Slip` naming the line,
the character and the fix; the text is then parsed with the slips repaired, so
that the rest of the file is still checked. The caller decides what a repaired
value may be used for (a bulletin with a slip is not published).
Syntax errors are worded in Chinese, on the line where the mistake is (PyYAML
often notices it a line later).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem, describe

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _PyLoader(yaml.SafeLoader):
    """Safe loader that keeps dates as text and records duplicate keys."""

    duplicates: list[tuple[str, int]]


_PyLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _PyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "键必须是简单的文字", key_node.start_mark)
        if key in result:
            loader.duplicates.append((str(key), key_node.start_mark.line))
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_PyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

if hasattr(yaml, "CSafeLoader"):
    # libyaml's parser, several times faster on a large site; the same resolvers and constructors.
    class _CLoader(yaml.CSafeLoader):  # type: ignore[misc]
        duplicates: list[tuple[str, int]]

    _CLoader.yaml_implicit_resolvers = _PyLoader.yaml_implicit_resolvers
    _CLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _FAST: type = _CLoader
else:  # pragma: no cover - PyYAML built without libyaml
    _FAST = _PyLoader


@dataclass
class Text:
    """A file's text after decoding, or the problem that stopped decoding."""

    text: str | None
    problems: list[Problem] = field(default_factory=list)


def decode(path: str, data: bytes) -> Text:
    """Decode UTF-8 (a BOM is dropped, CRLF and CR become LF)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Text(
            None,
            [
                Problem(
                    path,
                    "文件",
                    f"无法按 UTF-8 解码的内容（第 {exc.start + 1} 个字节）",
                    "UTF-8 编码的文本",
                    "用编辑器把文件另存为 UTF-8 编码",
                )
            ],
        )
    return Text(text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass(frozen=True)
class Slip(Problem):
    """A full-width punctuation mark where YAML needs an ASCII one; the text was parsed with it repaired."""


#: A key followed by a full-width colon before any ASCII one: ``title：…``, ``  new_members：376``, ``- file：a.pdf``.
_COLON_SLIP = re.compile(r"^(\s*(?:-\s+)?[\w\-\u4e00-\u9fff]+)\s*：\s*")
#: A whole value in curly quotes, no curly quote inside: ``title: “2024年工作总结”``.
_QUOTE_SLIP = re.compile(r"^(\s*(?:-\s+)?(?:[\w\-]+:\s+)?)([“‘])([^“”‘’]*)([”’])\s*$")
_FULL_WIDTH = ("：", "，", "“", "‘")


_BLOCK_SCALAR = re.compile(r"(?::|^\s*-)\s+[|>][+-]?[0-9]?\s*(?:#.*)?$")


def _slips(path: str, text: str, first_line: int) -> tuple[list[Slip], str]:
    """The full-width slips of ``text`` and the text with them repaired (line numbers unchanged)."""
    if not any(ch in text for ch in _FULL_WIDTH):
        return [], text
    slips: list[Slip] = []
    lines = text.split("\n")
    block: int | None = None  # the indentation of the line that opened a block scalar (| or >), whose text is left alone
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None and (not line.strip() or indent > block):
            continue
        block = indent if _BLOCK_SCALAR.search(line) else None
        if line.lstrip().startswith("#"):
            continue
        n = i + first_line
        shown = describe(line.strip())
        before = line.split("#", 1)[0].split("：", 1)[0]
        m = _COLON_SLIP.match(line) if "：" in line and ":" not in before else None
        if m:
            slips.append(Slip(path, f"第 {n} 行", shown, "英文冒号“:”", f"第 {n} 行的“：”是中文冒号，请改为英文冒号“:”"))
            line = m.group(1) + ": " + line[m.end():]
        m = _QUOTE_SLIP.match(line)
        if m:
            kind, ascii_quote = ("引号", '"') if m.group(2) == "“" else ("单引号", "'")
            slips.append(Slip(
                path, f"第 {n} 行", shown, f"英文{kind}",
                f"第 {n} 行的值两边是中文{kind} {m.group(2)} {m.group(4)}，请改为英文{kind} {ascii_quote} {ascii_quote} 或删去",
            ))
            line = m.group(1) + "'" + m.group(3).replace("'", "''") + "'"
        if "，" in line and _in_flow(line):
            slips.append(Slip(path, f"第 {n} 行", shown, "英文逗号“,”", f"第 {n} 行的“，”是中文逗号，请改为英文逗号“,”"))
            line = _repair_commas(line)
        lines[i] = line
    return slips, "\n".join(lines)


def _in_flow(line: str) -> bool:
    """Whether a full-width comma of this line stands between the items of a [list] or {mapping}."""
    return ("[" in line or "{" in line) and _repair_commas(line) != line


def _repair_commas(line: str) -> str:
    """Full-width commas between items of a [list], or before the next key of a {mapping}, outside quotes, become ", "."""
    out: list[str] = []
    brackets: list[str] = []
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and (not out or out[-1] in " [{,:"):
            quote = ch
        elif ch in "[{":
            brackets.append(ch)
        elif ch in "]}" and brackets:
            brackets.pop()
        elif ch == "，" and brackets and (brackets[-1] == "[" or _NEXT_KEY.match(line, i + 1)):
            out.append(", ")
            continue
        out.append(ch)
    return "".join(out)


_NEXT_KEY = re.compile(r"\s*[\w-]+\s*:\s")


def load(path: str, text: str, *, first_line: int = 1, field_name: str = "文件") -> tuple[Any, list[Problem]]:
    """Parse YAML text; line numbers in messages count from ``first_line``.

    Full-width slips come first among the problems (as :class:`Slip`); the data is then
    that of the repaired text.
    """
    slips, text = _slips(path, text, first_line)
    data, problems = _load(path, text, first_line, field_name)
    return data, [*slips, *problems]


def _load(path: str, text: str, first_line: int, field_name: str) -> tuple[Any, list[Problem]]:
    try:
        return _parse(_FAST, text, path, first_line)
    except (yaml.YAMLError, RecursionError):
        pass
    # A broken file is parsed again by the pure-Python parser, whose messages
    # are clearer and the same on every machine.
    try:
        return _parse(_PyLoader, text, path, first_line)
    except yaml.YAMLError as exc:
        return None, [_syntax_problem(path, exc, first_line, field_name, text)]
    except RecursionError:
        return None, [Problem(path, field_name, "嵌套过深的 YAML", "层次简单的键值")]


def _parse(kind: type, text: str, path: str, first_line: int) -> tuple[Any, list[Problem]]:
    loader = kind(text)
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    problems = [
        Problem(path, key, f"第 {line + first_line} 行重复的键 {describe(key)}", "每个键只写一次", "删去多余的一行")
        for key, line in loader.duplicates
    ]
    return data, problems


#: PyYAML's words for a syntax error → ours, whether the mistake is where PyYAML started reading
#: the construct (its context mark) rather than where it gave up, and what to do.
_SYNTAX: tuple[tuple[str, str, bool, str], ...] = (
    ("mapping values are not allowed here", "这一行多了“: ”，或缩进不对", False,
     "值里有英文冒号加空格时给整个值加英文引号；字段名前不要多空格"),
    ("could not find expected ':'", "缺少英文冒号“:”", True, "字段名和值之间写英文冒号加空格，如 title: 标题"),
    ("found unexpected end of stream", "从这里开始的引号没有结束", True, "在值的末尾补上同样的引号，或删去开头的引号"),
    ("expected ',' or ']'", "“[”开始的列表没有用“]”结束", True, "在列表末尾加“]”，各项之间用英文逗号“,”隔开"),
    ("expected ',' or '}'", "“{”开始的内容没有用“}”结束", True, "在末尾加“}”，各项之间用英文逗号“,”隔开"),
    ("expected the node content", "内容没有写完", True, "补全列表或映射，或删去这一行"),
    ("expected <block end>", "这一行的缩进与上面的同级字段不一致", False, "同一级的字段左边对齐，下一级多缩进两个空格"),
    ("did not find expected key", "这一行的缩进与上面的同级字段不一致", False, "同一级的字段左边对齐，下一级多缩进两个空格"),
    ("block sequence entries are not allowed here", "这里不能写以“-”开头的列表项", False, "列表项写在字段的下一行，并多缩进两个空格"),
    ("that cannot start any token", "值不能以这个符号开头", False, "给整个值加英文引号"),
    ("expected alphabetic or numeric character", "值不能以“*”或“&”开头", False, "给整个值加英文引号"),
    ("found undefined alias", "值不能以“*”开头", False, "给整个值加英文引号"),
    ("expected chomping or indentation indicators", "值不能以“|”或“>”开头", False, "给整个值加英文引号"),
)


def _syntax_problem(path: str, exc: yaml.YAMLError, first_line: int, field_name: str, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    reason = getattr(exc, "problem", None) or str(exc)
    suggestion = "检查冒号、引号和缩进"
    if "'\\t'" in reason or "\t" in reason:
        reason = "制表符（Tab）"
        suggestion = "YAML 只能用空格缩进，把制表符换成空格"
    elif isinstance(exc, yaml.constructor.ConstructorError):
        suggestion = ""
    else:
        for english, chinese, at_start, fix in _SYNTAX:
            if english in reason:
                found = re.search(r"character '(.)' that cannot", reason)
                reason = chinese.replace("这个符号", f"“{found.group(1)}”") if found else chinese
                suggestion = fix
                context = getattr(exc, "context_mark", None)
                if at_start and context is not None:
                    mark = context
                break
    where = "某处"
    if mark is not None:
        line, column = mark.line, mark.column
        if mark.index >= len(text.rstrip()) and text.strip():
            # PyYAML noticed at the end of the text: the mistake is on the last line written.
            lines = text.rstrip().split("\n")
            line, column = len(lines) - 1, len(lines[-1])
        where = f"第 {line + first_line} 行第 {column + 1} 列"
    return Problem(path, field_name, f"{where}的 YAML 语法错误：{reason}", "合法的 YAML", suggestion)
