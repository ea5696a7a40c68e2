"""Figures that cannot be counted twice: ``period`` and the rule for yearly totals.

One organisation's summaries (or plans) of one year count once: the annual one
when there is one, otherwise half years and quarters that do not overlap.
Overlaps are reported with both files; a half-year summary beside the annual one
is no mistake (an info line).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import Site, plain
from union_bulletin.build import Notice, SiteModel, Source, build_site
from union_bulletin.site_config import SiteConfig, load_site_config


def summary(name: str, date: str, org: str = "town-a", year: int = 2024, btype: str = "summary", **front: object) -> Source:
    meta = {"title": f"{name}", "date": date, "year": year, "org": org, "type": btype, **front}
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n正文。\n"
    src = f"bulletins/{year}/{name}.md"
    return Source(src, f"content/{src}", src.removesuffix(".md") + "/", text.encode())


def build(config: SiteConfig, *sources: Source) -> SiteModel:
    return build_site(sources, config, lambda path: None)


def totals(model: SiteModel, year: int = 2024) -> dict[str, object]:
    return dict(model.stats.totals.get(year, {}))


def test_half_year_and_annual_summary_count_the_annual_one_and_say_so(config: SiteConfig) -> None:
    model = build(
        config,
        summary("h1", "2024-07-10", period="H1", stats={"workers_assisted": 86, "new_members": 40}),
        summary("annual", "2025-01-10", stats={"workers_assisted": 451}),
    )
    assert totals(model) == {"workers_assisted": 451}
    assert dict(model.stats.by_org[2024]["workers_assisted"]) == {"town-a": 451}
    assert model.problems == ()
    assert [str(x) for x in model.report] == [
        "content/bulletins/2024/h1.md: 上半年工作总结，年度汇总计入同年的工作总结 content/bulletins/2024/annual.md，本篇的数字不重复计入",
    ]
    assert all(isinstance(x, Notice) and not x.serious for x in model.report)
    assert set(model.bulletins) == {"bulletins/2024/h1.md", "bulletins/2024/annual.md"}  # both published


def test_two_half_years_are_added(config: SiteConfig) -> None:
    model = build(
        config,
        summary("h1", "2024-07-10", period="H1", stats={"workers_assisted": 86, "aid_funds": 1000}),
        summary("h2", "2025-01-10", period="H2", stats={"workers_assisted": 120}),
        summary("b", "2025-01-12", org="town-b", stats={"workers_assisted": 7}),
    )
    assert totals(model) == {"workers_assisted": 213, "aid_funds": 1000}
    assert dict(model.stats.by_org[2024]["workers_assisted"]) == {"town-a": 206, "town-b": 7}
    assert model.report == ()


def test_half_year_and_quarters_that_do_not_overlap_are_added(config: SiteConfig) -> None:
    model = build(
        config,
        summary("h1", "2024-07-10", period="H1", stats={"workers_assisted": 10}),
        summary("q3", "2024-10-10", period="Q3", stats={"workers_assisted": 5}),
        summary("q4", "2025-01-10", period="Q4", stats={"workers_assisted": 7}),
    )
    assert totals(model) == {"workers_assisted": 22}
    assert model.report == ()


def test_two_annual_summaries_are_a_problem_naming_both_and_the_first_published_counts(config: SiteConfig) -> None:
    model = build(
        config,
        summary("annual", "2025-01-10", stats={"workers_assisted": 451}),
        summary("supplement", "2025-02-01", stats={"workers_assisted": 86}),
    )
    assert totals(model) == {"workers_assisted": 451}
    assert [str(p) for p in model.problems] == [
        "content/bulletins/2024/supplement.md: period: 发现 与 content/bulletins/2024/annual.md 同为石桥镇总工会2024年的工作总结，"
        "时段重叠（本篇全年，那篇全年），应为 同一单位同一年度的工作总结时段互不重叠（年度汇总计入 content/bulletins/2024/annual.md 的数字，"
        "本篇的数字未计入；重复的文件请删去，补充的内容请并入原文，半年或季度的请写 period（H1、H2、Q1–Q4））",
    ]
    assert set(model.bulletins) == {"bulletins/2024/annual.md", "bulletins/2024/supplement.md"}


def test_overlapping_parts_of_a_year_count_the_longer_one(config: SiteConfig) -> None:
    model = build(
        config,
        summary("q1", "2024-04-10", period="Q1", stats={"workers_assisted": 3}),
        summary("h1", "2024-07-10", period="H1", stats={"workers_assisted": 10}),
        summary("q3", "2024-10-10", period="Q3", stats={"workers_assisted": 5}),
    )
    assert totals(model) == {"workers_assisted": 15}
    assert [str(p) for p in model.problems] == [
        "content/bulletins/2024/q1.md: period: 发现 与 content/bulletins/2024/h1.md 同为石桥镇总工会2024年的工作总结，"
        "时段重叠（本篇第一季度，那篇上半年），应为 同一单位同一年度的工作总结时段互不重叠（年度汇总计入 content/bulletins/2024/h1.md 的数字，"
        "本篇的数字未计入；重复的文件请删去，补充的内容请并入原文，半年或季度的请写 period（H1、H2、Q1–Q4））",
    ]


def test_plans_follow_the_same_rule_when_counted(config: SiteConfig, tmp_path: Path) -> None:
    (tmp_path / "site_config" / "site.yml").write_text("count_types: [summary, plan]\n", encoding="utf-8")
    site, _ = load_site_config(tmp_path / "site_config", tmp_path)
    model = build(
        site,
        summary("plan", "2024-01-10", btype="plan", stats={"activities_held": 4}),
        summary("plan-copy", "2024-01-10", btype="plan", stats={"activities_held": 4}),
        summary("annual", "2025-01-10", stats={"activities_held": 6}),
    )
    assert totals(model) == {"activities_held": 10}
    assert [(p.path, p.field) for p in model.problems] == [("content/bulletins/2024/plan-copy.md", "period")]  # the same day: the shorter name counts


def test_other_organisations_and_years_do_not_overlap(config: SiteConfig) -> None:
    model = build(
        config,
        summary("a", "2025-01-10", stats={"workers_assisted": 1}),
        summary("b", "2025-01-10", org="town-b", stats={"workers_assisted": 2}),
        summary("a-2023", "2024-01-10", year=2023, stats={"workers_assisted": 4}),
    )
    assert totals(model) == {"workers_assisted": 3} and totals(model, 2023) == {"workers_assisted": 4}
    assert model.report == ()


@pytest.mark.parametrize(("front", "message"), [
    ({"period": "上半年"}, "content/bulletins/2024/x.md: period: 发现 \"上半年\"，应为 annual（全年）、H1（上半年）、H2（下半年）、Q1–Q4（第一至第四季度）之一（“上半年”请写成 H1）"),
    ({"period": "h2"}, "content/bulletins/2024/x.md: period: 发现 \"h2\"，应为 annual（全年）、H1（上半年）、H2（下半年）、Q1–Q4（第一至第四季度）之一（写成 H2）"),
    ({"period": 1}, "content/bulletins/2024/x.md: period: 发现 1，应为 annual（全年）、H1（上半年）、H2（下半年）、Q1–Q4（第一至第四季度）之一"),
])
def test_a_wrong_period_is_reported_and_the_bulletin_not_counted(config: SiteConfig, front: dict[str, object], message: str) -> None:
    model = build(config, summary("x", "2025-01-10", stats={"workers_assisted": 1}, **front))
    assert [str(p) for p in model.problems] == [message]
    assert model.bulletins == {} and model.stats.totals == {}


def test_period_on_news_is_reported_and_ignored(config: SiteConfig) -> None:
    model = build(config, summary("n", "2024-05-01", btype="news", period="H1"))
    assert [str(p) for p in model.problems] == [
        "content/bulletins/2024/n.md: period: 发现 \"H1\"，应为 不写此字段（只有工作总结和工作计划写 period，本篇是活动新闻）（删去这一行）",
    ]
    assert model.bulletins["bulletins/2024/n.md"].period == "annual"


def _write_pair(site: Site) -> None:
    site.bulletin("2024/h1.md", title="石桥镇总工会2024年上半年工作总结", date="2024-07-10", year=2024, org="town-a", type="summary",
                  period="H1", stats={"workers_assisted": 86})
    site.bulletin("2024/annual.md", title="石桥镇总工会2024年工作总结", date="2025-01-10", year=2024, org="town-a", type="summary",
                  stats={"workers_assisted": 451})


def test_stats_json_cards_and_labels_follow_the_rule(site: Site) -> None:
    _write_pair(site)
    r = site.build(strict=True)
    assert not r.aborted, r.warnings
    assert r.infos.count(
        "content/bulletins/2024/h1.md: 上半年工作总结，年度汇总计入同年的工作总结 content/bulletins/2024/annual.md，本篇的数字不重复计入"
    ) == 1
    data = json.loads((r.site / "data/stats.json").read_text(encoding="utf-8"))
    assert data["years"]["2024"]["workers_assisted"]["total"] == 451
    assert data["years"]["2024"]["workers_assisted"]["organisations"] == {"town-a": 451}
    assert 'data-metric="workers_assisted" data-value="451"' in r.html("years/2024/")
    assert 'data-metric="workers_assisted" data-value="451"' in r.html("years/2024/print/")  # the compiled report's totals
    assert "537" not in r.html("orgs/town-a/") and "451" in r.html("orgs/town-a/")  # the organisation's chart
    page = plain(r.html("bulletins/2024/h1/"))
    assert "上半年工作总结" in page and "类型 上半年工作总结" in page
    assert 'ub-type--summary">上半年</span>' in r.html("years/2024/")  # the list grouped by type still says which half
    assert 'ub-type--summary">上半年工作总结</span>' in r.html("orgs/town-a/")
    assert "上半年工作总结" not in plain(r.html("bulletins/2024/annual/"))


def test_half_years_only_in_stats_json(site: Site) -> None:
    site.bulletin("2024/h1.md", title="上半年", date="2024-07-10", year=2024, org="town-a", type="summary", period="H1", stats={"workers_assisted": 86})
    site.bulletin("2024/h2.md", title="下半年", date="2025-01-10", year=2024, org="town-a", type="summary", period="H2", stats={"workers_assisted": 120})
    r = site.build(strict=True)
    assert not r.aborted, r.warnings
    data = json.loads((r.site / "data/stats.json").read_text(encoding="utf-8"))
    assert data["years"]["2024"]["workers_assisted"]["total"] == 206
    assert "下半年工作总结" in plain(r.html("bulletins/2024/h2/"))


def test_a_duplicate_summary_fails_a_strict_build(site: Site) -> None:
    site.bulletin("2024/a.md", title="总结", date="2025-01-10", year=2024, org="town-a", type="summary", stats={"workers_assisted": 451})
    site.bulletin("2024/a-copy.md", title="总结（副本）", date="2025-01-10", year=2024, org="town-a", type="summary", stats={"workers_assisted": 451})
    assert site.build(strict=True).aborted
    r = site.build()
    assert not r.aborted and r.exists("bulletins/2024/a-copy/")
    assert any(w.startswith("content/bulletins/2024/a-copy.md: period: 发现 与 content/bulletins/2024/a.md") for w in r.warnings)
