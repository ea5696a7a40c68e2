"""The declared fields (union_bulletin.schema) on their own: each kind's check to the letter, and what a prompt can ask."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from union_bulletin.schema import (
    BULLETIN,
    BULLETIN_FIELDS,
    METRIC,
    ORGANISATION,
    SITE,
    ChoiceList,
    Context,
    Count,
    DateTime,
    Key,
    KeyList,
    Text,
    Year,
    field_named,
)
from union_bulletin.site_config import load_site_config

REGISTRIES = {"organisations": {"town-a": "石桥镇总工会"}, "topics": {"organising": "组织建设", "rights": "维权服务"}}


def check(f: Any, data: dict[str, Any], **values: Any) -> tuple[Any, list[str], bool]:
    ctx = Context("a.md", [], REGISTRIES, values=dict(values))
    value = ctx.read(f, data)
    return value, [str(p) for p in ctx.problems], ctx.fatal


def test_every_field_a_prompt_needs_is_declared() -> None:
    assert BULLETIN_FIELDS == (
        "title", "date", "type", "year", "period", "org", "topics", "summary", "stats", "figures", "cover",
        "attachments", "index_no", "draft", "privacy_allow",
    )
    for f in (*BULLETIN, *ORGANISATION, *METRIC, *SITE):
        assert f.label and f.help and f.kind, f.name
    assert {f.name: f.required for f in BULLETIN if f.required} == {"title": True, "date": True, "type": True, "org": True}
    kinds = {f.name: f.kind for f in BULLETIN}
    assert kinds["date"] == "date" and kinds["org"] == "key" and kinds["topics"] == "list-of-keys" and kinds["cover"] == "file"
    assert kinds["type"] == kinds["period"] == "choice" and kinds["draft"] == "boolean" and kinds["privacy_allow"] == "list-of-text"
    assert dict(field_named(BULLETIN, "type").choices()) == {"summary": "工作总结", "plan": "工作计划", "news": "活动新闻", "notice": "通知公告"}
    assert list(field_named(BULLETIN, "period").choices()) == ["annual", "H1", "H2", "Q1", "Q2", "Q3", "Q4"]
    assert dict(field_named(BULLETIN, "org").choices(REGISTRIES)) == {"town-a": "石桥镇总工会"}
    assert field_named(METRIC, "phrases").kind == "list-of-text" and not field_named(METRIC, "phrases").required


@pytest.mark.parametrize(("value", "result", "messages"), [
    ("  石桥镇  总结 ", "石桥镇 总结", []),
    ("", None, ['a.md: title: 发现 ""，应为 非空的标题文字']),
    (2024, None, ["a.md: title: 发现 2024，应为 非空的标题文字（标题是数字时请加引号）"]),
])
def test_text(value: object, result: object, messages: list[str]) -> None:
    f = Text("title", "标题", "帮助", required=True, fatal=True, expected="非空的标题文字", number_hint="标题是数字时请加引号")
    assert check(f, {"title": value})[:2] == (result, messages)


def test_a_missing_required_field_is_fatal_only_when_declared_so() -> None:
    f = Text("title", "标题", "帮助", required=True, fatal=True, expected="非空的标题文字", missing="公报标题（纯文本）")
    assert check(f, {}) == (None, ["a.md: title: 发现 缺少此字段，应为 公报标题（纯文本）"], True)
    g = Text("name", "名称", "帮助", required=True, expected="名称文字")
    assert check(g, {}) == (None, ["a.md: name: 发现 缺少此字段，应为 名称文字"], False)


@pytest.mark.parametrize(("value", "result", "message"), [
    ("2024-01-15", (dt.date(2024, 1, 15), None), ""),
    ("2024-01-15 09:30", (dt.date(2024, 1, 15), dt.time(9, 30)), ""),
    ("2024年1月15日", None, 'a.md: date: 发现 "2024年1月15日"，应为 发布日期（例如 2024-01-15）'),
    ("2023-02-30", None, 'a.md: date: 发现 "2023-02-30"（不存在的日期或时间），应为 真实存在的日期 YYYY-MM-DD'),
    ("1800-01-01", None, 'a.md: date: 发现 "1800-01-01"，应为 1900 到 2100 年之间的日期'),
])
def test_date(value: str, result: object, message: str) -> None:
    f = DateTime("date", "发布日期", "帮助", required=True, fatal=True, expected="发布日期")
    assert check(f, {"date": value})[:2] == (result, [message] if message else [])


def test_year_is_required_only_for_the_declared_types() -> None:
    f = Year("year", "年度", "帮助", fatal=True, expected="年份", required_for=("summary",))
    assert check(f, {}, type="summary") == (None, ["a.md: year: 发现 缺少此字段，应为 工作总结所属的年份，如 2023"], True)
    assert check(f, {}, type="news", date=(dt.date(2024, 5, 1), None)) == (2024, [], False)
    assert check(f, {"year": "20xx"}, type="news")[1] == ['a.md: year: 发现 "20xx"，应为 年份（填写实际的年份，不要用 20xx）']


def test_choice_hints() -> None:
    f = field_named(BULLETIN, "period")
    assert check(f, {"period": "Q3"}, type="summary")[:2] == ("Q3", [])
    assert check(f, {"period": "第三季度"}, type="summary")[1] == [
        'a.md: period: 发现 "第三季度"，应为 annual（全年）、H1（上半年）、H2（下半年）、Q1–Q4（第一至第四季度）之一（“第三季度”请写成 Q3）',
    ]
    assert check(f, {}, type="summary")[:2] == ("annual", [])
    level = field_named(ORGANISATION, "level")
    assert check(level, {"level": "镇"})[1] == ['a.md: level: 发现 "镇"，应为 county、township、town、street、enterprise 之一（是否想写 town？）']


def test_key_and_key_list() -> None:
    org = Key("org", "单位", "帮助", registry="organisations", what="单位", expected="单位键")
    assert check(org, {"org": "石桥镇总工会"})[1] == ['a.md: org: 发现 未登记的单位 "石桥镇总工会"，应为 单位键（“石桥镇总工会”的键是 town-a）']
    assert check(org, {"org": "town-b"})[1] == ['a.md: org: 发现 未登记的单位 "town-b"，应为 单位键（是否想写 town-a？）']
    topics = KeyList("topics", "专题", "帮助", registry="topics", what="专题", expected="专题键的列表", item_expected="专题键")
    assert check(topics, {"topics": ["rights", "组织建设", "rights", 3]}) == (
        ("rights",),
        ['a.md: topics[1]: 发现 未登记的专题 "组织建设"，应为 专题键（“组织建设”的键是 organising）', "a.md: topics[3]: 发现 3，应为 专题键"],
        False,
    )
    assert check(topics, {"topics": "rights"})[1] == ['a.md: topics: 发现 "rights"，应为 专题键的列表（写成 [rights]）']


def test_count_and_choice_list() -> None:
    f = Count("n", "数字", "帮助")
    assert check(f, {"n": 4500.50})[0] == Decimal("4500.5")
    assert check(f, {"n": "4.8万"})[1] == ['a.md: n: 发现 "4.8万"，应为 不小于 0 的数字（不加引号、逗号和单位）（写成 48000）']
    types = ChoiceList("count_types", "类型", "帮助", options={"summary": "工作总结", "plan": "工作计划"}, what="公报类型")
    assert check(types, {"count_types": "plan"})[0] == ("plan",)
    assert check(types, {"count_types": ["summary", "report"]})[:2] == (
        ("summary",), ['a.md: count_types[1]: 发现 "report"，应为 公报类型（summary、plan）'],
    )


def test_metrics_may_list_phrases(tmp_path: Path) -> None:
    folder = tmp_path / "site_config"
    folder.mkdir()
    (folder / "organisations.yml").write_text("a:\n  name: 甲镇总工会\n  level: town\n", encoding="utf-8")
    metrics = {"new_members": {"label": "新发展会员", "unit": "名", "phrases": ["发展新会员", "新发展会员"]}, "x": {"label": "某", "phrases": "发展"}}
    (folder / "metrics.yml").write_text(yaml.safe_dump(metrics, allow_unicode=True), encoding="utf-8")
    site, problems = load_site_config(folder, tmp_path)
    assert site.metrics["new_members"].phrases == ("发展新会员", "新发展会员")
    assert [str(p) for p in problems] == ['site_config/metrics.yml: x.phrases: 发现 "发展"，应为 短语的列表，如 [发展新会员, 新入会]（写成 [发展]）']
