"""The front matter reader on its own (no MkDocs): every other message, to the letter."""

from __future__ import annotations

from pathlib import Path

import pytest

from union_bulletin.frontmatter import first_paragraph, read_bulletin
from union_bulletin.model import Organisation
from union_bulletin.site_config import SiteConfig, _defaults_metrics, _defaults_topics

CONFIG = SiteConfig({"town-a": Organisation("town-a", "石桥镇总工会", "town")}, _defaults_metrics(), _defaults_topics())
HEAD = "title: 测试\ndate: 2024-03-08\norg: town-a\ntype: news\n"
P = "content/bulletins/bad.md"


def read(text: str):  # type: ignore[no-untyped-def]
    def locate(path: str) -> Path | None:
        return Path(__file__) if path.endswith("a.pdf") else None

    return read_bulletin("bulletins/bad.md", P, "bulletins/bad/", text.encode("utf-8"), CONFIG, locate)


CASES = [
    ("title-number", "---\ntitle: 2023\ndate: 2024-03-08\norg: town-a\ntype: news\n---\n", True,
     "title: 发现 2023，应为 非空的标题文字（标题是数字时请加引号）"),
    ("summary-list", f"---\n{HEAD}summary: [a, b]\n---\n", False, "summary: 发现 列表，应为 一句话摘要文字"),
    ("stats-list", f"---\n{HEAD}stats: [1, 2]\n---\n", False, "stats: 发现 列表，应为 指标键: 数字 形式的映射（本篇的统计数字都未计入）"),
    ("figures-mapping", f"---\n{HEAD}figures: {{a: 1}}\n---\n", False, "figures: 发现 键值映射，应为 {label, value, unit} 的列表"),
    ("figure-item-text", f"---\n{HEAD}figures: [倡议书3000份]\n---\n", False,
     'figures[0]: 发现 "倡议书3000份"，应为 {label: 名称, value: 数字, unit: 单位}'),
    ("attachments-text", f"---\n{HEAD}attachments: files/a.pdf\n---\n", False, 'attachments: 发现 "files/a.pdf"，应为 {file, title} 的列表'),
    ("attachment-title-number", f"---\n{HEAD}attachments:\n  - {{file: files/a.pdf, title: 5}}\n---\n", False,
     "attachments[0].title: 发现 5，应为 附件名称文字"),
    ("cover-number", f"---\n{HEAD}cover: 3\n---\n", False, "cover: 发现 3，应为 相对于本文件的图片路径，如 images/photo.jpg"),
    ("index-no-list", f"---\n{HEAD}index_no: [1]\n---\n", False, "index_no: 发现 列表，应为 索引号文字，如 TY-2024-003"),
    ("draft-text", f"---\n{HEAD}draft: 是\n---\n", False, 'draft: 发现 "是"，应为 true 或 false'),
    ("year-out-of-range", "---\ntitle: 测试\ndate: 2024-01-08\nyear: 3023\norg: town-a\ntype: summary\n---\n", True,
     "year: 发现 3023，应为 四位数字的年份（1900–2100），如 2023"),
    ("date-out-of-range", "---\ntitle: 测试\ndate: 1024-01-08\norg: town-a\ntype: news\n---\n", True,
     'date: 发现 "1024-01-08"，应为 1900 到 2100 年之间的日期'),
    ("complex-key", "---\n? [a, b]\n: 1\n---\n", True, "front matter: 发现 第 2 行第 3 列的 YAML 语法错误：键必须是简单的文字，应为 合法的 YAML"),
    ("deep", "---\ntitle: " + "[" * 2000 + "\n---\n", True, "front matter: 发现 嵌套过深的 YAML，应为 层次简单的键值"),
    ("front-matter-list", "---\n- a\n- b\n---\n", True, "front matter: 发现 列表，应为 字段: 值 形式的映射（title、date、org、type 等）"),
]


@pytest.mark.parametrize(("case", "text", "fatal", "message"), CASES, ids=[c[0] for c in CASES])
def test_message(case: str, text: str, fatal: bool, message: str) -> None:
    reading = read(text)
    assert [str(p) for p in reading.problems] == [f"{P}: {message}"]
    assert (reading.bulletin is None) == fatal


def test_valid_bulletin_with_time_bom_and_crlf() -> None:
    text = "\ufeff---\r\ntitle: 测试\r\ndate: 2024-03-08 09:30\r\norg: town-a\r\ntype: news\r\nstats:\r\n  aid_funds: 4500.50\r\n---\r\n正文\r\n"
    reading = read(text)
    assert reading.problems == []
    b = reading.bulletin
    assert b is not None and b.year == 2024 and str(b.time) == "09:30:00" and b.stats == (("aid_funds", b.stats[0][1]),)
    assert str(b.stats[0][1]) == "4500.5" and b.summary == "正文"


@pytest.mark.parametrize(("body", "summary"), [
    ("## 标题\n\n第一段。\n\n第二段。", "第一段。"),
    ("各单位：\n\n通知内容。", "通知内容。"),
    ("![图](a.jpg)\n\n| a | b |\n\n- 列表\n\n正文[链接](x)与**强调**。", "正文链接与强调。"),
    ("甲" * 200, "甲" * 119 + "…"),
    ("", ""),
])
def test_first_paragraph(body: str, summary: str) -> None:
    assert first_paragraph(body) == summary
