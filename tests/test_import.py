"""The importer's parts without the command: figures, articles, guesses, the front-matter writer, metric phrases."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from union_bulletin.authoring.writer import StatLine, front_matter
from union_bulletin.frontmatter import FIELDS, read_bulletin
from union_bulletin.importer.articles import core_name, guess, is_title, markdown_body, match_org, report_type, split_articles
from union_bulletin.importer.figures import find_figures, parse_number, suggest
from union_bulletin.importer.run import free_name, slug
from union_bulletin.importer.sources import Paragraph, decode_text
from union_bulletin.model import Organisation, Topic
from union_bulletin.site_config import SiteConfig, load_site_config

ROOT = Path(__file__).resolve().parent.parent
ORGS = {
    "qinyuan-county": {"name": "沁源县总工会", "level": "county"},
    "shiqiao-town": {"name": "石桥镇总工会", "level": "town", "parent": "qinyuan-county"},
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> SiteConfig:
    root = tmp_path_factory.mktemp("cfg")
    (root / "site_config").mkdir()
    (root / "site_config" / "organisations.yml").write_text(yaml.safe_dump(ORGS, allow_unicode=True), encoding="utf-8")
    site, problems = load_site_config(root / "site_config", root)
    assert problems == []
    return site


def figures(text: str, config: SiteConfig) -> list[tuple[str, object, str, bool]]:
    return [(f.written, f.value, f.metric, f.approximate) for f in find_figures(text, config.metrics)]


# -- figures -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("全年发展新会员376名。", ("376名", 376, "new_members", False)),
    ("发放慰问金4.8万元。", ("4.8万元", 48000, "aid_funds", False)),
    ("发放慰问金48万余元。", ("48万余元", 480000, "aid_funds", False)),
    ("培训职工1,280人次。", ("1,280人次", 1280, "training_attendance", False)),
    ("为农民工追回拖欠工资1317.31万元。", ("1317.31万元", 13173100, "wages_recovered", False)),
    ("新发展会员三百余名。", ("三百余名", 300, "new_members", False)),
    ("全年慰问困难职工一百二十人。", ("一百二十人", 120, "workers_assisted", False)),
    ("走访慰问困难职工450户。", ("450户", 450, "workers_assisted", False)),
    ("全年收缴工会经费一百五十六万元。", ("一百五十六万元", 1560000, "dues_collected", False)),
    ("慰问困难职工近百名。", ("近百名", 100, "workers_assisted", True)),
    ("发展会员约300名。", ("约300名", 300, "new_members", True)),
    ("发展会员300名左右。", ("300名左右", 300, "new_members", True)),
])
def test_a_figure_in_each_written_form_is_read_and_given_its_metric(config: SiteConfig, text: str, expected: tuple[object, ...]) -> None:
    assert figures(text, config) == [expected]


@pytest.mark.parametrize("text", ["工资平均上浮4-8个百分点。", "获得比赛第3名。", "一名职工因病住院。", "百名职工健步走。", "2024年5月1日。", "建会率98%以上。"])
def test_what_is_not_a_count_is_not_read(config: SiteConfig, text: str) -> None:
    assert [f for f in figures(text, config) if f[2]] == []


def test_a_figure_without_a_phrase_of_its_kind_gets_no_metric(config: SiteConfig) -> None:
    # 5600人 counts people but no phrase is near; 112家 counts enterprises, not unions founded
    assert figures("签订集体合同83份，覆盖企业112家、职工5600人。", config) == [
        ("83份", 83, "collective_contracts", False), ("112家", 112, "", False), ("5600人", 5600, "", False),
    ]


def test_the_measure_word_decides_between_metrics_with_the_same_phrase(config: SiteConfig) -> None:
    # 困难职工子女 names students (名); 慰问金 is money: 户 counts people
    assert figures("为38名困难职工子女发放助学金7.6万元。", config)[0][2] == "students_aided"


@pytest.mark.parametrize(("num", "value"), [("376", 376), ("1,280", 1280), ("4.8", Decimal("4.8")), ("三百", 300), ("一百二十", 120), ("百", 100), ("十二", 12), ("一千零五十", 1050)])
def test_numbers_in_arabic_and_chinese_numerals(num: str, value: object) -> None:
    assert parse_number(num) == value


def test_one_figure_per_metric_is_a_value_with_its_sentence(config: SiteConfig) -> None:
    found = find_figures("全年新建工会组织7家，其中非公企业工会5家。发展新会员376名。", config.metrics)
    [unions, members] = suggest(found, config.metrics)
    assert (unions.metric, unions.value, unions.sources[0].sentence) == ("unions_founded", 7, "全年新建工会组织7家，其中非公企业工会5家。")
    assert (members.metric, members.value) == ("new_members", 376)


def test_figures_of_one_metric_in_several_sentences_are_left_to_a_person(config: SiteConfig) -> None:
    found = find_figures("培训职工1280人次。组织工会干部培训，参训人员160余人次。", config.metrics)
    [s] = suggest(found, config.metrics)
    assert (s.metric, s.value, [f.value for f in s.sources]) == ("training_attendance", None, [1280, 160])
    assert s.reason == "原文有几处数字，是其中一处还是几处之和，请核对后填写"


def test_a_stated_total_wins_over_the_parts(config: SiteConfig) -> None:
    found = find_figures("春节走访慰问困难职工450户。夏季慰问职工3200人次。全年累计帮扶慰问职工3700余人次。", config.metrics)
    [s] = suggest(found, config.metrics)
    assert (s.metric, s.value) == ("workers_assisted", 3700)


def test_an_approximation_is_only_a_comment(config: SiteConfig) -> None:
    [s] = suggest(find_figures("走访慰问困难职工近百名。", config.metrics), config.metrics)
    assert (s.value, s.reason) == (None, "原文是约数，请核对后填写")


def test_a_plans_figures_are_targets_not_values(config: SiteConfig) -> None:
    [s] = suggest(find_figures("全年新建工会组织5家。", config.metrics), config.metrics, targets=True)
    assert (s.value, s.reason) == (None, "工作计划里的数字是目标，不是完成数；确需作为统计数字时再填写")


# -- articles ----------------------------------------------------------------------
def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(t) for t in texts]


def test_a_compilation_is_split_at_markers_and_title_lines() -> None:
    articles = split_articles(paragraphs(
        "全县工会工作总结汇编", "篇一", "石桥镇总工会2024年工作总结", "第一篇的正文。",
        "篇二：沁源县工会2024年工作要点", "第二篇的正文。", "云岭镇工会20××年工作总结", "第三篇的正文。",
    ), "汇编")
    assert [(a.title, a.body) for a in articles] == [
        ("石桥镇总工会2024年工作总结", "第一篇的正文。\n"),
        ("沁源县工会2024年工作要点", "第二篇的正文。\n"),
        ("云岭镇工会20××年工作总结", "第三篇的正文。\n"),
    ]


def test_a_word_title_style_starts_an_article_but_a_numbered_line_never_does() -> None:
    assert is_title(Paragraph("职工篮球赛圆满落幕", title=True))
    assert not is_title(Paragraph("一、2025年工作打算", title=True))
    assert not is_title(Paragraph("全镇工会会员都参加了总结"))  # a sentence that ends in 总结 is no title
    assert is_title(Paragraph("石桥镇总工会关于开展金秋助学的通知"))


def test_numbering_styles_become_headings_in_the_order_they_first_appear() -> None:
    body, _ = markdown_body(paragraphs(
        "（一）组织建设", "1、新建工会。全年新建工会7家。", "(1)第三层", "（二）维权服务", "2、短标题", "一、第四种不再是标题，仍是段落。",
    ))
    assert body == (
        "## （一）组织建设\n\n### 1、新建工会\n\n全年新建工会7家。\n\n#### (1)第三层\n\n## （二）维权服务\n\n### 2、短标题\n\n"
        "一、第四种不再是标题，仍是段落。\n"
    )


def test_a_long_numbered_sentence_stays_a_paragraph() -> None:
    text = "(1)春节前走访慰问困难职工68户，送去慰问金3.4万元。"
    assert markdown_body(paragraphs("1、帮扶", text))[0] == f"## 1、帮扶\n\n{text}\n"


def test_a_short_numbered_phrase_with_a_full_stop_is_a_heading() -> None:
    assert markdown_body(paragraphs("2、开展送温暖活动。", "3、全年新建工会7家。"))[0] == "## 2、开展送温暖活动\n\n3、全年新建工会7家。\n"


def test_figures_under_a_plan_heading_are_not_facts() -> None:
    _, facts = markdown_body(paragraphs("一、组织建设", "新建工会7家。", "二、2025年工作打算", "（一）新建工会5家。", "三、经费", "收缴经费10万元。"))
    assert facts == "一、组织建设\n新建工会7家。\n三、经费\n收缴经费10万元。"


ORG_MAP = {k: Organisation(k, v["name"], v["level"]) for k, v in ORGS.items()}


@pytest.mark.parametrize(("title", "expected"), [
    ("沁源县工会2024年工作总结", ("qinyuan-county", "")),
    ("沁源县总工会2024年工作总结", ("qinyuan-county", "")),
    ("石桥镇工会关于开展金秋助学的通知", ("shiqiao-town", "")),
    ("××镇总工会20××年工作总结", (None, "原文单位是“××镇总工会”（占位符），请填写 organisations.yml 中的单位键")),
    ("云岭镇总工会2024年工作总结", (None, "“云岭镇总工会”没有登记在 organisations.yml 中，请先登记再填写单位键")),
    ("职工篮球赛圆满落幕", (None, "原文没有写发布单位，请填写 organisations.yml 中的单位键")),
])
def test_the_organisation_is_matched_tolerantly_and_never_invented(title: str, expected: tuple[object, str]) -> None:
    assert match_org(title, ORG_MAP) == expected


def test_core_name() -> None:
    assert core_name("沁源县总工会") == core_name("沁源县工会") == "沁源县"


@pytest.mark.parametrize(("title", "kind"), [
    ("2024年工作总结", "summary"), ("2025年工作打算", "plan"), ("工作要点", "plan"), ("关于召开会员代表大会的通知", "notice"), ("举办职工篮球赛", "news"),
])
def test_the_type_from_the_title(title: str, kind: str) -> None:
    assert report_type(title) == kind


def test_year_date_and_topics_are_what_the_text_states() -> None:
    topics = {"assistance": Topic("assistance", "困难帮扶"), "women": Topic("women", "女职工工作")}
    [a] = split_articles(paragraphs("石桥镇总工会2024年工作总结", "全年走访慰问困难职工，开展送温暖活动。", "石桥镇总工会", "二〇二五年一月十五日"), "x")
    g = guess(a, ORG_MAP, topics)
    assert (g.year, g.date, g.org, g.type, g.topics) == (2024, "2025-01-15", "shiqiao-town", "summary", ("assistance",))
    [b] = split_articles(paragraphs("××镇总工会20××年工作总结", "正文。", "20××年12月28日"), "x")
    g = guess(b, ORG_MAP, topics)
    assert (g.year, g.year_note, g.date, g.date_note) == (None, "原文年份是“20××年”，请填写实际年份", None, "原文日期是“20××年12月28日”，请填写实际的发布日期")


def test_text_files_in_utf8_or_gb18030() -> None:
    assert decode_text("工会".encode()) == ("工会", "UTF-8")
    assert decode_text("\ufeff工会".encode()) == ("工会", "UTF-8")
    assert decode_text("工会".encode("gb18030")) == ("工会", "GB18030")


# -- writer, names -------------------------------------------------------------------
def test_the_writer_keeps_the_field_order_and_reads_back_valid(config: SiteConfig) -> None:
    text = front_matter(
        {"draft": True, "type": "summary", "org": "shiqiao-town", "year": 2024, "date": "2025-01-10", "title": "石桥镇总工会2024年工作总结", "topics": ["organising"]},
        {"draft": ["核对后删去这一行"]},
        [StatLine("new_members", 376, ("原文：发展新会员376名。",)), StatLine("aid_funds", None, ("待核对",), ("480000（原文“48万余元”）",))],
    )
    assert text == (
        "---\ntitle: 石桥镇总工会2024年工作总结\ndate: 2025-01-10\ntype: summary\nyear: 2024\norg: shiqiao-town\ntopics: [organising]\n"
        "stats:\n  # 原文：发展新会员376名。\n  new_members: 376\n  # 待核对\n  # aid_funds: 480000（原文“48万余元”）\n"
        "# 核对后删去这一行\ndraft: true\n---\n"
    )
    assert [k for k in yaml.safe_load(text.strip("-\n")) if k in FIELDS]
    reading = read_bulletin("bulletins/2024/a.md", "content/bulletins/2024/a.md", "bulletins/2024/a/", (text + "正文。\n").encode(), config, lambda p: None)
    assert reading.problems == [] and reading.bulletin is not None and reading.bulletin.stats == (("new_members", 376),)


def test_an_unknown_field_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="not a front matter field"):
        front_matter({"titel": "x"})


def test_slug_and_free_name(tmp_path: Path) -> None:
    assert slug("开展新就业形态劳动者集中入会活动") == "kai-zhan-xin-jiu-ye-xing"
    assert slug("2024年SMT技能比武") == "2024-nian-smt-ji-neng-bi"
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    assert free_name(tmp_path / "a.md", lambda p: False) == tmp_path / "a-2.md"
    assert free_name(tmp_path / "a.md", lambda p: p.name == "a-2.md") == tmp_path / "a-3.md"


# -- metrics.yml: phrases ----------------------------------------------------------------
def load(tmp_path: Path, metrics: object) -> tuple[SiteConfig, list[str]]:
    folder = tmp_path / "site_config"
    folder.mkdir(exist_ok=True)
    (folder / "organisations.yml").write_text(yaml.safe_dump(ORGS, allow_unicode=True), encoding="utf-8")
    (folder / "metrics.yml").write_text(yaml.safe_dump(metrics, allow_unicode=True), encoding="utf-8")
    site, problems = load_site_config(folder, tmp_path)
    return site, [str(p) for p in problems]


def test_phrases_are_read_into_the_metric(tmp_path: Path) -> None:
    site, problems = load(tmp_path, {"new_members": {"label": "新发展会员", "unit": "名", "phrases": ["发展新会员", " 新入会 ", "发展新会员"]}})
    assert problems == [] and site.metrics["new_members"].phrases == ("发展新会员", "新入会")


def test_bad_phrases_are_reported_and_the_metric_kept(tmp_path: Path) -> None:
    site, problems = load(tmp_path, {
        "a": {"label": "甲", "unit": "名", "phrases": "发展新会员"},
        "b": {"label": "乙", "unit": "名", "phrases": ["好", 3, ""]},
    })
    assert problems == [
        "site_config/metrics.yml: a.phrases: 发现 \"发展新会员\"，应为 短语的列表，如 [发展新会员, 新入会]（写成 [发展新会员]）",
        "site_config/metrics.yml: b.phrases[1]: 发现 3，应为 一个短语（文字），如 发展新会员",
        "site_config/metrics.yml: b.phrases[2]: 发现 \"\"，应为 一个短语（文字），如 发展新会员",
    ]
    assert site.metrics["a"].phrases == () and site.metrics["b"].phrases == ("好",)


def test_every_shipped_metric_has_phrases_and_the_example_site_ships_the_same() -> None:
    defaults = ROOT / "plugins" / "union_bulletin" / "defaults" / "metrics.yml"
    site, problems = load_site_config(ROOT / "site_config", ROOT)
    assert problems == []
    assert all(m.phrases for m in site.metrics.values())
    assert defaults.read_text(encoding="utf-8") == (ROOT / "site_config" / "metrics.yml").read_text(encoding="utf-8")


# -- the evaluation ------------------------------------------------------------------------
def test_the_importer_meets_its_precision_and_recall_on_the_test_compilation() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "bench"))
    try:
        import eval_import
    finally:
        sys.path.pop(0)
    result = eval_import.evaluate()
    assert [a["title"] for a in result["articles"]] == [
        "岚湾镇总工会2024年工作总结", "松埠镇工会2024年度工作总结", "××乡工会20××年工作总结", "芦汀乡工会2025年工作要点", "明澜街道工会开展新就业形态劳动者集中入会活动",
    ]
    assert result["expected"] == 39
    assert result["precision"] >= 0.9 and result["recall"] >= 0.8, result
