"""The order of our plugins in mkdocs.yml does not matter: the event priorities
(union_bulletin/mkdocs/priorities.py) say who runs first wherever it counts."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from conftest import Result, Site
from test_stable_output import UNSTABLE

MOBILE = "13912341234"
NEWS = "content/bulletins/2024/aid.md"
BAD = "content/bulletins/2024/bad.md"
NORMAL = [{"bulletin-privacy": {}}, {"bulletin": {}}, {"bulletin-search": {}}]


def _write(site: Site) -> None:
    site.bulletin("2023/a-summary.md", "二〇二三年，镇总工会发展会员。", title="石桥镇2023年工作总结", date="2024-01-10",
                  year=2023, org="town-a", type="summary", stats={"new_members": 100, "aid_funds": 5000})
    site.bulletin("2024/a-summary.md", "二〇二四年，镇总工会开展送温暖活动。", title="石桥镇2024年工作总结", date="2025-01-10",
                  year=2024, org="town-a", type="summary", stats={"new_members": 150, "aid_funds": 8000})
    site.bulletin("2024/b-summary.md", "云岭镇总工会推进职工书屋建设。", title="云岭镇2024年工作总结", date="2025-01-12",
                  year=2024, org="town-b", type="summary", stats={"new_members": 50})
    site.bulletin("2024/aid.md", f"春节前走访困难职工，联系电话{MOBILE}。\n\n<script>alert(1)</script>", title="春节送温暖",
                  date="2024-02-01", org="town-a", type="news", topics=["rights"])
    site.bulletin("2024/draft.md", title="未完成的稿子", date="2024-03-01", org="town-a", type="news", draft=True)
    site.write(BAD, "---\ntitle: 缺少日期\norg: town-a\ntype: news\n---\n正文。\n")


def _build(site: Site, plugins: list[object], monkeypatch: pytest.MonkeyPatch) -> tuple[Result, dict[str, bytes]]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC).timestamp())))
    shutil.rmtree(site.root / "site", ignore_errors=True)
    r = site.build(plugins=plugins)
    assert not r.aborted, r.error
    files = {p.relative_to(r.site).as_posix(): p.read_bytes() for p in sorted(r.site.rglob("*")) if p.is_file()}
    return r, {name: data for name, data in files.items() if not UNSTABLE.match(name)}


def test_reversed_plugin_list_gives_the_same_site(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(site)
    normal, first = _build(site, NORMAL, monkeypatch)
    reverse, again = _build(site, NORMAL[::-1], monkeypatch)

    # What the normal order makes, so that the comparison compares something.
    assert normal.warnings == [
        f"{NEWS}: 第 9 行: 发现 手机号 139****1234，应为 去标识化的写法（网站上已替换为 139****1234；请在原稿中删去或照此改写，确需公开的号码写入 privacy_allow）",
        f"{BAD}: date: 发现 缺少此字段，应为 发布日期 YYYY-MM-DD",
        f"{BAD}: 有必须改正的错误，本篇未生成页面",
        f"{NEWS}: 正文: 发现 <script> 标签，应为 文字、图片、表格、链接等可发布的内容（发布的页面中已删去；确需嵌入的内容请联系网站维护人员）",
    ]
    page = normal.html("bulletins/2024/aid/")
    assert "139****1234" in page and "<script>alert" not in page
    assert not any(MOBILE.encode() in data for data in first.values())
    stats = json.loads(first["data/stats.json"])
    assert stats["years"]["2024"]["new_members"]["total"] == 200
    assert "pagefind/ub-search.json" in first
    assert len([name for name in first if name.startswith("pagefind/text/")]) == 4  # the four published bulletins
    assert not normal.exists("bulletins/2024/draft/") and not normal.exists("bulletins/2024/bad/")

    assert reverse.warnings == normal.warnings
    assert sorted(again) == sorted(first)
    assert [name for name in first if first[name] != again[name]] == []
