"""Deterministic synthetic corpus of union bulletins, for scale tests and benchmarks.

`generate(out_dir, bulletins, seed)` writes a complete site source that follows
CONTENT_SPEC.md: `content/index.md`, `content/bulletins/<year>/<name>.md` (exactly
`bulletins` files) and `site_config/` (organisations.yml made up here; metrics.yml
and topics.yml copied from the package defaults). The same arguments always give
byte-identical output: every random choice comes from one `random.Random(seed)`,
nothing depends on the clock or on hash ordering.

The organisations, places and events are invented. The text is written for this
generator; it names no person, and no ID, phone or bank number.

`--length real` (`generate(..., length="real")`) writes annual summaries of
real length and figure density (1,500-4,500 characters, 20-60 figures, see
../shared/DOMAIN.md) and news of 400-1,200 characters; the default
`synthetic` keeps the shorter texts, byte for byte.

    python tests/bench/corpus.py --bulletins 1000 --seed 1 --out /tmp/corpus
    python tests/bench/corpus.py --bulletins 1000 --length real --out /tmp/corpus-real
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULTS_DIR = HERE.parents[1] / "plugins" / "union_bulletin" / "defaults"

FIRST_YEAR = 2016
LAST_YEAR = 2025
TYPE_SHARES = (("summary", 0.35), ("plan", 0.10), ("notice", 0.15))  # news: the rest
TYPE_ORDER = ("summary", "plan", "news", "notice")
CN_NUM = "一二三四五六七八九十"

# ---------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------

PLACE_FIRST = (
    ("石", "shi"), ("云", "yun"), ("东", "dong"), ("西", "xi"), ("南", "nan"),
    ("北", "bei"), ("青", "qing"), ("白", "bai"), ("金", "jin"), ("龙", "long"),
    ("凤", "feng"), ("桃", "tao"), ("柳", "liu"), ("梅", "mei"), ("松", "song"),
    ("清", "qing"), ("平", "ping"), ("安", "an"), ("永", "yong"), ("长", "chang"),
    ("新", "xin"), ("宝", "bao"), ("双", "shuang"), ("大", "da"), ("黄", "huang"),
    ("红", "hong"), ("茶", "cha"), ("竹", "zhu"), ("兰", "lan"), ("杏", "xing"),
    ("高", "gao"), ("鹤", "he"), ("枣", "zao"), ("汀", "ting"), ("沙", "sha"),
    ("碧", "bi"), ("乐", "le"), ("仁", "ren"), ("和", "he"), ("富", "fu"),
)
PLACE_SECOND = (
    ("桥", "qiao"), ("岭", "ling"), ("湖", "hu"), ("山", "shan"), ("溪", "xi"),
    ("河", "he"), ("塘", "tang"), ("坪", "ping"), ("口", "kou"), ("关", "guan"),
    ("滩", "tan"), ("源", "yuan"), ("泉", "quan"), ("林", "lin"), ("田", "tian"),
    ("洲", "zhou"), ("湾", "wan"), ("岗", "gang"), ("庄", "zhuang"), ("坝", "ba"),
    ("浦", "pu"), ("渡", "du"), ("峰", "feng"), ("阳", "yang"), ("水", "shui"),
    ("城", "cheng"), ("港", "gang"), ("堡", "bao"), ("川", "chuan"), ("店", "dian"),
)
BRAND = (
    ("华", "hua"), ("远", "yuan"), ("恒", "heng"), ("通", "tong"), ("鑫", "xin"),
    ("达", "da"), ("宏", "hong"), ("泰", "tai"), ("盛", "sheng"), ("利", "li"),
    ("佳", "jia"), ("瑞", "rui"), ("嘉", "jia"), ("兴", "xing"), ("润", "run"),
    ("德", "de"), ("信", "xin"), ("正", "zheng"), ("凯", "kai"), ("祥", "xiang"),
    ("振", "zhen"), ("宇", "yu"), ("海", "hai"), ("天", "tian"), ("力", "li"),
    ("诚", "cheng"), ("晟", "sheng"), ("博", "bo"), ("安", "an"), ("丰", "feng"),
)
INDUSTRY = (
    ("纺织", "textile"), ("机械", "machinery"), ("建材", "building"), ("食品", "food"),
    ("电子", "electronics"), ("物流", "logistics"), ("服装", "garment"),
    ("化工", "chemical"), ("制药", "pharma"), ("农业开发", "agri"),
    ("建筑工程", "construction"), ("汽车配件", "autoparts"), ("包装", "packaging"),
    ("茶业", "tea"), ("家具", "furniture"), ("印刷", "printing"),
    ("新材料", "materials"), ("环保科技", "enviro"), ("陶瓷", "ceramics"),
    ("五金", "hardware"),
)
COMPANY_FORM = ("有限公司", "有限公司", "股份有限公司", "实业有限公司")
UNIT_LEVELS = ("town", "town", "town", "township", "township", "street")

# Level-dependent words used in the text templates.
AREA = {"county": "全县", "town": "全镇", "township": "全乡", "street": "全街道",
        "enterprise": "全公司"}
PARTY = {"county": "县委", "town": "镇党委", "township": "乡党委",
         "street": "街道党工委", "enterprise": "公司党支部"}
GRASS = {"county": "各乡镇（街道）工会", "town": "各企业和村（社区）工会",
         "township": "各村和企业工会", "street": "辖区各基层工会",
         "enterprise": "各车间分工会"}
LEADER = {"county": "县总工会主席", "town": "镇党委副书记、总工会主席",
          "township": "乡党委委员、工会主席", "street": "街道党工委委员、工会主席",
          "enterprise": "公司工会主席"}
# Weight of an organisation when bulletins are handed out.
ORG_WEIGHT = {"county": 6.0, "town": 3.0, "township": 2.5, "street": 2.5, "enterprise": 1.0}
# Magnitude of annual figures relative to a town (low, high).
LEVEL_SCALE = {"county": (3.0, 6.0), "town": (1.0, 1.0), "township": (0.55, 0.9),
               "street": (0.75, 1.15)}


@dataclass(frozen=True)
class Org:
    """An invented union organisation."""

    key: str
    name: str
    level: str
    parent: str | None
    place: str
    abbr: str
    size: float


def _place(rng: random.Random) -> tuple[str, str, str]:
    a, b = rng.choice(PLACE_FIRST), rng.choice(PLACE_SECOND)
    return a[0] + b[0], a[1] + b[1], (a[1][0] + b[1][0]).upper()


def make_orgs(rng: random.Random, count: int) -> list[Org]:
    """Invent `count` organisations: one county federation, units, enterprises."""
    used_names: set[str] = set()
    used_keys: set[str] = set()

    def unique(name: str, key: str) -> tuple[str, str] | None:
        if name in used_names:
            return None
        base, n = key, 2
        while key in used_keys:
            key = f"{base}-{n}"
            n += 1
        used_names.add(name)
        used_keys.add(key)
        return name, key

    orgs: list[Org] = []
    while True:
        place, py, abbr = _place(rng)
        got = unique(place + "县总工会", py + "-county")
        if got:
            root = Org(got[1], got[0], "county", None, place + "县", abbr + "X", 1.0)
            orgs.append(root)
            break
    n_units = max(2, round((count - 1) * 0.35))
    units: list[Org] = []
    for i in range(n_units):
        level = ("town", "township", "street")[i] if i < 3 else rng.choice(UNIT_LEVELS)
        while True:
            place, py, abbr = _place(rng)
            if level == "town":
                full, suffix = place + "镇", rng.choice(("总工会", "总工会", "工会联合会"))
            elif level == "township":
                full, suffix = place + "乡", "工会"
            else:
                full, suffix = place + "街道", rng.choice(("工会", "总工会"))
            got = unique(full + suffix, f"{py}-{level}")
            if got:
                break
        units.append(Org(got[1], got[0], level, root.key, full, abbr,
                         round(rng.uniform(0.7, 1.3), 3)))
    orgs.extend(units)
    for _ in range(max(0, count - 1 - n_units)):
        while True:
            b1, b2 = rng.sample(BRAND, 2)
            ind = rng.choice(INDUSTRY)
            company = b1[0] + b2[0] + ind[0] + rng.choice(COMPANY_FORM)
            got = unique(company + "工会", f"{b1[1]}{b2[1]}-{ind[1]}")
            if got:
                break
        parent = rng.choice(units)
        orgs.append(Org(got[1], got[0], "enterprise", parent.key, company,
                        (b1[1][0] + b2[1][0]).upper(), round(rng.uniform(0.6, 1.4), 3)))
    return orgs


def organisations_yaml(orgs: list[Org]) -> str:
    lines = [
        "# Organisations of the synthetic benchmark corpus (tests/bench/corpus.py).",
        "# key -> name, level (county | township | town | street | enterprise), parent.",
    ]
    for org in orgs:
        lines += [f"{org.key}:", f"  name: {org.name}", f"  level: {org.level}"]
        if org.parent:
            lines.append(f"  parent: {org.parent}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Numbers and how the text states them
# ---------------------------------------------------------------------------

# Annual figures of a town union (low, high); enterprise ranges, None = not reported.
METRIC_RANGES: dict[str, tuple[int, int, tuple[int, int] | None]] = {
    "unions_founded": (3, 25, None),
    "new_members": (150, 900, (10, 150)),
    "members_total": (3000, 20000, (80, 2500)),
    "collective_contracts": (20, 150, (1, 1)),
    "wage_agreements": (10, 90, (1, 1)),
    "workers_assisted": (80, 600, (5, 60)),
    "aid_funds": (150000, 900000, (5000, 80000)),
    "students_aided": (10, 80, (1, 12)),
    "cases_handled": (5, 80, (0, 6)),
    "wages_recovered": (50000, 1500000, None),
    "training_attendance": (300, 3000, (40, 600)),
    "activities_held": (5, 40, (2, 15)),
    "dues_collected": (500000, 5000000, (30000, 600000)),
}
MONEY = frozenset({"aid_funds", "wages_recovered", "dues_collected"})

Number = int | float


def fmt_num(v: Number) -> str:
    """A number as YAML and the text write it (131731.5, 376)."""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def yuan(v: Number) -> str:
    """Money as a report states it: 4500元, 48.23万元, 131731.5元."""
    if isinstance(v, int) and v >= 10000 and v % 100 == 0:
        hundreds = v // 100
        wan = f"{hundreds // 100}.{hundreds % 100:02d}".rstrip("0").rstrip(".")
        return wan + "万元"
    return fmt_num(v) + "元"


def money(rng: random.Random, lo: float, hi: float) -> Number:
    """A sum of money in yuan: mostly round hundreds, sometimes with a decimal."""
    lo_i, hi_i = max(1, int(lo)), max(2, int(hi))
    r = rng.random()
    if r < 0.15:
        return rng.randint(lo_i, hi_i) + rng.choice((0.5, 0.2, 0.8, 0.6))
    if r < 0.35:
        return rng.randint(lo_i, hi_i)
    return max(100, rng.randint(lo_i // 100, hi_i // 100) * 100)


def approx(rng: random.Random, lo: int, hi: int, unit: str = "名") -> str:
    """An approximate head count as reports write it (近百名, 200余名, 60多名)."""
    n = rng.randint(lo, hi)
    if 85 <= n <= 99 and rng.random() < 0.5:
        return "近百" + unit
    n = max(10, n // 10 * 10)
    return f"{n}{rng.choice(('余', '多'))}{unit}"


def text_value(key: str, v: Number) -> str:
    return yuan(v) if key in MONEY else fmt_num(v)


# ---------------------------------------------------------------------------
# Summary sections: heading choices, filler sentences, sentences stating a metric
# ---------------------------------------------------------------------------

# Each metric: sentence templates; {v} is the value as text.
STAT_SENTENCES: dict[str, tuple[str, ...]] = {
    "unions_founded": (
        "全年新建基层工会{v}家，基层工会组建率保持在{rate}%以上。",
        "深入非公企业宣传建会政策，新组建工会组织{v}家。",
        "按照“成熟一家、组建一家”的原则，全年新建工会{v}家，组织覆盖面进一步扩大。",
    ),
    "new_members": (
        "全年发展新会员{v}名，其中农民工会员{part}名。",
        "通过集中入会、上门服务等方式吸收新会员{v}名，做到应入尽入。",
        "全年新发展会员{v}名，会员队伍不断壮大。",
    ),
    "members_total": (
        "截至年底，{area}共有工会会员{v}人。",
        "会员总数达到{v}人，会员信息全部录入实名制管理系统。",
    ),
    "collective_contracts": (
        "指导签订集体合同{v}份，覆盖职工{cover}人。",
        "全年新签、续签集体合同{v}份，合同履约情况总体良好。",
    ),
    "wage_agreements": (
        "签订工资专项集体协议{v}份，职工工资普遍上浮{lo}-{hi}个百分点。",
        "推动开展工资集体协商，签订工资专项集体协议{v}份。",
    ),
    "workers_assisted": (
        "走访慰问困难职工和一线职工{v}人次。",
        "全年帮扶慰问各类职工{v}人次，把组织的关怀送到职工心坎上。",
    ),
    "aid_funds": (
        "共发放帮扶慰问资金{v}。",
        "发放慰问金及慰问物资折合{v}。",
    ),
    "students_aided": (
        "开展金秋助学活动，资助困难职工子女{v}名顺利入学。",
        "通过金秋助学帮助{v}名困难职工子女圆了上学梦。",
    ),
    "cases_handled": (
        "全年受理职工来信来访和劳动争议{v}件，调解成功率达{rate}%。",
        "接待职工来访、处理劳动争议{v}件，做到件件有回音。",
    ),
    "wages_recovered": (
        "协助职工追讨被拖欠工资{v}。",
        "联合有关部门开展欠薪专项治理，帮助职工追回工资{v}。",
    ),
    "training_attendance": (
        "举办各类培训班，培训职工{v}人次。",
        "组织职工参加技能和安全培训{v}人次，一批职工取得职业资格证书。",
    ),
    "activities_held": (
        "全年组织开展各类文体活动{v}场。",
        "全年举办文体活动{v}场，参与职工人数创历年新高。",
    ),
    "dues_collected": (
        "全年收缴工会经费{v}。",
        "工会经费收缴{v}，收缴率较上年有所提高。",
    ),
}
ZERO_SENTENCES: dict[str, str] = {
    "cases_handled": "全年未接到劳动争议投诉，未发生因欠薪引发的群体性事件。",
}


@dataclass(frozen=True)
class Section:
    """One numbered part of an annual summary or plan."""

    key: str
    topic: str
    metrics: tuple[str, ...]
    headings: tuple[str, ...]
    fillers: tuple[str, ...]
    plans: tuple[str, ...]
    figures: tuple[tuple[str, str, int, int, str], ...] = ()


SECTIONS: tuple[Section, ...] = (
    Section(
        "organising", "organising", ("unions_founded", "new_members", "members_total"),
        ("加强组织建设，扩大工会覆盖面", "以建会入会为重点，夯实基层组织基础",
         "抓好组织建设，不断壮大会员队伍"),
        (
            "坚持把组建工会和发展会员作为工会工作的首要任务，对辖区内未建会企业逐一摸底登记，建立动态台账。",
            "针对农民工流动性大、入会难的问题，采取“上门入会”“集中入会”等灵活方式，把农民工最大限度地吸收到工会组织中来。",
            "按照“六有”标准推进基层工会规范化建设，督促{grass}做到制度上墙、台账齐全、活动正常。",
            "指导{few}家基层工会按期完成换届选举，工会组织机构进一步健全。",
            "结合企业规模小、分布散的实际，推行区域性、行业性联合工会模式，把小微企业职工纳入工会组织。",
            "加强工会干部队伍建设，选优配强基层工会主席，充实专兼职工会干部力量。",
            "在快递、外卖配送、网约车等新就业形态劳动者中开展集中入会行动，设立流动服务点。",
            "开展会员实名制录入工作，会员信息数据完整率明显提高。",
        ),
        (
            "继续开展建会入会集中行动，力争新建工会{n}家、发展会员{m}名。",
            "推进基层工会规范化建设，年内完成{few}家基层工会换届。",
            "把新就业形态劳动者入会作为重点，实现应建尽建、应入尽入。",
        ),
        (("新就业形态劳动者入会", "名", 20, 300,
          "其中吸收新就业形态劳动者入会{f}名。"),),
    ),
    Section(
        "rights", "rights",
        ("collective_contracts", "wage_agreements", "cases_handled", "wages_recovered"),
        ("依法维护职工权益，构建和谐劳动关系", "突出维权职能，推进集体协商",
         "加强民主管理，推动劳动关系和谐稳定"),
        (
            "以非公企业为重点，全面推行工资集体协商制度，推动建立职工工资正常增长机制。",
            "指导企业规范召开职代会，落实厂务公开制度，保障职工的知情权、参与权、表达权和监督权。",
            "健全劳动争议调解组织，坚持把矛盾化解在基层、解决在萌芽状态。",
            "在春节前后等欠薪易发时段，联合劳动保障部门开展专项检查，督促企业按时足额发放工资。",
            "聘请律师担任职工法律顾问，定期到企业开展法律咨询，为困难职工提供法律援助。",
            "对企业执行劳动合同、社会保险等情况开展监督检查，督促整改发现的问题。",
            "推动企业落实带薪年休假、女职工“四期”保护等规定，维护职工合法权益。",
            "引导职工依法理性表达诉求，协助做好信访接待和矛盾排查工作。",
        ),
        (
            "深入推进工资集体协商，集体合同签订率稳定在{rate}%以上。",
            "落实职代会和厂务公开制度，推动非公企业民主管理全覆盖。",
            "完善劳动争议调解机制，做好欠薪易发时段的排查和化解工作。",
        ),
        (("职代会建制企业", "家", 10, 120,
          "已建工会的企业中有{f}家建立了职代会制度。"),),
    ),
    Section(
        "assistance", "assistance", ("workers_assisted", "aid_funds", "students_aided"),
        ("做实帮扶救助，为职工办实事解难事", "深化送温暖活动，关心困难职工生活",
         "坚持服务职工，扎实开展困难帮扶"),
        (
            "对困难职工家庭开展全面摸底，建立困难职工档案，做到一户一档、动态管理。",
            "元旦春节期间开展“送温暖”活动，工会领导带队深入企业和困难职工家中走访慰问。",
            "盛夏高温期间开展“夏送清凉”活动，为高温作业的一线职工送去防暑降温用品。",
            "组织职工参加医疗互助保障活动，减轻职工因病致贫、因病返贫的负担。",
            "积极争取上级工会帮扶资金，对因病、因灾致困的职工及时给予救助。",
            "“两节”期间慰问坚守岗位的一线职工、环卫工人和劳动模范。",
            "依托职工服务中心，为职工提供就业信息、法律咨询和心理疏导等服务。",
        ),
        (
            "做好“两节”送温暖、金秋助学和夏送清凉工作，确保帮扶资金及时足额发放到位。",
            "动态更新困难职工档案，推动帮扶工作由生活救助向助医、助学、就业帮扶延伸。",
            "扩大职工医疗互助覆盖面，力争参保职工达到{m}人。",
        ),
        (("医疗互助参保率", "%", 85, 100, "职工医疗互助参保率达到{f}%。"),
         ("发放清凉物资", "份", 100, 2000, "夏季共发放清凉物资{f}份。")),
    ),
    Section(
        "culture", "culture", ("activities_held",),
        ("丰富职工文化生活，加强阵地建设", "开展文体活动，建好职工之家",
         "活跃职工文化生活，增强队伍凝聚力"),
        (
            "以“三八”“五一”等节日为契机，组织开展文艺汇演、趣味运动会、篮球赛等文体活动。",
            "加强职工之家和职工书屋建设，添置图书和健身器材，为职工提供学习休闲的场所。",
            "组织职工参加{upper}举办的歌咏比赛、书画摄影展和乒乓球比赛，取得较好成绩。",
            "开展“书香工会”全民阅读活动，引导职工多读书、读好书。",
            "举办职工广场舞、拔河、登山等群众性活动，参与职工达{crowd}。",
            "推动有条件的企业建设职工活动室和爱心妈妈小屋。",
        ),
        (
            "办好“三八”“五一”系列活动，年内举办文体活动不少于{few}场。",
            "新建或提升职工之家{few}个，推动职工书屋向企业车间延伸。",
        ),
        (("职工书屋藏书", "册", 800, 12000, "职工书屋现有藏书{f}册。"),),
    ),
    Section(
        "competition", "competition", ("training_attendance",),
        ("广泛开展劳动竞赛，提升职工技能素质", "以劳动竞赛为载体，弘扬劳模精神",
         "抓好技能培训和安全生产，助力企业发展"),
        (
            "深入开展“安康杯”竞赛活动，组织职工参加安全知识竞赛和隐患排查，增强职工安全意识。",
            "围绕重点项目和骨干企业开展技术比武和岗位练兵，涌现出一批技术能手。",
            "大力宣传劳模先进事迹，积极推荐优秀职工申报五一劳动奖章和工人先锋号。",
            "联合人社部门开展职业技能培训，帮助职工提升就业创业能力。",
            "组织群众安全生产监督员深入车间开展检查，督促企业整改安全隐患。",
            "开展职工合理化建议和技术创新活动，一批“小发明”“小革新”在生产中得到应用。",
        ),
        (
            "深化“安康杯”竞赛，组织技术比武和岗位练兵，年内培训职工{m}人次。",
            "做好劳模和先进集体的推荐、管理和服务工作，营造尊重劳动的氛围。",
        ),
        (("征集合理化建议", "条", 20, 400, "全年征集合理化建议{f}条。"),
         ("整改安全隐患", "处", 10, 200, "发现并督促整改安全隐患{f}处。")),
    ),
    Section(
        "funds", "funds", ("dues_collected",),
        ("规范经费管理，提高经费使用效益", "抓好经费收缴，管好用好工会经费"),
        (
            "加强与税务部门的协作，推行工会经费税务代收，收缴工作实现应收尽收。",
            "严格执行工会经费收支管理办法，坚持经费使用向基层倾斜、向职工倾斜。",
            "主动接受经费审查委员会的审查监督，定期公开经费收支情况。",
            "按规定及时做好经费返还工作，保障基层工会正常开展活动。",
            "完善财务制度，规范支出审批程序，确保经费用在职工身上。",
        ),
        (
            "做好工会经费收缴和返还工作，力争经费收缴率达到{rate}%以上。",
            "加强经费审查监督，提高经费使用效益。",
        ),
    ),
    Section(
        "publicity", "publicity", (),
        ("加强宣传教育，营造良好氛围", "深化普法宣传，提高职工素质"),
        (
            "利用宣传栏、微信公众号等载体，广泛宣传《工会法》《劳动法》《劳动合同法》等法律法规。",
            "深入企业和工地开展普法宣传活动，解答职工咨询。",
            "组织基层工会干部参加{upper}举办的业务培训，提高履职能力。",
            "加强职工思想政治引领，组织职工学习党的方针政策。",
            "及时报道工会工作动态，多篇工作信息被上级媒体采用。",
        ),
        (
            "加强工会干部培训，全年培训基层工会干部不少于{few}期。",
            "利用新媒体做好工会宣传，讲好劳动者故事。",
        ),
        (("发放宣传资料", "份", 500, 8000, "共发放普法宣传资料{f}份。"),),
    ),
    Section(
        "women", "women", (),
        ("做好女职工工作，维护女职工特殊权益", "关爱女职工，发挥“半边天”作用"),
        (
            "推动企业签订女职工权益保护专项集体合同，落实女职工特殊劳动保护措施。",
            "组织女职工开展健康体检和“两癌”筛查，关爱女职工身心健康。",
            "开展“三八”节系列活动，表彰一批巾帼建功先进集体。",
            "建设爱心妈妈小屋，为孕期和哺乳期女职工提供便利。",
        ),
        (
            "推进女职工权益保护专项集体合同签订，新建爱心妈妈小屋{few}个。",
        ),
    ),
)

WEAKNESSES = (
    "部分小微企业建会难、会员流动性大，组织覆盖还不够稳固",
    "基层工会干部多为兼职，业务能力和工作精力有限",
    "工资集体协商质量有待提高，部分协议内容不够具体",
    "服务职工的手段还不够多，对新就业形态劳动者的服务存在短板",
    "工会经费收缴不够平衡，个别企业存在拖欠现象",
    "宣传工作的深度和广度还需进一步拓展",
    "职工文体活动形式比较单一，吸引力有待增强",
)

INTRO = (
    "{year}年，在{party}的正确领导和{upper}的精心指导下，{org}紧紧围绕{area}中心工作，"
    "认真履行维护职工合法权益的基本职责，各项工作取得了新的进展。现将全年工作总结如下。",
    "{year}年，{org}坚持以职工为中心的工作导向，在{party}和{upper}的领导下，"
    "突出维权服务主线，扎实推进组织建设、帮扶救助和劳动竞赛等工作，较好地完成了年初确定的目标任务。",
    "一年来，{org}在{party}的坚强领导下，团结带领{area}广大职工，围绕发展大局建功立业，"
    "努力为职工办实事、做好事、解难事。现将{year}年工作情况总结如下。",
    "{year}年是{org}夯实基础、提升服务的一年。在{upper}的指导和{party}的支持下，"
    "我们以建设职工信赖的“职工之家”为目标，推动各项工作落到实处。",
)
PLAN_INTRO = (
    "{year}年，{org}将在{party}和{upper}的领导下，坚持围绕中心、服务大局，"
    "以维护职工合法权益为主线，重点抓好以下几个方面的工作。",
    "为做好{year}年工会工作，结合{area}实际，现制定工作计划如下。",
    "{year}年是推进工会改革的关键一年。{org}将聚焦主责主业，力争各项工作再上新台阶，具体安排如下。",
)
PLAN_CLOSE = (
    "{org}将以更加务实的作风抓好各项任务落实，为{area}高质量发展作出新的贡献。",
    "各基层工会要结合实际制定具体措施，明确责任，确保全年工作任务圆满完成。",
    "我们将主动接受职工监督，定期通报计划落实情况。",
)

# ---------------------------------------------------------------------------
# News events and notices
# ---------------------------------------------------------------------------

EVENTS: tuple[dict[str, Any], ...] = (
    {
        "slug": "labour-day", "windows": ((4, 20, 5, 8),), "topics": ("culture",),
        "more": ("competition", "publicity"), "vars": {"act": ("趣味运动会", "文艺汇演", "拔河比赛", "健步走活动")},
        "titles": ("{org}举办庆“五一”职工{act}", "喜迎“五一”，{place}职工{act}精彩上演"),
        "open": ("为庆祝“五一”国际劳动节，丰富职工业余文化生活，{date_cn}，{org}举办了职工{act}，{crowd}职工参加。",
                 "{date_cn}，由{org}主办的庆“五一”职工{act}举行，来自{grass}的{crowd}职工踊跃参与。"),
        "body": ("活动设置了多个项目，既有团队协作的集体项目，也有考验个人技巧的单项比赛。",
                 "{leader}在开幕时致辞，向全体劳动者致以节日的问候。",
                 "赛场上加油声此起彼伏，职工们你追我赶，充分展现了团结拼搏的精神风貌。",
                 "活动结束后，组委会为获奖队伍颁发了奖品和证书。",
                 "不少职工表示，这样的活动既锻炼了身体，又增进了同事之间的感情。"),
        "close": ("下一步，{org}将继续组织形式多样的文体活动，不断增强工会组织的吸引力和凝聚力。",
                  "此次活动营造了劳动光荣、劳动伟大的浓厚氛围。"),
    },
    {
        "slug": "womens-day", "windows": ((3, 1, 3, 12),), "topics": ("women",),
        "more": ("culture",), "vars": {"act": ("文艺演出", "插花体验活动", "健康知识讲座", "趣味游园活动")},
        "titles": ("{org}开展“三八”国际妇女节{act}", "巾帼展风采——{place}女职工欢度“三八”节"),
        "open": ("为庆祝“三八”国际妇女节，{date_cn}，{org}组织开展了{act}，{crowd}女职工参加。",
                 "{date_cn}，{org}举办庆“三八”{act}，为女职工送上节日祝福。"),
        "body": ("活动中，女职工们精神饱满、热情高涨，现场欢声笑语不断。",
                 "工会还邀请医务人员为女职工讲解妇科疾病预防和日常保健知识。",
                 "舞蹈、合唱、诗朗诵等节目轮番上演，展现了新时代女职工自信自强的风采。",
                 "{leader}勉励广大女职工在岗位上建功立业，在家庭中弘扬好家风。"),
        "close": ("{org}将继续关注女职工的特殊需求，切实维护女职工合法权益。",
                  "大家纷纷表示，将以更加饱满的热情投入到工作中去。"),
    },
    {
        "slug": "ball-game", "windows": ((3, 10, 6, 20), (9, 1, 11, 20)), "topics": ("culture",),
        "more": (), "vars": {"ball": ("篮球", "乒乓球", "羽毛球", "气排球")},
        "titles": ("{org}举办职工{ball}比赛", "{place}第{nth}届职工{ball}赛圆满落幕"),
        "open": ("{date_cn}，{org}举办职工{ball}比赛，共有{teams}支代表队参赛。",
                 "为推动全民健身活动深入开展，{org}于{date_cn}组织了职工{ball}比赛，{teams}支队伍同场竞技。"),
        "body": ("比赛采用小组循环和淘汰赛相结合的赛制，历时{days}天。",
                 "赛场上，队员们奋勇拼搏、相互配合，精彩的比赛不时赢得观众阵阵掌声。",
                 "裁判员严格执裁，保证了比赛公平公正、安全有序。",
                 "各代表队赛出了风格、赛出了水平，体现了良好的体育道德。",
                 "比赛期间，{grass}组织职工到场观战助威，场面十分热闹。"),
        "close": ("经过激烈角逐，比赛决出了团体前三名和优秀组织奖。",
                  "本次比赛增进了单位之间的交流，展示了职工积极向上的精神面貌。"),
    },
    {
        "slug": "safety-quiz", "windows": ((5, 10, 9, 20),), "topics": ("safety",),
        "more": ("competition",), "vars": {},
        "titles": ("{org}举办“安康杯”安全生产知识竞赛", "以赛促学保安全，{place}开展安全知识竞赛"),
        "open": ("为深入开展“安康杯”竞赛活动，{date_cn}，{org}举办安全生产知识竞赛，{teams}支代表队参赛。",
                 "{date_cn}，{org}结合“安全生产月”活动组织职工安全知识竞赛。"),
        "body": ("竞赛内容涵盖安全生产法律法规、消防安全、应急救护等方面，分为必答题、抢答题和风险题三个环节。",
                 "参赛选手沉着应战，答题准确迅速，现场观众也积极参与互动答题。",
                 "比赛间隙，工作人员现场演示了灭火器和心肺复苏的正确操作方法。",
                 "{leader}要求各单位把安全责任落实到岗位、落实到人。"),
        "close": ("通过竞赛，职工的安全意识和应急处置能力得到了进一步提高。",
                  "{org}将以此次竞赛为契机，推动安全生产群众监督工作常态化。"),
    },
    {
        "slug": "spring-visits", "windows": ((1, 5, 2, 12), (12, 18, 12, 31)), "topics": ("assistance",),
        "more": (), "vars": {},
        "stats": {"workers_assisted": (20, 120), "aid_funds": (20000, 150000)},
        "titles": ("{org}开展“送温暖”走访慰问活动", "情暖职工心，{place}“送温暖”活动走进困难职工家庭"),
        "open": ("新春佳节来临之际，{org}开展“送温暖”活动，走访慰问困难职工和一线职工{workers_assisted}人次，发放慰问金和慰问品共计{aid_funds}。",
                 "{date_cn}起，{org}组织工作人员分组深入企业和职工家中，慰问困难职工和一线职工{workers_assisted}人次，送去慰问金及物资{aid_funds}。"),
        "body": ("每到一户，慰问人员都详细询问职工的生活和身体状况，鼓励他们树立战胜困难的信心。",
                 "慰问组还来到节日期间坚守岗位的生产一线，向职工们送上新春祝福。",
                 "工会对走访中了解到的实际困难逐一登记，能解决的当场协调解决。",
                 "此次慰问对象经基层工会推荐、审核和公示后确定，做到公开公平。"),
        "close": ("{org}将继续完善困难职工帮扶机制，让职工切实感受到工会组织的温暖。",
                  "受慰问职工纷纷表示感谢，表示将以更好的状态投入到新一年的工作中。"),
    },
    {
        "slug": "summer-relief", "windows": ((6, 25, 8, 25),), "topics": ("assistance",),
        "more": ("safety",), "vars": {},
        "stats": {"workers_assisted": (50, 600)},
        "figures": (("发放清凉物资", "份", 100, 1500, "supplies"),),
        "titles": ("{org}开展“夏送清凉”慰问活动", "高温下的关怀——{place}工会为一线职工送清凉"),
        "open": ("连日来高温持续，{date_cn}，{org}开展“夏送清凉”活动，为一线职工送去西瓜、绿豆、藿香正气水等防暑降温物资{supplies}份，慰问职工{workers_assisted}人次。",
                 "{date_cn}，{org}走进建筑工地、环卫站所和生产车间，为坚守高温岗位的职工{workers_assisted}人次送上清凉物资{supplies}份。"),
        "body": ("慰问中，工作人员叮嘱职工合理安排作息时间，注意防暑降温。",
                 "工会同时提醒用人单位落实高温津贴政策，避开高温时段作业。",
                 "职工们接过慰问品，纷纷为工会的贴心服务点赞。",
                 "在工地现场，慰问组还检查了防暑药品和饮水设施的配备情况。"),
        "close": ("{org}将持续关注高温作业职工的劳动保护，维护职工的身体健康。",
                  "此次活动把工会组织的关怀及时送到了一线职工身边。"),
    },
    {
        "slug": "skills-contest", "windows": ((4, 1, 11, 25),), "topics": ("competition",),
        "more": ("training",), "vars": {"trade": ("电工", "焊工", "叉车", "数控车工", "茶艺", "中式烹调", "育婴员")},
        "figures": (("参赛职工", "名", 20, 200, "entrants"),),
        "titles": ("{org}举办{trade}职业技能竞赛", "比技能展风采，{place}{trade}技能比武开赛"),
        "open": ("{date_cn}，{org}举办{trade}职业技能竞赛，{entrants}名职工同台竞技。",
                 "为弘扬劳模精神和工匠精神，{org}于{date_cn}组织{trade}技术比武，共有{entrants}名选手参赛。"),
        "body": ("竞赛分理论考试和实际操作两部分，重点考查选手的规范操作和解决实际问题的能力。",
                 "选手们沉着冷静、操作娴熟，充分展示了过硬的技术本领。",
                 "评委由行业专家和高级技师组成，严格按照评分标准打分。",
                 "成绩优异的选手将按规定推荐参加上级技能竞赛，并优先推荐评选技术能手。"),
        "close": ("以赛促学、以赛促练，竞赛在职工中营造了学技术、比技能的良好氛围。",
                  "{org}将把技能竞赛作为常态化工作，推动职工技能素质整体提升。"),
    },
    {
        "slug": "reading-room", "windows": ((1, 10, 12, 20),), "topics": ("culture",),
        "more": ("publicity",), "vars": {},
        "figures": (("新增图书", "册", 300, 3000, "books"),),
        "titles": ("{org}职工书屋正式开放", "书香润心田——{place}职工书屋建成投用"),
        "open": ("{date_cn}，{org}职工书屋正式开放，新增各类图书{books}册。",
                 "经过一个多月的筹备，{org}职工书屋于{date_cn}建成投用，首批上架图书{books}册。"),
        "body": ("书屋藏书涵盖政治理论、法律法规、专业技术、文学艺术和生活常识等类别。",
                 "书屋实行开架借阅，每天中午和下班后向职工开放。",
                 "工会还配备了电子阅读设备，方便职工随时随地阅读学习。",
                 "开放当天，不少职工利用休息时间来到书屋借书看书。"),
        "close": ("{org}将定期更新图书，组织读书分享会，让书屋真正成为职工的精神家园。",
                  "职工书屋的建成为职工提供了一个学习交流的好去处。"),
    },
    {
        "slug": "law-publicity", "windows": ((3, 10, 3, 20), (11, 28, 12, 6), (6, 1, 6, 30)), "topics": ("publicity",),
        "more": ("rights",), "vars": {},
        "figures": (("发放宣传资料", "份", 200, 5000, "leaflets"),),
        "titles": ("{org}开展普法宣传进企业活动", "{place}工会：送法进企业，护航职工权益"),
        "open": ("{date_cn}，{org}联合司法所开展普法宣传活动，发放宣传资料{leaflets}份，现场接受职工咨询。",
                 "为增强职工依法维权意识，{date_cn}，{org}深入企业和工地开展法律宣传，共发放宣传资料{leaflets}份。"),
        "body": ("工作人员围绕劳动合同签订、工资支付、工伤认定等职工关心的问题进行了讲解。",
                 "活动现场设置了法律咨询台，律师为职工解答了劳动报酬、社会保险等方面的疑问。",
                 "宣传人员还向职工介绍了工会法律援助的申请渠道和办理流程。",
                 "不少农民工职工表示，通过这次活动，自己对依法维权有了更清楚的认识。"),
        "close": ("{org}将把普法宣传与日常服务相结合，引导职工依法理性表达诉求。",
                  "此次活动营造了尊法学法守法用法的良好氛围。"),
    },
    {
        "slug": "golden-autumn", "windows": ((8, 10, 9, 15),), "topics": ("assistance",),
        "more": (), "vars": {}, "levels": ("county", "town", "township", "street"),
        "stats": {"students_aided": (5, 60), "aid_funds": (10000, 150000)},
        "titles": ("{org}举行金秋助学金发放仪式", "金秋助学暖人心，{place}{students_aided}名职工子女获资助"),
        "open": ("{date_cn}，{org}举行金秋助学金发放仪式，为{students_aided}名困难职工子女发放助学金共计{aid_funds}。",
                 "新学年开学前夕，{org}开展金秋助学活动，资助困难职工家庭学生{students_aided}名，发放助学金{aid_funds}。"),
        "body": ("受助对象经本人申请、基层工会推荐、审核公示等程序确定。",
                 "{leader}勉励受助学生珍惜学习机会，刻苦学习，将来回报社会。",
                 "工会还将受助学生纳入跟踪服务，持续关注他们的学习和生活情况。",
                 "助学金按规定直接发放到受助家庭，确保专款专用。"),
        "close": ("金秋助学已成为{org}服务职工的一项品牌工作。",
                  "学生家长表示，助学金解了燃眉之急，感谢工会组织的关心。"),
    },
    {
        "slug": "workers-congress", "windows": ((1, 10, 4, 20),), "topics": ("rights",),
        "more": ("negotiation",), "vars": {},
        "titles": ("{org}召开职工代表大会", "{place}第{nth}届职工代表大会胜利召开"),
        "open": ("{date_cn}，{org}组织召开职工代表大会，{delegates}名职工代表参加会议。",
                 "{date_cn}，{place}职工代表大会召开，出席会议的职工代表{delegates}名。"),
        "body": ("会议听取并审议了工作报告、财务工作报告和厂务公开情况报告。",
                 "代表们围绕工资福利、劳动保护、职工培训等议题踊跃发言，提出意见建议。",
                 "会议表决通过了集体合同草案，职工代表与企业方代表签订了集体合同。",
                 "会议期间，代表们还对管理人员进行了民主评议。"),
        "close": ("会议在团结、民主、务实的气氛中圆满完成各项议程。",
                  "职代会的召开进一步畅通了职工参与民主管理的渠道。"),
    },
    {
        "slug": "wage-bargaining", "windows": ((3, 1, 6, 30),), "topics": ("negotiation",),
        "more": ("rights",), "vars": {}, "levels": ("county", "town", "township", "street"),
        "stats": {"wage_agreements": (3, 40)},
        "titles": ("{org}举行工资集体协商集中签约仪式", "{place}推进工资集体协商，{wage_agreements}份协议集中签订"),
        "open": ("{date_cn}，{org}组织辖区企业举行工资集体协商集中签约仪式，共签订工资专项集体协议{wage_agreements}份。",
                 "{date_cn}，在{org}的指导下，{wage_agreements}家企业与职工方代表签订了工资专项集体协议。"),
        "body": ("签约前，工会指导企业开展要约行动，召开协商会议，充分听取职工意见。",
                 "协议明确了工资调整幅度、最低工资标准执行、加班工资计算等内容。",
                 "企业方代表表示，将严格履行协议，让职工共享企业发展成果。",
                 "工会将对协议履行情况进行跟踪监督。"),
        "close": ("集中签约推动了和谐劳动关系建设，受到企业和职工的普遍欢迎。",
                  "{org}将继续扩大工资集体协商覆盖面，提高协商质量。"),
    },
    {
        "slug": "officer-training", "windows": ((3, 1, 11, 30),), "topics": ("training",),
        "more": ("publicity",), "vars": {}, "levels": ("county", "town", "township", "street"),
        "stats": {"training_attendance": (30, 200)},
        "titles": ("{org}举办基层工会干部业务培训班", "提能力强本领，{place}工会干部培训班开班"),
        "open": ("{date_cn}，{org}举办基层工会干部业务培训班，{grass}的主席和经审、女职工委员共{training_attendance}人次参加培训。",
                 "为提高基层工会干部履职能力，{date_cn}，{org}组织开展业务培训，参训人员{training_attendance}人次。"),
        "body": ("培训围绕工会组建、会员管理、经费使用和劳动法律法规等内容展开。",
                 "授课老师结合典型案例进行讲解，内容贴近实际，通俗易懂。",
                 "培训期间还组织学员到规范化建设示范单位现场观摩。",
                 "学员们表示，通过培训进一步明确了工作思路，掌握了工作方法。"),
        "close": ("{org}将把干部培训作为常态化工作，努力建设一支高素质的工会干部队伍。",
                  "培训结束时进行了测试，学员全部合格。"),
    },
    {
        "slug": "join-drive", "windows": ((3, 1, 11, 30),), "topics": ("organising",),
        "more": ("publicity",), "vars": {}, "levels": ("county", "town", "township", "street"),
        "stats": {"new_members": (20, 200)},
        "titles": ("{org}开展建会入会集中行动", "{place}新就业形态劳动者集中入会，{new_members}名职工加入工会"),
        "open": ("{date_cn}，{org}开展建会入会集中行动，现场吸收新会员{new_members}名。",
                 "{date_cn}，{org}在辖区设立入会服务点，为快递员、外卖送餐员、货车司机等群体集中办理入会手续，当天{new_members}名职工加入工会。"),
        "body": ("工作人员向职工讲解了入会的好处和会员享有的权利，发放了会员服务手册。",
                 "新入会职工可享受困难帮扶、法律援助、医疗互助等服务。",
                 "工会还为新会员送上了防暑用品和夏季工作服。",
                 "活动采取线上扫码和线下填表相结合的方式，方便职工随到随办。"),
        "close": ("{org}将持续推进“扩面提质”工作，把更多职工吸收到工会组织中来。",
                  "此次活动扩大了工会组织在新就业群体中的覆盖面。"),
    },
    {
        "slug": "wage-arrears", "windows": ((1, 5, 2, 5), (12, 5, 12, 30)), "topics": ("rights",),
        "more": (), "vars": {}, "levels": ("county", "town", "township", "street"),
        "stats": {"wages_recovered": (20000, 600000)},
        "titles": ("{org}助力农民工讨薪，追回工资{wages_recovered}", "{place}工会开展欠薪专项治理行动"),
        "open": ("岁末年初，{org}联合劳动保障部门开展欠薪专项治理，帮助农民工追回被拖欠工资{wages_recovered}。",
                 "{date_cn}以来，{org}深入建筑工地排查欠薪隐患，协调解决欠薪问题，共为农民工追回工资{wages_recovered}。"),
        "body": ("工会设立维权热线，安排专人负责受理职工欠薪投诉。",
                 "对排查发现的问题，工会逐一建立台账，督促用人单位限期整改。",
                 "对符合条件的职工，工会及时提供法律援助，依法维护职工权益。",
                 "工会还向企业发放了依法支付工资的提示书。"),
        "close": ("{org}将持续关注农民工工资支付情况，确保农民工按时足额拿到工资。",
                  "这次行动让农民工安心过年，也促进了劳动关系的和谐稳定。"),
    },
    {
        "slug": "medical-aid", "windows": ((11, 1, 12, 25),), "topics": ("assistance",),
        "more": (), "vars": {},
        "figures": (("参加医疗互助职工", "人", 100, 3000, "insured"),),
        "titles": ("{org}推进职工医疗互助保障活动", "{place}{insured}名职工参加医疗互助"),
        "open": ("{date_cn}，{org}召开职工医疗互助保障工作推进会，{grass}已组织{insured}名职工参加医疗互助。",
                 "为减轻职工医疗负担，{org}组织开展职工医疗互助保障活动，目前参保职工{insured}人。"),
        "body": ("医疗互助采取自愿参加的方式，职工缴费少、保障范围广。",
                 "参保职工住院治疗后，可按规定申请互助金，手续简便，办理及时。",
                 "工会通过宣传栏和微信群向职工宣传医疗互助政策。",
                 "对困难职工的参保费用，工会给予适当补助。"),
        "close": ("{org}将进一步扩大医疗互助覆盖面，为职工撑起健康保护伞。",
                  "医疗互助已成为职工看得见、摸得着的实惠。"),
    },
)

NOTICES: tuple[dict[str, Any], ...] = (
    {
        "slug": "autumn-aid-call", "windows": ((7, 1, 8, 15),), "topics": ("assistance",),
        "levels": ("county", "town", "township", "street"),
        "titles": ("关于开展{year}年金秋助学活动的通知", "{org}{year}年金秋助学申报通知"),
        "paras": (
            ("{grass}：", "各基层工会："),
            ("为帮助困难职工家庭子女顺利入学，经研究，决定开展{year}年金秋助学活动。现将有关事项通知如下。",),
            ("一、资助对象为本辖区建档困难职工家庭中当年考入普通高校的子女。",),
            ("二、申报人需提交申请表、录取通知书复印件及家庭困难情况说明，由基层工会审核后报送。",),
            ("三、请于{deadline}前将申报材料报送{org}，逾期不予受理。",
             "三、各基层工会要认真审核，确保申报材料真实准确，并于{deadline}前报送。"),
        ),
    },
    {
        "slug": "aid-list-notice", "windows": ((1, 5, 1, 25), (9, 1, 9, 20)), "topics": ("assistance",),
        "stats": {"workers_assisted": (10, 150)},
        "titles": ("关于{year}年困难职工帮扶对象的公示", "{org}帮扶对象审核结果公示"),
        "paras": (
            ("经个人申请、基层工会推荐和{org}审核，拟确定{workers_assisted}名职工为{year}年帮扶对象，现予以公示。",),
            ("公示期为{pubdays}个工作日。公示对象的具体情况已在各基层工会公示栏张贴，本网站不公布个人信息。",
             "公示期为{pubdays}个工作日。为保护职工隐私，本公示不公开个人身份和家庭信息，具体名单在基层工会内部公示。"),
            ("公示期间，如对公示对象有异议，可向{org}书面反映，反映情况应客观真实。",),
        ),
        "extra": (
            "反映问题时请提供具体事实，工会将对反映人的信息严格保密。",
            "公示期满无异议的，将按规定程序发放帮扶资金。",
            "帮扶资金通过银行转账方式直接发放，不经他人转手。",
            "帮扶对象实行动态管理，家庭情况好转的将按规定退出帮扶。",
        ),
    },
    {
        "slug": "meeting-notice", "windows": ((1, 5, 12, 20),), "topics": ("organising",),
        "titles": ("关于召开{org}委员会全体会议的通知", "关于召开{org}会员代表大会的通知"),
        "paras": (
            ("{grass}：", "各位委员："),
            ("经研究，定于{meet_date}召开会议，现将有关事项通知如下。",),
            ("一、会议内容：总结上一阶段工作，研究部署下一阶段重点任务，审议经费收支情况。",),
            ("二、参会人员：工会委员会委员、经费审查委员会委员及各基层工会主席。",
             "二、参会人员：会员代表及列席人员。"),
            ("三、请参会人员准时出席，无特殊情况不得请假。",),
        ),
    },
    {
        "slug": "ankang-cup", "windows": ((3, 1, 5, 15),), "topics": ("safety",), "more": ("competition",),
        "titles": ("关于开展{year}年度“安康杯”竞赛活动的通知",),
        "paras": (
            ("{grass}：",),
            ("为进一步落实安全生产责任，提高职工安全素质，决定在{area}范围内开展{year}年度“安康杯”竞赛活动。",),
            ("一、竞赛以班组为基本单位，以隐患排查、安全培训和应急演练为主要内容。",),
            ("二、各单位要成立竞赛领导小组，制定实施方案，于{deadline}前报送参赛名单。",),
            ("三、年底将对竞赛成绩突出的单位和班组予以表彰。",),
        ),
    },
    {
        "slug": "skills-signup", "windows": ((3, 1, 9, 10),), "topics": ("competition",), "more": ("training",),
        "levels": ("county", "town", "township", "street"),
        "titles": ("关于举办{year}年职工职业技能竞赛的通知", "{org}职工技能竞赛报名通知"),
        "paras": (
            ("为弘扬工匠精神，提升职工技能水平，{org}定于{meet_date}举办职工职业技能竞赛。",),
            ("一、竞赛项目设电工、焊工和叉车操作三个工种，分理论和实操两个环节。",),
            ("二、凡在本辖区企业从业的一线职工均可报名，每单位每个工种限报{few}人。",),
            ("三、报名截止时间为{deadline}，请各单位按时报送报名表。",),
        ),
    },
    {
        "slug": "dues-notice", "windows": ((1, 10, 3, 20),), "topics": ("funds",),
        "levels": ("county", "town", "township", "street"),
        "titles": ("关于做好{year}年工会经费收缴工作的通知",),
        "paras": (
            ("{grass}：",),
            ("为保障工会工作正常开展，现就{year}年工会经费收缴工作通知如下。",),
            ("一、已建立工会组织的单位，按全部职工工资总额的百分之二按月拨缴工会经费。",),
            ("二、工会经费由税务部门代收，各单位要按时足额申报缴纳。",),
            ("三、请各基层工会于{deadline}前报送上年度经费收支决算。",),
        ),
    },
    {
        "slug": "mutual-aid-enrol", "windows": ((10, 20, 12, 20),), "topics": ("assistance",),
        "titles": ("关于开展{next_year}年度职工医疗互助参保工作的通知",),
        "paras": (
            ("{grass}：",),
            ("为进一步扩大职工医疗互助保障覆盖面，现启动{next_year}年度参保工作。",),
            ("一、参保对象为已加入工会组织的在职职工，坚持自愿参加原则。",),
            ("二、各单位统一组织报名，于{deadline}前完成参保信息录入。",),
            ("三、困难职工参保费用可按规定申请补助。",),
        ),
    },
    {
        "slug": "awards-call", "windows": ((3, 1, 4, 10),), "topics": ("organising",), "more": ("competition",),
        "levels": ("county", "town", "township", "street"),
        "titles": ("关于评选表彰{year}年度先进职工之家和优秀工会工作者的通知",),
        "paras": (
            ("{grass}：",),
            ("为表彰先进、激励后进，决定开展先进职工之家和优秀工会工作者评选活动。",),
            ("一、评选名额：先进职工之家{few}个，优秀工会工作者若干名。",),
            ("二、推荐对象须组织健全、制度完善、活动正常，工作成绩突出。",),
            ("三、请于{deadline}前将推荐材料报送{org}。",),
        ),
    },
)

FILLERS_NEWS = (
    "活动得到了{grass}的积极响应和大力支持。",
    "现场秩序井然，各项安排周到细致。",
    "{upper}有关负责同志到场指导。",
    "活动中工会还设立了服务咨询台，现场解答职工关心的问题。",
    "为办好此次活动，工会提前制定方案，细化分工，做好了各项保障工作。",
    "工会工作人员全程做好组织协调，确保活动安全有序。",
    "活动照片和视频通过工会微信公众号发布后，引起了职工的广泛关注。",
    "{leader}表示，工会将认真听取职工意见，把服务做到职工心坎上。",
)
# A sentence or two of background for news of a topic.
BACKGROUND: dict[str, tuple[str, ...]] = {
    "culture": ("近年来，{org}坚持把丰富职工精神文化生活作为服务职工的重要内容，每年组织各类文体活动。",
                "职工之家、职工书屋等阵地建设的不断完善，为开展文体活动提供了有力保障。"),
    "women": ("{area}现有女职工比例较高，做好女职工工作是工会的一项重要任务。",
              "{org}女职工委员会每年围绕“三八”节开展系列活动，深受女职工欢迎。"),
    "safety": ("今年以来，{org}把安全生产群众监督作为维护职工生命安全的重要抓手。",
               "“安康杯”竞赛已连续开展多年，参赛班组和职工逐年增加。"),
    "assistance": ("{org}建立了困难职工档案，对困难职工实行动态管理、分类帮扶。",
                   "帮扶资金由上级工会补助和本级工会经费共同承担，严格按程序审批发放。"),
    "competition": ("{org}每年围绕重点产业开展劳动竞赛，推动职工在岗位上建功立业。",
                    "近年来，一批职工通过技能竞赛脱颖而出，成长为技术骨干。"),
    "publicity": ("{org}把普法宣传作为源头维权的重要手段，常年开展送法进企业活动。",
                  "随着新就业形态的发展，职工对法律知识的需求日益增长。"),
    "rights": ("{org}坚持以职工为中心，推动建立和谐劳动关系。",
               "职代会和厂务公开制度是职工参与民主管理的基本途径。"),
    "negotiation": ("工资集体协商是保障职工劳动报酬权益的重要制度安排。",
                    "{org}每年组织开展集体协商要约行动，协商覆盖面不断扩大。"),
    "training": ("提高基层工会干部素质是做好工会工作的基础。",
                 "{org}每年制定培训计划，分层分类开展工会干部和职工培训。"),
    "organising": ("建会入会是工会工作的基础，{org}把新就业形态劳动者入会作为重点工作推进。",
                   "近年来，辖区内新办企业不断增加，外来务工人员数量明显增多。"),
}
NOTICE_EXTRA = (
    "请各单位高度重视，明确专人负责，认真组织实施。",
    "各单位要严格按照时间节点报送材料，纸质材料需加盖单位公章。",
    "工作中要坚持公开、公平、公正的原则，自觉接受职工监督。",
    "对工作中遇到的问题，请及时与{org}办公室沟通。",
    "{org}将对各单位工作开展情况进行督查，并将结果纳入年度考核。",
)


# ---------------------------------------------------------------------------
# Real-length mode (--length real): annual summaries as long and as full of
# figures as real township reports (1,500-4,500 characters, 20-60 figures),
# longer news. Templates below use three kinds of markup besides {vars}:
#   [甲|乙|丙]     one of the words, picked at random
#   <5-40家>       a whole number in the range and its unit (scaled to the level)
#   <~30-300人次>  an approximate count as reports write it (300多人次, 60余人次)
#   <¥20000-90000> a sum of money (4.5万元, 12800元)
#   <%85-100>      a rate (96%)
# ---------------------------------------------------------------------------

LENGTHS = ("synthetic", "real")
REAL_SUMMARY_CHARS = (1500, 4500)  # Han characters and punctuation, as DOMAIN.md counts them
REAL_SUMMARY_FIGURES = (20, 60)
REAL_NEWS_CHARS = (400, 1200)

# A figure as the text states it: a number, then a measure word, a currency or a percent sign.
FIGURE_RE = re.compile(
    r"\d+(?:\.\d+)?(?:-\d+)?(?:多|余)?(?:万元|元|名|人次|人|家|场|件|份|户|个|期|次|册|条|处|宗|项|支|所|批|篇|间|台|%)"
)
HAN_RE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’—…·]")
_PICK_RE = re.compile(r"\[([^\[\]]+)\]")
_FIG_RE = re.compile(r"<([~¥%]?)(\d+)-(\d+)([^>]*)>")
# Counts in templates are for a town; other levels scale them.
REAL_SCALE = {"county": 3.0, "town": 1.0, "township": 0.7, "street": 0.9, "enterprise": 0.3}


def han_length(text: str) -> int:
    """Characters as Chinese reports are counted: Han characters and punctuation (not digits or Markdown)."""
    return len(HAN_RE.findall(text))


def count_figures(text: str) -> int:
    return len(FIGURE_RE.findall(text))


@dataclass(frozen=True)
class RealSub:
    """A numbered subsection （一）… of a real-length summary: headings and sentence templates."""

    headings: tuple[str, ...]
    sentences: tuple[str, ...]
    metrics: tuple[str, ...] = ()


@dataclass(frozen=True)
class RealSection:
    key: str
    topic: str
    headings: tuple[str, ...]
    subs: tuple[RealSub, ...]


REAL_SECTIONS: tuple[RealSection, ...] = (
    RealSection("organising", "organising", (*SECTIONS[0].headings, "聚焦扩面提质，筑牢工会组织根基"), (
        RealSub(("扎实推进建会入会", "抓好非公企业建会", "持续扩大组织覆盖"), (
            "年初对{area}[规上企业|非公企业|新办企业]开展拉网式摸底，共排查企业<60-260家>，其中未建会企业<10-45家>，逐户建立台账、明确责任人。",
            "班子成员实行包片联系，上门宣讲《工会法》和建会政策<~20-80场>，做通企业负责人的思想工作。",
            "对职工人数不足25人的小微企业，推行“小三级”和区域联合工会模式，新组建联合工会<2-8个>，覆盖小微企业<15-60家>。",
            "在工业园区设立入会服务站<2-6个>，实行“扫码入会”，全年通过线上渠道入会职工<~60-400名>。",
            "[紧盯|聚焦]农民工集中的建筑、物流和餐饮行业，开展集中入会活动<3-12场>，吸收农民工会员<~80-500名>。",
            "截至年底，{area}已建工会企业职工入会率达到<%88-99>，较上年提高<2-6个>百分点。",
            "针对部分企业“建而不转”的问题，派出工作组逐家[指导|督促]，推动<5-20家>基层工会健全委员会、开展正常活动。",
            "对停产、关闭企业的工会组织及时清理注销，全年注销<2-9家>，会员关系转接<~30-200名>，做到会员不流失。",
        ), ("unions_founded", "new_members")),
        RealSub(("推进基层工会规范化建设", "夯实基层基础", "抓实“六有”工会创建"), (
            "对照“六有”标准开展星级工会评定，评出五星级工会<2-8家>、四星级工会<4-15家>、三星级工会<6-20家>。",
            "印发基层工会规范化建设指导手册<200-1200份>，帮助{grass}把制度上墙、台账建全、活动做实。",
            "督促到期未换届的<4-18家>基层工会按程序完成换届选举，配齐配强工会主席和委员。",
            "开展会员实名制数据核查，清理重复和无效信息<~100-900条>，会员数据准确率达到<%95-100>。",
            "选树规范化建设示范点<3-9个>，组织各基层工会主席<~30-120名>现场观摩学习。",
            "[坚持|注重]“以点带面”，把示范单位的好做法汇编成册，在{grass}推广。",
            "对规范化建设排名靠后的基层工会进行约谈，限期整改，年底复查合格率达到<%90-100>。",
        ), ("members_total",)),
        RealSub(("做好新就业形态劳动者入会服务", "把新就业群体吸引到工会中来", "服务新就业形态劳动者"), (
            "联合市场监管、交通运输等部门摸清快递、外卖、网约车等新就业群体底数，建立<1-5本>动态台账。",
            "在快递网点和外卖站点集中的区域设立“司机之家”“暖心驿站”<3-12个>，全年服务新就业形态劳动者<~800-5000人次>。",
            "开展“新就业形态劳动者入会集中行动”<2-6场>，吸收快递员、外卖送餐员、网约车司机等入会<~60-400名>。",
            "为新入会的新就业形态劳动者办理职工互助保障<~50-300份>，发放爱心礼包<100-800份>。",
            "推动<2-6家>平台企业及其合作企业建立工会组织，协商签订劳动报酬、休息休假等方面的专项协议。",
            "[组织|邀请]律师为货车司机、快递员开展法律咨询<~6-20场>，解答劳动关系认定、交通事故处理等问题。",
        )),
    )),
    RealSection("rights", "rights", (*SECTIONS[1].headings, "坚持维权为本，推动构建和谐劳动关系"), (
        RealSub(("深化工资集体协商", "推进集体协商提质增效", "抓好集体合同和工资协商"), (
            "在全年“集体协商要约行动月”期间，向企业发出协商要约书<~40-260份>，企业回应率达到<%85-100>。",
            "分行业召开工资集体协商推进会<3-10场>，重点在餐饮、建筑、物流行业推行行业性工资协商。",
            "签订行业性工资专项集体协议<1-6份>，覆盖企业<20-120家>、职工<~1200-9000名>。",
            "组建集体协商指导员队伍<8-30人>，全年深入企业指导协商<~40-200次>，帮助职工方代表做好协商准备。",
            "对已签订的集体合同开展履约检查，抽查企业<15-80家>，督促<3-12家>企业整改履约不到位的问题。",
            "通过协商，{area}企业职工平均工资较上年增长<%4-9>，一线职工工资增幅高于管理人员。",
            "推动签订女职工权益保护专项集体合同<10-60份>，并将高温津贴、带薪休假等内容纳入协议条款。",
        ), ("collective_contracts", "wage_agreements")),
        RealSub(("推进企业民主管理", "落实职代会和厂务公开制度", "畅通职工参与民主管理渠道"), (
            "指导已建会企业规范召开职代会，全年召开职代会或职工大会的企业达<40-220家>，建制率达到<%80-98>。",
            "组织职工代表开展企业工作巡视<~10-40次>，就劳动保护、食堂管理等提出意见建议<~60-300条>，已落实<~40-200条>。",
            "在非公企业推行厂务公开“一栏一箱一会”做法，新设置厂务公开栏<20-90个>、职工意见箱<20-90个>。",
            "开展“劳动关系和谐企业”创建活动，评选县级和谐企业<3-12家>、镇级和谐企业<8-30家>。",
            "[坚持|落实]职工代表提案办理“回头看”，全年收到提案<30-150件>，办结率达到<%90-100>。",
            "对<5-20家>民主管理工作薄弱的企业逐一指导，帮助其完善职代会实施细则。",
        )),
        RealSub(("依法调处劳动争议", "做好信访接待和矛盾化解", "筑牢劳动关系矛盾防线"), (
            "健全“工会+法院”“工会+人社”劳动争议联动调处机制，设立劳动争议调解工作室<2-7个>。",
            "全年接待职工来访<~40-300人次>，受理劳动争议案件<10-70件>，调解成功<8-60件>，涉及金额<¥200000-2600000>。",
            "聘请专职律师<2-6名>组成职工法律服务团，全年提供法律咨询<~200-1500人次>，代理职工诉讼和仲裁案件<4-25件>。",
            "在春节、中秋等欠薪高发时段，联合人社、住建部门开展专项检查<3-10次>，检查在建项目<10-60个>。",
            "对排查出的<5-30件>欠薪隐患逐一建立台账，明确化解时限，做到案结事了。",
            "协调处置因欠薪引发的群体性上访<1-5件>，涉及农民工<~60-400名>，均在规定时间内得到妥善解决。",
            "开展劳动法律监督，向用人单位发出劳动法律监督意见书和提示函<4-20份>。",
            "在{grass}设立劳动争议调解委员会<10-50个>，培训基层调解员<~40-200名>，把矛盾化解在企业内部。",
        ), ("cases_handled", "wages_recovered")),
    )),
    RealSection("assistance", "assistance", (*SECTIONS[2].headings, "用心用情服务职工，帮扶救助精准到位"), (
        RealSub(("开展“两节”送温暖活动", "扎实做好送温暖工作", "情系职工送温暖"), (
            "元旦春节期间，工会领导班子分<4-12个>慰问组，走访慰问困难职工、劳动模范和一线职工<~150-800名>。",
            "为建档困难职工每户发放慰问金<¥500-3000>，为劳动模范送去慰问品<40-200份>。",
            "慰问坚守岗位的环卫工人、公交司机和医护人员<~100-600名>，发放米面油等慰问物资价值<¥20000-180000>。",
            "联合爱心企业开展“温暖同行”募捐活动，募集善款<¥30000-400000>，全部用于帮扶困难职工。",
            "对返乡过年的农民工开展“平安返乡”服务，发放春节返乡车票补贴<~60-400份>。",
            "[走访中|慰问期间]，工作人员认真倾听职工的困难和诉求，对能够解决的问题现场协调，共解决实际问题<10-60件>。",
            "慰问名单经基层工会推荐、乡镇审核、张榜公示后确定，做到公开透明、不重不漏。",
        ), ("workers_assisted", "aid_funds")),
        RealSub(("做好困难职工精准帮扶", "完善困难职工帮扶机制", "推进常态化精准帮扶"), (
            "对{area}困难职工家庭进行入户核查，建档困难职工<20-160户>，其中因病致困<10-80户>，实行一户一策。",
            "全年发放困难职工生活救助金<¥60000-500000>，医疗救助金<¥30000-300000>，惠及<~40-300户>。",
            "对新申报的<8-40户>困难家庭逐户走访核实，确认符合条件的及时纳入帮扶范围。",
            "对家庭收入明显好转的<3-20户>职工按程序退出档案，帮扶对象实现动态管理。",
            "[联合|协调]民政、人社部门落实低保、就业援助等政策，帮助<5-30名>困难职工家庭成员实现再就业。",
            "开展“一对一”结对帮扶，组织<10-60名>机关干部和企业工会主席与困难职工家庭结成帮扶对子。",
        )),
        RealSub(("开展金秋助学和医疗互助", "做好助学助医工作", "推进助学助医帮扶"), (
            "开展金秋助学活动，为考入大学的困难职工子女<10-60名>每人发放助学金<¥3000-5000>。",
            "金秋助学共发放助学金<¥30000-300000>，受助学生全部按时入学。",
            "全年组织<~2000-12000名>职工参加医疗互助保障活动，参保率达到<%80-98>。",
            "为住院职工办理医疗互助金赔付<60-400件>，赔付金额<¥100000-900000>，有效减轻了职工的医疗负担。",
            "为困难职工代缴医疗互助保费<~50-300份>，做到困难职工应保尽保。",
            "对患大病的<3-15名>职工启动临时救助，每户救助<¥2000-10000>。",
        ), ("students_aided",)),
        RealSub(("开展“夏送清凉”活动", "关爱高温作业职工", "做好夏季防暑降温工作"), (
            "入夏以来，组织慰问组深入建筑工地、工矿企业和户外作业场所<30-120个>，慰问高温岗位职工<~600-4000人次>。",
            "发放西瓜、绿豆、藿香正气水等防暑降温物资折合<¥30000-260000>。",
            "开展高温津贴落实情况专项检查，抽查企业<15-70家>，督促<2-10家>企业补发高温津贴。",
            "在户外劳动者集中的路段设置“爱心驿站”<4-15个>，为环卫工人、快递员提供饮水、休息等服务。",
            "[邀请|组织]医务人员开展防暑知识讲座<~4-15场>，普及中暑急救知识。",
        )),
    )),
    RealSection("culture", "culture", (*SECTIONS[3].headings, "丰富职工精神文化生活，建好职工活动阵地"), (
        RealSub(("广泛开展群众性文体活动", "丰富职工业余文化生活", "以活动凝聚职工"), (
            "围绕“三八”“五一”“国庆”等重要节点，举办职工文体活动<10-40场>，参与职工<~1500-9000人次>。",
            "举办职工篮球赛、乒乓球赛和气排球赛，共有<12-40支>代表队、<~200-800名>运动员参赛。",
            "组织职工参加{upper}举办的职工运动会，获得团体奖<2-6项>、单项奖<4-15项>。",
            "开展职工广场舞大赛和合唱比赛，<~20-60支>队伍同台展示，营造了积极向上的文化氛围。",
            "开展“职工书香节”阅读活动，举办读书分享会<4-15场>，评选“书香家庭”<5-20户>。",
            "组织劳动模范和一线职工<~30-150名>开展疗休养活动，让职工在工作之余放松身心。",
            "举办单身职工联谊会<1-4场>，为<~60-300名>青年职工搭建交友平台。",
        )),
        RealSub(("加强职工之家和职工书屋建设", "抓好服务阵地建设", "提升阵地服务功能"), (
            "全年新建职工之家<4-15个>，提升改造<3-10个>，{area}职工之家达到<30-120个>。",
            "新建职工书屋<3-12个>，配送图书<1200-9000册>，职工书屋总藏书量达到<~8000-50000册>。",
            "争取上级工会阵地建设补助资金<¥50000-400000>，用于添置健身器材和图书。",
            "推动<5-20家>企业建设爱心妈妈小屋，为哺乳期女职工提供便利。",
            "在工业园区建成职工服务中心<1-3个>，常年向职工免费开放，全年接待职工<~3000-20000人次>。",
            "把职工之家建在车间、班组，新建“小而美”的车间职工之家<5-20个>。",
        ), ("activities_held",)),
    )),
    RealSection("competition", "competition", (*SECTIONS[4].headings[:2], "弘扬劳模精神和工匠精神，深化劳动和技能竞赛"), (
        RealSub(("深入开展劳动和技能竞赛", "以竞赛促提升", "开展岗位练兵和技术比武"), (
            "围绕重点项目和骨干企业开展劳动竞赛，参赛企业<20-90家>，参赛职工<~1200-8000名>。",
            "举办电工、焊工、叉车、茶艺等职业技能竞赛<5-16场>，<~200-900名>职工报名参赛。",
            "在职业技能竞赛中，<10-40名>职工获得技术能手称号，<3-12名>职工晋升技术等级。",
            "联合职业院校开展职工技能培训，全年培训<~1200-8000人次>，<~300-1800名>职工取得职业资格证书。",
            "开展合理化建议和技术革新活动，征集合理化建议<~200-1500条>，采纳<~80-600条>，创造经济效益<¥300000-5000000>。",
            "新建职工创新工作室<2-8个>，其中<1-3个>被评为市级示范性职工创新工作室。",
            "推动<10-40家>企业建立技能人才激励机制，把技能等级与工资待遇挂钩。",
        ), ("training_attendance",)),
        RealSub(("做好劳模评选和服务管理", "选树劳模先进典型", "大力弘扬劳模精神"), (
            "推荐<2-8名>职工获得五一劳动奖章，<2-6个>班组获得工人先锋号称号。",
            "全年走访慰问劳动模范<~30-150名>，为<10-50名>困难劳模发放补助金<¥20000-200000>。",
            "组织劳模宣讲团深入企业、学校开展宣讲<10-40场>，听众<~1200-8000人次>。",
            "为劳动模范组织健康体检<~40-200名>，建立劳模健康档案。",
            "在融媒体平台开设“最美劳动者”专栏，推出先进人物宣传稿件<20-90篇>。",
            "[评选|表彰]“最美职工”<10-30名>，用身边的典型激励身边的职工。",
        )),
    )),
    RealSection("safety", "safety", ("抓好安全生产群众监督，守护职工生命安全", "深化“安康杯”竞赛，筑牢安全防线",
                                     "以“安康杯”为载体，推进安全生产"), (
        RealSub(("深化“安康杯”竞赛活动", "开展“安康杯”竞赛", "推进“安康杯”竞赛"), (
            "全年参加“安康杯”竞赛的企业<30-140家>、班组<200-900个>，参赛职工<~3000-20000名>。",
            "举办安全生产知识竞赛<3-10场>，<20-60支>代表队参赛，网上答题参与职工<~2000-12000人次>。",
            "开展“查保促”隐患排查活动，组织职工查找安全隐患<~300-2000处>，整改率达到<%90-100>。",
            "组织应急演练<20-90场>，参演职工<~1500-9000人次>，提高了职工应急处置能力。",
            "评选“安康杯”竞赛优胜企业<4-15家>、优胜班组<10-40个>。",
        )),
        RealSub(("加强群众安全生产监督", "发挥群众安全员作用", "健全群众安全监督网络"), (
            "在<40-160家>企业建立劳动保护监督检查委员会，配备群众安全生产监督员<200-900名>。",
            "联合应急管理部门开展安全生产联合检查<6-24次>，检查企业<40-200家>，督促整改问题<~80-600条>。",
            "开展职业病防治宣传周活动，发放宣传资料<2000-15000份>，组织接触职业危害的职工体检<~400-3000名>。",
            "对<5-20家>安全管理薄弱的企业进行重点督导，推动企业落实安全生产主体责任。",
            "[开展|组织]“安全生产月”宣传咨询活动<5-18场>，现场解答职工咨询<~300-1500人次>。",
        )),
    )),
    RealSection("funds", "funds", (*SECTIONS[5].headings, "强化经费保障，管好用好工会资产"), (
        RealSub(("抓好经费收缴", "做好经费收缴和返还", "提高经费收缴率"), (
            "加强与税务部门协作，推行工会经费全额缴拨，全年经费收缴率达到<%90-100>，较上年增长<%3-15>。",
            "对<20-120家>欠缴经费的企业逐一上门催缴，追缴历年欠缴经费<¥50000-800000>。",
            "按时足额向基层工会返还经费<¥300000-3000000>，返还率达到<%60-70>。",
            "对小微企业工会实行经费全额返还，惠及基层工会<30-150家>。",
            "[争取|申请]上级工会各类补助资金<¥200000-1800000>，用于基层组织建设和帮扶救助。",
        ), ("dues_collected",)),
        RealSub(("规范经费使用管理", "加强经费审查监督", "严格财务管理"), (
            "严格执行工会经费收支管理办法，全年用于职工活动和服务职工的支出占比达到<%70-90>。",
            "经审委员会对本级经费收支开展审查<2-4次>，对<10-40家>基层工会开展审计，提出整改意见<~20-90条>。",
            "组织基层工会财务人员培训<2-6期>，参训<~60-300人次>，规范了会计核算和票据管理。",
            "推行基层工会经费“线上审批”，全年审批支出事项<~300-2000件>，做到每笔支出有据可查。",
            "对工会资产进行清查登记，登记固定资产<~80-600项>，做到账实相符。",
        )),
    )),
    RealSection("publicity", "publicity", (*SECTIONS[6].headings, "加强思想引领和宣传教育，凝聚职工力量"), (
        RealSub(("深化普法宣传", "开展法律法规宣传", "做好普法进企业"), (
            "开展“尊法守法·携手筑梦”普法宣传活动<8-30场>，覆盖职工<~3000-20000人次>。",
            "深入企业、工地开展《工会法》《劳动合同法》宣讲<~10-50场>，发放宣传资料<2000-15000份>。",
            "在工会微信公众号开设普法专栏，全年推送以案说法文章<20-80篇>，阅读量<~10000-90000人次>。",
            "组织职工参加网上劳动法律知识竞赛，参与职工<~1000-9000名>。",
            "在{grass}设置法律宣传栏<20-120个>，定期更新法律知识和维权案例。",
        )),
        RealSub(("加强思想政治引领", "强化宣传阵地建设", "讲好劳动者故事"), (
            "组织“劳动创造幸福”主题宣讲<10-40场>，覆盖职工<~2000-12000人次>。",
            "工会微信公众号全年发布信息<~150-600篇>，关注人数增加<~1000-9000人>。",
            "向上级工会和主流媒体报送信息<40-200篇>，被采用<20-120篇>。",
            "[举办|组织]职工摄影、书法和征文比赛<2-6场>，收到作品<~200-1200件>。",
            "把宣传教育与文体活动结合起来，让职工在喜闻乐见的活动中受教育。",
        )),
    )),
    RealSection("training", "training", ("加强自身建设，提升工会干部履职能力", "深化工会改革，建设职工信赖的职工之家",
                                       "抓好干部队伍建设，转变工作作风"), (
        RealSub(("抓好工会干部培训", "提升工会干部素质", "开展分层分类培训"), (
            "举办基层工会主席和工会干部培训班<3-10期>，培训<~200-1200人次>。",
            "选派<10-40名>工会干部参加{upper}举办的业务培训和专题研修。",
            "组织工会干部到先进地区考察学习<1-4次>，学习借鉴工会工作的好经验、好做法。",
            "开展“工会干部进万家”活动，全年走访企业<60-300家>，走访职工<~600-4000人次>。",
            "推行工会干部“下基层、解难题”制度，帮助基层解决实际问题<30-150件>。",
        )),
        RealSub(("推进工会改革和作风建设", "强化作风建设", "深化工会改革"), (
            "全面推行“会员评家”活动，<30-150家>基层工会开展会员评议，满意率达到<%90-99>。",
            "精简会议和文件，全年发文数量比上年减少<%10-30>，把更多精力用在服务职工上。",
            "建立工会工作目标考核制度，对<20-80家>基层工会进行年度考核。",
            "推进兼职、挂职工会副主席制度，选聘劳模和一线职工担任兼职副主席<2-8名>。",
            "[坚持|落实]班子成员联系基层工会制度，每人联系<3-10家>基层工会，每季度至少走访一次。",
        )),
    )),
    RealSection("women", "women", (*SECTIONS[7].headings, "发挥女职工“半边天”作用，维护女职工特殊权益"), (
        RealSub(("维护女职工特殊权益", "落实女职工特殊保护", "关心关爱女职工"), (
            "组织女职工参加“两癌”筛查<~300-2500名>，为患病女职工发放救助金<¥20000-200000>。",
            "推动签订女职工权益保护专项集体合同<20-90份>，覆盖女职工<~1500-9000名>。",
            "对<15-60家>企业落实女职工“四期”保护情况开展检查，督促整改问题<~10-60条>。",
            "开展“三八”维权周宣传活动<3-10场>，发放女职工权益保护宣传资料<800-6000份>。",
            "开展女职工心理健康讲座<4-12场>，为女职工提供心理疏导<~100-600人次>。",
        )),
        RealSub(("开展巾帼建功活动", "引领女职工建功立业", "组织女职工活动"), (
            "开展巾帼建功竞赛活动，评选巾帼文明岗<3-12个>、岗位能手<10-40名>。",
            "举办女职工技能培训班<3-10期>，培训<~200-1200人次>，内容涵盖家政、电商和育婴等。",
            "组织“最美家庭”评选活动，评出“最美家庭”<10-40户>。",
            "开展女职工插花、烘焙等兴趣活动<5-20场>，参与女职工<~300-1800人次>。",
        )),
    )),
)

# Sentences without figures, by section: how the work was done. Real summaries are mostly
# such text; each goes into one of the section's subsections (with the section's fillers).
REAL_NARRATIVE: dict[str, tuple[str, ...]] = {
    "organising": (
        "我们把建会入会作为工会工作的“一号工程”，主要领导亲自抓、分管领导具体抓。",
        "对新开工项目和新落户企业，做到企业开工到哪里、工会组建就跟进到哪里。",
        "在建会过程中，坚持“建会一家、巩固一家、发挥作用一家”，防止只挂牌子不开展工作。",
        "对会员实行“一卡通”服务，职工凭会员卡可享受医疗、购物、文体等多项优惠。",
        "通过入户走访、座谈交流等方式，听取企业和职工对工会工作的意见。",
        "把会员的满意度作为检验组织建设成效的标准，推动基层工会从“有形覆盖”向“有效覆盖”转变。",
        "各村（社区）工会联合会积极发挥作用，把零散就业人员组织起来。",
        "对流动性较大的职工，实行会籍随人走、关系随人转，保持会员身份的连续性。",
    ),
    "rights": (
        "我们始终把维护职工合法权益作为工会的基本职责，努力做到哪里有职工、哪里就有工会的维权服务。",
        "坚持源头参与，积极参与劳动关系三方协商会议，反映职工诉求。",
        "对职工反映的问题，坚持首问负责，实行登记、转办、督办、回访全流程管理。",
        "在协商中注重用数据说话，帮助职工方代表掌握企业经营和同行业工资水平等情况。",
        "及时向{party}报告劳动关系方面的苗头性、倾向性问题，为决策提供参考。",
        "加强与法院、人社、司法等部门的沟通协作，形成维权合力。",
        "把职工法律援助与困难帮扶结合起来，让职工维权少跑路、少花钱。",
        "对企业改制、裁员等涉及职工切身利益的事项，提前介入、全程参与，保障职工的知情权和参与权。",
    ),
    "assistance": (
        "我们坚持把困难职工的冷暖放在心上，努力做到底数清、情况明、帮扶准。",
        "帮扶工作严格按照申请、审核、公示、发放的程序进行，接受职工和社会监督。",
        "在帮扶中坚持“输血”与“造血”相结合，既解决眼前困难，又帮助职工增强自我发展能力。",
        "对因病、因灾、因意外导致家庭困难的职工，及时启动应急救助，做到第一时间到位。",
        "通过“工会+爱心企业”的模式，引导社会力量参与职工帮扶。",
        "帮扶资金全部通过银行直接发放到职工账户，杜绝截留、挪用。",
        "受助职工普遍反映，工会的帮扶“雪中送炭”，让他们感受到了组织的温暖。",
        "把帮扶工作延伸到职工家庭，关心职工子女的学习和老人的生活。",
    ),
    "culture": (
        "我们坚持把满足职工精神文化需求作为服务职工的重要内容，做到月月有活动、季季有亮点。",
        "活动安排注重贴近一线、贴近职工，尽量放在休息日和下班后，方便职工参加。",
        "引导企业把文体活动经费列入年度预算，推动职工文化建设常态化。",
        "依托职工文体协会，组建篮球、摄影、书画、舞蹈等兴趣小组，吸引青年职工参与。",
        "把职工之家建设与企业文化建设结合起来，打造各具特色的职工活动阵地。",
        "职工书屋实行开放式管理，配备专人负责图书借阅和登记。",
        "通过丰富多彩的活动，增强了职工的归属感，也提升了工会组织的影响力。",
    ),
    "competition": (
        "我们围绕{area}重点工作，把劳动竞赛作为团结动员职工建功立业的重要载体。",
        "竞赛坚持“企业出题、职工答题、工会助推”，突出解决生产经营中的难点问题。",
        "对竞赛中涌现出的先进集体和个人，及时给予表彰奖励，营造比学赶超的浓厚氛围。",
        "积极推荐优秀技能人才参加上级竞赛，在更高平台上展示职工风采。",
        "注重发挥劳模创新工作室的示范带动作用，以师带徒、传帮带培养青年技术骨干。",
        "在企业中广泛开展“学劳模、当先进”活动，劳模精神深入人心。",
    ),
    "safety": (
        "我们始终把职工的生命安全和身体健康放在首位，扎实开展安全生产群众监督。",
        "竞赛活动突出班组这个基本单元，推动安全生产责任落实到每个岗位。",
        "对检查中发现的安全隐患，建立问题清单，跟踪督办直至整改到位。",
        "通过事故案例警示教育，引导职工从“要我安全”向“我要安全”转变。",
        "重点关注高温、粉尘、噪声等作业环境，督促企业为职工配齐劳动防护用品。",
    ),
    "funds": (
        "我们坚持依法收缴、科学管理、合理使用的原则，为工会工作提供可靠的经费保障。",
        "经费使用坚持向基层倾斜、向职工倾斜，把钱花在服务职工的刀刃上。",
        "严格落实中央八项规定精神，不发放违规福利，不举办与职工服务无关的活动。",
        "定期向委员会和会员代表通报经费收支情况，主动接受会员监督。",
        "对基层工会财务工作中发现的问题，督促限期整改，并将整改情况纳入考核。",
    ),
    "publicity": (
        "我们坚持把思想政治引领放在首位，引导广大职工听党话、跟党走。",
        "宣传工作注重用身边事教育身边人，多讲职工愿意听、听得懂的故事。",
        "在普法宣传中注重以案说法，把法律条文讲成职工听得懂的“家常话”。",
        "充分发挥工会宣传栏、职工书屋和新媒体平台的作用，形成线上线下相结合的宣传格局。",
        "及时宣传工会工作中的好做法、好经验，扩大工会工作的社会影响。",
    ),
    "training": (
        "我们坚持把加强自身建设作为做好工会工作的基础，努力建设一支政治强、业务精、作风实的工会干部队伍。",
        "班子成员坚持深入基层调查研究，掌握职工所思所盼，解决职工急难愁盼问题。",
        "严格落实各项规章制度，完善议事规则和工作流程，机关运转更加规范高效。",
        "开展工会干部“岗位大练兵”，提升工会干部联系职工、服务职工的本领。",
        "坚持把职工满意作为衡量工作成效的根本标准，主动接受职工群众监督。",
        "推动工会工作重心下移，把更多资源和力量投向基层一线。",
    ),
    "women": (
        "我们把维护女职工合法权益和特殊利益作为工作重点，积极为女职工办实事。",
        "推动企业在女职工较多的车间设置休息室，改善女职工的劳动条件。",
        "引导女职工在岗位上建功立业，在家庭中弘扬文明新风。",
        "关心单亲女职工和困难女职工家庭，在节日期间上门慰问。",
        "女职工委员会定期召开会议，研究解决女职工关心的热点问题。",
    ),
}
REAL_INTRO_FIGURES = (
    "全年共走访企业<60-300家>，召开各类会议<20-80场>，为职工办实事<30-150件>。",
    "一年来，{org}共组织各类活动<40-160场>，直接服务职工<~8000-60000人次>。",
    "{area}现有基层工会<40-260家>，工会会员<~6000-40000名>，其中农民工会员<~2000-15000名>。",
    "全年各项工作目标均按期完成，在{upper}年度考核中位列前<3-6>名。",
)
REAL_WEAK = (
    "小微企业和新就业形态劳动者建会入会难度较大，组织覆盖不够稳固",
    "基层工会干部以兼职为主，工作精力和业务能力与职工期待还有差距",
    "集体协商实效不强，部分协议条款照搬模板，针对性不够",
    "帮扶工作以资金救助为主，就业帮扶、心理关爱等手段还不够多",
    "工会经费收缴不平衡，个别企业存在少缴、欠缴现象",
    "职工文体活动的形式和内容比较单一，青年职工参与不多",
    "工会宣传手段比较传统，新媒体运用还不够充分",
    "部分企业工会活动不够正常，存在“挂空挡”现象",
    "劳动争议源头预防做得不够，部分矛盾发现不够及时",
    "职工之家和职工书屋使用率不高，有的成了“摆设”",
)
REAL_WEAK_OPEN = (
    "在肯定成绩的同时，我们也清醒地认识到，工作中还存在一些不足：",
    "回顾一年来的工作，我们也看到还存在一些问题和薄弱环节：",
    "对照上级要求和职工期盼，我们的工作还有一定差距，主要是：",
    "总结全年工作，还存在以下几个方面的不足：",
)
REAL_WEAK_CLOSE = (
    "这些问题需要在今后的工作中认真加以解决。",
    "对此，我们将认真研究，采取有力措施逐步加以改进。",
    "我们将正视这些问题，在新的一年里着力补齐短板。",
    "这些问题有的是长期积累形成的，需要在今后工作中持续用力解决。",
)
REAL_PLAN = (
    "持续推进建会入会，全年力争新建工会<8-30家>、发展会员<~300-1200名>，重点做好新就业形态劳动者入会工作。",
    "深化工资集体协商，确保已建会企业集体合同签订率稳定在<%90-98>以上。",
    "完善困难职工帮扶机制，做好“两节”送温暖、金秋助学和夏送清凉工作，推动帮扶从生活救助向就业、助医延伸。",
    "广泛开展劳动和技能竞赛，年内举办职业技能竞赛不少于<4-10场>。",
    "加强职工之家和职工书屋建设，新建职工之家<3-10个>，提升阵地服务水平。",
    "抓好工会经费收缴和使用管理，提高经费使用效益。",
    "加强工会干部教育培训，全年培训工会干部不少于<~200-800人次>。",
    "深化“安康杯”竞赛，推动群众安全生产监督工作常态化。",
    "加强女职工特殊权益保护，推动“两癌”筛查和爱心妈妈小屋建设全覆盖。",
    "创新宣传方式，用好新媒体平台，讲好劳动者故事。",
)
REAL_CLOSING = (
    "新的一年，{org}将在{party}和{upper}的坚强领导下，团结带领{area}广大职工，为{area}经济社会高质量发展贡献工会力量。",
    "我们将坚持问题导向，补短板、强弱项，努力把工会建设成职工群众信赖的职工之家。",
    "{org}将以更加务实的作风，推动各项工作落地见效，不断增强职工群众的获得感、幸福感、安全感。",
)
REAL_NEWS_EXTRA = (
    "此次活动共投入经费<¥3000-40000>，全部从工会经费中列支。",
    "活动前，工会多次召开筹备会，对场地、人员和安全保障作了周密部署。",
    "据统计，今年以来{org}已组织同类活动<3-12场>，累计参与职工<~300-2000人次>。",
    "活动现场还设置了政策宣传台，发放宣传资料<200-1500份>，解答职工咨询<~30-200人次>。",
    "不少职工在活动结束后通过工会公众号留言，希望这样的活动能多办几次。",
    "{leader}在讲话中指出，工会工作要坚持以职工为中心，多做雪中送炭的事情。",
    "参加活动的职工来自生产一线、后勤服务和管理岗位，其中农民工占<%30-70>。",
    "为了让更多职工参与进来，工会把部分内容安排在休息日，并提供了免费交通服务。",
    "活动中，志愿者为职工提供了引导、饮水和医疗保障等服务，全程安全有序。",
    "工会还邀请了<3-12家>企业的负责人到场观摩，推动企业更加重视职工文化建设。",
    "活动期间发放纪念品<~100-600份>，现场气氛热烈。",
    "{org}有关负责人介绍，此次活动是今年“职工服务月”的重要内容之一。",
    "一位在企业工作了十多年的老职工说，工会组织的活动让他感到“有人惦记、有家可回”。",
    "活动结束后，工会对职工的意见建议进行了汇总，共收集意见建议<~10-60条>。",
    "下一步，工会将把活动中发现的问题逐一梳理，能解决的尽快解决，一时解决不了的做好解释。",
    "当地电视台和融媒体中心对活动进行了报道，在职工中引起良好反响。",
    "近三年来，{org}累计投入<¥50000-500000>用于职工服务，服务职工<~2000-15000人次>。",
    "据了解，{grass}也将结合各自实际，陆续开展形式多样的活动。",
)


# ---------------------------------------------------------------------------
# Writing one bulletin
# ---------------------------------------------------------------------------


@dataclass
class Plan:
    """What one bulletin will be, before its text is written."""

    type: str
    org: Org
    year: int
    date: dt.date
    event: dict[str, Any] | None = None
    time: str | None = None


@dataclass
class Bulletin:
    """A written bulletin: front matter fields and Markdown body."""

    path: str
    meta: dict[str, Any]
    body: str
    extra: dict[str, Any] = field(default_factory=dict)


class Writer:
    """Writes bulletins for one site: picks numbers and fills templates."""

    def __init__(self, rng: random.Random, orgs: list[Org], metrics: list[str],
                 topics: list[str], length: str = "synthetic") -> None:
        if length not in LENGTHS:
            raise ValueError(f"length must be one of {LENGTHS}, got {length!r}")
        self.rng = rng
        self.real = length == "real"
        self.orgs = {o.key: o for o in orgs}
        self.metrics = metrics
        self.metric_set = frozenset(metrics)
        self.topics = topics
        self.topic_set = frozenset(topics)
        self.used_paths: set[str] = set()
        self.index_seq: dict[tuple[str, int], int] = {}

    # -- helpers -----------------------------------------------------------
    def base_vars(self, org: Org, year: int, date: dt.date) -> dict[str, str]:
        upper = self.orgs[org.parent].name if org.parent else "市总工会"
        rng = self.rng
        return {
            "org": org.name, "place": org.place, "area": AREA[org.level],
            "party": PARTY[org.level], "upper": upper, "grass": GRASS[org.level],
            "leader": LEADER[org.level], "year": str(year), "next_year": str(year + 1),
            "date_cn": f"{date.month}月{date.day}日",
            "crowd": approx(rng, 40, 400), "teams": str(rng.randint(6, 24)),
            "days": str(rng.randint(2, 7)), "pubdays": str(rng.choice((5, 5, 7))), "nth": CN_NUM[rng.randint(1, 9)],
            "delegates": str(rng.randint(30, 160)), "few": str(rng.randint(2, 9)),
            "rate": str(rng.choice((90, 92, 95, 96, 98))),
        }

    def fill(self, template: str, vars_: dict[str, str]) -> str:
        return template.format(**vars_)

    def annual_value(self, key: str, org: Org, year: int) -> Number:
        lo, hi, ent = METRIC_RANGES[key]
        rng = self.rng
        growth = 1 + 0.03 * (year - FIRST_YEAR)
        if org.level == "enterprise":
            assert ent is not None
            lo_v, hi_v = ent[0] * org.size, ent[1] * org.size
        else:
            s_lo, s_hi = LEVEL_SCALE[org.level]
            scale = rng.uniform(s_lo, s_hi) * org.size
            lo_v, hi_v = lo * scale, hi * scale
        if key in ("members_total", "dues_collected"):
            lo_v, hi_v = lo_v * growth, hi_v * growth
        if key in MONEY:
            return money(rng, lo_v, hi_v)
        lo_i = round(lo_v)
        return rng.randint(lo_i, max(lo_i, round(hi_v)))

    def event_value(self, key: str, lo: int, hi: int, org: Org) -> Number:
        factor = {"county": 2.5, "enterprise": 0.4}.get(org.level, 1.0)
        lo_v, hi_v = max(1, lo * factor), max(2, hi * factor)
        if key in MONEY:
            return money(self.rng, lo_v, hi_v)
        return self.rng.randint(int(lo_v), int(hi_v))

    def pick_topics(self, first: list[str], more: list[str]) -> list[str]:
        """1-3 topics: the leading one(s), then maybe related or random ones."""
        chosen: list[str] = []
        for t in first + more:
            if t in self.topic_set and t not in chosen:
                chosen.append(t)
        if not chosen:
            chosen = [self.rng.choice(self.topics)]
        k = min(len(chosen), self.rng.choice((1, 1, 2, 2, 3)))
        result = chosen[:1] + self.rng.sample(chosen[1:], k - 1) if k > 1 else chosen[:1]
        if len(result) < 3 and self.rng.random() < 0.15:
            extra = self.rng.choice(self.topics)
            if extra not in result:
                result.append(extra)
        return result

    def index_no(self, org: Org, date: dt.date) -> str:
        n = self.index_seq.get((org.key, date.year), 0) + 1
        self.index_seq[(org.key, date.year)] = n
        return f"{org.abbr}-{date.year}-{n:03d}"

    def unique_path(self, year: int, name: str) -> str:
        path, n = f"{year}/{name}", 2
        while path in self.used_paths:
            path = f"{year}/{name}-{n}"
            n += 1
        self.used_paths.add(path)
        return path

    # -- the four types ------------------------------------------------------
    def write(self, plan: Plan) -> Bulletin:
        writer = {"summary": self.summary, "plan": self.plan_doc,
                  "news": self.news, "notice": self.notice}[plan.type]
        return writer(plan)

    def annual_stats(self, org: Org, year: int) -> dict[str, Number]:
        """The metrics one annual summary reports, with their values."""
        rng = self.rng
        applicable = [k for k in METRIC_RANGES
                      if k in self.metric_set
                      and (org.level != "enterprise" or METRIC_RANGES[k][2] is not None)]
        k_lo, k_hi = (3, 6) if org.level == "enterprise" else (4, 9)
        chosen = set(rng.sample(applicable, min(len(applicable), rng.randint(k_lo, k_hi))))
        return {k: self.annual_value(k, org, year) for k in self.metrics if k in chosen}

    def stat_sentence(self, m: str, val: Number, v: dict[str, str]) -> str:
        """The sentence that states metric `m` in an annual summary."""
        rng = self.rng
        if val == 0 and m in ZERO_SENTENCES:
            return ZERO_SENTENCES[m]
        extra = dict(v, v=text_value(m, val))
        if m == "new_members":
            extra["part"] = str(int(val * rng.uniform(0.35, 0.7)))
        if m == "collective_contracts":
            extra["cover"] = str(int(val) * rng.randint(40, 160))
        if m == "wage_agreements":
            lo = rng.randint(2, 5)
            extra["lo"], extra["hi"] = str(lo), str(lo + rng.randint(2, 4))
        return self.fill(rng.choice(STAT_SENTENCES[m]), extra)

    def summary(self, plan: Plan) -> Bulletin:
        if self.real:
            return self.summary_real(plan)
        rng, org, year = self.rng, plan.org, plan.year
        v = self.base_vars(org, year, plan.date)
        stats = self.annual_stats(org, year)
        sections = [s for s in SECTIONS
                    if any(m in stats for m in s.metrics) or rng.random() < 0.3]
        if org.level == "enterprise":
            sections = [s for s in sections if s.key != "funds" or "dues_collected" in stats]
        if len(sections) < 3:
            rest = [s for s in SECTIONS if s not in sections]
            sections += rng.sample(rest, 3 - len(sections))
            sections = [s for s in SECTIONS if s in sections]
        figures: list[dict[str, Any]] = []
        parts: list[list[str]] = []
        pools: list[list[str]] = []
        for s in sections:
            sentences: list[str] = []
            fillers = [self.fill(f, v) for f in s.fillers]
            rng.shuffle(fillers)
            sentences.append(fillers.pop())
            for m in s.metrics:
                if m not in stats:
                    continue
                sentences.append(self.stat_sentence(m, stats[m], v))
            if s.figures and rng.random() < 0.2 and len(figures) < 2:
                label, unit, lo_f, hi_f, tpl = rng.choice(s.figures)
                fv = rng.randint(lo_f, hi_f)
                figures.append({"label": label, "value": fv, "unit": unit})
                sentences.append(tpl.format(f=fv))
            parts.append(sentences)
            pools.append(fillers)
        intro = self.fill(rng.choice(INTRO), v)
        target = rng.randint(800, 1500)

        def length() -> int:
            return len(intro) + sum(len(x) + 12 for p in parts for x in p)

        while length() < target and any(pools):
            i = rng.choice([j for j, p in enumerate(pools) if p])
            parts[i].insert(rng.randint(1, len(parts[i])), pools[i].pop())
        lines = [intro, ""]
        numbered = list(zip(sections, parts, strict=True))
        for n, (s, sentences) in enumerate(numbered):
            lines += [f"## {CN_NUM[n]}、{rng.choice(s.headings)}", ""]
            split = rng.randint(1, len(sentences)) if len(sentences) > 3 else len(sentences)
            lines += ["".join(sentences[:split]), ""]
            if sentences[split:]:
                lines += ["".join(sentences[split:]), ""]
        if rng.random() < 0.6 and len(numbered) < len(CN_NUM):
            weak = rng.sample(WEAKNESSES, 2)
            plans = [self.fill(rng.choice(s.plans), dict(v, n=str(rng.randint(3, 15)),
                                                         m=str(rng.randint(100, 900))))
                     for s in rng.sample(sections, min(2, len(sections)))]
            lines += [f"## {CN_NUM[len(numbered)]}、{rng.choice(('存在的不足和下步打算', '存在问题及下步工作打算'))}",
                      "",
                      f"在肯定成绩的同时，我们也清醒地看到工作中还存在一些不足：一是{weak[0]}；二是{weak[1]}。",
                      "",
                      f"{year + 1}年，{org.name}将重点做好以下工作：" + "".join(plans),
                      ""]
        title = self._summary_title(plan)
        topics = self.pick_topics([s.topic for s in sections if any(m in stats for m in s.metrics)],
                                  [s.topic for s in sections])
        return self._summary_bulletin(plan, title, topics, stats, figures, lines)

    def _summary_title(self, plan: Plan) -> str:
        return self.rng.choice(("{year}年{org}工作总结", "{org}{year}年度工作总结",
                                "{org}{year}年工作总结")).format(year=plan.year, org=plan.org.name)

    def _summary_bulletin(self, plan: Plan, title: str, topics: list[str], stats: dict[str, Number],
                          figures: list[dict[str, Any]], lines: list[str]) -> Bulletin:
        rng, org, year = self.rng, plan.org, plan.year
        abstract = None
        if rng.random() < 0.5 and stats:
            first = [k for k in stats if stats[k] and k in STAT_SENTENCES][:3]
            bits = [f"{self._label(k)}{text_value(k, stats[k])}{self._unit(k)}" for k in first]
            abstract = f"{year}年{org.name}工作回顾：" + "，".join(bits) + "。" if bits else None
        meta = self._meta(plan, title, topics, abstract, stats, figures, index_p=0.25)
        name = f"{org.key}-summary"
        return Bulletin(self.unique_path(year, name), meta, "\n".join(lines).rstrip() + "\n")

    # -- real-length mode ----------------------------------------------------
    def fill_real(self, template: str, vars_: dict[str, str], level: str) -> str:
        """Fill a real-mode template: [a|b] choices, <lo-hi unit> figures, then {vars}.

        Counts (upper bound 20 or more) and sums from 20,000 yuan scale with the
        organisation's level; small counts, rates and per-head sums do not.
        """
        rng = self.rng
        scale = REAL_SCALE[level]

        def figure(m: re.Match[str]) -> str:
            kind, lo, hi, unit = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
            if kind == "%":
                return f"{rng.randint(lo, hi)}%"
            if (kind == "¥" and lo >= 20000) or (kind != "¥" and hi >= 20):
                lo, hi = max(1, round(lo * scale)), max(2, round(hi * scale))
            if kind == "¥":
                return yuan(money(rng, lo, hi))
            if kind == "~":
                return approx(rng, lo, hi, unit)
            return f"{rng.randint(lo, hi)}{unit}"

        text = _PICK_RE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
        return _FIG_RE.sub(figure, text).format(**vars_)

    def summary_real(self, plan: Plan) -> Bulletin:
        """An annual summary as long and as full of figures as a real one (REAL_SUMMARY_*)."""
        rng, org, year = self.rng, plan.org, plan.year
        v = self.base_vars(org, year, plan.date)
        stats = self.annual_stats(org, year)
        lo_chars, hi_chars = REAL_SUMMARY_CHARS
        lo_figs, hi_figs = REAL_SUMMARY_FIGURES
        target = rng.randint(lo_chars + 200, hi_chars - 300)
        want_figs = max(lo_figs + 2, min(hi_figs - 3, round(target / 1000 * rng.uniform(9, 13.5))))

        def fill(t: str) -> str:
            return self.fill_real(t, v, org.level)

        # Opening, shortcomings, next year's plan: written first, the body fills the rest.
        intro = fill(rng.choice(INTRO))
        if rng.random() < 0.6:
            intro += fill(rng.choice(REAL_INTRO_FIGURES))
        weak = rng.sample(REAL_WEAK, rng.randint(2, 4))
        ordinals = "一二三四五"
        weak_text = (rng.choice(REAL_WEAK_OPEN) + "；".join(f"{ordinals[i]}是{w}" for i, w in enumerate(weak))
                     + "。" + rng.choice(REAL_WEAK_CLOSE))
        plan_items = [fill(t) for t in rng.sample(REAL_PLAN, rng.randint(3, 5))]
        closing = fill(rng.choice(REAL_CLOSING))
        fixed = [intro, weak_text, *plan_items, closing]
        chars = sum(han_length(x) for x in fixed) + 40  # headings of the closing sections
        figs = sum(count_figures(x) for x in fixed)

        # Sections: every one that states a reported metric, then others as the length needs.
        def has_stat(sec: RealSection) -> bool:
            return any(m in stats for sub in sec.subs for m in sub.metrics)

        must = [sec for sec in REAL_SECTIONS if has_stat(sec)]
        others = [sec for sec in REAL_SECTIONS if not has_stat(sec)]
        n_sections = max(len(must), min(len(CN_NUM) - 2, round(target / 520)))
        chosen = must + rng.sample(others, max(0, min(len(others), n_sections - len(must))))
        chosen.sort(key=REAL_SECTIONS.index)
        layout: list[tuple[RealSection, str, list[RealSub]]] = []
        parts: list[list[str]] = []
        pools: list[list[tuple[str, int]]] = []
        fillers = {sec.key: sec.fillers for sec in SECTIONS}
        for sec in chosen:
            keep = [sub for sub in sec.subs if any(m in stats for m in sub.metrics)]
            rest = [sub for sub in sec.subs if sub not in keep]
            k = max(len(keep), min(len(sec.subs), rng.choice((2, 2, 3))))
            subs = sorted(keep + rng.sample(rest, k - len(keep)), key=sec.subs.index)
            # The section's sentences without figures: maybe one as its opening, the rest dealt out to its subsections.
            plain = [self.fill(t, v) for t in REAL_NARRATIVE[sec.key] + fillers.get(sec.key, ())]
            rng.shuffle(plain)
            lead = plain.pop() if rng.random() < 0.7 else ""
            layout.append((sec, lead, subs))
            chars += han_length(lead)
            figs += count_figures(lead)
            for i, sub in enumerate(subs):
                own = [fill(t) for t in sub.sentences]
                rng.shuffle(own)
                first = [own.pop()] + [self.stat_sentence(m, stats[m], v) for m in sub.metrics if m in stats]
                pool = [(x, count_figures(x)) for x in own + plain[i::len(subs)]]
                rng.shuffle(pool)
                parts.append(first)
                pools.append(pool)
                chars += 16 + sum(han_length(x) for x in first)  # 16: the subsection heading
                figs += sum(count_figures(x) for x in first)
            chars += 16

        def add(i: int, want_figure: bool) -> bool:
            nonlocal chars, figs
            pool = pools[i]
            j = next((j for j, (_, f) in enumerate(pool) if (f > 0) == want_figure), None)
            if j is None:
                return False
            text, f = pool.pop(j)
            if figs + f > hi_figs or chars + han_length(text) > hi_chars:
                return True  # dropped: it would break a bound
            parts[i].insert(rng.randint(1, len(parts[i])), text)
            chars += han_length(text)
            figs += f
            return True

        while chars < target:
            open_ = [i for i, p in enumerate(pools) if p]
            if not open_:
                break
            i = min(open_, key=lambda j: (len(parts[j]), rng.random()))  # the shortest subsection first
            if not add(i, figs < want_figs):
                add(i, figs >= want_figs)
        while figs < lo_figs:  # a long text of few figures: state more of them
            open_ = [i for i, p in enumerate(pools) if any(f for _, f in p)]
            if not open_:
                break
            add(rng.choice(open_), True)

        lines = [intro, ""]
        k = 0
        for n, (sec, lead, subs) in enumerate(layout):
            lines += [f"## {CN_NUM[n]}、{rng.choice(sec.headings)}", ""]
            if lead:
                lines += [lead, ""]
            for m, sub in enumerate(subs):
                sentences = parts[k]
                k += 1
                if len(subs) > 1:
                    lines += [f"### （{CN_NUM[m]}）{rng.choice(sub.headings)}", ""]
                split = rng.randint(2, len(sentences) - 2) if len(sentences) > 5 else len(sentences)
                lines += ["".join(sentences[:split]), ""]
                if sentences[split:]:
                    lines += ["".join(sentences[split:]), ""]
        n = len(layout)
        lines += [f"## {CN_NUM[n]}、{rng.choice(('存在的问题和不足', '存在的不足', '工作中存在的问题'))}", "", weak_text, ""]
        lines += [f"## {CN_NUM[n + 1]}、{year + 1}年{rng.choice(('工作打算', '重点工作安排', '工作思路'))}", ""]
        lines += [f"（{CN_NUM[i]}）{item}\n" for i, item in enumerate(plan_items)]
        lines += [closing, ""]
        title = self._summary_title(plan)
        topics = self.pick_topics([sec.topic for sec in must], [sec.topic for sec, _, _ in layout])
        return self._summary_bulletin(plan, title, topics, stats, [], lines)

    def plan_doc(self, plan: Plan) -> Bulletin:
        rng, org, year = self.rng, plan.org, plan.year
        v = self.base_vars(org, year, plan.date)
        sections = sorted(rng.sample(SECTIONS, rng.randint(4, 6)), key=SECTIONS.index)
        figures: list[dict[str, Any]] = []
        lines = [self.fill(rng.choice(PLAN_INTRO), v), ""]
        target = rng.randint(500, 800)
        total = len(lines[0])
        for n, s in enumerate(sections):
            nv = dict(v, n=str(rng.randint(3, 15) * (3 if org.level == "county" else 1)),
                      m=str(rng.randint(100, 900) * (3 if org.level == "county" else 1)))
            plans = [self.fill(p, nv) for p in s.plans]
            first = plans[0]
            rng.shuffle(plans)
            take = plans[:2] if total < target else plans[:1]
            if s.key == "organising" and rng.random() < 0.4:
                # The target stated in the text is also shown as a card.
                figures.append({"label": "计划新建工会", "value": int(nv["n"]), "unit": "家"})
                take = [first, *[p for p in take if p != first][:1]]
            filler = self.fill(rng.choice(s.fillers), v)
            para = "".join(take) + (filler if total < target else "")
            lines += [f"## {CN_NUM[n]}、{rng.choice(s.headings)}", "", para, ""]
            total += len(para) + 12
        lines.append(self.fill(rng.choice(PLAN_CLOSE), v))
        title = rng.choice(("{org}{year}年工作计划", "{year}年{org}工作要点",
                            "{org}{year}年度重点工作打算")).format(year=year, org=org.name)
        topics = self.pick_topics([s.topic for s in sections[:2]], [s.topic for s in sections])
        abstract = f"{org.name}部署{year}年重点工作。" if rng.random() < 0.5 else None
        meta = self._meta(plan, title, topics, abstract, {}, figures, index_p=0.25)
        return Bulletin(self.unique_path(year, f"{org.key}-plan"), meta, "\n".join(lines) + "\n")

    def _event_text(self, plan: Plan, ev: dict[str, Any]
                    ) -> tuple[dict[str, str], dict[str, Number], list[dict[str, Any]]]:
        rng, org = self.rng, plan.org
        v = self.base_vars(org, plan.year, plan.date)
        for name, choices in ev.get("vars", {}).items():
            v[name] = rng.choice(choices)
        for name, lo, hi in (("deadline", 10, 30), ("meet_date", 5, 25)):
            later = plan.date + dt.timedelta(days=rng.randint(lo, hi))
            v[name] = f"{later.year}年{later.month}月{later.day}日"
        stats: dict[str, Number] = {}
        for key, (lo, hi) in ev.get("stats", {}).items():
            val = self.event_value(key, lo, hi, org)
            v[key] = text_value(key, val)
            if key in self.metric_set:
                stats[key] = val
        figures: list[dict[str, Any]] = []
        for label, unit, lo, hi, name in ev.get("figures", ()):
            fv = rng.randint(lo, hi) // 10 * 10 or lo
            v[name] = str(fv)
            if rng.random() < 0.5:
                figures.append({"label": label, "value": fv, "unit": unit})
        return v, stats, figures

    def news(self, plan: Plan) -> Bulletin:
        rng, org = self.rng, plan.org
        ev = plan.event
        assert ev is not None
        v, stats, figures = self._event_text(plan, ev)
        # Real: aim inside REAL_NEWS_CHARS (counted in characters, digits too; the sentence that passes the aim adds some).
        target = rng.randint(REAL_NEWS_CHARS[0] + 50, REAL_NEWS_CHARS[1] - 100) if self.real else rng.randint(300, 500)
        opening = self.fill(rng.choice(ev["open"]), v)
        close = self.fill(rng.choice(ev["close"]), v)
        pool = [self.fill(s, v) for s in ev["body"]]
        rng.shuffle(pool)
        extra = [self.fill(s, v) for s in FILLERS_NEWS]
        if self.real:
            extra += [self.fill_real(s, v, org.level) for s in REAL_NEWS_EXTRA]
        rng.shuffle(extra)
        background = [self.fill(s, v) for s in BACKGROUND.get(ev["topics"][0], ())]
        middle: list[str] = []

        def size() -> int:
            return len(opening) + len(close) + sum(map(len, middle))

        while pool and size() < target:
            middle.append(pool.pop())
        while extra and size() < target - 20:
            middle.insert(rng.randint(0, len(middle)), extra.pop())
        back = ""
        if background and (size() < target or rng.random() < 0.3):
            back = "".join(background[: rng.randint(1, len(background))])
        split = rng.randint(1, max(1, len(middle) - 1)) if len(middle) > 1 else len(middle)
        paras = [opening, back, "".join(middle[:split]), "".join(middle[split:]), close]
        body = "\n\n".join(p for p in paras if p) + "\n"
        title = self.fill(rng.choice(ev["titles"]), v)
        topics = self.pick_topics(list(ev["topics"]), list(ev.get("more", ())))
        abstract = opening.split("。")[0] + "。" if rng.random() < 0.45 else None
        meta = self._meta(plan, title, topics, abstract, stats, figures, index_p=0.05)
        name = f"{plan.date:%m%d}-{org.key}-{ev['slug']}"
        return Bulletin(self.unique_path(plan.date.year, name), meta, body)

    def notice(self, plan: Plan) -> Bulletin:
        rng, org = self.rng, plan.org
        ev = plan.event
        assert ev is not None
        v, stats, figures = self._event_text(plan, ev)
        paras = [self.fill(rng.choice(p), v) for p in ev["paras"]]
        target = rng.randint(200, 400)
        extra = [self.fill(x, v) for x in ev.get("extra", NOTICE_EXTRA)]
        rng.shuffle(extra)
        while extra and sum(map(len, paras)) < target:
            paras.append(extra.pop())
        if sum(map(len, paras)) < target:
            paras.append("特此通知。" if "公示" not in paras[0] else "特此公示。")
        d = plan.date
        paras += [org.name, f"{d.year}年{d.month}月{d.day}日"]
        title = self.fill(rng.choice(ev["titles"]), v)
        topics = self.pick_topics(list(ev["topics"]), list(ev.get("more", ())))
        abstract = title + "。" if rng.random() < 0.4 else None
        meta = self._meta(plan, title, topics, abstract, stats, figures, index_p=0.4)
        name = f"{d:%m%d}-{org.key}-{ev['slug']}"
        return Bulletin(self.unique_path(d.year, name), meta, "\n\n".join(paras) + "\n")

    # -- front matter --------------------------------------------------------
    def _label(self, key: str) -> str:
        return {"unions_founded": "新建工会", "new_members": "发展会员",
                "members_total": "会员总数", "collective_contracts": "签订集体合同",
                "wage_agreements": "签订工资专项集体协议", "workers_assisted": "帮扶慰问职工",
                "aid_funds": "发放帮扶资金", "students_aided": "资助学生",
                "cases_handled": "受理信访和劳动争议", "wages_recovered": "追讨欠薪",
                "training_attendance": "培训职工", "activities_held": "举办文体活动",
                "dues_collected": "收缴经费"}[key]

    def _unit(self, key: str) -> str:
        if key in MONEY:
            return ""
        return {"unions_founded": "家", "new_members": "名", "members_total": "人",
                "collective_contracts": "份", "wage_agreements": "份",
                "workers_assisted": "人次", "students_aided": "名", "cases_handled": "件",
                "training_attendance": "人次", "activities_held": "场"}[key]

    def _meta(self, plan: Plan, title: str, topics: list[str], abstract: str | None,
              stats: dict[str, Number], figures: list[dict[str, Any]],
              index_p: float) -> dict[str, Any]:
        rng = self.rng
        meta: dict[str, Any] = {"title": title}
        # A date (and the optional "HH:MM") is written plain, as an author would.
        meta["date"] = dt.date.isoformat(plan.date) + (f" {plan.time}" if plan.time else "")
        if plan.type in ("summary", "plan") or rng.random() < 0.1:
            meta["year"] = plan.year
        meta["org"] = plan.org.key
        meta["type"] = plan.type
        meta["topics"] = topics
        if abstract:
            meta["summary"] = abstract
        if stats:
            meta["stats"] = stats
        if figures:
            meta["figures"] = figures
        if rng.random() < index_p:
            meta["index_no"] = self.index_no(plan.org, plan.date)
        return meta


# ---------------------------------------------------------------------------
# YAML output (written by hand so the files look like an author's)
# ---------------------------------------------------------------------------

_UNSAFE = set(":#[]{},&*!|>'\"%@`")


def scalar(value: Any) -> str:
    """A YAML scalar: plain when that is safe, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return fmt_num(value)
    s = str(value)
    plain_ok = (
        s and not (_UNSAFE & set(s)) and s[0] not in "-?" and s.strip() == s
        and yaml.safe_load(s) == s
    )
    return s if plain_ok else json.dumps(s, ensure_ascii=False)


def front_matter(meta: dict[str, Any]) -> str:
    lines = ["---"]
    for key, value in meta.items():
        if key == "topics":
            lines.append(f"topics: [{', '.join(value)}]")
        elif key == "stats":
            lines.append("stats:")
            lines += [f"  {k}: {fmt_num(n)}" for k, n in value.items()]
        elif key == "figures":
            lines.append("figures:")
            lines += [
                f"  - {{label: {scalar(f['label'])}, value: {fmt_num(f['value'])}, "
                f"unit: {scalar(f['unit'])}}}"
                for f in value
            ]
        elif key == "date":
            lines.append(f"date: {value}")
        else:
            lines.append(f"{key}: {scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Planning the corpus and writing it
# ---------------------------------------------------------------------------


def _random_day(rng: random.Random, year: int, windows: tuple[tuple[int, int, int, int], ...]
                ) -> dt.date:
    m1, d1, m2, d2 = rng.choice(windows)
    start, end = dt.date(year, m1, d1), dt.date(year, m2, d2)
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def plan_corpus(rng: random.Random, orgs: list[Org], n: int) -> list[Plan]:
    """Decide type, organisation and date of every bulletin."""
    counts = {t: round(n * share) for t, share in TYPE_SHARES}
    counts["news"] = n - sum(counts.values())
    types = [t for t in TYPE_ORDER for _ in range(counts[t])]
    rng.shuffle(types)
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    year_weights = [1 + 0.1 * (y - FIRST_YEAR) for y in years]
    org_weights = [ORG_WEIGHT[o.level] for o in orgs]
    free = {t: {o.key: list(years) for o in orgs} for t in ("summary", "plan")}
    plans: list[Plan] = []
    for t in types:
        if t in ("summary", "plan"):
            cands = [(o, w) for o, w in zip(orgs, org_weights, strict=True) if free[t][o.key]]
            if cands:
                org = rng.choices([c[0] for c in cands], [c[1] for c in cands])[0]
                slots = free[t][org.key]
                year = slots.pop(rng.randrange(len(slots)))
                if t == "summary":
                    date = _random_day(rng, year, ((12, 20, 12, 31),)) if rng.random() < 0.3 \
                        else _random_day(rng, year + 1, ((1, 3, 2, 28),))
                else:
                    date = _random_day(rng, year - 1, ((12, 15, 12, 31),)) if rng.random() < 0.35 \
                        else _random_day(rng, year, ((1, 3, 2, 28),))
                plans.append(Plan(t, org, year, date))
                continue
            t = "news"  # every slot taken: more news instead
        org = rng.choices(orgs, org_weights)[0]
        pool = EVENTS if t == "news" else NOTICES
        events = [e for e in pool if org.level in e.get("levels", (org.level,))]
        ev = rng.choice(events)
        year = rng.choices(years, year_weights)[0]
        date = _random_day(rng, year, ev["windows"])
        time = None
        if t == "news" and rng.random() < 0.05:
            time = f"{rng.randint(8, 17):02d}:{rng.choice((0, 10, 15, 30, 45)):02d}"
        plans.append(Plan(t, org, date.year, date, ev, time))
    plans.sort(key=lambda p: (p.date, p.org.key, p.type))
    return plans


def _defaults_dir() -> Path:
    if DEFAULTS_DIR.is_dir():
        return DEFAULTS_DIR
    try:
        import union_bulletin
    except ImportError as exc:
        raise FileNotFoundError(f"package defaults not found at {DEFAULTS_DIR}") from exc
    return Path(union_bulletin.__file__).parent / "defaults"


def generate(out_dir: Path, bulletins: int, seed: int = 1, length: str = "synthetic") -> dict[str, Any]:
    """Write a complete site source with `bulletins` bulletins into `out_dir`.

    `length="real"` writes annual summaries as long and as full of figures as
    real ones (REAL_SUMMARY_CHARS, REAL_SUMMARY_FIGURES) and longer news;
    the default "synthetic" keeps the shorter texts (and their exact bytes).

    `out_dir/content` and `out_dir/site_config` must not exist yet or be empty.
    Returns a summary: counts per type, years, organisations per level.
    """
    if bulletins < 0:
        raise ValueError("bulletins must be >= 0")
    out_dir = Path(out_dir)
    for sub in ("content", "site_config"):
        d = out_dir / sub
        if d.exists() and any(d.iterdir()):
            raise FileExistsError(f"{d} is not empty; generate into a fresh folder")
    defaults = _defaults_dir()
    metrics_src, topics_src = defaults / "metrics.yml", defaults / "topics.yml"
    metrics = list((yaml.safe_load(metrics_src.read_text(encoding="utf-8")) or {}).keys())
    topics = list((yaml.safe_load(topics_src.read_text(encoding="utf-8")) or {}).keys())

    rng = random.Random(seed)
    orgs = make_orgs(rng, max(6, round(bulletins / 12)))
    plans = plan_corpus(rng, orgs, bulletins)
    writer = Writer(rng, orgs, metrics, topics, length)
    written = [writer.write(p) for p in plans]

    config = out_dir / "site_config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "organisations.yml").write_text(organisations_yaml(orgs), encoding="utf-8",
                                              newline="\n")
    shutil.copyfile(metrics_src, config / "metrics.yml")
    shutil.copyfile(topics_src, config / "topics.yml")

    content = out_dir / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "index.md").write_text(
        "---\ntitle: 首页\n---\n\n"
        f"本站收录{len(orgs)}个工会组织发布的{bulletins}篇公报，包括年度工作总结、工作计划、"
        "活动新闻和通知公告。内容为基准测试自动生成的示例数据，单位名称均为虚构。\n",
        encoding="utf-8", newline="\n",
    )
    for b in written:
        path = content / "bulletins" / f"{b.path}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front_matter(b.meta) + "\n" + b.body, encoding="utf-8", newline="\n")

    types = {t: sum(1 for p in plans if p.type == t) for t in TYPE_ORDER}
    levels: dict[str, int] = {}
    for o in orgs:
        levels[o.level] = levels.get(o.level, 0) + 1
    return {
        "bulletins": len(written),
        "types": types,
        "years": sorted({p.year for p in plans}),
        "organisations": len(orgs),
        "levels": levels,
        "seed": seed,
        "length": length,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bulletins", type=int, default=1000, help="number of bulletins")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the site source into")
    parser.add_argument("--length", choices=LENGTHS, default="synthetic",
                        help="synthetic: short texts (default); real: summaries of 1,500-4,500 characters "
                             "with 20-60 figures and news of 400-1,200, as real reports (see DOMAIN.md)")
    parser.add_argument("--clean", action="store_true",
                        help="delete OUT/content and OUT/site_config first")
    args = parser.parse_args(argv)
    if args.clean:
        for sub in ("content", "site_config"):
            shutil.rmtree(args.out / sub, ignore_errors=True)
    try:
        summary = generate(args.out, args.bulletins, args.seed, args.length)
    except FileExistsError as exc:
        print(f"error: {exc} (use --clean)", file=sys.stderr)
        return 2
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
