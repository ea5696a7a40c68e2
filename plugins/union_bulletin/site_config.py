"""Load and validate the site_config folder.

``organisations.yml`` is required. ``metrics.yml`` and ``topics.yml`` fall
back to the defaults shipped in the package when absent; ``site.yml`` is
optional. Every problem is collected; what is valid is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlio
from .model import LEVELS, Metric, Organisation, Topic
from .problems import InputError, Problem, describe, did_you_mean, unknown_fields
from .schema import KEY_RE, METRIC, ORGANISATION, SITE, SITE_FIELDS, Context

DEFAULTS_DIR = Path(__file__).parent / "defaults"
KEY_EXPECTED = "由小写字母、数字、连字符组成的键"

DEFAULT_HEADLINE = ("new_members", "collective_contracts", "workers_assisted", "aid_funds")


@dataclass(frozen=True)
class SiteFacts:
    """Site-wide facts from site.yml."""

    publisher: str = ""
    icp: str = ""
    contact: str = ""  # our extension: a telephone number or an address, shown in every page's footer
    count_types: tuple[str, ...] = ("summary",)
    count_levels: tuple[str, ...] = LEVELS
    headline_metrics: tuple[str, ...] = DEFAULT_HEADLINE
    latest_count: int = 8


@dataclass(frozen=True)
class SiteConfig:
    """Everything site_config/ says, validated."""

    organisations: Mapping[str, Organisation]
    metrics: Mapping[str, Metric]
    topics: Mapping[str, Topic]
    facts: SiteFacts = field(default_factory=SiteFacts)


def load_site_config(config_dir: Path, project_dir: Path) -> tuple[SiteConfig, list[Problem]]:
    """Read config_dir; raise InputError when organisations cannot be read at all."""
    problems: list[Problem] = []

    def read(name: str, fallback: Path | None) -> tuple[str, Any]:
        path = config_dir / name
        if not path.is_file():
            if fallback is None:
                return _shown(path, project_dir), None
            path = fallback
        shown = _shown(path, project_dir)
        decoded = yamlio.decode(shown, path.read_bytes())
        if decoded.text is None:
            problems.extend(decoded.problems)
            return shown, None
        data, found = yamlio.load(shown, decoded.text)
        problems.extend(found)
        return shown, data

    org_path = config_dir / "organisations.yml"
    if not org_path.is_file():
        raise InputError(
            [Problem(_shown(org_path, project_dir), "文件", "文件不存在", "登记发布单位的 organisations.yml", "参照 CONTENT_SPEC 新建此文件")]
        )
    shown, data = read("organisations.yml", None)
    if data is None and not problems:
        problems.append(Problem(shown, "文件", "空文件", "登记发布单位的 organisations.yml", "参照 CONTENT_SPEC 填写单位键、名称和级别"))
    if data is None:
        raise InputError(problems)
    organisations = _organisations(shown, data, problems)
    if not organisations:  # nothing could be published: stop here rather than report every bulletin's org
        if not any(p.path == shown for p in problems):
            problems.append(Problem(shown, "文件", "没有登记任何单位", "登记发布单位的 organisations.yml", "参照 CONTENT_SPEC 填写单位键、名称和级别"))
        raise InputError(problems)

    shown, data = read("metrics.yml", DEFAULTS_DIR / "metrics.yml")
    _empty(shown, data, "指标", problems)
    metrics = _metrics(shown, data, problems) if data is not None else _defaults_metrics()
    shown, data = read("topics.yml", DEFAULTS_DIR / "topics.yml")
    _empty(shown, data, "专题", problems)
    topics = _topics(shown, data, problems) if data is not None else _defaults_topics()
    shown, data = read("site.yml", None)
    facts = _facts(shown, data, metrics, problems) if data is not None else SiteFacts(
        headline_metrics=tuple(k for k in DEFAULT_HEADLINE if k in metrics)
    )
    return SiteConfig(organisations, metrics, topics, facts), problems


def _empty(shown: str, data: Any, what: str, problems: list[Problem]) -> None:
    """An empty metrics.yml or topics.yml is a mistake more often than a wish for none: say so, keep the defaults."""
    if data is None and not any(p.path == shown for p in problems):
        problems.append(Problem(shown, "文件", "空文件", f"{what}定义", f"已改用内置的默认{what}；不需要此文件时请删除它"))


def _shown(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _mapping(path: str, data: Any, what: str, problems: list[Problem]) -> dict[Any, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(path, "文件", describe(data), f"以键开头的映射（{what}）"))
        return {}
    return data


def _key_ok(path: str, key: Any, problems: list[Problem]) -> bool:
    if isinstance(key, str) and KEY_RE.match(key):
        return True
    problems.append(Problem(path, str(key), f"键 {describe(key)}", KEY_EXPECTED, "例如 tianyuan-town"))
    return False


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _organisations(path: str, data: Any, problems: list[Problem]) -> dict[str, Organisation]:
    raw = _mapping(path, data, "单位键: 名称、级别、上级", problems)
    orgs: dict[str, Organisation] = {}
    for key, entry in raw.items():
        if not _key_ok(path, key, problems):
            continue
        if not isinstance(entry, dict):
            problems.append(Problem(path, key, describe(entry), "含 name、level 的映射"))
            continue
        problems.extend(unknown_fields(path, key, entry, tuple(f.name for f in ORGANISATION)))
        ctx = Context(path, problems, prefix=f"{key}.")
        name, level, parent = (ctx.read(f, entry) for f in ORGANISATION)
        if name is None:
            continue
        orgs[key] = Organisation(key, name, level or "", parent)

    for key, org in list(orgs.items()):
        if org.parent is not None and org.parent not in orgs:
            problems.append(
                Problem(path, f"{key}.parent", f"未登记的单位 {describe(org.parent)}", "organisations.yml 中另一个单位的键", did_you_mean(org.parent, orgs))
            )
            orgs[key] = Organisation(org.key, org.name, org.level, None)
    for key in list(orgs):
        seen = [key]
        current = orgs[key].parent
        while current is not None:
            if current == key:
                loop = " → ".join([*seen, key])
                problems.append(Problem(path, f"{key}.parent", f"上级关系成环：{loop}", "一直向上能走到顶级单位的上级关系", f"删去 {key} 的 parent 或改正环中某个单位的上级"))
                orgs[key] = Organisation(orgs[key].key, orgs[key].name, orgs[key].level, None)
                break
            if current in seen:
                break
            seen.append(current)
            current = orgs[current].parent
    return orgs


def _metrics(path: str, data: Any, problems: list[Problem]) -> dict[str, Metric]:
    raw = _mapping(path, data, "指标键: label、unit、aggregate", problems)
    metrics: dict[str, Metric] = {}
    for key, entry in raw.items():
        if not _key_ok(path, key, problems):
            continue
        if not isinstance(entry, dict):
            problems.append(Problem(path, key, describe(entry), "含 label、unit 的映射"))
            continue
        problems.extend(unknown_fields(path, key, entry, tuple(f.name for f in METRIC)))
        ctx = Context(path, problems, prefix=f"{key}.")
        label, unit, aggregate, phrases = (ctx.read(f, entry) for f in METRIC)
        if label is None:
            continue
        metrics[key] = Metric(key, label, unit, aggregate, phrases)
    return metrics


def _topics(path: str, data: Any, problems: list[Problem]) -> dict[str, Topic]:
    raw = _mapping(path, data, "专题键: 名称", problems)
    topics: dict[str, Topic] = {}
    for key, label in raw.items():
        if not _key_ok(path, key, problems):
            continue
        text = _text(label)
        if text is None:
            problems.append(Problem(path, key, describe(label), "专题名称文字，如 组织建设"))
            continue
        topics[key] = Topic(key, text)
    return topics


def _facts(path: str, data: Any, metrics: Mapping[str, Metric], problems: list[Problem]) -> SiteFacts:
    raw = _mapping(path, data, "站点设置", problems)
    for key in raw:
        if key not in SITE_FIELDS:
            problems.append(Problem(path, str(key), f"未知的设置 {describe(key)}", "、".join(SITE_FIELDS) + " 之一", did_you_mean(key, SITE_FIELDS)))
    ctx = Context(path, problems, registries={"metrics": {k: m.label for k, m in metrics.items()}})
    v = {f.name: ctx.read(f, raw) for f in SITE}
    headline = v["headline_metrics"] if "headline_metrics" in raw else tuple(k for k in DEFAULT_HEADLINE if k in metrics)
    return SiteFacts(
        v["publisher"], v["icp"], v["contact"], v["count_types"] or ("summary",), v["count_levels"] or LEVELS, headline, v["latest_count"],
    )


def _defaults_metrics() -> dict[str, Metric]:
    data, _ = yamlio.load("defaults", (DEFAULTS_DIR / "metrics.yml").read_text("utf-8"))
    return _metrics("defaults", data, [])


def _defaults_topics() -> dict[str, Topic]:
    data, _ = yamlio.load("defaults", (DEFAULTS_DIR / "topics.yml").read_text("utf-8"))
    return _topics("defaults", data, [])
