"""Personal data in bulletins: numbers that identify a person, and names of workers in hardship.

Public notices about aid must be de-identified. A text (a whole Markdown file,
front matter included, or a CSV/TXT attachment) is scanned for resident ID,
mobile and bank card numbers, each checked the way the number itself is built
(check digit, birth date and region, Luhn), so that dates, amounts, index
numbers and hotlines are left alone. A number found is masked in what is
published (``redact``). A person's name in the same sentence as a hardship
word (住院, 低保, …) is replaced too, everywhere in the text, by its surname
and 某 for each other character (张建国 → 张某某), unless it is allowed.
Names cannot be found with certainty: whatever the check takes for a name is
replaced (a word wrongly taken costs one page some readability and is
reported, so the author can allow it); a name it does not take is published
as written, which is why the author guide still asks for a reading before
publishing.

The name check segments with jieba, loaded only when a text has a hardship
word: jieba's start-up (about a second) is paid by sites that need it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from stdnum import luhn
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from .cache import Memo, digest
from .problems import Problem, describe

ALLOW_KEY = "privacy_allow"  # a page's own allow list, in its front matter
SITE_ALLOW = "mkdocs.yml 中 bulletin-privacy 的 allow"  # where an attachment's allowed values go (it has no front matter)
KINDS = ("resident_id", "mobile", "bank_card", "name_hardship")
LABELS = {"resident_id": "身份证号", "mobile": "手机号", "bank_card": "银行卡号", "name_hardship": "困难职工姓名"}

#: Words that say a sentence is about someone's hardship, illness or misfortune.
HARDSHIP_WORDS = (
    "困难", "困境", "致困", "贫困", "特困", "低保", "低收入", "救助", "帮扶", "受助", "资助对象", "慰问对象", "帮扶对象",
    "住院", "患病", "患有", "重病", "大病", "病重", "因病", "癌症", "白血病", "尿毒症", "手术", "瘫痪", "医药费", "医疗费",
    "车祸", "事故", "工伤", "受伤", "伤残", "残疾", "去世", "病故", "病逝", "身故", "离世", "遇难",
    "失业", "下岗", "单亲", "孤儿", "丧偶",
)

_MASK_NAME = "＊"
_SENTENCE_END = "。！？；!?;\n\r"
# Full-width digits, signs and spaces count as their ASCII twins; one character for one, so offsets stay.
_HALF = str.maketrans("０１２３４５６７８９＋－\u3000", "0123456789+- ")

_LEFT = r"(?<![0-9A-Za-z])(?<![0-9][.])"  # not inside a longer run of digits or letters, not after a decimal point
_RIGHT = r"(?![0-9A-Za-z])(?![.][0-9])"
_ID18 = re.compile(_LEFT + r"([0-9]{6} ?[0-9]{8} ?[0-9]{3}[0-9Xx])" + _RIGHT)
_ID15 = re.compile(_LEFT + r"([0-9]{15})" + _RIGHT)
_MOBILE = re.compile(_LEFT + r"(?:(?:\+|00)?86[ -]?)?(1[3-9][0-9](?:[ -]?[0-9]{4}){2})" + _RIGHT)
_CARD = re.compile(_LEFT + r"([0-9]{16,19}|[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -][0-9]{1,3})?)" + _RIGHT)
_URL = re.compile(r"https?://[!#-&*-;=?-~]+")
_SEPARATORS = re.compile(r"[\s\-]")
#: Eleven digits with at most one space or dash between two: every number above has them, and most texts have none.
#: Read in the text as written, full-width digits, dashes and spaces included: most texts are then never made half-width
#: (str.translate, a dictionary look-up per character, was a sixth of the check on 10,000 synthetic bulletins).
_LONG_NUMBER = re.compile(r"[0-9０-９](?:[ \-－\u3000]?[0-9０-９]){10}")

# -- the name check's guards against jieba's person-name tag (nr) -------------
#: Common single-character surnames; a person-name tag on a word that starts otherwise is a mistag.
#: (和, 但, 由 are left out: as words they are far more common than as surnames.)
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
    "夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
    "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋"
    "相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "端木", "澹台")
#: Words jieba tags as names in union texts that are not names.
_NOT_NAMES = frozenset(("金秋", "安康", "夏送", "江屿", "工会", "职工", "会员", "劳模", "工匠", "农民工", "温暖", "明年", "年度"))
#: A surname with one of these is how bulletins de-identify a person (李师傅, 王大姐).
_FORMS_OF_ADDRESS = ("某某", "某", "师傅", "同志", "老师", "先生", "女士", "阿姨", "大姐", "大哥", "大爷", "大妈", "大叔", "奶奶", "爷爷", "老人", "家", "氏")
#: A person named with an office is an official acting in that office (主席李明带队走访困难职工), not the person aided.
_OFFICES = (
    "主席", "书记", "镇长", "县长", "乡长", "市长", "区长", "主任", "局长", "部长", "厂长", "经理", "董事长", "处长", "科长",
    "委员", "会长", "所长", "院长", "校长", "站长", "社长", "队长", "组长", "代表", "调解员", "律师", "记者", "通讯员",
)
#: A word ending so names a place or a body, not a person (石桥镇, 松埠社区).
_PLACE_ENDINGS = ("省", "市", "县", "区", "镇", "乡", "村", "街", "路", "社区", "街道", "厂", "局", "院", "站", "所", "队", "组", "会", "园", "中心", "公司")
#: What follows the name of a company or a place (盛宇 食品实业有限公司, 金庄 县总工会).
_BODY_AFTER = (
    "工会", "总工会", "公司", "有限", "集团", "实业", "科技", "股份", "食品", "五金", "环保", "电子", "纺织", "制药", "物流", "机械", "化工",
    "服装", "建材", "商贸", "酒店", "超市", "银行", "医院", "学校", "小学", "中学", "中心", "镇", "县", "乡", "村", "街道", "社区", "市", "区", "厂",
)
#: Union terms jieba's dictionary lacks; added to our own tokenizer so their parts are not read as names.
_TERMS = (
    "金秋助学", "夏送清凉", "冬送温暖", "送温暖", "困难职工", "困难会员", "帮扶对象", "慰问对象", "职工之家", "职工书屋", "安康杯",
    "工人先锋号", "劳动模范", "五一劳动奖章", "农民工", "工会主席", "工会干部", "一线职工", "医疗互助", "两节慰问",
)

#: A name as rare as this in jieba's dictionary is an ordinary person's (张建国 13, 王晓红 5; 申请人 128).
_RARE = 30
#: Last characters of common words jieba's dictionary tags as names (申请人, 宣传部, 安全性, 许可证).
_NOUN_ENDINGS = frozenset("人者部性证区乐福周筑车费金款书会所站厂局院组队处科室卡")
#: What makes a two-character word that jieba knows a person: 李娜因病住院, 李娜同志.
_PERSON_AFTER = ("同志", "师傅", "一家", "家中", "家里", "因", "患", "身患", "不幸", "，男", "，女")

_tokenizer: Any = None
#: The tagger's words for a run of characters its dictionary lacks (see _posseg), by the run.
UNKNOWN_RUNS_KEPT = 1 << 16
_unknown_runs: Memo[str, tuple[tuple[str, str], ...]] = Memo(UNKNOWN_RUNS_KEPT)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text."""

    line: int  # 1-based
    kind: str  # one of KINDS
    value: str  # as written (a number with its spaces or dashes)
    masked: str  # what may be shown: 138****5678, 张＊＊
    start: int  # character offsets of ``value`` in the text
    end: int
    word: str = ""  # the hardship word of the sentence (names only)

    @property
    def redacted(self) -> bool:
        """Replaced in what is published: every finding (the allowed ones are not findings)."""
        return True

    @property
    def replacement(self) -> str:
        """What is published instead: the mask of a number; a name's surname and 某 for each other character."""
        if self.kind != "name_hardship":
            return self.masked
        surname = _surname(self.value)
        return surname + "某" * (len(self.value) - len(surname))

    def problem(self, path: str, allow_hint: str = "privacy_allow") -> Problem:
        """The finding worded for the author; the full number is never repeated."""
        label = LABELS[self.kind]
        if self.kind == "name_hardship":
            return Problem(
                path, f"第 {self.line} 行", f"{label} {self.masked}（与“{self.word}”同句）", "去标识化的写法",
                f"网站上已替换为“{self.replacement}”；请在原稿中改为“{_surname(self.value)}某”或“一名职工”；"
                f"劳模等应公开的姓名写入 {allow_hint}",
            )
        return Problem(
            path, f"第 {self.line} 行", f"{label} {self.masked}", "去标识化的写法",
            f"网站上已替换为 {self.masked}；请在原稿中删去或照此改写，确需公开的号码写入 {allow_hint}",
        )


#: Findings kept between builds of one process, per scanned text (a few hundred bytes each).
FINDINGS_KEPT = 65_536
_findings: Memo[tuple[str, frozenset[str], tuple[frozenset[str], str, str], dt.date], tuple[Finding, ...]] = Memo(FINDINGS_KEPT)


class Scanner:
    """Finds personal data; configured once per site (checks, extra hardship words, allow list)."""

    def __init__(self, checks: Iterable[str] = KINDS, hardship_words: Iterable[str] = (), allow: Iterable[str] = (),
                 organisations: Iterable[str] = ()) -> None:
        """``organisations``: the site's organisation names (organisations.yml). The tagger takes some
        companies' names for persons' (华嘉 in 华嘉陶瓷股份有限公司工会); a name found where the text
        goes on as an organisation's name is not a person's."""
        self.checks = frozenset(checks)
        unknown = self.checks - set(KINDS)
        if unknown:
            raise ValueError(f"unknown checks: {sorted(unknown)}")
        words = sorted({w.strip() for w in (*HARDSHIP_WORDS, *hardship_words) if w.strip()}, key=lambda w: (-len(w), w))
        self._hardship = re.compile("|".join(map(re.escape, words)))
        self.allow = tuple(allow)
        self.organisations = tuple(sorted({o.strip() for o in organisations if o.strip()}))
        # What a text's findings depend on besides the text and its allow list (the key of their memo).
        self._settings = (self.checks, self._hardship.pattern, digest("\n".join(self.organisations)))

    def scan(self, text: str, allow: Iterable[str] = ()) -> list[Finding]:
        """Every finding in ``text`` in order, leaving out the allowed values (site-wide and ``allow``).

        The findings of a text are kept between builds (a preview rebuilds after every edit), by
        the text's hash, the allowed values, this scanner's settings and the day (a resident ID
        number is valid only once its birth date has passed).
        """
        allowed = [*self.allow, *allow]
        key = (digest(text), frozenset(allowed), self._settings, dt.date.today())
        kept = _findings.get(key)
        if kept is None:
            kept = tuple(self._scan(text, allowed))
            _findings.put(key, kept)
        return list(kept)

    def _scan(self, text: str, allowed: list[str]) -> list[Finding]:
        names = {a.strip() for a in allowed}
        numbers = {_number_key(a) for a in allowed}
        lines = _Lines(text)
        found = [f for f in self._numbers(text, lines) if _number_key(f.value) not in numbers]
        if "name_hardship" in self.checks:
            found += [f for f in self._names(text, lines) if f.value not in names]
        return sorted(found, key=lambda f: f.start)

    def _numbers(self, text: str, lines: _Lines) -> list[Finding]:
        taken: list[tuple[int, int]] = []
        found: list[Finding] = []
        urls: list[tuple[int, int]] | None = None
        if _LONG_NUMBER.search(text) is None:
            return found
        flat = text.translate(_HALF)
        for kind, pattern, check in (
            ("resident_id", _ID18, _valid_id18), ("resident_id", _ID15, _valid_id15),
            ("mobile", _MOBILE, _valid_mobile), ("bank_card", _CARD, _valid_card),
        ):
            if kind not in self.checks:
                continue
            for m in pattern.finditer(flat):
                start, end = m.span(1)
                digits = _SEPARATORS.sub("", m.group(1))
                if any(s < end and start < e for s, e in taken) or not check(digits):
                    continue
                if kind == "bank_card":
                    # A Luhn check passes one number in ten: a long number in a link (a post's id) is no card.
                    urls = [u.span() for u in _URL.finditer(flat)] if urls is None else urls
                    if any(s <= start < e for s, e in urls):
                        continue
                taken.append((start, end))
                written = "".join(ch for ch, half in zip(text[start:end], flat[start:end], strict=True) if half not in " -")
                found.append(Finding(lines.of(start), kind, text[start:end], _mask(kind, written), start, end))
        return found

    def sentences(self, text: str) -> Iterator[tuple[int, str]]:
        """Each sentence of ``text`` that holds a hardship word, once, with the offset it starts at."""
        done = -1
        for hit in self._hardship.finditer(text):
            if hit.start() < done:
                continue  # its sentence is already read
            start = max(text.rfind(ch, 0, hit.start()) for ch in _SENTENCE_END) + 1
            ends = [i for i in (text.find(ch, hit.end()) for ch in _SENTENCE_END) if i >= 0]
            done = min(ends) if ends else len(text)
            yield start, text[start:done]

    def _names(self, text: str, lines: _Lines) -> list[Finding]:
        found: list[Finding] = []
        for start, sentence in self.sentences(text):
            words = [(w.start(), w.group()) for w in self._hardship.finditer(sentence)]
            for offset, name in _sentence_names(sentence):
                at = start + offset
                if self._in_organisation(text, at, name):
                    continue
                word = min(words, key=lambda w: abs(w[0] - offset))[1]
                masked = name[0] + _MASK_NAME * (len(name) - 1)
                found.append(Finding(lines.of(at), "name_hardship", name, masked, at, at + len(name), word))
        return found


    def _in_organisation(self, text: str, at: int, name: str) -> bool:
        """Whether the name at ``at``, with the two characters after it or the two before, is written in an
        organisation's name (华嘉陶瓷…工会, or 华嘉陶瓷 for short): then it names that body, not a person."""
        end = at + len(name)
        spans = [text[s:e] for s, e in ((at, end + 2), (at - 2, end)) if s >= 0 and e <= len(text)]
        return any(span in org for org in self.organisations if name in org for span in spans)


def scan(text: str, *, checks: Iterable[str] = KINDS, hardship_words: Iterable[str] = (), allow: Iterable[str] = ()) -> list[Finding]:
    """Every finding in ``text``; see ``Scanner``."""
    return Scanner(checks, hardship_words, allow).scan(text)


def redact(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with every number found replaced by its mask (the separators written within it go too), and
    every occurrence of a name found replaced (张某某): the name beside the hardship word would otherwise
    still be published by another sentence, the title or the summary."""
    spans: list[tuple[int, int, str]] = []
    names: dict[str, str] = {}
    for f in findings:
        if not f.redacted:
            continue
        if f.kind == "name_hardship":
            names[f.value] = f.replacement
        else:
            spans.append((f.start, f.end, f.replacement))
    for name in sorted(names, key=len, reverse=True):
        at = text.find(name)
        while at >= 0:
            spans.append((at, at + len(name), names[name]))
            at = text.find(name, at + len(name))
    parts: list[str] = []
    last = 0
    for start, end, replacement in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < last:
            continue
        parts += [text[last:start], replacement]
        last = end
    return "".join(parts) + text[last:] if parts else text


def allow_list(path: str, field_name: str, value: object) -> tuple[list[str], list[Problem]]:
    """An allow list as written in front matter: names and numbers, as text (a number may be unquoted)."""
    example = "姓名或号码的列表"
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return [str(value)], [Problem(path, field_name, describe(value), example, f"写成 [{value}]")]
    if not isinstance(value, list):
        return [], [Problem(path, field_name, describe(value), example, "例如 [张建国, 0571-86001234]")]
    values: list[str] = []
    problems: list[Problem] = []
    for i, item in enumerate(value):
        if isinstance(item, str) or (isinstance(item, int) and not isinstance(item, bool)):
            values.append(str(item))
        else:
            problems.append(Problem(path, f"{field_name}[{i}]", describe(item), "一个姓名或号码（文字）"))
    return values, problems


def page_allow(shown: str, text: str) -> tuple[list[str], list[Problem]]:
    """A page's own ``privacy_allow`` list and the problems of how it is written; broken YAML is the bulletin reader's to report."""
    from . import yamlio
    from .frontmatter import split_front_matter

    if ALLOW_KEY not in text:
        return [], []
    yaml_text, _, _ = split_front_matter(shown, text.replace("\r\n", "\n").replace("\r", "\n"))
    if yaml_text is None:
        return [], []
    meta, _ = yamlio.load(shown, yaml_text, first_line=2, field_name="front matter")
    if not isinstance(meta, dict) or ALLOW_KEY not in meta:
        return [], []
    return allow_list(shown, ALLOW_KEY, meta[ALLOW_KEY])


@dataclass(frozen=True)
class FileScan:
    """What the check found in one file: its problems in report order, and the text to publish instead (None: as written)."""

    problems: tuple[Problem, ...]
    redacted: str | None


def scan_file(scanner: Scanner, shown: str, text: str, *, page: bool) -> FileScan:
    """Check one file as a build does and as ``union-bulletin check`` does: a page's own ``privacy_allow`` first,
    then every finding; what was found is masked in the text to publish."""
    problems: list[Problem] = []
    allowed: list[str] = []
    if page:
        allowed, allow_problems = page_allow(shown, text)
        problems += allow_problems
    findings = scanner.scan(text, allowed)
    problems += [f.problem(shown, ALLOW_KEY if page else SITE_ALLOW) for f in findings]
    return FileScan(tuple(problems), redact(text, findings) if any(f.redacted for f in findings) else None)


# -- numbers -----------------------------------------------------------------
def _valid_id18(digits: str) -> bool:
    try:
        ric.validate(digits)  # check digit, birth date, and a region code in use at that date
        return ric.get_birth_date(digits) <= dt.date.today()
    except ValidationError:
        return False


def _valid_id15(digits: str) -> bool:
    """The first-generation ID: region, birth date YYMMDD (1900s), sequence; no check digit."""
    try:
        dt.date(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))
        ric.get_birth_place(digits[:6] + "19" + digits[6:] + "0")  # the 18-digit form's region and date
    except (ValueError, ValidationError):
        return False
    return True


def _valid_mobile(digits: str) -> bool:
    return len(digits) == 11


def _valid_card(digits: str) -> bool:
    return 16 <= len(digits) <= 19 and luhn.is_valid(digits)


def _mask(kind: str, digits: str) -> str:
    """The digits a reader may see (the first and last few, as written), the others as *."""
    if kind == "mobile":
        return digits[:3] + "****" + digits[-4:]
    if kind == "resident_id":
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]


def _number_key(value: str) -> str:
    """A number as compared with the allow list: no spaces or dashes, no +86."""
    key = _SEPARATORS.sub("", value.translate(_HALF)).upper()
    for prefix in ("+86", "0086", "86"):
        if key.startswith(prefix) and len(key) == len(prefix) + 11 and key[len(prefix)] == "1":
            return key[len(prefix) :]
    return key


class _Lines:
    """Line numbers of character offsets, counted once and only when something is found."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None

    def of(self, offset: int) -> int:
        if self.starts is None:
            self.starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", self.text)]
        return bisect.bisect_right(self.starts, offset)


# -- names -------------------------------------------------------------------
def _posseg() -> Any:
    """jieba's part-of-speech tagger on a tokenizer of our own (our terms added there, not to jieba's shared one)."""
    global _tokenizer
    if _tokenizer is None:
        import jieba
        import jieba.posseg

        class Tagger(jieba.posseg.POSTokenizer):
            def load_word_tag(self, f: Any) -> None:
                # The default dictionary's tags, read when jieba.posseg was imported; not a second read (0.25 s).
                f.close()
                self.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)

            def _POSTokenizer__cut(self, block: str) -> Iterator[Any]:  # jieba's private method, by its mangled name
                # The HMM (Viterbi, in Python) over a run of characters the dictionary does not know: most of the
                # tagger's time. Its result depends on the run alone, and the same runs recur across sentences.
                kept = _unknown_runs.get(block)
                if kept is None:
                    kept = tuple((p.word, p.flag) for p in jieba.posseg.POSTokenizer._POSTokenizer__cut(self, block))
                    _unknown_runs.put(block, kept)
                return (jieba.posseg.pair(w, f) for w, f in kept)

        jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict ..." lines in the build log
        words = jieba.Tokenizer()
        for term in _TERMS:
            words.add_word(term, freq=100000, tag="n")
        _tokenizer = Tagger(words)
    return _tokenizer.cut


@functools.lru_cache(maxsize=1 << 16)
def _sentence_names(sentence: str) -> tuple[tuple[int, str], ...]:
    """The names in one sentence, remembered: summaries repeat sentences, and ``mkdocs serve`` rebuilds unchanged pages."""
    return tuple(_person_names(_posseg()(sentence)))


def _person_names(tokens: Iterable[Any]) -> list[tuple[int, str]]:
    """(offset, name) of each likely full name of a person among the tagged words."""
    pairs = [(t.word, t.flag) for t in tokens]
    offsets = [0]
    for word, _ in pairs:
        offsets.append(offsets[-1] + len(word))
    names: list[tuple[int, str]] = []
    i = 0
    while i < len(pairs):
        word, flag = pairs[i]
        j = i + 1
        given, tag = pairs[j] if j < len(pairs) else ("", "")
        # jieba often tags a surname and the given name apart: 陈/nr 秀英/nr, 陈/nr 海峰/n, 马/n 红梅/nr, 欧阳/ns 建华/nz.
        merged = 1 <= len(given) <= 2 and (
            (len(word) == 1 and flag == "nr" and (tag == "nr" or (tag in ("n", "nz", "ng") and _freq(given) <= _RARE)))
            or (len(word) == 1 and word in _SURNAMES and tag == "nr")
            or (word in _COMPOUND_SURNAMES and tag in ("nr", "nz"))
        )
        if merged:
            word, flag, j = word + given, "nr", j + 1
        if flag in ("nr", "nrfg"):
            before, after = "".join(w for w, _ in pairs[:i]), "".join(w for w, _ in pairs[j:])
            if _is_name(word, before, after) and (merged or _trusted(word, after)):
                names.append((offsets[i], word))
        i = j
    return names


def _is_name(word: str, before: str, after: str) -> bool:
    """Shaped like a full name (surname + given name), and not an official named with the office."""
    if not all("\u4e00" <= ch <= "\u9fff" for ch in word) or word in _NOT_NAMES:
        return False
    surname = _surname(word)
    rest = word[len(surname) :]
    if (len(surname) == 1 and surname not in _SURNAMES) or not 1 <= len(rest) <= 2:
        return False
    if "某" in word or rest in _FORMS_OF_ADDRESS or after.startswith("某") or word.endswith(_PLACE_ENDINGS) or before.endswith(("小", "老")):
        return False
    return not (before.endswith(_OFFICES) or after.startswith(_OFFICES) or after.startswith(_BODY_AFTER))


def _surname(name: str) -> str:
    return name[:2] if name[:2] in _COMPOUND_SURNAMES else name[:1]


def _freq(word: str) -> int:
    """How often jieba's dictionary has the word (0: not a word of its own)."""
    return int(_tokenizer.tokenizer.FREQ.get(word) or 0) if _tokenizer is not None else 0


def _trusted(word: str, after: str) -> bool:
    """Whether jieba's name tag can be believed for this word.

    Ordinary people's names are mostly unknown to jieba's dictionary, which its
    statistical model then tags as names (王芳), or rare in it (张建国 13, 王晓红 5).
    The dictionary also tags many common words as names, some frequent (文明,
    关怀, 公正, 银行卡 216, 申请人 128), some rare (楼宇 46): a frequent word of
    three characters is not taken, nor a two-character one unless what follows
    speaks of a person (李娜因病住院).
    """
    freq = _freq(word)
    if not freq:
        return True
    if len(word) >= 3:
        return freq <= _RARE and word[-1] not in _NOUN_ENDINGS
    return after.startswith(_PERSON_AFTER)
