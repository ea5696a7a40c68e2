"""The site's search vocabulary: terms indexed and searched as one token each.

A term costs the reader one index chunk instead of one per character pair
(工资集体协商: one instead of five), and a page has it only when the term stands
in its text verbatim. The vocabulary is the built-in union words below, the
organisation names and topic labels of site_config, and the plugin option
``vocabulary``. Terms shorter than three Han characters add nothing and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from .tokens import MIN_TERM, is_han, normalise

#: Words union bulletins use again and again (activities, programmes, bodies).
UNION_TERMS: tuple[str, ...] = (
    "送温暖", "夏送清凉", "金秋助学", "工资集体协商", "集体协商", "集体合同", "工资专项集体协议",
    "职工书屋", "职工之家", "书香工会", "安康杯", "劳动竞赛", "技能竞赛", "技能比武", "职业技能",
    "劳动模范", "五一劳动奖章", "三八红旗手", "巾帼建功",
    "职代会", "职工代表大会", "厂务公开", "民主管理", "换届选举", "会员代表大会", "全委会",
    "农民工", "新就业形态", "新就业形态劳动者", "快递员", "外卖配送", "网约车",
    "困难职工", "困难职工档案", "帮扶资金", "医疗互助", "大病救助", "法律援助", "劳动争议",
    "欠薪", "根治欠薪", "劳动合同", "社会保险", "带薪年休假", "女职工", "四期保护",
    "工会经费", "经费收缴", "工会干部", "基层工会", "建会入会", "会员实名制", "职工服务中心",
    "户外劳动者", "爱心驿站", "职工疗休养", "心理疏导", "文体活动", "趣味运动会", "安全生产",
    "职业病防治", "隐患排查", "群众安全生产监督员", "春送岗位", "就业援助", "技能培训",
    "产业工人", "产业工人队伍建设改革", "劳动关系", "和谐劳动关系", "工会组织",
)


def build_vocabulary(*groups: Iterable[str]) -> list[str]:
    """Every term of the groups that is all Han and at least three characters long, without repeats, sorted."""
    terms: set[str] = set()
    for group in groups:
        for raw in group:
            term = normalise(str(raw)).strip()
            if len(term) >= MIN_TERM and is_han(term):
                terms.add(term)
    return sorted(terms)
