"""A site project as the authoring command sees it: mkdocs.yml read without MkDocs.

Only what the command needs: the docs folder, the bulletins folder, the
site_config folder, the personal-data options and the Markdown extensions.
Tags MkDocs gives a meaning to (``!ENV``, ``!!python/name:…``) are read as
empty values: the command never runs code from mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..privacy import KINDS


class ProjectError(Exception):
    """mkdocs.yml missing or unreadable; the message is for the author."""


class _Tolerant(yaml.SafeLoader):
    """Safe loading that leaves any tag it does not know empty instead of failing."""


def _unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Tolerant.add_multi_constructor("!", _unknown)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", _unknown)


@dataclass(frozen=True)
class Privacy:
    """The ``bulletin-privacy`` plugin's options (``enabled`` False when the site does not use it)."""

    enabled: bool = False
    checks: tuple[str, ...] = KINDS
    hardship_words: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ("csv", "txt")


@dataclass(frozen=True)
class Project:
    """Where a site's files are, from its mkdocs.yml."""

    root: Path  # the folder of mkdocs.yml
    config_file: Path
    docs_dir: Path
    bulletins_dir: str  # relative to docs_dir, POSIX, no slashes around
    config_dir: Path  # site_config
    use_directory_urls: bool = True
    sanitize: bool = True
    privacy: Privacy = field(default_factory=Privacy)
    markdown_extensions: tuple[str, ...] = ()

    @property
    def bulletins_path(self) -> Path:
        return self.docs_dir / self.bulletins_dir


def load_project(config_file: Path) -> Project:
    """Read mkdocs.yml; raise ProjectError with a Chinese message when it cannot be used."""
    if not config_file.is_file():
        raise ProjectError(f"{config_file.as_posix()}: 文件: 发现 文件不存在，应为 站点的 mkdocs.yml（在站点文件夹里运行，或用 --config-file 指明）")
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_Tolerant)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{config_file.as_posix()}: 文件: 发现 无法读取的 YAML（{type(exc).__name__}），应为 合法的 mkdocs.yml") from None
    if not isinstance(data, dict):
        raise ProjectError(f"{config_file.as_posix()}: 文件: 发现 不是键值映射的内容，应为 合法的 mkdocs.yml")
    root = config_file.resolve().parent
    plugins = _plugins(data.get("plugins"))
    bulletin = plugins.get("bulletin", {})
    privacy = plugins.get("bulletin-privacy")
    docs = root / str(data.get("docs_dir") or "docs")
    return Project(
        root=root,
        config_file=config_file.resolve(),
        docs_dir=docs,
        bulletins_dir=str(bulletin.get("bulletins_dir") or "bulletins").strip("/"),
        config_dir=root / str(bulletin.get("config_dir") or "site_config"),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        sanitize=bulletin.get("sanitize", True) is not False,
        privacy=Privacy(
            enabled=privacy is not None and privacy.get("enabled", True) is not False,
            checks=tuple(_strings((privacy or {}).get("checks"), KINDS)),
            hardship_words=tuple(_strings((privacy or {}).get("hardship_words"), ())),
            allow=tuple(_strings((privacy or {}).get("allow"), ())),
            attachments=tuple(_strings((privacy or {}).get("attachments"), ("csv", "txt"))),
        ),
        markdown_extensions=tuple(_extension_names(data.get("markdown_extensions"))),
    )


def _plugins(value: Any) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for item in value if isinstance(value, list) else [value] if isinstance(value, dict) else []:
        if isinstance(item, str):
            found[item] = {}
        elif isinstance(item, dict):
            for name, options in item.items():
                found[str(name)] = options if isinstance(options, dict) else {}
    return found


def _strings(value: Any, default: tuple[str, ...]) -> list[str]:
    if not isinstance(value, list):
        return list(default)
    return [str(v) for v in value if isinstance(v, (str, int))]


def _extension_names(value: Any) -> list[str]:
    names: list[str] = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            names += [str(k) for k in item]
    return names
