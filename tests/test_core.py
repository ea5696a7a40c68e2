"""Core pieces without MkDocs: aggregation, changes, number words, charts."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from union_bulletin import sanitize
from union_bulletin.catalog import build_catalog
from union_bulletin.model import Bulletin, Metric, Organisation
from union_bulletin.render import formatting as fmt
from union_bulletin.render.charts import bar_chart
from union_bulletin.sanitize import clean
from union_bulletin.site_config import SiteConfig, SiteFacts, _defaults_topics
from union_bulletin.stats import aggregate, change, compute_stats


def test_aggregate_kinds() -> None:
    values = [3, Decimal("4.5"), 10]
    assert aggregate(Metric("m", "m", "", "sum"), values) == Decimal("17.5")
    assert aggregate(Metric("m", "m", "", "max"), values) == 10
    assert aggregate(Metric("m", "m", "", "mean"), values) == Decimal("5.83")
    assert aggregate(Metric("m", "m", "", "none"), values) is None
    assert aggregate(Metric("m", "m", "", "sum"), []) is None


def _bulletin(path: str, year: int, org: str, btype: str, **stats: int) -> Bulletin:
    return Bulletin(path, path, "t", dt.date(year + 1, 1, 10), None, year, org, btype, stats=tuple(stats.items()))


def test_stats_and_change() -> None:
    metrics = {"a": Metric("a", "甲", "名"), "b": Metric("b", "乙", "份", "max")}
    orgs = {"x": Organisation("x", "X", "town"), "y": Organisation("y", "Y", "town")}
    cfg = SiteConfig(orgs, metrics, _defaults_topics(), SiteFacts())
    bulletins = [
        _bulletin("1", 2022, "x", "summary", a=10, b=1), _bulletin("2", 2023, "x", "summary", a=15, b=2),
        _bulletin("3", 2023, "y", "summary", a=5, b=7), _bulletin("4", 2023, "y", "news", a=100),
        _bulletin("5", 2024, "y", "summary", b=0), _bulletin("6", 2025, "y", "summary", b=3),
    ]
    catalog, problems = build_catalog(cfg, bulletins, {})
    assert problems == []
    stats = compute_stats(catalog)
    assert stats.totals[2023] == {"a": 20, "b": 7}
    assert stats.by_org[2023]["a"] == {"x": 15, "y": 5}
    assert stats.org_series("x") == {"a": {2022: 10, 2023: 15}, "b": {2022: 1, 2023: 2}}
    moved = change(stats, 2023, "a")
    assert moved is not None and moved.delta == 10 and moved.percent == Decimal("100.0") and moved.direction == "up"
    assert change(stats, 2024, "a") is None  # 2024 has no "a"
    from_zero = change(stats, 2025, "b")
    assert from_zero is not None and from_zero.delta == 3 and from_zero.percent is None


@pytest.mark.parametrize(("value", "unit", "number", "exact"), [
    (13173100, "元", "1317.31万", "13,173,100元"),
    (486300, "元", "48.63万", "486,300元"),
    (9999, "元", "9,999", "9,999元"),
    (Decimal("4500.5"), "元", "4,500.5", "4,500.5元"),
    (250000000, "元", "2.5亿", "250,000,000元"),
    (99999, "名", "99,999", "99,999名"),
    (123456, "人次", "12.35万", "123,456人次"),
    (0, "份", "0", "0份"),
])
def test_numbers_for_chinese_readers(value: int | Decimal, unit: str, number: str, exact: str) -> None:
    shown = fmt.show(value, unit)
    assert (shown.number, shown.unit, shown.exact) == (number, unit, exact)


def test_changes_dates_sizes() -> None:
    assert fmt.signed(-12000, "元") == "−1.2万元"
    assert fmt.signed(376, "名") == "+376名"
    assert fmt.percent(Decimal("-12.0")) == "−12%"
    assert fmt.date_text(dt.date(2024, 1, 5)) == "2024年1月5日"
    assert fmt.size_text(3000) == "3 KB" and fmt.size_text(5 * 1024 * 1024) == "5 MB"
    assert fmt.raw(Decimal("131731.50")) == "131731.5"


def test_chart_is_text_with_every_year_and_escaped() -> None:
    html = bar_chart({2024: 500, 2022: 300}, "名<b>", range(2021, 2025))
    rows = re.findall(r'<li class="(ub-bar[^"]*)"><span class="ub-bar__year">(\d+)年</span>.*?<span class="ub-bar__value"[^>]*>([^<]*)</span></li>', html)
    assert rows == [
        ("ub-bar", "2024", "500名&lt;b&gt;"),
        ("ub-bar ub-bar--missing", "2023", "无数据"),  # a gap between two figures keeps its row
        ("ub-bar", "2022", "300名&lt;b&gt;"),
        ("ub-bar ub-bar--missing", "2021", "无数据"),
    ]
    assert re.findall(r'width: ([\d.]+)%', html) == ["100.0", "60.0"]
    assert "<script" not in html and "<b>" not in html
    assert re.findall(r'width: ([\d.]+)%', bar_chart({2023: 0}, "个", [2023])) == ["0.0"]  # all-zero series: bars of no length, no division by zero
    money = bar_chart({2024: 486300}, "元", [2024])
    assert '>48.63万元</span>' in money and 'title="486,300元"' in money  # the value carries its own unit and scale


@pytest.mark.parametrize("html", [
    "<p>甲</p>",
    '<p><a href="https://example.org/a">甲</a></p>',
    '<p onclick="x()">甲</p>',
    "<p>甲</p><script>alert(1)</script>",
    '<p><a href="javascript:alert(1)">甲</a></p>',
    '<p><a href="jav&#x61;script:alert(1)">甲</a></p>',
    '<p><img src="a.png" srcset="javascript:x 1x"></p>',  # nh3 alone keeps srcset as it is
    '<p style="color: url(x)">甲</p>',  # and a url() inside an allowed style property
    '<table style="width: URL (x)"><tr><td>甲</td></tr></table>',
    "<iframe src=\"https://example.org\"></iframe>",
])
def test_a_page_nh3_leaves_alone_is_not_parsed_again_and_nothing_is_missed(html: str) -> None:
    """clean() skips its second parse when nh3 changed nothing; what it names must be what the full scan names."""
    scan = sanitize._Scan()
    scan.feed(html)
    scan.close()
    assert sanitize._clean(html)[1] == scan.found


@pytest.mark.parametrize(("html", "published", "named"), [
    ('<p><img src="a.png" srcset="javascript:alert(1) 1x"></p>', '<p><img src="a.png"></p>', ["javascript: 链接"]),
    ('<p><img src="a.png" srcset="b.png 1x, data:image/png;base64,AAAA 2x"></p>', '<p><img src="a.png"></p>', ["data: 链接"]),
    ('<p><img src="a.png" srcset="b.png 1x, https://example.org/c.png 2x"></p>',
     '<p><img src="a.png" srcset="b.png 1x, https://example.org/c.png 2x"></p>', []),
    ('<p style="color: url(https://example.org/t.png)">甲</p>', "<p>甲</p>", ["样式中的 url()"]),
])
def test_what_the_message_says_was_removed_is_not_published(html: str, published: str, named: list[str]) -> None:
    """nh3 alone keeps a srcset's links and a url() in an allowed style property; the cleaner drops them and says so."""
    assert clean(html) == (published, named)


def test_cleaning_is_kept_per_html() -> None:
    """A preview rebuilds after every edit: a page's HTML is cleaned once; its report is the caller's own list."""
    html = '<p onclick="x()">甲</p><script>alert(1)</script>'
    cleaned, removed = clean(html)
    assert (cleaned, removed) == ("<p>甲</p>", ["事件属性 onclick", "<script> 标签"])
    hits = sanitize._cleaned.hits
    removed.clear()
    assert clean(html) == ("<p>甲</p>", ["事件属性 onclick", "<script> 标签"])
    assert sanitize._cleaned.hits - hits == 1
    assert clean(html.replace("甲", "乙")) == ("<p>乙</p>", ["事件属性 onclick", "<script> 标签"])
    assert sanitize._cleaned.hits - hits == 1
