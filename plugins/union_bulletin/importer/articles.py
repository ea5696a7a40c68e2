"""A report's paragraphs → its articles, each with a Markdown body and what its text says about itself.

A compilation (汇编) holds several reports one after another: an article starts
at a 篇一/篇二 marker, at a paragraph Word styled as a title, or at a title
line such as "石桥镇总工会2024年工作总结". Inside an article the numbering
styles 一、/（一）/1、/(1) become headings, the first style met ``##``, the
next ``###``, the third ``####`` (reports nest them in different orders).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Organisation, Topic
from .sources import Paragraph

_CN = "一二三四五六七八九十"
_MARKER = re.compile(r"^篇[" + _CN + r"]+\s*[：:、.．]?\s*(.*)$")
_TITLE_END = re.compile(r"(工作总结|年度?总结|工作计划|工作打算|工作要点|工作安排|通知|公告)$")
_UNION = re.compile(r"(总工会|工会联合会|工会委员会|工会)")
#: Numbering styles, recognised in this order (a line matches one of them).
_NUMBERING = (
    ("一、", re.compile(r"^[" + _CN + r"]+[、．.]")),
    ("（一）", re.compile(r"^[（(][" + _CN + r"]+[）)]")),
    ("1、", re.compile(r"^\d{1,2}[、．.](?!\d)")),
    ("(1)", re.compile(r"^[（(]\d{1,2}[）)]")),
)
_PLAN_HEADING = re.compile(r"打算|计划|下步|下一步|思路|目标任务|工作安排")
_NUMBER_PREFIX = re.compile(r"^(?:[（(]?[" + _CN + r"\d]+[）)、．.])")
HEADING_MAX = 30  # a numbered line this short (and not a sentence) is a heading
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_PLACEHOLDER = re.compile(r"(20[xX×ｘＸ*＊_]{2}|[xX×ｘＸ*＊_]{4})\s*年")
_DATE = re.compile(r"^[（(]?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]?$")
_CN_DATE = re.compile(r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_DATE_PLACEHOLDER = re.compile(r"^[（(]?\s*(20[xX×ｘＸ]{2}|[xX×ｘＸ]{4})\s*年.{0,3}月.{0,3}日\s*[）)]?$")
_ORG_PLACEHOLDER = re.compile(r"[xX×ｘＸ*＊_]{2}|某某")
#: Words that file an article under a default topic, beside the topic's own label.
TOPIC_WORDS: Mapping[str, tuple[str, ...]] = {
    "organising": ("建会", "发展会员", "新会员", "组织建设", "会员实名制", "规范化建设"),
    "rights": ("维权", "劳动争议", "欠薪", "讨薪", "法律援助", "信访"),
    "assistance": ("帮扶", "送温暖", "慰问", "金秋助学", "困难职工", "医疗互助", "夏送清凉"),
    "negotiation": ("集体协商", "集体合同", "工资专项", "职代会", "厂务公开"),
    "culture": ("文体活动", "职工之家", "职工书屋", "文艺", "运动会", "篮球", "乒乓球"),
    "competition": ("劳动竞赛", "技能比武", "技术比武", "安康杯", "工人先锋号", "劳模"),
    "safety": ("安全生产", "安康杯", "安全知识", "隐患"),
    "funds": ("工会经费", "经费收缴", "经费管理", "财务"),
    "publicity": ("宣传", "普法", "学习教育", "培训工会干部"),
    "women": ("女职工", "三八", "妇女"),
    "training": ("技能培训", "职工培训", "培训班", "技能提升"),
}
TOPICS_MAX = 4
TOPIC_MIN_HITS = 2


@dataclass(frozen=True)
class Article:
    """One report of a source: its title and its body as Markdown."""

    title: str
    body: str  # Markdown: paragraphs and ## headings
    text: str  # the plain text (title and paragraphs), for the guesses
    facts: str  # the plain text without its plan sections (下步打算…): where figures are results, not targets


@dataclass(frozen=True)
class Guess:
    """What an article's text says about its front matter; a value is None when the text does not say it."""

    year: int | None
    year_note: str  # why there is no year ("原文年份是“20××”，请填写实际年份")
    type: str
    date: str | None  # YYYY-MM-DD
    date_note: str
    org: str | None
    org_note: str
    topics: tuple[str, ...]


def split_articles(paragraphs: Sequence[Paragraph], fallback_title: str) -> list[Article]:
    """The articles of a report, in order; text before the first title belongs to the first article."""
    groups: list[tuple[str, list[Paragraph]]] = []
    pending_marker = False
    for p in paragraphs:
        marker = _MARKER.match(p.text)
        if marker:
            rest = marker.group(1).strip()
            groups.append((rest, []))
            pending_marker = not rest  # the title is on the next line
            continue
        if pending_marker:
            groups[-1] = (p.text, groups[-1][1])
            pending_marker = False
            continue
        if is_title(p):
            groups.append((p.text, []))
            continue
        if not groups:
            groups.append(("", []))
        groups[-1][1].append(p)
    articles = []
    for title, body in groups:
        if not title and not body:
            continue
        if not title:
            title = body[0].text if body and len(body[0].text) <= 40 and not body[0].text.endswith("。") else fallback_title
            body = body[1:] if body and title == body[0].text else body
            if not body and len(groups) > 1:
                continue  # a compilation's own heading (……汇编) before its first article
        markdown, facts = markdown_body(body)
        articles.append(Article(title, markdown, "\n".join([title, *(p.text for p in body)]), facts))
    return articles


def is_title(p: Paragraph) -> bool:
    """A paragraph that begins a report: Word's title style, or a title line naming a union and a kind of report."""
    text = p.text
    if len(text) > 50 or text.endswith(("。", "；", "，", "：")) or any(rx.match(text) for _, rx in _NUMBERING):
        return False
    if p.title:
        return True
    return bool(_TITLE_END.search(text) and _UNION.search(text))


def markdown_body(paragraphs: Sequence[Paragraph]) -> tuple[str, str]:
    """Paragraphs as Markdown (numbered headings become ##, ###, ####; table rows stay together), and the
    text of the paragraphs outside plan sections (a heading with 打算, 计划, 下步… and what is under it)."""
    levels: list[str] = []
    blocks: list[str] = []
    facts: list[str] = []
    plan_level: int | None = None  # the level of the plan heading we are under
    for p in paragraphs:
        style = next((name for name, rx in _NUMBERING if rx.match(p.text)), None)
        level = levels.index(style) if style in levels else len(levels) if style is not None else None
        if level is not None and plan_level is not None and level <= plan_level:
            plan_level = None
        if level is not None and plan_level is None and _PLAN_HEADING.search(p.text[:24]):
            plan_level = level
        if plan_level is None:
            facts.append(p.text)
        if p.table:
            if blocks and blocks[-1].startswith("|"):
                blocks[-1] += "\n" + p.text
            else:
                blocks.append(p.text)
            continue
        if style is not None and (style in levels or len(levels) < 3):
            if style not in levels:
                levels.append(style)
            heading, rest = _heading_split(p.text)
            if heading:
                blocks.append("#" * (levels.index(style) + 2) + " " + heading)
                if rest:
                    blocks.append(rest)
                continue
        blocks.append(_escape(p.text))
    return "\n\n".join(blocks) + "\n", "\n".join(facts)


def _heading_split(text: str) -> tuple[str, str]:
    """(heading, the rest): a short numbered line is a heading; a short first sentence before the rest too."""
    if len(text) <= HEADING_MAX and not text.endswith(("。", "；", "！", "？")):
        return text.rstrip("：:"), ""
    phrase = text[:-1]
    if len(text) <= HEADING_MAX and text.endswith("。") and not re.search(r"[，,；;。\d]", _NUMBER_PREFIX.sub("", phrase)):
        return phrase, ""  # 2、开展送温暖活动。: one short phrase with a full stop is still a heading
    m = re.match(r"^(.{2,24}?)[。：:]\s*(.+)$", text)
    if m and not re.search(r"\d", _NUMBER_PREFIX.sub("", m.group(1))):  # a heading states no figure
        return m.group(1), m.group(2)
    return "", text


def _escape(text: str) -> str:
    """A paragraph that Markdown would read as something else (a list, a heading) stays a paragraph."""
    if re.match(r"^(\d+)\.\s", text) or text.startswith(("#", ">", "- ", "* ", "+ ")):
        return "\\" + text
    return text


def guess(article: Article, organisations: Mapping[str, Organisation], topics: Mapping[str, Topic]) -> Guess:
    """Front matter the article's own text states: year, type, date, organisation, topics. Nothing is invented."""
    year, year_note = _year(article)
    date, date_note = _date(article)
    org, org_note = match_org(article.title, organisations)
    return Guess(year, year_note, report_type(article.title), date, date_note, org, org_note, _topics(article.text, topics))


def report_type(title: str) -> str:
    if "总结" in title:
        return "summary"
    if any(w in title for w in ("计划", "打算", "要点")):
        return "plan"
    if any(w in title for w in ("通知", "公告", "公示")):
        return "notice"
    return "news"


def _year(article: Article) -> tuple[int | None, str]:
    for text in (article.title, article.text[:200]):
        placeholder = _YEAR_PLACEHOLDER.search(text)
        found = _YEAR.search(text)
        if placeholder and (found is None or placeholder.start() < found.start()):
            return None, f"原文年份是“{placeholder.group(0)}”，请填写实际年份"
        if found:
            return int(found.group(1)), ""
    return None, "原文没有写年份，请填写"


def _date(article: Article) -> tuple[str | None, str]:
    for line in reversed(article.text.split("\n")[1:]):
        m = _DATE.match(line.strip()) or _CN_DATE.match(line.strip())
        if m:
            y, mo, d = (_cn_int(x) for x in m.groups())
            if 1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}", ""
        if _DATE_PLACEHOLDER.match(line.strip()):
            return None, f"原文日期是“{line.strip()}”，请填写实际的发布日期"
    return None, "原文没有写日期，请填写发布日期"


def _cn_int(text: str) -> int:
    """12, 二〇二五 (digit by digit) or 十五 (a number) → int."""
    if text.isdigit():
        return int(text)
    digits = "〇一二三四五六七八九"
    if len(text) == 4 and all(ch in digits or ch == "零" for ch in text):
        return int("".join(str(digits.index("〇" if ch == "零" else ch)) for ch in text))
    import cn2an

    return int(cn2an.cn2an(text, "smart"))


def core_name(name: str) -> str:
    """A union's name without its kind: 沁源县总工会 and 沁源县工会 are both 沁源县."""
    return re.sub(r"(总工会|工会联合会|工会委员会|工会)$", "", name.strip())


def match_org(title: str, organisations: Mapping[str, Organisation]) -> tuple[str | None, str]:
    """The registered organisation a title names, tolerant of 总工会/工会; a note when there is none."""
    m = re.match(r"^(.*?(?:总工会|工会联合会|工会委员会|工会))", title)
    named = m.group(1) if m else ""
    named = _YEAR.sub("", named)
    if named and _ORG_PLACEHOLDER.search(named):
        return None, f"原文单位是“{named}”（占位符），请填写 organisations.yml 中的单位键"
    cores = {key: core_name(org.name) for key, org in organisations.items()}
    if named:
        exact = [key for key, core in cores.items() if core and core == core_name(named)]
        if exact:
            return exact[0], ""
    within = sorted((key for key, core in cores.items() if core and core in title), key=lambda k: -len(cores[k]))
    if within:
        return within[0], ""
    if named:
        return None, f"“{named}”没有登记在 organisations.yml 中，请先登记再填写单位键"
    return None, "原文没有写发布单位，请填写 organisations.yml 中的单位键"


def _topics(text: str, topics: Mapping[str, Topic]) -> tuple[str, ...]:
    counts: list[tuple[int, int, str]] = []
    for i, (key, topic) in enumerate(topics.items()):
        words = {topic.label, *TOPIC_WORDS.get(key, ())}
        hits = sum(text.count(w) for w in words)
        if hits >= TOPIC_MIN_HITS:
            counts.append((-hits, i, key))
    return tuple(key for _, _, key in sorted(counts)[:TOPICS_MAX])
