"""Bad input: each kind the spec names gets its exact message and fails --strict,
while the valid bulletins of the same site still build without --strict."""

from __future__ import annotations

import pytest

from conftest import Site

GOOD = "---\ntitle: 正常的公报\ndate: 2024-01-15\nyear: 2023\norg: town-a\ntype: summary\nstats:\n  new_members: 10\n---\n正文。\n"

HEAD = "title: 测试\ndate: 2024-03-08\norg: town-a\ntype: news\n"
P = "content/bulletins/bad.md"

# (case id, file content, expected warnings in order)
CASES: list[tuple[str, str | bytes, list[str]]] = [
    ("yaml-syntax", "---\ntitle: 测试\ndate: [2024-03-08\norg: town-a\n---\n正文",
     [f"{P}: front matter: 发现 第 3 行第 7 列的 YAML 语法错误：“[”开始的列表没有用“]”结束，应为 合法的 YAML（在列表末尾加“]”，各项之间用英文逗号“,”隔开）",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("tab", "---\ntitle: 测试\ndate: 2024-03-08\nstats:\n\tnew_members: 3\n---\n",
     [f"{P}: front matter: 发现 第 5 行第 1 列的 YAML 语法错误：制表符（Tab），应为 合法的 YAML（YAML 只能用空格缩进，把制表符换成空格）",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("missing-title", "---\ndate: 2024-03-08\norg: town-a\ntype: news\n---\n",
     [f"{P}: title: 发现 缺少此字段，应为 公报标题（纯文本）", f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("missing-everything", "---\nsummary: 只有摘要\n---\n",
     [f"{P}: title: 发现 缺少此字段，应为 公报标题（纯文本）",
      f"{P}: date: 发现 缺少此字段，应为 发布日期 YYYY-MM-DD",
      f"{P}: type: 发现 缺少此字段，应为 summary、plan、news、notice 之一",
      f"{P}: org: 发现 缺少此字段，应为 organisations.yml 中的单位键",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("date-format", "---\ntitle: 测试\ndate: 2024年3月8日\norg: town-a\ntype: news\n---\n",
     [f'{P}: date: 发现 "2024年3月8日"，应为 发布日期 YYYY-MM-DD（可带时间 YYYY-MM-DD HH:MM）（例如 2024-01-15）',
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("impossible-date", "---\ntitle: 测试\ndate: 2023-02-30\norg: town-a\ntype: news\n---\n",
     [f'{P}: date: 发现 "2023-02-30"（不存在的日期或时间），应为 真实存在的日期 YYYY-MM-DD', f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("year-20xx", "---\ntitle: 测试\ndate: 2024-01-08\nyear: 20xx\norg: town-a\ntype: summary\n---\n",
     [f'{P}: year: 发现 "20xx"，应为 四位数字的年份（1900–2100），如 2023（填写实际的年份，不要用 20xx）',
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("year-missing-for-summary", "---\ntitle: 测试\ndate: 2024-01-08\norg: town-a\ntype: summary\n---\n",
     [f"{P}: year: 发现 缺少此字段，应为 工作总结所属的年份，如 2023", f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("unknown-org", "---\ntitle: 测试\ndate: 2024-03-08\norg: town-aa\ntype: news\n---\n",
     [f'{P}: org: 发现 未登记的单位 "town-aa"，应为 organisations.yml 中的单位键（是否想写 town-a？）',
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("org-by-name", "---\ntitle: 测试\ndate: 2024-03-08\norg: 石桥镇总工会\ntype: news\n---\n",
     [f'{P}: org: 发现 未登记的单位 "石桥镇总工会"，应为 organisations.yml 中的单位键（“石桥镇总工会”的键是 town-a）',
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("type-label", "---\ntitle: 测试\ndate: 2024-03-08\nyear: 2023\norg: town-a\ntype: 工作总结\n---\n",
     [f'{P}: type: 发现 "工作总结"，应为 summary、plan、news、notice 之一（“工作总结”请写成 summary）',
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("unknown-metric", f"---\n{HEAD}stats:\n  new_memebrs: 376\n---\n",
     [f'{P}: stats.new_memebrs: 发现 未登记的指标 "new_memebrs"，应为 metrics.yml 中的指标键（是否想写 new_members？本项未计入）']),
    ("unknown-topic", f"---\n{HEAD}topics: [organizing, 维权服务]\n---\n",
     [f'{P}: topics[0]: 发现 未登记的专题 "organizing"，应为 topics.yml 中的专题键（是否想写 organising？）',
      f'{P}: topics[1]: 发现 未登记的专题 "维权服务"，应为 topics.yml 中的专题键（“维权服务”的键是 rights）']),
    ("topics-not-list", f"---\n{HEAD}topics: culture\n---\n",
     [f'{P}: topics: 发现 "culture"，应为 topics.yml 中专题键的列表（写成 [culture]）']),
    ("negative", f"---\n{HEAD}stats:\n  aid_funds: -2500\n---\n",
     [f"{P}: stats.aid_funds: 发现 -2500，应为 不小于 0 的数字（统计数不能为负数；本项未计入）"]),
    ("comma-number", f"---\n{HEAD}stats:\n  new_members: 1,000\n---\n",
     [f'{P}: stats.new_members: 发现 "1,000"，应为 不小于 0 的数字（不加引号、逗号和单位）（写成 1000；本项未计入）']),
    ("wan-number", f"---\n{HEAD}stats:\n  aid_funds: 48.6万\n---\n",
     [f'{P}: stats.aid_funds: 发现 "48.6万"，应为 不小于 0 的数字（不加引号、逗号和单位）（写成 486000；本项未计入）']),
    ("chinese-numeral", f"---\n{HEAD}stats:\n  new_members: 三百\n---\n",
     [f'{P}: stats.new_members: 发现 "三百"，应为 不小于 0 的数字（不加引号、逗号和单位）（用阿拉伯数字书写；本项未计入）']),
    ("nan", f"---\n{HEAD}stats:\n  new_members: .nan\n  aid_funds: .inf\n---\n",
     [f"{P}: stats.new_members: 发现 非数字 NaN，应为 不小于 0 的有限数字（本项未计入）",
      f"{P}: stats.aid_funds: 发现 无穷大，应为 不小于 0 的有限数字（本项未计入）"]),
    ("bool-number", f"---\n{HEAD}stats:\n  new_members: yes\n---\n",
     [f"{P}: stats.new_members: 发现 布尔值 true，应为 不小于 0 的数字（本项未计入）"]),
    ("missing-cover", f"---\n{HEAD}cover: images/wuyi.jpg\n---\n",
     [f'{P}: cover: 发现 "images/wuyi.jpg"（文件不存在），应为 相对于本文件的已有文件（检查文件名和所在文件夹）']),
    ("cover-not-image", f"---\n{HEAD}cover: ../mkdocs-fake.jpg\n---\n",
     [f'{P}: cover: 发现 "../mkdocs-fake.jpg"（不是能识别的图片），应为 JPEG、PNG、WebP 或 HEIC 图片（用看图软件打开检查，或重新导出图片）']),
    ("missing-attachment", f"---\n{HEAD}attachments:\n  - {{file: files/a.pdf, title: 原文}}\n---\n",
     [f'{P}: attachments[0].file: 发现 "files/a.pdf"（文件不存在），应为 相对于本文件的已有文件（检查文件名和所在文件夹）']),
    ("attachment-outside", f"---\n{HEAD}attachments:\n  - ../../mkdocs.yml\n---\n",
     [f'{P}: attachments[0].file: 发现 "../../mkdocs.yml"，应为 站点内容文件夹里的文件（把文件放到公报旁边的文件夹里）']),
    ("attachment-url", f"---\n{HEAD}attachments:\n  - https://example.org/a.pdf\n---\n",
     [f'{P}: attachments[0].file: 发现 "https://example.org/a.pdf"，应为 相对于本文件的路径（不能是网址或绝对路径）（把文件放到公报旁边的文件夹里）']),
    ("unknown-key", f"---\n{HEAD}sumary: 摘要\n---\n",
     [f'{P}: sumary: 发现 未知的字段 "sumary"，应为 CONTENT_SPEC 中的字段（是否想写 summary？）']),
    ("duplicate-key", f"---\n{HEAD}title: 又一个标题\n---\n",
     [f'{P}: title: 发现 第 6 行重复的键 "title"，应为 每个键只写一次（删去多余的一行）']),
    ("figure-bad", f"---\n{HEAD}figures:\n  - {{label: 发放倡议书, value: 很多}}\n  - {{value: 3}}\n---\n",
     [f'{P}: figures[0].value: 发现 "很多"，应为 不小于 0 的数字（不加引号、逗号和单位）',
      f"{P}: figures[1].label: 发现 缺少此字段，应为 数字的名称文字"]),
    ("figure-unknown-field", f"---\n{HEAD}figures:\n  - {{lable: 倡议书, value: 3}}\n---\n",
     [f'{P}: figures[0].lable: 发现 未知的字段 "lable"，应为 label、value 或 unit（是否想写 label？）',
      f"{P}: figures[0].label: 发现 缺少此字段，应为 数字的名称文字"]),
    ("not-utf8", "---\ntitle: 测试\n---\n".encode("gbk"),
     [f"{P}: 文件: 发现 无法按 UTF-8 解码的内容（第 12 个字节），应为 UTF-8 编码的文本（用编辑器把文件另存为 UTF-8 编码）",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("no-front-matter", "# 标题\n\n正文",
     [f"{P}: 文件: 发现 没有 front matter（第一行不是 ---），应为 以 --- 开头、以 --- 结束的 YAML front matter（在文件开头加上标题、日期、单位和类型）",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("unterminated", "---\ntitle: 测试\n",
     [f"{P}: 文件: 发现 front matter 没有结束的 --- 行，应为 以 --- 开头、以 --- 结束的 YAML front matter（在 front matter 末尾加一行 ---）",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("empty-file", "",
     [f"{P}: 文件: 发现 空文件，应为 以 --- 开头、以 --- 结束的 YAML front matter，再写正文（在文件开头加上标题、日期、单位和类型）",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("whitespace-only", "\n \n\t\n",
     [f"{P}: 文件: 发现 空文件，应为 以 --- 开头、以 --- 结束的 YAML front matter，再写正文（在文件开头加上标题、日期、单位和类型）",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("front-matter-list", "---\n- 标题\n- 2024-03-08\n---\n",
     [f"{P}: front matter: 发现 列表，应为 字段: 值 形式的映射（title、date、org、type 等）", f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("tab-in-front-matter", "---\ntitle: 测试\n\tdate: 2024-03-08\n---\n",
     [f"{P}: front matter: 发现 第 3 行第 1 列的 YAML 语法错误：制表符（Tab），应为 合法的 YAML（YAML 只能用空格缩进，把制表符换成空格）",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("deep-nesting", "---\ntitle: " + "[" * 5000 + "\n---\n",
     [f"{P}: front matter: 发现 嵌套过深的 YAML，应为 层次简单的键值", f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     [f"{P}: 文件: 发现 无法按 UTF-8 解码的内容（第 1 个字节），应为 UTF-8 编码的文本（用编辑器把文件另存为 UTF-8 编码）", f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("utf-16", ("---\n" + HEAD + "---\n正文").encode("utf-16"),
     [f"{P}: 文件: 发现 无法按 UTF-8 解码的内容（第 1 个字节），应为 UTF-8 编码的文本（用编辑器把文件另存为 UTF-8 编码）", f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("title-number", "---\ntitle: 2024\ndate: 2024-03-08\norg: town-a\ntype: news\n---\n",
     [f"{P}: title: 发现 2024，应为 非空的标题文字（标题是数字时请加引号）", f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("date-number", "---\ntitle: 测试\ndate: 20240308\norg: town-a\ntype: news\n---\n",
     [f"{P}: date: 发现 20240308，应为 发布日期 YYYY-MM-DD（可带时间 YYYY-MM-DD HH:MM）（例如 2024-01-15）", f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("year-out-of-range", "---\ntitle: 测试\ndate: 2024-01-08\nyear: 3024\norg: town-a\ntype: summary\n---\n",
     [f"{P}: year: 发现 3024，应为 四位数字的年份（1900–2100），如 2023", f"{P}: 有必须改正的错误，本篇未生成页面"]),
    ("infinity", f"---\n{HEAD}stats:\n  new_members: .inf\n  aid_funds: -.inf\n---\n",
     [f"{P}: stats.new_members: 发现 无穷大，应为 不小于 0 的有限数字（本项未计入）", f"{P}: stats.aid_funds: 发现 负无穷大，应为 不小于 0 的有限数字（本项未计入）"]),
    ("stats-list", f"---\n{HEAD}stats: [1, 2]\n---\n",
     [f"{P}: stats: 发现 列表，应为 指标键: 数字 形式的映射（本篇的统计数字都未计入）"]),
    ("empty-front-matter", "---\n---\n正文",
     [f"{P}: front matter: 发现 空的 front matter，应为 字段: 值 形式的映射（title、date、org、type 等）",
      f"{P}: 有必须改正的错误，本篇未生成页面"]),
]


@pytest.mark.parametrize(("case", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_bulletin(site: Site, case: str, content: str | bytes, expected: list[str]) -> None:
    site.write("content/bulletins/good.md", GOOD)
    site.write("content/mkdocs-fake.jpg", "这不是图片")
    site.write(P, content)
    relaxed = site.build()
    assert relaxed.warnings == expected
    assert not relaxed.aborted
    assert relaxed.exists("bulletins/good/"), "a valid bulletin is lost"
    assert 'data-value="10"' in relaxed.html("years/2023/")
    fatal = expected[-1].endswith("本篇未生成页面")
    assert relaxed.exists("bulletins/bad/") != fatal
    strict = site.build(strict=True)
    assert strict.aborted and "strict" in strict.error


def test_two_bulletins_with_one_url(site: Site) -> None:
    site.write("content/bulletins/good.md", GOOD)
    # Another organisation's summaries: one organisation's two summaries of one year would also be an overlap (test_period.py).
    other = GOOD.replace("org: town-a", "org: town-b")
    site.write("content/bulletins/2023/a.md", other.replace("正常的公报", "甲"))
    site.write("content/bulletins/2023/a/index.md", other.replace("正常的公报", "乙"))
    r = site.build()
    assert r.warnings == [
        "content/bulletins/2023/a/index.md: 网址: 发现 与 content/bulletins/2023/a.md 相同的网址 bulletins/2023/a/，"
        "应为 每篇公报有自己的网址（给其中一个文件改名；本篇未生成）"
    ]
    assert "甲" in r.html("bulletins/2023/a/")
    assert site.build(strict=True).aborted


SITE_CASES: list[tuple[str, str, str, list[str]]] = [
    ("org-level", "organisations.yml", "town-a:\n  name: 石桥镇总工会\n  level: 镇\n",
     ["site_config/organisations.yml: town-a.level: 发现 \"镇\"，应为 county、township、town、street、enterprise 之一（是否想写 town？）"]),
    ("org-unknown-field", "organisations.yml", "town-a:\n  name: 石桥镇总工会\n  level: town\n  parnet: county\n",
     ['site_config/organisations.yml: town-a.parnet: 发现 未知的字段 "parnet"，应为 name、level 或 parent（是否想写 parent？）']),
    ("org-parent-unknown", "organisations.yml", "town-a:\n  name: 石桥镇总工会\n  level: town\n  parent: countty\n",
     ['site_config/organisations.yml: town-a.parent: 发现 未登记的单位 "countty"，应为 organisations.yml 中另一个单位的键']),
    ("org-parent-loop", "organisations.yml",
     "town-a:\n  name: 石桥镇总工会\n  level: town\n  parent: town-b\ntown-b:\n  name: 云岭镇总工会\n  level: town\n  parent: town-a\n",
     ["site_config/organisations.yml: town-a.parent: 发现 上级关系成环：town-a → town-b → town-a，应为 一直向上能走到顶级单位的上级关系"
      "（删去 town-a 的 parent 或改正环中某个单位的上级）"]),
    ("org-key", "organisations.yml", "town-a:\n  name: 石桥镇总工会\n  level: town\n石桥:\n  name: 石桥\n  level: town\n",
     ['site_config/organisations.yml: 石桥: 发现 键 "石桥"，应为 由小写字母、数字、连字符组成的键（例如 tianyuan-town）']),
    ("metric-aggregate", "metrics.yml", "new_members:\n  label: 新发展会员\n  unit: 名\n  aggregate: total\n",
     ['site_config/metrics.yml: new_members.aggregate: 发现 "total"，应为 sum、max、mean、none 之一']),
    ("metric-label", "metrics.yml", "new_members:\n  label: 新发展会员\naid_funds:\n  unit: 元\n",
     ["site_config/metrics.yml: aid_funds.label: 发现 缺少此字段，应为 读者看到的指标名称，如 新发展会员"]),
    ("topic-label", "topics.yml", "organising: 组织建设\nrights:\n",
     ["site_config/topics.yml: rights: 发现 空值，应为 专题名称文字，如 组织建设"]),
    ("site-count-types", "site.yml", "count_types: [summary, report]\nheadline: []\n",
     ['site_config/site.yml: headline: 发现 未知的设置 "headline"，应为 publisher、icp、contact、count_types、count_levels、headline_metrics、latest_count 之一'
      '（是否想写 headline_metrics？）',
      'site_config/site.yml: count_types[1]: 发现 "report"，应为 公报类型（summary、plan、news、notice）']),
    ("metrics-yaml", "metrics.yml", "new_members: [\n",
     ["site_config/metrics.yml: 文件: 发现 第 1 行第 15 列的 YAML 语法错误：内容没有写完，应为 合法的 YAML（补全列表或映射，或删去这一行）"]),
]


SITE_CASES += [
    ("metrics-empty", "metrics.yml", "",
     ["site_config/metrics.yml: 文件: 发现 空文件，应为 指标定义（已改用内置的默认指标；不需要此文件时请删除它）"]),
    ("topics-empty", "topics.yml", "# 还没想好\n",
     ["site_config/topics.yml: 文件: 发现 空文件，应为 专题定义（已改用内置的默认专题；不需要此文件时请删除它）"]),
    ("site-contact", "site.yml", "contact: 12345678\n", ["site_config/site.yml: contact: 发现 12345678，应为 联系方式文字，如 0000-00000000 或地址"]),
    ("site-latest-count", "site.yml", "latest_count: -3\n", ["site_config/site.yml: latest_count: 发现 -3，应为 1 到 50 之间的整数"]),
    ("site-headline-unknown", "site.yml", "headline_metrics: [new_members, members_new]\n",
     ['site_config/site.yml: headline_metrics[1]: 发现 "members_new"，应为 metrics.yml 中的指标键（是否想写 members_total？）']),
    ("topic-key", "topics.yml", "rights: 维权服务\n组织: 组织建设\n",
     ['site_config/topics.yml: 组织: 发现 键 "组织"，应为 由小写字母、数字、连字符组成的键（例如 tianyuan-town）']),
    ("org-duplicate-key", "organisations.yml", "town-a:\n  name: 石桥镇总工会\n  level: town\ntown-a:\n  name: 云岭镇总工会\n  level: town\n",
     ['site_config/organisations.yml: town-a: 发现 第 4 行重复的键 "town-a"，应为 每个键只写一次（删去多余的一行）']),
]

#: organisations.yml unusable as a whole: the build stops with the message (and no traceback).
FATAL_SITE_CASES: list[tuple[str, str | bytes, str]] = [
    ("tab", "town-a:\n\tname: 石桥镇总工会\n",
     "site_config/organisations.yml: 文件: 发现 第 2 行第 1 列的 YAML 语法错误：制表符（Tab），应为 合法的 YAML（YAML 只能用空格缩进，把制表符换成空格）"),
    ("gbk", "town-a:\n  name: 石桥镇总工会\n  level: town\n".encode("gbk"),
     "site_config/organisations.yml: 文件: 发现 无法按 UTF-8 解码的内容（第 19 个字节），应为 UTF-8 编码的文本（用编辑器把文件另存为 UTF-8 编码）"),
    ("empty", "", "site_config/organisations.yml: 文件: 发现 空文件，应为 登记发布单位的 organisations.yml（参照 CONTENT_SPEC 填写单位键、名称和级别）"),
    ("no-organisation", "{}\n", "site_config/organisations.yml: 文件: 发现 没有登记任何单位，应为 登记发布单位的 organisations.yml（参照 CONTENT_SPEC 填写单位键、名称和级别）"),
    ("list", "- town-a\n- town-b\n", "site_config/organisations.yml: 文件: 发现 列表，应为 以键开头的映射（单位键: 名称、级别、上级）"),
]


@pytest.mark.parametrize(("case", "content", "expected"), FATAL_SITE_CASES, ids=[c[0] for c in FATAL_SITE_CASES])
def test_unusable_organisations_file_stops_the_build(site: Site, case: str, content: str | bytes, expected: str) -> None:
    site.write("content/bulletins/good.md", GOOD)
    site.write("site_config/organisations.yml", content)
    r = site.build()
    assert r.aborted
    assert r.errors == [expected]


#: Awkward but valid: each builds with no message at all.
VALID_CASES: list[tuple[str, str | bytes]] = [
    ("bom", "\ufeff" + GOOD),
    ("crlf", GOOD.replace("\n", "\r\n")),
    ("bom-crlf", ("\ufeff" + GOOD).replace("\n", "\r\n").encode("utf-8")),
    ("front-matter-only", GOOD.split("---\n正文")[0] + "---\n"),
    ("huge", GOOD + "职工之家建设稳步推进，" * 400_000),  # 4.8 MB
]


@pytest.mark.parametrize(("case", "content"), VALID_CASES, ids=[c[0] for c in VALID_CASES])
def test_awkward_but_valid_bulletin(site: Site, case: str, content: str | bytes) -> None:
    site.write("content/bulletins/good.md", content)
    site.write("site_config/site.yml", "\ufeffpublisher: 江屿县总工会\r\nlatest_count: 5\r\n")
    r = site.build(strict=True)
    assert not r.aborted, r.error
    assert r.errors == []
    assert 'data-value="10"' in r.html("bulletins/good/") and 'data-value="10"' in r.html("years/2023/")


def test_the_corpus_is_large() -> None:
    assert len(CASES) + len(SITE_CASES) + len(FATAL_SITE_CASES) + len(VALID_CASES) + 2 >= 60


@pytest.mark.parametrize(("case", "name", "content", "expected"), SITE_CASES, ids=[c[0] for c in SITE_CASES])
def test_bad_site_config(site: Site, case: str, name: str, content: str, expected: list[str]) -> None:
    site.write("content/bulletins/good.md", GOOD)
    site.write(f"site_config/{name}", content)
    relaxed = site.build()
    assert relaxed.warnings == expected
    assert relaxed.exists("bulletins/good/")
    assert site.build(strict=True).aborted


def test_missing_organisations_file_stops_the_build(site: Site) -> None:
    (site.root / "site_config/organisations.yml").unlink()
    r = site.build()
    assert r.aborted
    assert r.errors == ["site_config/organisations.yml: 文件: 发现 文件不存在，应为 登记发布单位的 organisations.yml（参照 CONTENT_SPEC 新建此文件）"]
