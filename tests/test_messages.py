"""Messages an office worker can act on: each rule with its exact message.

Full-width punctuation typed by a Chinese input method, YAML syntax errors in
Chinese on the right line, a statistic that is left out, an organisation that
is not registered, a Chinese file name, a first-level heading in the body.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Site
from union_bulletin import yamlio
from union_bulletin.frontmatter import read_bulletin
from union_bulletin.model import Organisation
from union_bulletin.site_config import SiteConfig, _defaults_metrics, _defaults_topics

CONFIG = SiteConfig(
    {
        "county": Organisation("county", "江屿县总工会", "county"),
        "town-a": Organisation("town-a", "石桥镇总工会", "town", "county"),
    },
    _defaults_metrics(),
    _defaults_topics(),
)
P = "content/bulletins/2024/a.md"


def read(text: str, src: str = "bulletins/2024/a.md", shown: str = P):  # type: ignore[no-untyped-def]
    return read_bulletin(src, shown, src.removesuffix(".md") + "/", text.encode("utf-8"), CONFIG, lambda path: None)


def messages(text: str, **kw: str) -> list[str]:
    return [str(p) for p in read(text, **kw).problems]


GOOD = "title: 测试\ndate: 2024-03-08\norg: town-a\ntype: news\n"


# -- full-width punctuation ------------------------------------------------------
def test_full_width_colon_names_line_character_and_fix_and_the_rest_is_still_checked() -> None:
    text = "---\ntitle: 石桥镇总工会2024年工作总结\ndate: 2025-01-15\nyear: 2024\norg: town-a\ntype: summary\ntopics: [organising, right]\nstats：\n  new_members: 376\n---\n正文。\n"
    reading = read(text)
    assert [str(p) for p in reading.problems] == [
        f'{P}: 第 8 行: 发现 "stats："，应为 英文冒号“:”（第 8 行的“：”是中文冒号，请改为英文冒号“:”）',
        f'{P}: topics[1]: 发现 未登记的专题 "right"，应为 topics.yml 中的专题键（是否想写 rights？）',
    ]
    assert reading.bulletin is None  # the repaired values are a guess: not published until fixed


def test_full_width_colon_on_the_first_line_and_in_a_nested_key() -> None:
    text = "---\ntitle：测试\ndate: 2024-03-08\norg: town-a\ntype: news\nstats:\n  new_members：3\n---\n"
    assert messages(text) == [
        f'{P}: 第 2 行: 发现 "title：测试"，应为 英文冒号“:”（第 2 行的“：”是中文冒号，请改为英文冒号“:”）',
        f'{P}: 第 7 行: 发现 "new_members：3"，应为 英文冒号“:”（第 7 行的“：”是中文冒号，请改为英文冒号“:”）',
    ]


def test_full_width_comma_in_a_list() -> None:
    text = f"---\n{GOOD}topics: [organising，rights]\n---\n"
    reading = read(text)
    assert [str(p) for p in reading.problems] == [
        f'{P}: 第 6 行: 发现 "topics: [organising，rights]"，应为 英文逗号“,”（第 6 行的“，”是中文逗号，请改为英文逗号“,”）',
    ]
    assert reading.bulletin is None


def test_full_width_comma_between_keys_of_a_figure() -> None:
    text = f"---\n{GOOD}figures:\n  - {{label: 倡议书，value: 300}}\n---\n"
    assert messages(text) == [
        f'{P}: 第 7 行: 发现 "- {{label: 倡议书，value: 300}}"，应为 英文逗号“,”（第 7 行的“，”是中文逗号，请改为英文逗号“,”）',
    ]


@pytest.mark.parametrize(("line", "message"), [
    ("index_no: “SQ-2025-003”", f'{P}: 第 6 行: 发现 "index_no: “SQ-2025-003”"，应为 英文引号（第 6 行的值两边是中文引号 “ ”，请改为英文引号 " " 或删去）'),
    ("index_no: ‘SQ-2025-003’", f"{P}: 第 6 行: 发现 \"index_no: ‘SQ-2025-003’\"，应为 英文单引号（第 6 行的值两边是中文单引号 ‘ ’，请改为英文单引号 ' ' 或删去）"),
])
def test_curly_quotes_around_a_value(line: str, message: str) -> None:
    assert messages(f"---\n{GOOD}{line}\n---\n") == [message]


@pytest.mark.parametrize("text", [
    "title: 关于开展“安康杯”竞赛的通知\ndate: 2024-03-08\norg: town-a\ntype: news\n",  # quotes inside a title
    "title: 测试\ndate: 2024-03-08\norg: town-a\ntype: news\nsummary: 会议指出：要做好三件事，一是……\n",  # after a real colon
    "title: 测试\ndate: 2024-03-08\norg: town-a\ntype: news\nsummary: |\n  第一：建会，\n  第二：入会\n",  # a block of text
    "title: 测试\ndate: 2024-03-08\norg: town-a\ntype: news\nfigures:\n  - {label: 倡议书，宣传册, value: 3}\n",  # a label with a comma
    "title: “安康杯”竞赛“优胜”\ndate: 2024-03-08\norg: town-a\ntype: news\n",
])
def test_full_width_punctuation_inside_text_is_left_alone(text: str) -> None:
    reading = read(f"---\n{text}---\n正文。\n")
    assert reading.problems == [] and reading.bulletin is not None


def test_a_repaired_site_config_value_is_used_and_reported() -> None:
    data, problems = yamlio.load("site_config/organisations.yml", "town-a：\n  name: 石桥镇总工会\n  level: town\n")
    assert data == {"town-a": {"name": "石桥镇总工会", "level": "town"}}
    assert [str(p) for p in problems] == [
        'site_config/organisations.yml: 第 1 行: 发现 "town-a："，应为 英文冒号“:”（第 1 行的“：”是中文冒号，请改为英文冒号“:”）',
    ]


# -- YAML syntax in Chinese, on the right line ---------------------------------------
@pytest.mark.parametrize(("yaml_text", "message"), [
    ("title: 测试\ndate 2024-03-08\norg: town-a\n",
     "第 3 行第 1 列的 YAML 语法错误：缺少英文冒号“:”，应为 合法的 YAML（字段名和值之间写英文冒号加空格，如 title: 标题）"),
    ('title: "测试\ndate: 2024-03-08\norg: town-a\n',
     "第 2 行第 8 列的 YAML 语法错误：从这里开始的引号没有结束，应为 合法的 YAML（在值的末尾补上同样的引号，或删去开头的引号）"),
    ("title: 测试\nsummary: 会议指出: 要做好\n",
     "第 3 行第 14 列的 YAML 语法错误：这一行多了“: ”，或缩进不对，应为 合法的 YAML（值里有英文冒号加空格时给整个值加英文引号；字段名前不要多空格）"),
    ("title: 测试\nstats:\n  new_members: 1\n aid_funds: 2\n",
     "第 5 行第 2 列的 YAML 语法错误：这一行的缩进与上面的同级字段不一致，应为 合法的 YAML（同一级的字段左边对齐，下一级多缩进两个空格）"),
    ("title: 测试\nfigures:\n  - {label: 倡议书, value: 3\norg: town-a\n",
     "第 4 行第 5 列的 YAML 语法错误：“{”开始的内容没有用“}”结束，应为 合法的 YAML（在末尾加“}”，各项之间用英文逗号“,”隔开）"),
    ("title: @测试\n", "第 2 行第 8 列的 YAML 语法错误：值不能以“@”开头，应为 合法的 YAML（给整个值加英文引号）"),
    ("title: 测试\n- 列表\n",
     "第 3 行第 1 列的 YAML 语法错误：这一行的缩进与上面的同级字段不一致，应为 合法的 YAML（同一级的字段左边对齐，下一级多缩进两个空格）"),
])
def test_yaml_syntax_errors_in_chinese_on_the_right_line(yaml_text: str, message: str) -> None:
    reading = read(f"---\n{yaml_text}---\n")
    assert [str(p) for p in reading.problems] == [f"{P}: front matter: 发现 {message}"]
    assert reading.bulletin is None


# -- a statistic left out -----------------------------------------------------------------
def test_a_dropped_statistic_says_so_and_the_others_count() -> None:
    reading = read(f"---\n{GOOD}stats:\n  new_members: 三百\n  aid_funds: 4500\n---\n")
    assert [str(p) for p in reading.problems] == [
        f'{P}: stats.new_members: 发现 "三百"，应为 不小于 0 的数字（不加引号、逗号和单位）（用阿拉伯数字书写；本项未计入）',
    ]
    assert reading.bulletin is not None and reading.bulletin.stats == (("aid_funds", 4500),)


# -- an organisation that is not registered --------------------------------------------
def test_an_unknown_organisation_key_gets_the_lines_for_organisations_yml() -> None:
    assert messages("---\ntitle: 测试\ndate: 2024-03-08\norg: xinhe-town\ntype: news\n---\n") == [
        f'{P}: org: 发现 未登记的单位 "xinhe-town"，应为 organisations.yml 中的单位键（新单位请在 organisations.yml 末尾加上以下几行，'
        "核对名称和级别，再把本篇的 org 写成 xinhe-town：\n"
        "xinhe-town:\n  name: 单位全称\n  level: town  # county、township、town、street、enterprise 之一\n"
        "  parent: county  # 上级单位的键，没有上级时删去这一行\n）",
    ]


def test_an_unknown_organisation_name_gets_a_pinyin_key_and_its_level() -> None:
    assert messages("---\ntitle: 测试\ndate: 2024-03-08\norg: 新河乡工会\ntype: news\n---\n") == [
        f'{P}: org: 发现 未登记的单位 "新河乡工会"，应为 organisations.yml 中的单位键（新单位请在 organisations.yml 末尾加上以下几行，'
        "核对名称和级别，再把本篇的 org 写成 xinhe-township：\n"
        "xinhe-township:\n  name: 新河乡工会\n  level: township  # county、township、town、street、enterprise 之一\n"
        "  parent: county  # 上级单位的键，没有上级时删去这一行\n）",
    ]


def test_the_lines_for_organisations_yml_are_valid_there(tmp_path: Path) -> None:
    from union_bulletin.site_config import load_site_config

    message = messages("---\ntitle: 测试\ndate: 2024-03-08\norg: 新河镇总工会\ntype: news\n---\n")[0]
    lines = message.split("：\n", 1)[1].rsplit("\n）", 1)[0]
    folder = tmp_path / "site_config"
    folder.mkdir()
    (folder / "organisations.yml").write_text("county:\n  name: 江屿县总工会\n  level: county\n" + lines + "\n", encoding="utf-8")
    site, problems = load_site_config(folder, tmp_path)
    assert problems == []
    assert site.organisations["xinhe-town"] == Organisation("xinhe-town", "新河镇总工会", "town", "county")


def test_a_close_key_still_gets_did_you_mean() -> None:
    assert messages("---\ntitle: 测试\ndate: 2024-03-08\norg: town-b\ntype: news\n---\n") == [
        f'{P}: org: 发现 未登记的单位 "town-b"，应为 organisations.yml 中的单位键（是否想写 town-a？）',
    ]


# -- file names and headings -----------------------------------------------------------------
def test_a_chinese_file_name_gets_a_pinyin_name() -> None:
    shown = "content/bulletins/2024/石桥镇工作总结.md"
    assert messages(f"---\n{GOOD}---\n正文。\n", src="bulletins/2024/石桥镇工作总结.md", shown=shown) == [
        f'{shown}: 文件名: 发现 含中文的名称 "石桥镇工作总结.md"，应为 小写英文字母、数字和连字符组成的文件名'
        "（改名为 content/bulletins/2024/shi-qiao-zhen-gong-zuo-zong-jie.md；网址就是文件路径，发布后不要再改）",
    ]


def test_a_chinese_folder_name_gets_a_pinyin_name() -> None:
    shown = "content/bulletins/石桥镇/2024-summary.md"
    assert messages(f"---\n{GOOD}---\n正文。\n", src="bulletins/石桥镇/2024-summary.md", shown=shown) == [
        f'{shown}: 文件名: 发现 含中文的名称 "石桥镇"，应为 小写英文字母、数字和连字符组成的文件名'
        "（改名为 content/bulletins/shi-qiao-zhen/2024-summary.md；网址就是文件路径，发布后不要再改）",
    ]


def test_a_first_level_heading_in_the_body_is_reported_with_its_line() -> None:
    body = "正文。\n\n# 石桥镇总工会2024年工作总结\n\n## 一、组织建设\n\n```\n# 代码里的不算\n```\n"
    reading = read(f"---\n{GOOD}---\n{body}")
    assert [str(p) for p in reading.problems] == [
        f'{P}: 第 9 行: 发现 一级标题 "# 石桥镇总工会2024年工作总结"，应为 二级或更低的标题，如 ## 一、组织建设'
        "（页面标题来自 title，正文里不要再写一级标题；把开头的 # 改为 ##，或删去这一行）",
    ]
    assert reading.bulletin is not None  # published; a strict build fails


def test_strict_build_fails_on_a_heading_and_a_chinese_name_and_a_slip(site: Site) -> None:
    site.write("content/bulletins/2024/ok.md", f"---\n{GOOD}---\n正文。\n")
    site.write("content/bulletins/2024/石桥.md", f"---\n{GOOD}---\n# 标题\n")
    r = site.build()
    assert r.warnings == [
        'content/bulletins/2024/石桥.md: 文件名: 发现 含中文的名称 "石桥.md"，应为 小写英文字母、数字和连字符组成的文件名'
        "（改名为 content/bulletins/2024/shi-qiao.md；网址就是文件路径，发布后不要再改）",
        'content/bulletins/2024/石桥.md: 第 7 行: 发现 一级标题 "# 标题"，应为 二级或更低的标题，如 ## 一、组织建设'
        "（页面标题来自 title，正文里不要再写一级标题；把开头的 # 改为 ##，或删去这一行）",
    ]
    assert site.build(strict=True).aborted
    site.write("content/bulletins/2024/石桥.md", f"---\n{GOOD.replace('title: ', 'title：')}---\n正文。\n")
    site.write("content/bulletins/2024/ok.md", f"---\n{GOOD}---\n正文。\n")
    r = site.build()
    assert r.warnings[-1] == "content/bulletins/2024/石桥.md: 有必须改正的错误，本篇未生成页面"
    assert r.exists("bulletins/2024/ok/")
