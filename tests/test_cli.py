"""The ``union-bulletin`` command: every subcommand, its exit codes and its exact messages."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from conftest import ORGS, Site
from union_bulletin.cli import main

ROOT = Path(__file__).resolve().parent.parent
COMPILATION = ROOT / "tests" / "data" / "import" / "compilation.txt"
CLI = Path(sys.executable).parent / "union-bulletin"
MKDOCS = {
    "site_name": "测试公报",
    "docs_dir": "content",
    "theme": {"name": "material", "language": "zh", "font": False},
    "plugins": [{"bulletin-privacy": {}}, {"bulletin": {}}],
    "nav": [{"首页": "index.md"}, {"年度公报": "years/index.md"}, {"基层组织": "orgs/index.md"}, {"工作专题": "topics/index.md"}],
}
GOOD = {"title": "石桥镇总工会2024年工作总结", "date": "2025-01-10", "year": 2024, "org": "town-a", "type": "summary", "stats": {"new_members": 120, "aid_funds": 50000}}


def project(site: Site, monkeypatch: pytest.MonkeyPatch, **overrides: Any) -> Path:
    site.write("mkdocs.yml", yaml.safe_dump({**MKDOCS, **overrides}, allow_unicode=True, sort_keys=False))
    monkeypatch.chdir(site.root)
    return site.root


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, prog_name="union-bulletin")


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# -- check --------------------------------------------------------------------------
def test_check_a_good_site_exits_0(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    project(site, monkeypatch)
    site.bulletin("2024/a.md", **GOOD)
    result = run("check")
    assert (result.exit_code, result.output) == (0, "没有发现问题\n")


def bad_site(site: Site) -> None:
    site.bulletin("2024/a.md", "联系电话13812345678。\n\n<script>alert(1)</script>\n", **{**GOOD, "stats": {"new_member": 3}})
    site.bulletin("2024/b.md", title="缺单位", date="2024-05-01", type="news")
    site.bulletin("2024/c.md", **{**GOOD, "org": "town-b", "draft": True})


def test_check_says_what_a_strict_build_says_in_the_same_words_and_order(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    project(site, monkeypatch)
    bad_site(site)
    result = run("check")
    assert result.exit_code == 1
    expected = [
        "content/bulletins/2024/a.md: 第 10 行: 发现 手机号 138****5678，应为 去标识化的写法（网站上已替换为 138****5678；请在原稿中删去或照此改写，确需公开的号码写入 privacy_allow）",
        "content/bulletins/2024/a.md: stats.new_member: 发现 未登记的指标 \"new_member\"，应为 metrics.yml 中的指标键（是否想写 new_members？本项未计入）",
        "content/bulletins/2024/b.md: org: 发现 缺少此字段，应为 organisations.yml 中的单位键",
        "content/bulletins/2024/b.md: 有必须改正的错误，本篇未生成页面",
        "提示：content/bulletins/2024/c.md: 草稿（draft: true），不发布",
        "content/bulletins/2024/a.md: 正文: 发现 <script> 标签，应为 文字、图片、表格、链接等可发布的内容（发布的页面中已删去；确需嵌入的内容请联系网站维护人员）",
        "发现 5 个问题",
    ]
    assert lines(result.output) == expected
    built = site.build(strict=True, plugins=MKDOCS["plugins"])
    assert built.aborted
    assert built.warnings == [line for line in expected if not line.startswith(("提示：", "发现 "))]


def test_check_and_build_know_the_sites_organisations_from_a_person(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """A company's name the tagger takes for a person's (华嘉) is left alone when the company is in organisations.yml,
    by the check and by the build alike; a worker's name beside it is still found."""
    project(site, monkeypatch)
    site.config("organisations.yml", {**ORGS, "huajia": {"name": "华嘉陶瓷股份有限公司工会", "level": "enterprise", "parent": "town-a"}})
    site.bulletin("2024/a.md", "华嘉陶瓷股份有限公司工会开展帮扶救助工作。\n\n职工刘建军因车祸住院。\n", **{**GOOD, "org": "huajia"})
    expected = [
        "content/bulletins/2024/a.md: 第 13 行: 发现 困难职工姓名 刘＊＊（与“车祸”同句），应为 去标识化的写法（网站上已替换为“刘某某”；"
        "请在原稿中改为“刘某”或“一名职工”；劳模等应公开的姓名写入 privacy_allow）",
    ]
    result = run("check")
    assert lines(result.output) == [*expected, "发现 1 个问题"]
    built = site.build(plugins=MKDOCS["plugins"])
    assert built.warnings == expected
    assert "华嘉陶瓷股份有限公司工会开展帮扶救助工作" in built.html("bulletins/2024/a/")


def test_check_json_for_editors_and_ci(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    project(site, monkeypatch)
    bad_site(site)
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["problems"] == 5
    assert data["items"][1] == {
        "path": "content/bulletins/2024/a.md", "level": "error", "field": "stats.new_member", "found": "未登记的指标 \"new_member\"",
        "expected": "metrics.yml 中的指标键", "suggestion": "是否想写 new_members？本项未计入",
        "message": "content/bulletins/2024/a.md: stats.new_member: 发现 未登记的指标 \"new_member\"，应为 metrics.yml 中的指标键（是否想写 new_members？本项未计入）",
    }
    assert data["items"][4] == {
        "path": "content/bulletins/2024/c.md", "level": "info", "field": "文件", "reason": "draft", "message": "content/bulletins/2024/c.md: 草稿（draft: true），不发布",
    }


def test_check_paths_report_only_those_files(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    project(site, monkeypatch)
    bad_site(site)
    result = run("check", "content/bulletins/2024/b.md")
    assert (result.exit_code, lines(result.output)) == (1, [
        "content/bulletins/2024/b.md: org: 发现 缺少此字段，应为 organisations.yml 中的单位键",
        "content/bulletins/2024/b.md: 有必须改正的错误，本篇未生成页面",
        "发现 2 个问题",
    ])
    assert run("check", "content/bulletins/2024/c.md").exit_code == 0  # a draft is no problem


def test_check_reports_a_broken_site_config(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    project(site, monkeypatch)
    site.write("site_config/organisations.yml", "")
    result = run("check")
    assert (result.exit_code, lines(result.output)) == (1, [
        "site_config/organisations.yml: 文件: 发现 空文件，应为 登记发布单位的 organisations.yml（参照 CONTENT_SPEC 填写单位键、名称和级别）",
        "发现 1 个问题",
    ])


def test_without_mkdocs_yml_the_command_is_used_wrongly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 2
    assert result.stderr == "mkdocs.yml: 文件: 发现 文件不存在，应为 站点的 mkdocs.yml（在站点文件夹里运行，或用 --config-file 指明）\n"


def test_usage_errors_are_in_chinese_and_exit_2(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    project(site, monkeypatch)
    result = run("check", "--yer")
    assert (result.exit_code, result.stderr) == (2, "用法: union-bulletin check [选项] [路径]...\n运行“union-bulletin check --help”查看帮助。\n\n错误：没有选项 '--yer'。\n")
    result = run("stats", "--year", "3000")
    assert result.exit_code == 2 and result.stderr.endswith("错误：'--year' 的值不对：3000 不在 1900<=x<=2100 范围内。\n")
    result = run("--help")
    assert result.exit_code == 0 and "工会公报站点的撰稿工具" in result.output and "显示本帮助并退出。" in result.output


# -- import ---------------------------------------------------------------------------
def imported(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted((root / "content" / "bulletins").rglob("*.md"))}


COMPILATION_FILES = [
    "content/bulletins/2024/town-a-news-kai-zhan-xin-jiu-ye-xing.md",
    "content/bulletins/2024/town-a-summary.md",
    "content/bulletins/2024/town-b-summary.md",
    "content/bulletins/2025/county-plan.md",
    "content/bulletins/xiang-gong-hui-20-nian-gong.md",
]


def small_compilation(site: Site) -> Path:
    """The test compilation with this site's organisations: 岚湾镇 → 石桥镇, 松埠镇 → 云岭镇, 芦汀乡 → 江屿县, 明澜街道 → 石桥镇."""
    text = COMPILATION.read_text(encoding="utf-8")
    for old, new in (("岚湾镇", "石桥镇"), ("松埠镇", "云岭镇"), ("芦汀乡工会", "江屿县总工会"), ("明澜街道", "石桥镇")):
        text = text.replace(old, new)
    return site.write("reports/汇编.txt", text)


def test_import_writes_one_draft_per_article_with_suggested_figures(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    source = small_compilation(site)
    result = run("import", str(source))
    assert result.exit_code == 0, result.output
    files = imported(root)
    assert list(files) == COMPILATION_FILES
    summary = files["content/bulletins/2024/town-a-summary.md"]
    assert summary.startswith(
        "---\ntitle: 石桥镇总工会2024年工作总结\ndate: 2025-01-08\ntype: summary\nyear: 2024\norg: town-a\n"
        "topics: [assistance, culture, negotiation, organising]\nstats:\n"
        "  # 原文：紧盯新开工项目和小微企业，逐户上门宣传《工会法》，全年新建工会组织7家，其中非公企业工会5家、村级工会联合会2家。\n"
        "  unions_founded: 7\n"
    )
    assert (
        "  # 待核对：原文有几处数字，是其中一处还是几处之和，请核对后填写\n"
        "  # 原文：联合镇成校举办电商直播、家政服务、安全生产等培训班14期，培训职工1,280人次，其中取得职业技能等级证书的326人。\n"
        "  # 原文：组织基层工会干部业务培训2期，参训人员160余人次。\n"
        "  # training_attendance: 1280（原文“1,280人次”）\n"
        "  # training_attendance: 160（原文“160余人次”）\n"
    ) in summary
    assert "# 导入的草稿：核对标题、日期、单位和统计数字后，删去这一行才会发布\ndraft: true\n---\n" in summary
    assert "\n## 一、夯实组织基础，扩大工会覆盖面\n\n### （一）抓好新建工会\n\n紧盯新开工项目" in summary
    placeholder = files["content/bulletins/xiang-gong-hui-20-nian-gong.md"]
    assert placeholder.startswith(
        "---\ntitle: ××乡工会20××年工作总结\n# 原文日期是“20××年12月28日”，请填写实际的发布日期\ndate:\n"
        "type: summary\n# 原文年份是“20××年”，请填写实际年份\nyear:\n# 原文单位是“××乡工会”（占位符），请填写 organisations.yml 中的单位键\norg:\n"
    )
    news = files["content/bulletins/2024/town-a-news-kai-zhan-xin-jiu-ye-xing.md"]
    assert "服务热线139****1234咨询" in news and "13905761234" not in news
    out = result.output
    assert "已写出的公报（草稿，核对后删去 draft: true）" in out and "共 5 篇，下一步：union-bulletin check" in out
    assert "新建工会 7个" in out and "新发展会员 376名" in out
    assert ("content/bulletins/2024/town-a-news-kai-zhan-xin-jiu-ye-xing.md: 第 18 行: 发现 手机号 139****1234，应为 去标识化的写法"
            "（网站上已替换为 139****1234；请在原稿中删去或照此改写，确需公开的号码写入 privacy_allow）") in out
    # what check says next: the drafts wait, the file with placeholders must be filled in, the name beside 住院 changed
    checked = lines(run("check").output)
    assert "content/bulletins/xiang-gong-hui-20-nian-gong.md: org: 发现 空值，应为 organisations.yml 中的单位键" in checked
    assert "提示：content/bulletins/2024/town-a-summary.md: 草稿（draft: true），不发布" in checked


def test_import_never_overwrites(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    source = small_compilation(site)
    own = site.write("content/bulletins/2024/town-a-summary.md", "作者自己的文件\n")
    assert run("import", str(source)).exit_code == 0
    assert own.read_text(encoding="utf-8") == "作者自己的文件\n"
    assert (root / "content/bulletins/2024/town-a-summary-2.md").is_file()
    assert run("import", str(source)).exit_code == 0
    assert len(imported(root)) == 11  # the author's file, then the five articles twice, each under a free name


def test_import_dry_run_writes_nothing(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    result = run("import", "--dry-run", str(small_compilation(site)))
    assert result.exit_code == 0
    assert imported(root) == {}
    assert "将写出的公报（未写入）" in result.output and "共 5 篇（试运行，没有写文件）" in result.output
    assert "── content/bulletins/2024/town-a-summary.md" in result.output and "unions_founded: 7" in result.output


def test_gb18030_text_and_a_word_file_import_as_utf8_text_does(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    root = project(site, monkeypatch)
    source = small_compilation(site)
    text = source.read_text(encoding="utf-8")
    assert run("import", "--into", "utf8", str(source)).exit_code == 0
    gbk = site.write("reports/gbk.txt", text.encode("gb18030"))
    assert run("import", "--into", "gbk", str(gbk)).exit_code == 0
    document = docx.Document()
    for paragraph in text.split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    document.save(str(root / "reports" / "汇编.docx"))
    assert run("import", "--into", "word", str(root / "reports" / "汇编.docx")).exit_code == 0

    def tree(folder: str) -> dict[str, str]:
        return {p.relative_to(root / folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted((root / folder).rglob("*.md"))}

    assert len(tree("utf8")) == 5
    assert tree("gbk") == tree("utf8") == tree("word")


def test_a_word_title_style_starts_an_article(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    root = project(site, monkeypatch)
    document = docx.Document()
    document.add_paragraph("石桥镇举办职工篮球赛", style="Title")
    document.add_paragraph("2024年5月1日")
    document.add_paragraph("五一期间，石桥镇总工会举办职工篮球赛，共有12支队伍参赛。")
    table = document.add_table(rows=2, cols=2)
    for cell, value in zip(table._cells, ["名次", "队伍", "第一名", "机械厂队"], strict=True):
        cell.text = value
    document.save(str(root / "news.docx"))
    result = run("import", "--org", "town-a", "news.docx")
    assert result.exit_code == 0
    [(name, text)] = imported(root).items()
    assert name == "content/bulletins/2024/town-a-news-ju-ban-zhi-gong-lan-qiu.md"
    assert text.endswith("五一期间，石桥镇总工会举办职工篮球赛，共有12支队伍参赛。\n\n| 名次 | 队伍 |\n| --- | --- |\n| 第一名 | 机械厂队 |\n")
    assert "date: 2024-05-01\n" in text and "org: town-a\n" in text and "type: news\n" in text


def test_import_reports_a_file_it_cannot_read_and_goes_on(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    site.write("old.doc", b"\xd0\xcf\x11\xe0")
    site.write("broken.docx", b"not a zip")
    site.write("ok.txt", "石桥镇总工会2024年工作总结\n全年发展新会员50名。\n石桥镇总工会\n2025年1月5日\n")
    result = run("import", "old.doc", "broken.docx", "ok.txt")
    assert result.exit_code == 1
    assert lines(result.stderr) == [
        "old.doc: 文件: 发现 不支持的文件类型“.doc”，应为 .docx、.txt 或 .md（旧的 .doc 请先用 Word 另存为 .docx）",
        "broken.docx: 文件: 发现 无法打开的 Word 文件，应为 Word 2007 以后的 .docx 文件（用 Word 打开后另存为 .docx）",
    ]
    assert list(imported(root)) == ["content/bulletins/2024/town-a-summary.md"]


def test_import_options_override_the_text_and_an_unknown_org_is_a_usage_error(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    site.write("r.md", "# 工作总结\n\n## 一、组织建设\n\n发展新会员50名。\n")
    result = run("import", "--org", "town-x", "r.md")
    assert (result.exit_code, result.stderr) == (2, "--org: 发现 未登记的单位 \"town-x\"，应为 organisations.yml 中的单位键（county、town-a、town-b）\n")
    assert run("import", "--org", "town-b", "--year", "2023", "--type", "plan", "r.md").exit_code == 0
    [(name, text)] = imported(root).items()
    assert name == "content/bulletins/2023/town-b-plan.md"
    assert "type: plan\nyear: 2023\norg: town-b\n" in text and "\n## 一、组织建设\n" in text


# -- new ------------------------------------------------------------------------------
def test_new_from_flags_is_valid_by_construction(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    result = run("new", "--title", "石桥镇总工会2024年工作总结", "--org", "town-a", "--type", "summary", "--date", "2025-01-10", "--topics", "organising,rights")
    assert (result.exit_code, result.output) == (0, "已写出 content/bulletins/2024/town-a-summary.md（工作总结，草稿）\n")
    assert (root / "content/bulletins/2024/town-a-summary.md").read_text(encoding="utf-8") == (
        "---\ntitle: 石桥镇总工会2024年工作总结\ndate: 2025-01-10\ntype: summary\nyear: 2024\norg: town-a\ntopics: [organising, rights]\ndraft: true\n---\n\n"
        "（在这里写正文。小标题写成“## 一、……”，不要写一级标题。）\n"
    )
    assert lines(run("check").output) == ["提示：content/bulletins/2024/town-a-summary.md: 草稿（draft: true），不发布", "没有发现问题"]


def test_new_writes_the_period_the_schema_declares_and_its_prompts_are_the_schemas_labels(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    result = run("new", "--title", "石桥镇总工会2024年上半年工作总结", "--org", "town-a", "--type", "summary", "--date", "2024-07-10",
                 "--year", "2024", "--period", "H1", "--no-draft")
    assert result.exit_code == 0, result.output
    text = (root / "content/bulletins/2024/town-a-summary.md").read_text(encoding="utf-8")
    assert "\nyear: 2024\nperiod: H1\norg: town-a\n" in text
    assert run("new", "--title", "t", "--org", "town-a", "--type", "news", "--period", "X").exit_code == 2  # not a declared choice
    asked = run("new", "--date", "2024-05-02", input="\n")
    assert "标题: " in asked.output  # the prompt is the field's label in schema.py


def test_new_asks_for_what_is_missing(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    result = run("new", "--date", "2024-05-02", "--no-draft", input="石桥镇举办职工篮球赛\ntown-a\nnews\n")
    assert result.exit_code == 0, result.output
    path = root / "content/bulletins/2024/town-a-news-ju-ban-zhi-gong-lan-qiu.md"
    assert path.read_text(encoding="utf-8").startswith("---\ntitle: 石桥镇举办职工篮球赛\ndate: 2024-05-02\ntype: news\norg: town-a\n---\n")
    assert run("check").exit_code == 0


def test_new_refuses_what_the_build_would_reject(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    result = run("new", "--title", "t", "--org", "nowhere", "--type", "news")
    assert (result.exit_code, result.stderr) == (2, "--org: 发现 未登记的单位 \"nowhere\"，应为 organisations.yml 中的单位键（county、town-a、town-b）\n")
    result = run("new", "--title", "t", "--org", "town-a", "--type", "news", "--topics", "sport")
    assert result.exit_code == 2 and result.stderr.startswith("--topics: 发现 未登记的专题 \"sport\"，应为 topics.yml 中的专题键（organising、")
    result = run("new", "--title", "石桥镇新闻", "--org", "town-a", "--type", "news", "--date", "2024-02-30")
    assert result.exit_code == 1
    assert lines(result.stderr) == [
        "content/bulletins/2024/town-a-news-xin-wen.md: date: 发现 \"2024-02-30\"（不存在的日期或时间），应为 真实存在的日期 YYYY-MM-DD",
        "content/bulletins/2024/town-a-news-xin-wen.md: 没有写出：请改正上面的问题",
    ]
    assert not (root / "content/bulletins").exists()


# -- stats ----------------------------------------------------------------------------
def test_stats_are_the_numbers_of_the_built_site(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    project(site, monkeypatch)
    site.bulletin("2024/a.md", **GOOD)
    site.bulletin("2024/b.md", **{**GOOD, "org": "town-b", "stats": {"new_members": 30.5 and 30, "aid_funds": 1234.5}})
    site.bulletin("2023/c.md", **{**GOOD, "date": "2024-01-10", "year": 2023, "stats": {"new_members": 7}})
    site.bulletin("2024/n.md", title="新闻", date="2024-06-01", org="town-a", type="news", stats={"new_members": 999})
    built = site.build(strict=True, plugins=MKDOCS["plugins"])
    assert not built.aborted
    csv_file = (built.site / "data" / "stats.csv").read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    result = run("stats", "--csv")
    assert (result.exit_code, result.output) == (0, csv_file)
    result = run("stats", "--csv", "--year", "2023")
    assert result.output == "\n".join([csv_file.split("\n")[0], *(x for x in csv_file.split("\n") if x.startswith("2023,"))]) + "\n"
    data = json.loads((built.site / "data" / "stats.json").read_text(encoding="utf-8"))
    table = run("stats").output
    for year, metrics in data["years"].items():
        for metric in metrics.values():
            assert re.search(rf"│ {year} │ {metric['label']}\s+│\s+{metric['total']:g} │ {metric['unit']}", table), (year, metric)
    assert run("stats", "--year", "2020").output == "2020 年没有统计数字\n"


# -- build / preview ------------------------------------------------------------------------
def test_build_is_strict_and_ends_with_a_chinese_summary(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    site.bulletin("2024/a.md", **GOOD)
    result = run("build")
    assert result.exit_code == 0, result.output
    assert lines(result.output)[-1] == "构建完成：公报 1 篇，索引页 19 个，问题 0 个"
    assert (root / "site" / "bulletins" / "2024" / "a" / "index.html").is_file()
    site.bulletin("2024/b.md", title="缺单位", date="2024-05-01", type="news")
    result = run("build")
    assert result.exit_code == 1
    assert lines(result.output) == [
        "问题：content/bulletins/2024/b.md: org: 发现 缺少此字段，应为 organisations.yml 中的单位键",
        "问题：content/bulletins/2024/b.md: 有必须改正的错误，本篇未生成页面",
        "构建未完成：公报 1 篇，索引页 19 个，问题 2 个",
    ]


BANNER = ("NO_MKDOCS_2_WARNING", "end of life", "MkDocs 2")


def test_build_prints_no_banner_about_mkdocs_2(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    site.bulletin("2024/a.md", **GOOD)
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    done = subprocess.run([str(CLI), "build"], cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert not any(word in done.stdout + done.stderr for word in BANNER)
    assert done.stdout.splitlines()[-1] == "构建完成：公报 1 篇，索引页 19 个，问题 0 个"
    # Material prints its banner only when the program is called mkdocs; run as if it were, our command still silences it.
    script = "import sys; sys.argv[0] = '/usr/bin/mkdocs'; from union_bulletin.cli import main; main(['build'])"
    done = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert not any(word in done.stdout + done.stderr for word in BANNER), done.stderr


def test_preview_serves_the_site_and_says_how_the_build_went(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(site, monkeypatch)
    site.bulletin("2024/a.md", **GOOD)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    proc = subprocess.Popen([str(CLI), "preview", "-a", f"127.0.0.1:{port}"], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        seen: list[str] = []
        deadline = time.monotonic() + 120
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            seen.append(line)
            if line.startswith("构建完成"):
                break
        assert seen[-1] == "构建完成：公报 1 篇，索引页 19 个，问题 0 个\n", seen
        for _ in range(50):
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/bulletins/2024/a/", timeout=5).read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert "石桥镇总工会2024年工作总结" in page
        assert not any(word in line for line in seen for word in BANNER)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_the_example_site_checks_clean_and_its_stats_are_its_open_data(example_site: Any) -> None:
    config_file = str(example_site.site.parent / "mkdocs.yml")
    result = run("-f", config_file, "check")
    assert (result.exit_code, result.output) == (0, "没有发现问题\n")
    result = run("-f", config_file, "stats", "--csv")
    assert result.exit_code == 0
    assert result.output == (example_site.site / "data" / "stats.csv").read_text(encoding="utf-8-sig").replace("\r\n", "\n")
