"""The personal-data check: what is found and what is not, masks, messages, and real builds
where the published site never holds a full number.

Every number here is made up in this file: ID numbers get their check digit from
stdnum, bank card numbers their Luhn digit. The names are invented.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.cn import ric

from conftest import Result, Site, fragments
from union_bulletin import privacy
from union_bulletin.privacy import Scanner, allow_list, redact, scan


def resident_id(birth: str = "19900307", seq: str = "123", region: str = "110101", *, card: bool | None = False) -> str:
    """A fictional 18-digit ID with a correct check digit; ``card`` says whether it must (not) also pass Luhn."""
    for n in range(int(seq), 1000):
        body = f"{region}{birth}{n:03d}"
        number = body + ric.calc_check_digit(body + "0")
        if card is None or luhn.is_valid(number) == card:
            return number
    raise AssertionError("no such number")


def bank_card(prefix: str) -> str:
    return prefix + luhn.calc_check_digit(prefix)


def not_luhn(number: str) -> str:
    """The number with a last digit that fails the Luhn check."""
    return next(number[:-1] + d for d in "0123456789" if not luhn.is_valid(number[:-1] + d))


ID = resident_id()  # 110101199003071234-like, not Luhn-valid
ID_X = next(resident_id(seq=f"{n:03d}") for n in range(1000) if resident_id(seq=f"{n:03d}").endswith("X"))
ID_AND_CARD = resident_id(birth="19851112", card=True)
ID_WRONG_CHECK = next(ID[:-1] + d for d in "0123456789X" if d != ID[-1] and not luhn.is_valid(ID[:-1] + d))
ID_FEB_30 = (lambda b: next(b + d for d in "0123456789X" if not luhn.is_valid(b + d)))("11010119900230123")
ID_FUTURE = resident_id(birth="20990101", card=False)
ID_NO_REGION = resident_id(region="000000", card=False)
OLD_ID = "110101900307123"  # first-generation: region, 1990-03-07, sequence
MOBILE = "13900001234"
MOBILE_2 = "15800005678"
CARD16 = bank_card("622202000012345")
CARD19 = bank_card("622848000098765432")
CARD16_BAD = not_luhn(CARD16)
CARD19_BAD = not_luhn(CARD19)


def grouped(number: str, sep: str = " ") -> str:
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


# (case id, text, kind, value as written, masked)
FOUND: list[tuple[str, str, str, str, str]] = [
    ("id18", f"身份证号：{ID}。", "resident_id", ID, ID[:6] + "********" + ID[-4:]),
    ("id18-x", f"身份证号{ID_X.lower()}，", "resident_id", ID_X.lower(), ID_X[:6] + "********" + ID_X[-4:].lower()),
    ("id18-spaced", f"证件号 {ID[:6]} {ID[6:14]} {ID[14:]}", "resident_id", f"{ID[:6]} {ID[6:14]} {ID[14:]}", ID[:6] + "********" + ID[-4:]),
    ("id18-luhn-too", f"身份证{ID_AND_CARD}", "resident_id", ID_AND_CARD, ID_AND_CARD[:6] + "********" + ID_AND_CARD[-4:]),
    ("id15", f"老身份证{OLD_ID}", "resident_id", OLD_ID, "110101*****7123"),
    ("mobile", f"联系电话{MOBILE}", "mobile", MOBILE, "139****1234"),
    ("mobile-spaces", "电话：139 0000 1234", "mobile", "139 0000 1234", "139****1234"),
    ("mobile-dashes", "电话：139-0000-1234", "mobile", "139-0000-1234", "139****1234"),
    ("mobile-plus86", "+86 13900001234", "mobile", "13900001234", "139****1234"),
    ("mobile-86", "8613900001234", "mobile", "13900001234", "139****1234"),
    ("mobile-plus86-dashes", "（+86-158-0000-5678）", "mobile", "158-0000-5678", "158****5678"),
    ("mobile-fullwidth", "电话１３９００００１２３４", "mobile", "１３９００００１２３４", "１３９****１２３４"),
    ("mobile-in-table", f"| 1 | 一名职工 | {MOBILE} |", "mobile", MOBILE, "139****1234"),
    ("mobile-in-csv", f"序号,电话\n1,{MOBILE}", "mobile", MOBILE, "139****1234"),
    ("card16", f"银行卡号{CARD16}", "bank_card", CARD16, CARD16[:4] + "********" + CARD16[-4:]),
    ("card16-spaces", f"卡号 {grouped(CARD16)}", "bank_card", grouped(CARD16), CARD16[:4] + "********" + CARD16[-4:]),
    ("card16-dashes", f"卡号{grouped(CARD16, '-')}", "bank_card", grouped(CARD16, "-"), CARD16[:4] + "********" + CARD16[-4:]),
    ("card19", f"账号：{CARD19}", "bank_card", CARD19, CARD19[:4] + "***********" + CARD19[-4:]),
    ("card19-spaces", f"账号：{grouped(CARD19)}", "bank_card", grouped(CARD19), CARD19[:4] + "***********" + CARD19[-4:]),
    ("name-accident", "张建国因车祸住院。", "name_hardship", "张建国", "张＊＊"),
    ("name-hardship-family", "职工王秀兰家庭困难，", "name_hardship", "王秀兰", "王＊＊"),
    ("name-aid-list", "帮扶对象：赵志刚（低保户）", "name_hardship", "赵志刚", "赵＊＊"),
    ("name-split-by-jieba", "走访困难职工陈秀英家中", "name_hardship", "陈秀英", "陈＊＊"),
    ("name-two-characters", "职工李娜因病住院", "name_hardship", "李娜", "李＊"),
    ("name-table-row", "| 2 | 王建华 | 因病致困 | 3000 |", "name_hardship", "王建华", "王＊＊"),
    ("name-compound-surname", "职工欧阳建华患病", "name_hardship", "欧阳建华", "欧＊＊＊"),
    # How aid lists describe a person: the hardship two clauses after the name (a window of the hardship
    # word's clause and one on either side would publish this name; tests/bench/name_windows.py).
    ("name-two-clauses-before", "职工刘建军，46岁，妻子患尿毒症多年，家庭生活困难。", "name_hardship", "刘建军", "刘＊＊"),
]

NOT_FOUND: list[tuple[str, str]] = [
    ("date", "2024年3月15日（20240315）"),
    ("date-dashes", "2024-03-15"),
    ("amount", "共计1234567.89元"),
    ("amount-wan", "发放慰问金48.6万元"),
    ("index-no", "索引号：TY-2024-003"),
    ("index-no-long", "001234567-2024-00012"),
    ("hotline", "职工服务热线12351"),
    ("landline", "电话：0571-86001234"),
    ("landline-spaces", "0571 8600 1234"),
    ("stat-value", "stats:\n  aid_funds: 13173100\n  members_total: 16310"),
    ("id-wrong-check-digit", f"身份证号{ID_WRONG_CHECK}"),
    ("id-feb-30", f"身份证号{ID_FEB_30}"),
    ("id-born-in-future", f"身份证号{ID_FUTURE}"),
    ("id-unknown-region", f"身份证号{ID_NO_REGION}"),
    ("id15-impossible-date", "110101900230123"),
    ("id15-unknown-region", "000000900307123"),
    ("card16-luhn-invalid", f"卡号{CARD16_BAD}"),
    ("card19-luhn-invalid", f"卡号{grouped(CARD19_BAD)}"),
    ("card-in-link", f"[原文](https://weibo.example.org/detail/{CARD16})"),
    ("mobile-12-digits", "编号138000012345"),
    ("mobile-inside-digits", "9913900001234"),
    ("mobile-starts-12", "12900001234"),
    ("mobile-decimal", "13900001234.5"),
    ("mobile-in-code", "ABC13900001234"),
    ("name-deidentified", "王某因病住院。"),
    ("name-deidentified-2", "张某某重病，工会送去慰问金。"),
    ("name-form-of-address", "李师傅患病住院。"),
    ("name-none", "一名职工因车祸住院。"),
    ("model-worker-no-hardship", "劳动模范张建国带领班组完成技术改造。"),
    ("jinqiu", "金秋助学活动共资助困难职工子女32名。"),
    ("union-chair", "县总工会主席李明带队走访慰问困难职工。"),
    ("vice-chair", "镇总工会副主席王晓红一行看望了因病住院的职工。"),
    ("place", "石桥镇的困难职工"),
    ("company", "盛宇食品实业有限公司工会建立了困难职工档案。"),
    ("common-words", "关怀困难职工，安抚家属情绪，确保资助对象公平公正。"),
    ("applicant", "申请人须为本镇工会会员家庭子女，且家庭经济困难。"),
    ("nickname", "小李家庭困难，老王因病住院。"),
    ("conjunction", "在镇党委和金庄县总工会的领导下，扎实推进帮扶救助工作。"),
]


@pytest.mark.parametrize(("case", "text", "kind", "value", "masked"), FOUND, ids=[c[0] for c in FOUND])
def test_found(case: str, text: str, kind: str, value: str, masked: str) -> None:
    found = scan(text)
    assert [(f.kind, f.value, f.masked) for f in found] == [(kind, value, masked)]
    f = found[0]
    assert text[f.start : f.end] == value
    assert f.redacted
    surname = value[:2] if value.startswith("欧阳") else value[:1]
    assert f.replacement == (masked if kind != "name_hardship" else surname + "某" * (len(value) - len(surname)))


@pytest.mark.parametrize(("case", "text"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_not_found(case: str, text: str) -> None:
    assert scan(text) == []


_NUMBER_PATTERNS = (privacy._ID18, privacy._ID15, privacy._MOBILE, privacy._CARD)


_FULL_WIDTH = {**{str(d): chr(0xFF10 + d) for d in range(10)}, "-": "－", " ": "\u3000", "+": "＋"}


@given(st.sampled_from(_NUMBER_PATTERNS).flatmap(lambda p: st.tuples(st.just(p), st.from_regex(p))), st.randoms())
def test_every_number_pattern_passes_the_quick_look_first(case: tuple[re.Pattern[str], str], rnd: random.Random) -> None:
    """_numbers skips a text with no eleven digits in a row (one space or dash allowed between two), read as written,
    before full-width forms are made half-width: every number it looks for passes, in either width."""
    pattern, flat = case
    text = "".join(_FULL_WIDTH[ch] if ch in _FULL_WIDTH and rnd.random() < 0.5 else ch for ch in flat)
    assume(pattern.search(text.translate(privacy._HALF)) is not None)
    assert privacy._LONG_NUMBER.search(text) is not None, text


def test_line_numbers_count_front_matter() -> None:
    text = f"---\ntitle: 测试\nsummary: 电话{MOBILE}\n---\n\n正文第一段。\r\n第二段，卡号{CARD16}。\n\n张建国因车祸住院。\n"
    assert [(f.line, f.kind) for f in scan(text)] == [(3, "mobile"), (7, "bank_card"), (9, "name_hardship")]


def test_redact_replaces_the_whole_number_and_nothing_else() -> None:
    text = f"电话：139 0000 1234，身份证{ID}，卡号{grouped(CARD19, '-')}；张建国因车祸住院。"
    found = scan(text)
    assert redact(text, found) == (
        f"电话：139****1234，身份证{ID[:6]}********{ID[-4:]}，卡号{CARD19[:4]}***********{CARD19[-4:]}；张某某因车祸住院。"
    )
    assert redact(text, []) == text


def test_redacted_yaml_still_parses() -> None:
    text = f"phone: {MOBILE}\nid: {ID}\ncard: {CARD16}\n"
    data = yaml.safe_load(redact(text, scan(text)))
    assert data == {"phone": "139****1234", "id": f"{ID[:6]}********{ID[-4:]}", "card": f"{CARD16[:4]}********{CARD16[-4:]}"}


def test_allow_list() -> None:
    text = f"办公室电话 139-0000-1234，职工电话{MOBILE_2}。劳模张建国因病住院。"
    assert [f.kind for f in scan(text)] == ["mobile", "mobile", "name_hardship"]
    assert [f.value for f in scan(text, allow=["13900001234"])] == [MOBILE_2, "张建国"]
    assert [f.value for f in scan(text, allow=["+86 139 0000 1234", "张建国"])] == [MOBILE_2]
    assert [f.value for f in Scanner(allow=["158-0000-5678"]).scan(text, ["张建国"])] == ["139-0000-1234"]
    assert [f.value for f in scan(text, allow=["张建"])] == ["139-0000-1234", MOBILE_2, "张建国"]  # names: exact


def test_checks_and_hardship_words() -> None:
    text = f"身份证{ID}，电话{MOBILE}。职工孙志明讨薪未果。"
    assert [f.kind for f in scan(text, checks=["mobile"])] == ["mobile"]
    assert [f.kind for f in scan(text, checks=["resident_id", "name_hardship"])] == ["resident_id"]
    assert [f.value for f in scan(text, checks=["name_hardship"], hardship_words=["讨薪"])] == ["孙志明"]
    with pytest.raises(ValueError):
        Scanner(checks=["phone"])


def test_messages() -> None:
    p = "content/bulletins/2024/a.md"
    text = f"---\ntitle: 测试\n---\n电话{MOBILE}\n身份证{ID}\n卡号{CARD16}\n张建国因车祸住院。\n"
    assert [str(f.problem(p)) for f in scan(text)] == [
        f"{p}: 第 4 行: 发现 手机号 139****1234，应为 去标识化的写法（网站上已替换为 139****1234；请在原稿中删去或照此改写，确需公开的号码写入 privacy_allow）",
        f"{p}: 第 5 行: 发现 身份证号 {ID[:6]}********{ID[-4:]}，应为 去标识化的写法"
        f"（网站上已替换为 {ID[:6]}********{ID[-4:]}；请在原稿中删去或照此改写，确需公开的号码写入 privacy_allow）",
        f"{p}: 第 6 行: 发现 银行卡号 {CARD16[:4]}********{CARD16[-4:]}，应为 去标识化的写法"
        f"（网站上已替换为 {CARD16[:4]}********{CARD16[-4:]}；请在原稿中删去或照此改写，确需公开的号码写入 privacy_allow）",
        f"{p}: 第 7 行: 发现 困难职工姓名 张＊＊（与“车祸”同句），应为 去标识化的写法（网站上已替换为“张某某”；请在原稿中改为“张某”或“一名职工”；劳模等应公开的姓名写入 privacy_allow）",
    ]
    for f in scan(text):
        assert f.value not in str(f.problem(p)) or f.kind == "name_hardship"


def test_allow_list_as_written_in_front_matter() -> None:
    p = "a.md"
    assert allow_list(p, "privacy_allow", ["张建国", 13900001234]) == (["张建国", "13900001234"], [])
    for value, values, messages in [
        ("张建国", ["张建国"], ['a.md: privacy_allow: 发现 "张建国"，应为 姓名或号码的列表（写成 [张建国]）']),
        (13900001234, ["13900001234"], ["a.md: privacy_allow: 发现 13900001234，应为 姓名或号码的列表（写成 [13900001234]）"]),
        ({"name": "张建国"}, [], ["a.md: privacy_allow: 发现 键值映射，应为 姓名或号码的列表（例如 [张建国, 0571-86001234]）"]),
        (["张建国", True, None], ["张建国"], ["a.md: privacy_allow[1]: 发现 布尔值 true，应为 一个姓名或号码（文字）",
                                           "a.md: privacy_allow[2]: 发现 空值，应为 一个姓名或号码（文字）"]),
    ]:
        found, problems = allow_list(p, "privacy_allow", value)
        assert (found, [str(x) for x in problems]) == (values, messages)


def test_the_taggers_unknown_runs_are_remembered_and_give_the_same_names() -> None:
    """The HMM's words for a run the dictionary lacks are kept by the run: a second sentence with the run reuses them."""
    first, second = "职工王秀芬因病住院。", "走访中得知，王秀芬因病住院，家庭困难。"
    privacy._sentence_names.cache_clear()
    privacy._unknown_runs.clear()
    assert [f.value for f in scan(first)] == ["王秀芬"]
    misses = privacy._unknown_runs.misses
    assert misses > 0 and privacy._unknown_runs.hits == 0
    assert [f.value for f in scan(second)] == ["王秀芬"]
    assert privacy._unknown_runs.hits > 0
    privacy._sentence_names.cache_clear()
    privacy._unknown_runs.clear()
    assert [f.value for f in scan(second, allow=["x"])] == ["王秀芬"]  # the same words from a cold tagger


def test_jieba_is_loaded_only_for_a_hardship_word() -> None:
    code = (
        "import sys\nfrom union_bulletin.privacy import scan\n"
        f"scan('张建国的电话{MOBILE}，2024年度先进个人。' * 50)\nprint('jieba' in sys.modules)\n"
        "scan('张建国因车祸住院。')\nprint('jieba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
    assert "Building prefix dict" not in out.stderr and "Loading model" not in out.stderr



def test_findings_are_kept_per_text_allow_list_and_settings() -> None:
    """A preview rebuilds after every edit: an unchanged text is not scanned again, a changed setting is."""
    text = f"职工电话{MOBILE}，张建国因车祸住院。"
    scanner = Scanner()
    first = scanner.scan(text)
    hits, misses = privacy._findings.hits, privacy._findings.misses
    assert scanner.scan(text) == first and Scanner().scan(text) == first
    assert (privacy._findings.hits - hits, privacy._findings.misses - misses) == (2, 0)
    assert [f.kind for f in first] == ["mobile", "name_hardship"]
    assert [f.kind for f in scanner.scan(text, [MOBILE])] == ["name_hardship"]
    assert [f.kind for f in Scanner(allow=["张建国"]).scan(text)] == ["mobile"]
    assert [f.kind for f in Scanner(checks=["mobile"]).scan(text)] == ["mobile"]
    assert [f.kind for f in Scanner(hardship_words=["讨薪"]).scan(text)] == ["mobile", "name_hardship"]
    assert privacy._findings.misses - misses == 4
    first.clear()  # what a caller does with its list does not reach the kept findings
    assert len(scanner.scan(text)) == 2


def test_a_name_where_the_text_goes_on_as_an_organisations_name_is_not_a_persons() -> None:
    """The tagger takes some companies' names for persons' (华嘉); the site's organisation names correct it,
    and only where the text itself goes on as one: a person whose name begins an organisation's is still found."""
    text = "华嘉陶瓷股份有限公司工会开展帮扶救助工作。华嘉陶瓷工会走访困难职工。职工刘建军因车祸住院。"
    assert [f.value for f in Scanner().scan(text)] == ["华嘉", "华嘉", "刘建军"]
    company = "华嘉陶瓷股份有限公司工会"
    assert [f.value for f in Scanner(organisations=[company]).scan(text)] == ["刘建军"]
    assert [f.value for f in Scanner(organisations=["刘建军劳模创新工作室工会", company]).scan(text)] == ["刘建军"]
    # The two characters before it count too (东湖华嘉 for 东湖华嘉电子有限公司工会).
    assert [f.value for f in Scanner(organisations=["东湖华嘉电子有限公司工会"]).scan("东湖华嘉困难职工帮扶。")] == []
    # An organisation the text does not name changes nothing.
    assert [f.value for f in Scanner(organisations=["石桥镇总工会"]).scan(text)] == ["华嘉", "华嘉", "刘建军"]


# -- real builds -----------------------------------------------------------------------
P = "content/bulletins/2024/aid.md"
HEAD = "---\ntitle: 春节送温暖慰问情况\ndate: 2024-02-01\norg: town-a\ntype: news\n"


def body(*lines: str) -> str:
    return "---\n\n" + "\n\n".join(lines) + "\n"


def privacy_site(site: Site, strict: bool = False, **options: object) -> Result:
    return site.build(strict=strict, plugins=[{"bulletin-privacy": options}, {"bulletin": {}}])


def number_warning(path: str, line: int, label: str, masked: str, hint: str = "privacy_allow") -> str:
    return f"{path}: 第 {line} 行: 发现 {label} {masked}，应为 去标识化的写法（网站上已替换为 {masked}；请在原稿中删去或照此改写，确需公开的号码写入 {hint}）"


def site_files(result: Result) -> list[Path]:
    return [p for p in result.site.rglob("*") if p.is_file()]


def assert_nowhere(result: Result, *numbers: str) -> None:
    for path in site_files(result):
        data = path.read_bytes()
        for number in numbers:
            assert number.encode() not in data, f"{number} in {path}"


def test_build_reports_masks_and_publishes_no_full_number(site: Site) -> None:
    site.write(P, HEAD + f"summary: 慰问困难职工，联系人电话{MOBILE}\n" + body(
        "春节前，镇总工会走访慰问困难职工45户。",
        f"受助职工银行卡号：{grouped(CARD16)}。",
        f"身份证号{ID}。",
        "张建国因车祸住院，工会送去慰问金。",
    ))
    r = privacy_site(site)
    assert r.warnings == [
        number_warning(P, 6, "手机号", "139****1234"),
        number_warning(P, 11, "银行卡号", f"{CARD16[:4]}********{CARD16[-4:]}"),
        number_warning(P, 13, "身份证号", f"{ID[:6]}********{ID[-4:]}"),
        f"{P}: 第 15 行: 发现 困难职工姓名 张＊＊（与“车祸”同句），应为 去标识化的写法（网站上已替换为“张某某”；请在原稿中改为“张某”或“一名职工”；劳模等应公开的姓名写入 privacy_allow）",
    ]
    assert not r.aborted
    page = r.html("bulletins/2024/aid/")
    assert "139****1234" in page  # the summary, shown on the page
    assert f"{CARD16[:4]}********{CARD16[-4:]}" in page and f"{ID[:6]}********{ID[-4:]}" in page
    assert "张某某因车祸住院" in page  # a name is replaced like a number
    assert_nowhere(r, MOBILE, CARD16, grouped(CARD16), ID, "张建国")
    assert (site.root / P).read_text(encoding="utf-8").count(MOBILE) == 1  # the source is left as written
    strict = privacy_site(site, strict=True)
    assert strict.aborted and "strict" in strict.error


def test_a_name_is_published_nowhere_without_strict(site: Site) -> None:
    """Pages, the search index, feeds, og:description, the compiled report and the year's lists hold 张某某, never the name."""
    site.write("content/bulletins/2024/aid.md", (
        "---\ntitle: 2024年工作总结\ndate: 2025-01-10\nyear: 2024\norg: town-a\ntype: summary\n"
        "summary: 职工张建国因车祸住院，镇总工会送去慰问金。\n---\n"
        "## 一、困难帮扶\n\n职工张建国因车祸住院，镇总工会送去慰问金。张建国表示感谢。\n"
    ))
    site.write("content/bulletins/2024/news.md", HEAD.replace("2024-02-01", "2024-03-01") + body("张建国因车祸住院，工会探望。"))
    r = site.build(site_url="https://gh.example.org/", plugins=[{"bulletin-privacy": {}}, {"bulletin": {}}, {"bulletin-search": {}}])
    assert not r.aborted, r.error
    assert len([w for w in r.warnings if "困难职工姓名 张＊＊" in w and "网站上已替换为“张某某”" in w]) == 3
    page = r.html("bulletins/2024/aid/")
    assert "职工张某某因车祸住院" in page and "张某某表示感谢" in page
    assert 'content="职工张某某因车祸住院' in page  # og:description
    assert "张某某" in r.html("years/2024/print/") and "张某某" in (r.site / "feeds/news.xml").read_text(encoding="utf-8")
    shown = json.dumps(fragments(r.site / "pagefind"), ensure_ascii=False)
    assert "张某某" in shown and "张建国" not in shown
    assert_nowhere(r, "张建国")
    assert privacy_site(site, strict=True).aborted


def test_search_index_and_other_pages_hold_only_masks(site: Site) -> None:
    site.write(P, HEAD + body(f"联系电话{MOBILE}。"))
    site.write("content/about.md", f"# 关于\n\n值班电话 {MOBILE_2}\n")
    r = site.build(plugins=[{"search": {}}, {"bulletin-privacy": {}}, {"bulletin": {}}],
                   nav=[{"首页": "index.md"}, {"年度公报": "years/index.md"}, {"关于": "about.md"}])
    assert r.warnings == [number_warning("content/about.md", 3, "手机号", "158****5678"), number_warning(P, 8, "手机号", "139****1234")]
    assert "158****5678" in r.html("about/")
    assert "139****1234" in (r.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert_nowhere(r, MOBILE, MOBILE_2)


def test_privacy_allow_in_front_matter_accepts_exactly_that(site: Site) -> None:
    site.write(P, HEAD + "privacy_allow: [0571-86001234, 139 0000 1234, 吴振宇]\n" + body(
        f"工会办公室电话{MOBILE}，职工电话{MOBILE_2}。",
        "劳动模范吴振宇长期结对帮扶困难职工。",
        "职工孙志明因病住院。",
    ))
    r = privacy_site(site, strict=True)
    assert r.warnings == [
        number_warning(P, 9, "手机号", "158****5678"),
        f"{P}: 第 13 行: 发现 困难职工姓名 孙＊＊（与“因病”同句），应为 去标识化的写法（网站上已替换为“孙某某”；请在原稿中改为“孙某”或“一名职工”；劳模等应公开的姓名写入 privacy_allow）",
    ]
    site.write(P, HEAD + "privacy_allow: [13900001234, 15800005678, 吴振宇, 孙志明]\n" + body(
        f"工会办公室电话{MOBILE}，职工电话{MOBILE_2}。", "劳动模范吴振宇长期结对帮扶困难职工。", "职工孙志明因病住院。",
    ))
    r = privacy_site(site, strict=True)
    assert r.warnings == [] and not r.aborted
    assert MOBILE in r.html("bulletins/2024/aid/")  # meant to be public: published as written


def test_privacy_allow_of_the_wrong_type(site: Site) -> None:
    site.write(P, HEAD + f"privacy_allow: {MOBILE}\n" + body(f"电话{MOBILE}。"))
    # one number, not a list: said so, and still taken
    assert privacy_site(site).warnings == [f"{P}: privacy_allow: 发现 {MOBILE}，应为 姓名或号码的列表（写成 [{MOBILE}]）"]
    site.write(P, HEAD + "privacy_allow: 吴振宇\n" + body("劳模吴振宇结对帮扶困难职工。"))
    assert privacy_site(site).warnings == [f'{P}: privacy_allow: 发现 "吴振宇"，应为 姓名或号码的列表（写成 [吴振宇]）']
    site.write(P, HEAD + "privacy_allow:\n  - {name: 吴振宇}\n" + body("劳模吴振宇结对帮扶困难职工。"))
    assert privacy_site(site).warnings == [
        f"{P}: privacy_allow[0]: 发现 键值映射，应为 一个姓名或号码（文字）",
        f"{P}: 第 10 行: 发现 困难职工姓名 吴＊＊（与“帮扶”同句），应为 去标识化的写法（网站上已替换为“吴某某”；请在原稿中改为“吴某”或“一名职工”；劳模等应公开的姓名写入 privacy_allow）",
    ]


def test_broken_front_matter_is_left_to_the_bulletin_plugin(site: Site) -> None:
    site.write(P, f"---\ntitle: [测试\nprivacy_allow: [{MOBILE}]\n---\n电话{MOBILE}\n")
    r = privacy_site(site)
    assert len(r.warnings) == 4
    # the allow list cannot be read: both numbers are reported (and masked); the YAML error is the bulletin plugin's
    assert r.warnings[:2] == [number_warning(P, 3, "手机号", "139****1234"), number_warning(P, 5, "手机号", "139****1234")]
    assert r.warnings[2].startswith(f"{P}: front matter: 发现 第 ")
    assert r.warnings[3] == f"{P}: 有必须改正的错误，本篇未生成页面"


def test_site_options_checks_allow_and_words(site: Site) -> None:
    site.write(P, HEAD + body(f"身份证号{ID}，电话{MOBILE}，办公室电话{MOBILE_2}。", "职工孙志明讨薪未果。"))
    r = privacy_site(site, checks=["mobile", "name_hardship"], allow=["158-0000-5678"], hardship_words=["讨薪"])
    assert r.warnings == [
        number_warning(P, 8, "手机号", "139****1234"),
        f"{P}: 第 10 行: 发现 困难职工姓名 孙＊＊（与“讨薪”同句），应为 去标识化的写法（网站上已替换为“孙某某”；请在原稿中改为“孙某”或“一名职工”；劳模等应公开的姓名写入 privacy_allow）",
    ]
    page = r.html("bulletins/2024/aid/")
    assert ID in page and MOBILE_2 in page and MOBILE not in page
    assert privacy_site(site, enabled=False).warnings == []


def test_attachments_are_scanned_and_masked(site: Site) -> None:
    csv = f"序号,类别,电话,银行卡号\n1,一名职工,{MOBILE},{CARD19}\n2,一名职工,{MOBILE_2},\n"
    site.write("content/bulletins/2024/files/list.csv", csv)
    site.write("content/bulletins/2024/files/note.txt", f"联系人身份证号 {OLD_ID}\n")
    site.write("content/bulletins/2024/files/raw.csv", "电话,13900001234\n".encode("gbk") + "张三".encode("gbk"))
    site.write(P, HEAD + "attachments:\n  - {file: files/list.csv, title: 名单}\n  - {file: files/note.txt, title: 说明}\n" + body("见附件。"))
    hint = "mkdocs.yml 中 bulletin-privacy 的 allow"
    csv_path, txt_path = "content/bulletins/2024/files/list.csv", "content/bulletins/2024/files/note.txt"
    r = privacy_site(site)
    assert r.warnings == [
        number_warning(csv_path, 2, "手机号", "139****1234", hint),
        number_warning(csv_path, 2, "银行卡号", f"{CARD19[:4]}***********{CARD19[-4:]}", hint),
        number_warning(csv_path, 3, "手机号", "158****5678", hint),
        number_warning(txt_path, 1, "身份证号", "110101*****7123", hint),
    ]
    published = (r.site / "bulletins/2024/files/list.csv").read_text(encoding="utf-8")
    assert published == f"序号,类别,电话,银行卡号\n1,一名职工,139****1234,{CARD19[:4]}***********{CARD19[-4:]}\n2,一名职工,158****5678,\n"
    assert (r.site / "bulletins/2024/files/note.txt").read_text(encoding="utf-8") == "联系人身份证号 110101*****7123\n"
    assert (r.site / "bulletins/2024/files/raw.csv").read_bytes().startswith("电话".encode("gbk"))  # not UTF-8: copied, not ours to judge
    r = privacy_site(site, attachments=["csv"])
    assert [w.split(":")[0] for w in r.warnings] == [csv_path] * 3
    assert OLD_ID in (r.site / "bulletins/2024/files/note.txt").read_text(encoding="utf-8")


def test_example_site_shows_an_accepted_model_worker(example_site: Result) -> None:
    assert example_site.warnings == []
    page = example_site.html("bulletins/2025/jiangyu-county-news-wuyi-model-workers/")
    assert "吴振宇还与车间两户困难职工家庭长期结对帮扶" in page
    text = (Path(__file__).resolve().parent.parent / "content/bulletins/2025/jiangyu-county-news-wuyi-model-workers.md").read_text(encoding="utf-8")
    assert [f.value for f in scan(text)] == ["吴振宇"]  # found without the page's privacy_allow
