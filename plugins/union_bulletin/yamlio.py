"""Reading YAML the way authors expect, with every problem reported.

PyYAML's safe loader is used with two changes: dates stay strings (so that an
impossible date such as 2023-02-30 is our clear message, not PyYAML's
ValueError) and a key written twice in one mapping is a problem instead of
silently keeping the last value.
"""

from __future__ import annotations

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


def load(path: str, text: str, *, first_line: int = 1, field_name: str = "文件") -> tuple[Any, list[Problem]]:
    """Parse YAML text; line numbers in messages count from ``first_line``."""
    try:
        return _parse(_FAST, text, path, first_line)
    except (yaml.YAMLError, RecursionError):
        pass
    # A broken file is parsed again by the pure-Python parser, whose messages
    # are clearer and the same on every machine.
    try:
        return _parse(_PyLoader, text, path, first_line)
    except yaml.YAMLError as exc:
        return None, [_syntax_problem(path, exc, first_line, field_name)]
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


def _syntax_problem(path: str, exc: yaml.YAMLError, first_line: int, field_name: str) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    where = f"第 {mark.line + first_line} 行第 {mark.column + 1} 列" if mark is not None else "某处"
    reason = getattr(exc, "problem", None) or str(exc)
    suggestion = ""
    if "'\\t'" in reason or "\t" in reason:
        reason = "制表符（Tab）"
        suggestion = "YAML 只能用空格缩进，把制表符换成空格"
    elif isinstance(exc, yaml.constructor.ConstructorError):
        suggestion = ""
    else:
        suggestion = "检查冒号、引号和缩进"
    return Problem(path, field_name, f"{where}的 YAML 语法错误：{reason}", "合法的 YAML", suggestion)
