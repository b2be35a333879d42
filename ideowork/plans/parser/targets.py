"""Quantified targets (量化指标) in an item's text: 全年不少于12次, 每季度1次, 每日巡查 …

A target is a count with a unit (12次, 4篇, 40学时) or a frequency word on its own (每日巡查 → once a
day, not written: `explicit=False`). The rules, so a reader can predict the output:

- A count binds to the nearest frequency/scope word before it in the same clause (clauses end at
  ，。；：), else to an unbound 每X in the clause just before it in the same sentence
  (每季度开展专题学习，不少于1次), else to "/年"-style suffixes, else to the year (the plan is annual).
- Comparator: 不少于/至少/不低于/达到/超过 before, or 以上/余/多 after, or a range (3-5次) → ">=";
  不超过/最多/不多于 before, or 以内/以下 after → "<="; a plain number → "=" (as written; the
  progress engine reads "=" as the required number per period).
- A Chinese-numeral count (两次, 一批, 八项规定, 五次全会) is a target only with a 每X frequency, a
  comparator or 各 — otherwise it is almost always a name or an ordinal. Counts after 第/前/近/届,
  inside quotes (“三审三校”), durations (30分钟, 3天内, 3个月) and percentages are never targets.
- Yearly duties without 每 (年度开展综合考核) and 定期 without a period are not reported.
- per="person" when the clause names a per-person subject (每人, 人均, 每名, 成员, 党员干部 …)
  that is not the object of an organising verb (组织党员干部… is the organisation's count).
- The phrase runs from the frequency word (or the clause start) to the next ，。；、 after the unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import fold
from .frequency import PERIOD_SUFFIX, PERIOD_SUFFIX_KINDS, Frequency, find_frequencies
from ideowork.core.numerals import number_to_int
from .result import ParsedTarget

__all__ = ["extract_targets", "UNITS"]

UNITS = ("人次", "场次", "课时", "学时", "批次", "次", "篇", "场", "期", "个", "项", "天", "份", "条",
         "名", "批", "轮", "家", "所", "部", "堂", "节", "件", "本", "册", "集", "门", "支", "人")
_MAX_COUNT = 100000

_COUNT = re.compile(
    r"(?P<num>\d+(?:\s*[-~～至到—]\s*\d+)?|[一二两三四五六七八九十百千]+(?:[至到][一二两三四五六七八九十]+)?)"
    r"\s*(?P<mult>万|千)?\s*(?P<approx>余|多)?\s*(?P<unit>" + "|".join(UNITS) + ")"
)
_CLAUSE_BREAK = re.compile(r"[,;:。!?\n]")
_SENTENCE_BREAK = re.compile(r"[;。!?\n]")
_PHRASE_END = re.compile(r"[,;:。!?\n、]")
_AT_LEAST = re.compile(r"不少于|不低于|不下于|至少|最少|起码|达到|超过|多于")
_AT_MOST = re.compile(r"不超过|不多于|不高于|最多|控制在")
_SUFFIX_AT_LEAST = re.compile(r"\s*(?:及以上|以上)")
_SUFFIX_AT_MOST = re.compile(r"\s*(?:以内|以下|之内)")
# A number per occasion (每次安排2名成员发言) or a time limit (处置时限不超过2天) is not a periodic count.
_PER_OCCASION = re.compile(r"每次|每场|每期|每篇|每批|单次|时限|期限|时长|用时|限时")

# A count right after these is an ordinal, a term or part of a date, not a quantity.
_BEFORE_NOT_COUNT = set("第前近届后头约号.-/") | set("0123456789")
_BEFORE_NOT_CN_COUNT = set("第统唯同逐划归合之其任单专均初万每") | _BEFORE_NOT_COUNT
# What follows a unit and turns it into something else (3个月 is a duration, 八项规定 a name).
_AFTER_UNIT = {
    "个": r"月|工作日|小时|星期|季度|百分点|方面|层面|环节|领域|维度|确立|维护|意识|自信|必须|坚持|原则|代表|务必|结合|统筹",
    "次": r"全会|会议精神|代表大会|党代会|性",
    "项": r"规定|原则|基本",
    "天": r"内|后|之内|以内",
    "名": r"单",
    "条": r"件|例|款|线",
    "部": r"署|门|分|长|委|队",
    "家": r"庭|乡|风|国|园",
    "所": r"有|在|属|以|谓|得|需|辖|述|列",
    "期": r"间|限|待|望|末|初|满|中",
    "本": r"单位|部门|级|地|职|领域|人",
    "支": r"部|持|撑|出|付",
    "节": r"日|点|约|奏",
    "门": r"户|槛|类",
    "场": r"所|景|地|合|馆|域",
    "人": r"民|员|才|士|物|大|生",
    "批": r"示|准|评|复|转",
}
_AFTER_UNIT = {unit: re.compile(pattern) for unit, pattern in _AFTER_UNIT.items()}

_PERSON_MARKER = re.compile(r"每人|人均|每名|每位|每个人|每一名|每一位|各位|个人|人人")
_PERSON_SUBJECT = re.compile(r"成员|党员干部|领导干部|党员|干部职工|干部|职工|同志|委员|(?<!总)书记|网评员|教师|"
                             r"通讯员|宣讲员|监督员|负责人")
_NOT_SUBJECT_AFTER = re.compile(r"小组|班子|队伍|大会|会议|队|中|之中|名单|台账|档案|思想|年度|考核|培训|教育")
_ORGANISING_VERB = re.compile(r"组织|安排|邀请|动员|选派|培训|培养|配备|发展|招募|表彰|评选|推荐|选树|"
                              r"覆盖|面向|为|向|对|给|帮助|引导|督促|推动|吸纳")
# After a frequency word, these open an object before the verb (每季度对办公网络、信息系统进行…),
# so an enumeration comma does not end the phrase.
_PREPOSITION = re.compile(r"对|向|在|为|与|就|围绕|按|从|把|将|由|针对|分别")


@dataclass
class _Count:
    start: int
    end: int  # end of the unit (and of a suffix comparator)
    count: int
    unit: str
    comparator: str
    chinese: bool


_QUOTE_MARK = re.compile(r"[“”「」『』《》\"]")
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》"}
_QUOTE_CLOSERS = {close: open_ for open_, close in _QUOTE_PAIRS.items()}


def _quote_spans(folded: str) -> list[tuple[int, int]]:
    """Spans (inside the marks) of “…”, "…", 「…」, 『…』, 《…》."""
    spans, opened, straight = [], {}, None
    for mark in _QUOTE_MARK.finditer(folded):
        ch, index = mark.group(), mark.start()
        if ch in _QUOTE_PAIRS:
            opened[ch] = index
        elif ch in _QUOTE_CLOSERS:
            if _QUOTE_CLOSERS[ch] in opened:
                spans.append((opened.pop(_QUOTE_CLOSERS[ch]) + 1, index))
        elif straight is None:
            straight = index
        else:
            spans.append((straight + 1, index))
            straight = None
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    return next((span for span in spans if span[0] <= position < span[1]), None)


def _find_counts(folded: str, quotes: list[tuple[int, int]]) -> list[_Count]:
    counts = []
    for match in _COUNT.finditer(folded):
        numeral, unit = match.group("num"), match.group("unit")
        chinese = not numeral[0].isdigit()
        before = folded[match.start() - 1] if match.start() else ""
        if before in (_BEFORE_NOT_CN_COUNT if chinese else _BEFORE_NOT_COUNT) or (before.isascii() and before.isalpha()):
            continue
        if _inside(quotes, match.start()):
            continue
        if unit in _AFTER_UNIT and _AFTER_UNIT[unit].match(folded, match.end()):
            continue
        if chinese and unit == "次" and folded.startswith("性", match.end()):
            continue
        parts = re.split(r"\s*[-~～至到—]\s*", numeral)
        value = number_to_int(parts[0])
        if value is None:
            continue
        if match.group("mult"):
            value *= 10000 if match.group("mult") == "万" else 1000
        if not 1 <= value <= _MAX_COUNT:
            continue
        end, comparator = match.end(), "="
        suffix = _SUFFIX_AT_LEAST.match(folded, end) or _SUFFIX_AT_MOST.match(folded, end)
        if suffix:
            comparator = ">=" if suffix.re is _SUFFIX_AT_LEAST else "<="
            end = suffix.end()
        if len(parts) > 1 or match.group("approx"):
            comparator = ">="
        counts.append(_Count(match.start(), end, value, unit, comparator, chinese))
    return counts


def _span_of(breaks: re.Pattern, folded: str, position: int) -> tuple[int, int]:
    """The clause (or sentence) around `position`, without its closing mark."""
    start = max((m.end() for m in breaks.finditer(folded, 0, position)), default=0)
    following = breaks.search(folded, position)
    return start, following.start() if following else len(folded)


def _per(region: str) -> str:
    if _PERSON_MARKER.search(region):
        return "person"
    for subject in _PERSON_SUBJECT.finditer(region):
        if _ORGANISING_VERB.search(region, 0, subject.start()) or _NOT_SUBJECT_AFTER.match(region, subject.end()):
            continue
        return "person"
    return "org"


def _phrase_end(folded: str, position: int, stop_at_enumeration: bool = True) -> int:
    for match in _PHRASE_END.finditer(folded, position):
        if match.group() == "、" and not stop_at_enumeration:
            continue
        return match.start()
    return len(folded)


def _with_person_marker(folded: str, clause_start: int, start: int) -> int:
    """Start the phrase at 每人/每名 when it leads the frequency word (每人每年…, 每名网评员每月…)."""
    marker = _PERSON_MARKER.search(folded, clause_start, start)
    return marker.start() if marker and start - marker.end() <= 6 else start


def _trim_start(folded: str, start: int, end: int) -> int:
    while start < end and folded[start] in " \t“\"「『(":
        start += 1
    return start


def extract_targets(text: str) -> list[ParsedTarget]:
    """Targets in an item's `text`, in order; offsets index into `text` itself."""
    folded = fold(text)
    quotes = _quote_spans(folded)
    frequencies = find_frequencies(folded)
    counts = _find_counts(folded, quotes)
    bound: set[Frequency] = set()
    targets: list[ParsedTarget] = []

    for position, count in enumerate(counts):
        clause_start, _ = _span_of(_CLAUSE_BREAK, folded, count.start)
        previous_end = max((c.end for c in counts[:position] if c.end <= count.start and c.start >= clause_start),
                           default=clause_start)
        frequency = next((f for f in reversed(frequencies)
                          if clause_start <= f.start and f.end <= count.start), None)
        if frequency is None:
            frequency = _look_back(folded, frequencies, counts, clause_start)
        region_start = max(previous_end, frequency.end if frequency and frequency.start >= clause_start else clause_start)
        between = folded[region_start:count.start]
        comparator = count.comparator
        if _AT_MOST.search(between):  # first: 不超过 contains 超过
            comparator = "<="
        elif _AT_LEAST.search(between):
            comparator = ">="
        if _PER_OCCASION.search(folded, clause_start, count.start):
            continue
        each = folded[count.start - 1:count.start] == "各"
        licensed = each or comparator != "=" or (frequency is not None and frequency.sets_period)
        if count.chinese and not licensed:  # 年度三项重点工作 is a name, 每年两次 a target
            continue
        period, factor = "year", 1
        suffix = PERIOD_SUFFIX.match(folded, count.end)
        if frequency is not None:
            period, factor = frequency.period, frequency.factor
            bound.add(frequency)
        elif suffix:
            period = PERIOD_SUFFIX_KINDS[suffix.lastindex - 1]
        if count.count * factor > _MAX_COUNT:
            continue
        if frequency is not None:
            start = _with_person_marker(folded, clause_start, frequency.start)
        else:
            start = _trim_start(folded, clause_start, count.start)
        end = _phrase_end(folded, count.end)
        person_region = folded[min(start, clause_start):count.start]
        targets.append(ParsedTarget(text[start:end], count.count * factor, count.unit, period, comparator,
                                    _per(person_region), True, start, end))

    for frequency in frequencies:
        if frequency in bound or not frequency.sets_period:
            continue
        quote = _inside(quotes, frequency.start)
        if quote:
            end = quote[1]
        else:
            after = folded[frequency.end:frequency.end + 2]
            end = _phrase_end(folded, frequency.end, stop_at_enumeration=not _PREPOSITION.match(after))
        if end <= frequency.end:
            continue
        clause_start, _ = _span_of(_CLAUSE_BREAK, folded, frequency.start)
        per = _per(folded[clause_start:end])
        start = _with_person_marker(folded, clause_start, frequency.start)
        targets.append(ParsedTarget(text[start:end], frequency.factor, "次", frequency.period, "=",
                                    per, False, start, end))

    targets.sort(key=lambda target: (target.start, target.end))
    return targets


def _look_back(folded: str, frequencies: list[Frequency], counts: list[_Count], clause_start: int) -> Frequency | None:
    """An unbound 每X in the previous clause of the same sentence (每季度开展专题学习，不少于1次)."""
    sentence_start, _ = _span_of(_SENTENCE_BREAK, folded, clause_start)
    if clause_start <= sentence_start:
        return None
    previous_start, _ = _span_of(_CLAUSE_BREAK, folded, clause_start - 1)
    if any(previous_start <= c.start < clause_start for c in counts):
        return None
    return next((f for f in reversed(frequencies)
                 if f.sets_period and previous_start <= f.start and f.end <= clause_start - 1), None)
