"""Outdated references judged against the document's date (``Context.date``).

- Party congresses and plenary sessions: one not yet held at the date ("学习贯彻党的二十届四中全会精神" in a
  document of 2025-03); one already held called forthcoming ("即将召开的党的二十大" after 2022-10-16); an
  earlier congress's spirit as the current task once the next one has been held ("深入学习贯彻党的十九大精神"
  in 2023); a congress named with the plenums of a later Central Committee ("党的十七大和十八届三中、四中全会精神").
- Sessions of the NPC and the CPPCC by term and session: the year they were held (十四届全国人大三次会议 is
  2025's) against an explicit year, 今年, or the document's date.
- Five-year plans: "开局之年" / "收官之年" of the wrong plan for the year.
- Anniversaries: the ordinal of 建党/新中国成立/改革开放 … N周年 and of 第N个国家宪法日 … computed from the year.

A sentence about another year ("2021年，我们…") is judged against that year; an anniversary in a sentence that
names no year, against the year its paragraph names ("2021年是……的一年。我们隆重庆祝中国共产党成立一百周年"). The dates are in
``data/reference/events.tsv``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from ideowork.core.numerals import int_to_cn

from .base import finding
from .periods import _PERIOD

__all__ = ["check_history", "events"]

EVENTS_FILE = Path(__file__).resolve().parents[1] / "data" / "reference" / "events.tsv"
_CN = "一二三四五六七八九"
_NUM = "〇零一二三四五六七八九十百"


@dataclass(frozen=True)
class Events:
    congresses: dict[int, Date]
    plenums: dict[tuple[int, int], Date]   # (term, plenum) -> opening day
    npc: dict[int, int]                    # term -> year of its first session
    cppcc: dict[int, int]
    plans: dict[int, tuple[int, int]]      # number -> (first year, last year)
    anniversaries: dict[str, int]          # the event as written -> its year
    anniversary_days: dict[str, tuple[int, int]]  # the event as written -> (month, day), when known
    days: dict[str, int]                   # a commemoration day as written -> the year of its first


@functools.cache
def events() -> Events:
    congresses, plenums, npc, cppcc, plans, anniversaries, days, on = {}, {}, {}, {}, {}, {}, {}, {}
    for raw in EVENTS_FILE.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, first, second, when, *rest = raw.split("\t") + [""]
        if kind == "congress":
            congresses[int(first)] = Date.fromisoformat(when)
        elif kind == "plenum":
            plenums[(int(second), int(first))] = Date.fromisoformat(when)
        elif kind in ("npc", "cppcc"):
            (npc if kind == "npc" else cppcc)[int(first)] = int(when)
        elif kind == "plan":
            plans[int(first)] = (int(when), int(rest[0]))
        elif kind in ("anniversary", "day"):
            for name in first.split("|"):
                (anniversaries if kind == "anniversary" else days)[name] = int(when[:4])
                if len(when) == 10:
                    on[name] = (int(when[5:7]), int(when[8:10]))
    return Events(congresses, plenums, npc, cppcc, plans, anniversaries, on, days)


def _number(token: str) -> int:
    """Chinese or arabic numerals: 二十 → 20, 一百零五 → 105, 105 → 105; 0 for what is not a number."""
    if token.isdigit():
        return int(token)
    total, current = 0, 0
    for ch in token.replace("零", "〇"):
        if ch == "〇":
            continue
        if ch in _CN:
            current = _CN.index(ch) + 1
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return 0
    return total + current


_SENTENCE_MARKS = "。！？；\n"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?![代度]|以来|以前|前)|(今年|明年|去年|上年|本年|次年)")
_FUTURE = re.compile("迎接|喜迎|即将|将于|将要|将在|召开前|前夕|筹备|期待|迎来|明年|备战|以优异成绩迎|将[^。；，]{0,8}召开")
_PAST_WORDS = re.compile("回顾|去年|上年|过去|曾经|当时|那时|前夕")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    begin = max(text.rfind(mark, max(0, start - 150), start) for mark in _SENTENCE_MARKS) + 1
    begin = max(begin, start - 150)
    stops = [i for i in (text.find(mark, end, end + 150) for mark in _SENTENCE_MARKS) if i >= 0]
    return begin, (min(stops) if stops else min(len(text), end + 150))


def _year_of(text: str, begin: int, start: int, day: Date) -> tuple[int, bool]:
    """The year a sentence speaks of, from its last explicit year before ``start`` ("2021年", "今年"),
    else the document's; and whether it was explicit."""
    year, explicit = day.year, False
    for match in _YEAR.finditer(text, begin, start):
        explicit = True
        if match.group(1):
            year = int(match.group(1))
        else:
            year = day.year + {"明年": 1, "去年": -1, "上年": -1, "次年": 1}.get(match.group(2), 0)
    return year, explicit


# --- congresses and plenums ------------------------------------------------------------------------

_CONGRESS = re.compile(f"党的([{_CN}十]{{1,3}})大|第([{_CN}十]{{1,3}})次全国代表大会")
_PLENUM = re.compile(f"(?<![{_CN}十])([{_CN}十]{{1,3}})届(?:([{_CN}])中全会|中央委员会第([{_CN}])次全体会议)")
# A local party committee's plenum ("市委十二届七中全会") is not the Central Committee's.
_LOCAL = re.compile("(?:省委|市委|县委|区委|州委|盟委|旗委|党委|党组|工委|委员会)第?$")
_FORTHCOMING = re.compile("即将召开|即将胜利召开|将要召开|即将举行")
_FORTHCOMING_BEFORE = re.compile("(?:即将召开|即将胜利召开|将要召开|即将举行|迎接|喜迎)的?$")
# A congress named as the year's coming event: "党的二十大召开之年", "党的十八大召开的喜庆之年", "胜利召开前".
_UPCOMING_AFTER = re.compile("(?:胜利)?(?:召开|举行)(?:的[^。；，、]{0,6})?之年|(?:胜利)?(?:召开|举行)前|召开在即")
_SPIRIT = re.compile("(?:(?:和|、|及)[^。；，\n]{0,20})?(?:会议)?精神")
_ALONE = ("精神", "会议精神")  # the spirit of this one meeting, not of several named together
# A meeting described as the current one: "党的二十届二中全会是在……召开的".
_DESCRIBED = re.compile("是在")
# The national congress named with local meetings only ("党的十九大和省第十五次党代会、省委十五届二次全会精神"):
# still the one national meeting whose spirit is studied.
_ONLY_LOCAL = re.compile("(?:(?:和|、|及)(?:省|市|县|区|州|自治区)(?:委)?[^。；，\n大中]{0,14}?(?:党代会|全会|全体会议))+"
                         "(?:会议)?精神")
_STUDY = re.compile("学习|贯彻|落实|领会")
# The tasks a congress set, being carried out now ("完成党的十四大提出的各项任务").
_TASKS = re.compile("(?:所|在报告中)?(?:提出|确定|作出|部署)的(?:各项|宏伟|奋斗|战略)?(?:任务|目标|部署)")
_CARRY = re.compile("完成|实现|落实|贯彻|执行")
# The term of the Central Committee whose plenums are named with a congress: "和十八届三中、四中全会".
_LATER_TERM = re.compile(f"^[和、及与]([{_CN}十]{{1,3}})届[{_CN}]中")


def _joined(text: str, start: int) -> bool:
    """True when the meeting at ``start`` is named after another with 和/、/及/与 ("二十大和十九届七中全会", "党的二十大和
    党的十九届七中全会"; not "……思想和党的二十届二中全会")."""
    if text[max(0, start - 2):start] == "党的":
        return text[start - 3:start - 2] in ("和", "、", "及", "与") and text[start - 4:start - 3] in ("大", "会")
    return text[start - 1:start] in ("和", "、", "及", "与")


def _held(name: str, held_on: Date, day: Date):
    return f"{name}已于{held_on.year}年{held_on.month}月召开（文档日期为{day.year}年{day.month}月{day.day}日）"


def _congress_findings(text, day, ev):
    latest = max((n for n, d in ev.congresses.items() if d <= day), default=0)
    for match in _CONGRESS.finditer(text):
        number = _number(match.group(1) or match.group(2))
        held_on = ev.congresses.get(number)
        name = f"党的{int_to_cn(number)}大"
        yield from _event_findings(text, match, day, name, held_on, known_until=max(ev.congresses.values()))
        if held_on is None or number >= latest:
            continue
        spirit = _SPIRIT.match(text, match.end())
        later_term = _LATER_TERM.search(spirit.group()) if spirit is not None else None
        if later_term is not None and _number(later_term.group(1)) > number:
            # "党的十七大和十八届三中、四中全会精神": the plenums are of a later Central Committee, elected by the
            # congress of the same number; the congress named is a template's leftover.
            right = f"党的{later_term.group(1)}大"
            yield finding(text, *match.span(), rule="outdated.congress.term", category="outdated", severity="warning",
                          suggestion=right,
                          message=f"与{later_term.group(1)}届中央委员会的全会并列的应是选举产生这届中央委员会的"
                                  f"{right}，“{match.group()}”疑为沿用旧稿，请核实。")
            continue
        if spirit is not None and spirit.group() not in _ALONE and not _ONLY_LOCAL.fullmatch(spirit.group()):
            continue  # "党的十八大和十九大精神", "党的十六大和十六届三中全会精神": several meetings named together
        if spirit is None:
            # "完成党的十三大提出的各项任务" in 1995: the tasks being carried out are the latest congress's.
            if not (_TASKS.match(text, match.end()) and _CARRY.search(text, max(0, match.start() - 10), match.start())):
                continue
        elif not _STUDY.search(text, max(0, match.start() - 10), match.start()):
            continue
        begin, _end = _sentence(text, match.start(), match.end())
        year, explicit = _year_of(text, begin, match.start(), day)
        if explicit and year < ev.congresses[number + 1].year + (ev.congresses[number + 1].month >= 10):
            continue  # about a year before the next congress
        if _PAST_WORDS.search(text, begin, match.start()):
            continue
        newest = f"党的{int_to_cn(latest)}大"
        yield finding(text, *match.span(), rule="outdated.congress.latest", category="outdated", severity="warning",
                      suggestion=newest,
                      message=f"{newest}已于{ev.congresses[latest].year}年召开，"
                              f"{'学习贯彻的应是' + newest + '精神' if spirit is not None else '当前完成的应是' + newest + '提出的任务'}，"
                              f"“{match.group()}”已不是最新一次代表大会，请核实表述。")
    terms = {t for t, _p in ev.plenums}
    known_until = max(ev.plenums.values())
    for match in _PLENUM.finditer(text):
        if _LOCAL.search(text, max(0, match.start() - 4), match.start()):
            continue
        term, plenum = _number(match.group(1)), _CN.index(match.group(2) or match.group(3)) + 1
        if term < min(terms):
            continue  # a term before the table's: not judged
        name = f"党的{int_to_cn(term)}届{_CN[plenum - 1]}中全会"
        yield from _event_findings(text, match, day, name, ev.plenums.get((term, plenum)), known_until=known_until)
        if term < latest and not _joined(text, match.start()) \
                and _SPIRIT.match(text, match.end()) and _SPIRIT.match(text, match.end()).group() in _ALONE \
                and _STUDY.search(text, max(0, match.start() - 12), match.start()):
            begin, _end = _sentence(text, match.start(), match.end())
            year, explicit = _year_of(text, begin, match.start(), day)
            following = ev.congresses[term + 1]
            if (explicit and year <= following.year) or _PAST_WORDS.search(text, begin, match.start()):
                continue
            newest = f"党的{int_to_cn(latest)}大"
            yield finding(text, *match.span(), rule="outdated.congress.latest", category="outdated",
                          severity="warning", suggestion=None,
                          message=f"{newest}已于{following.year}年召开，“{match.group()}”是上一届中央委员会的全会，"
                                  "学习贯彻的应是最新的会议精神，请核实表述。")


# A plenum's spirit named alone once a later plenum of the same Central Committee has been held (this long
# before the document, so that its spirit has reached the document's writers).
_LATER_PLENUM_LAG = 30


# The speech given at a plenum studied with its spirit: "在党的二十届三中全会上的重要讲话和全会精神".
_SPEECH_SPIRIT = re.compile("上的重要讲话(?:和全会)?(?=精神)")
# "党的二十大和二十届二中全会精神": the congress and one plenum, a later plenum of the same term left out.
_CONGRESS_BEFORE = re.compile(f"党的[{_CN}十]{{1,3}}大$")


def _later_plenum_findings(text, day, ev):
    for match in _PLENUM.finditer(text):
        if _LOCAL.search(text, max(0, match.start() - 4), match.start()):
            continue
        term, plenum = _number(match.group(1)), _CN.index(match.group(2) or match.group(3)) + 1
        later = [(n, d) for (t, n), d in ev.plenums.items() if t == term and n > plenum
                 and (day - d).days >= _LATER_PLENUM_LAG]
        spirit = _SPIRIT.match(text, match.end())
        alone = _SPEECH_SPIRIT.match(text, match.end()) is not None or (spirit is not None and spirit.group() in _ALONE)
        current = term == max(t for (t, _n), d in ev.plenums.items() if d <= day)
        described = current and _DESCRIBED.match(text, match.end())
        joined = _joined(text, match.start())
        # The first plenum elects the leadership right after the congress and is named with it as one; a later
        # plenum left out of "党的二十大和二十届二中全会精神" once its spirit has been studied for months.
        lead = match.start() - 2 if text[max(0, match.start() - 2):match.start()] == "党的" else match.start()
        after_congress = joined and current and plenum > 1 and _CONGRESS_BEFORE.search(
            text, max(0, lead - 8), lead - 1) and any(
            (day - d).days >= _LATER_PLENUM_LAG * 3 for _n, d in later)
        if not later or not alone and not described \
                or joined and not after_congress:
            continue  # not its spirit, or named with other plenums ("二十届二中全会和三中全会精神")
        begin, _end = _sentence(text, match.start(), match.end())
        newest, held_on = max(later)
        year, explicit = _year_of(text, begin, match.start(), day)
        if (explicit and year < held_on.year) or _PAST_WORDS.search(text, begin, match.start()):
            continue
        name = f"党的{int_to_cn(term)}届{_CN[newest - 1]}中全会"
        yield finding(text, *match.span(), rule="outdated.plenum.latest", category="outdated", severity="warning",
                      suggestion=None,
                      message=f"{name}已于{held_on.year}年{held_on.month}月召开，“{match.group()}”已不是本届最近一次全会，"
                              "学习贯彻的应是最新的全会精神，请核实表述。")


def _event_findings(text, match, day, name, held_on, *, known_until):
    start, end = match.span()
    before = text[max(0, start - 12):start]
    if held_on is not None and held_on < day and (
            _FORTHCOMING_BEFORE.search(before) or _FORTHCOMING.match(text, end, end + 6)):
        yield finding(text, start, end, rule="outdated.congress.forthcoming", category="outdated", severity="error",
                      suggestion=None, message=f"{_held(name, held_on, day)}，不能再称“即将召开”，请核实表述。")
        return
    if (held_on is None and day <= known_until) or (held_on is not None and held_on > day):
        begin, stop = _sentence(text, start, end)
        if _FUTURE.search(text, begin, stop) or "届时" in text[begin:stop] or _UPCOMING_AFTER.match(text, end):
            return
        if held_on is not None:
            when = f"于{held_on.year}年{held_on.month}月召开"
        else:
            when = "在此日期前尚未召开"
        yield finding(text, start, end, rule="outdated.congress.not_yet", category="outdated", severity="error",
                      suggestion=None,
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，{name}{when}，请核实届次。")


# --- NPC and CPPCC sessions ------------------------------------------------------------------------

_SESSION = re.compile(
    f"(?:第?([{_CN}十]{{1,3}})届全国(人大|人民代表大会|政协|人民政治协商会议)(?:第?([{_CN}])次)会议"
    f"|全国(政协)第?([{_CN}十]{{1,3}})届第?([{_CN}])次会议)")


# A report given at the session ("在……第四次会议上所作的报告"), studied as the newest in a text that says so.
_REPORT_AFTER = re.compile("上(?:所作|作)的?(?:政府)?(?:工作)?报告")
_REPORT_STUDIED = re.compile("(?:学习|传达|贯彻)[^。]{0,12}(?:全国两会|全国人大|全国人民代表大会|工作报告|报告)")


def _session_findings(text, day, ev):
    for match in _SESSION.finditer(text):
        if match.group(4):
            body, term, session = "cppcc", _number(match.group(5)), _CN.index(match.group(6)) + 1
        else:
            body = "npc" if match.group(2) in ("人大", "人民代表大会") else "cppcc"
            term, session = _number(match.group(1)), _CN.index(match.group(3)) + 1
        first = (ev.npc if body == "npc" else ev.cppcc).get(term)
        if first is None or session > 5:
            continue
        held = first + session - 1
        opening = Date(held, 3, 5 if body == "npc" else 4)
        start, end = match.span()
        begin, stop = _sentence(text, start, end)
        explicit = None
        near = list(_YEAR.finditer(text, max(begin, start - 8), start))
        if near:
            last = near[-1]
            explicit = int(last.group(1)) if last.group(1) else day.year + {
                "明年": 1, "去年": -1, "上年": -1, "次年": 1}.get(last.group(2), 0)
        name = match.group()
        if explicit is not None and explicit != held:
            yield finding(text, start, end, rule="outdated.session.year", category="outdated", severity="error",
                          suggestion=None,
                          message=f"“{name}”于{held}年召开，与文中所写的{explicit}年不符，请核实届次。")
        elif explicit is None and opening > day and not _FUTURE.search(text, begin, stop):
            yield finding(text, start, end, rule="outdated.session.not_yet", category="outdated", severity="error",
                          suggestion=None,
                          message=f"文档日期为{day.year}年{day.month}月{day.day}日，“{name}”于{held}年3月召开，"
                                  "尚未举行，请核实届次。")
        elif explicit is None and opening < day and (
                _FORTHCOMING_BEFORE.search(text[max(0, start - 12):start]) or _FORTHCOMING.match(text, end, end + 6)):
            yield finding(text, start, end, rule="outdated.session.forthcoming", category="outdated", severity="error",
                          suggestion=None, message=f"“{name}”已于{held}年3月召开，不能再称“即将召开”。")
        elif explicit is None and Date(held + 1, 3, 5) < day <= Date(held + 1, 4, 30) \
                and _REPORT_AFTER.match(text, end) and _REPORT_STUDIED.search(text):
            yield finding(text, start, end, rule="outdated.session.report", category="outdated", severity="warning",
                          suggestion=None,
                          message=f"“{name}”是{held}年的会议，文档日期为{day.year}年{day.month}月{day.day}日，"
                                  f"{held + 1}年的全国两会已经召开，学习传达的报告应是最新一次会议上所作的，请核实届次。")
        elif explicit is None and Date(held + 1, 3, 15) < day and _SPIRIT.match(text, end) \
                and _STUDY.search(text, max(0, start - 12), start) and not _PAST_WORDS.search(text, begin, start):
            yield finding(text, start, end, rule="outdated.session.latest", category="outdated", severity="warning",
                          suggestion=None,
                          message=f"“{name}”是{held}年的会议，{held + 1}年的全国两会已经召开，"
                                  "学习贯彻的应是最新一次会议的精神，请核实表述。")


# --- five-year plans -------------------------------------------------------------------------------

_PLAN_YEAR = re.compile(
    f"(?:[“\"]?(十[{_CN}]?五|[{_CN}]五)[”\"]?|第([{_CN}十]{{1,3}})个五年(?:规划|计划))"
    "(?:发展)?(?:规划|计划|时期)?的?(开局之年|起步之年|第一年|收官之年|最后一年|结束之年|开局(?![之的]))")


def _plan_findings(text, day, ev):
    if "之年" not in text and "一年" not in text and "开局" not in text:
        return
    for match in _PLAN_YEAR.finditer(text):
        token = match.group(1)
        number = _number(token[:-1]) if token else _number(match.group(2))
        if token and token[:-1] == "十":
            number = 10
        span = ev.plans.get(number)
        if span is None:
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        year, explicit = _year_of(text, begin, match.start(), day)
        if not explicit and not re.search("当前|目前|现在|正值|正处|随着", text[begin:match.start()]):
            continue  # "在“十四五”开局之年，…" may look back; only a stated year is judged
        period = _PERIOD.search(text, begin, match.end())
        if period and period.start(1) == match.start(1) and span[1] < day.year:
            continue  # a plan over at the document's date said to be current: reported by check_periods
        wanted = span[0] if match.group(3) in ("开局之年", "起步之年", "第一年", "开局") else span[1]
        if year == wanted:
            continue
        right = next((n for n, (a, b) in ev.plans.items()
                      if (a if wanted == span[0] else b) == year), None)
        label = match.group(3)
        fixed = f"“{_plan_label(right)}”" if right else None
        where = match.span(1) if token else match.span(2)
        # Judged against the document's date (今年, 当前) it is a warning; against a year written out, an error.
        relative = not _YEAR.search(text, begin, match.start()) or not any(
            m.group(1) for m in _YEAR.finditer(text, begin, match.start()))
        yield finding(text, *where, rule="outdated.plan.year", category="outdated",
                      severity="warning" if relative else "error",
                      suggestion=fixed and fixed.strip("“”"),
                      message=f"{year}年不是“{token or match.group(2)}”的{label}"
                              f"（该时期为{span[0]}—{span[1]}年）" + (f"，{year}年是{fixed}的{label}。" if fixed else "。"))


# A plan being drawn up ("科学编制“十四五”规划", "“十五五”规划谋篇布局") is the next one: a plan that began more
# than a year before is already being carried out.
_PLAN_DRAWN = re.compile(f"(?:编制|制定|起草|谋划)[“\"]?(十[{_CN}]?五|[{_CN}]五)[”\"]?"
                         f"|[“\"]?(十[{_CN}]?五|[{_CN}]五)[”\"]?(?:发展)?规划(?:的)?(?:编制|制定|起草|谋篇布局)")


def _drawn_plan_findings(text, day, ev):
    if "五" not in text:
        return
    for match in _PLAN_DRAWN.finditer(text):
        token = match.group(1) or match.group(2)
        number = 10 if token == "十五" else _number(token[:-1])
        span = ev.plans.get(number)
        if span is None:
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        year, _explicit = _year_of(text, begin, match.start(), day)
        if span[0] >= year or _PAST_WORDS.search(text, begin, match.start()):
            continue
        right = next((n for n, (a, _b) in ev.plans.items() if a == year + 1), None)
        where = match.span(1) if match.group(1) else match.span(2)
        yield finding(text, *where, rule="outdated.plan.drawn", category="outdated", severity="warning",
                      suggestion=right and _plan_label(right),
                      message=f"“{token}”时期为{span[0]}—{span[1]}年，{year}年已在实施中，"
                              + (f"此时编制的应是“{_plan_label(right)}”规划" if right else "不再是编制中的规划")
                              + "，请核实。")


# A plan being carried out ("围绕“十三五”规划实施主线", "落实“十三五”规划") after its last year: the text reused an
# older one (not its review: "“十三五”规划实施情况", "实施以来", "圆满收官").
_PLAN_CARRIED = re.compile(f"[“\"]?(十[{_CN}]?五|[{_CN}]五)[”\"]?(?:发展)?规划(?:的)?(?:实施|落实|执行)"
                           f"(?!情况|成效|成果|以来|期间|评估|总结|圆满|完成|收官|中期|的?成)"
                           f"|(?:实施|落实|贯彻|推进|执行)好?[“\"]?(十[{_CN}]?五|[{_CN}]五)[”\"]?(?:发展)?规划(?!实施情况|执行情况)")
_REVIEWED = re.compile("回顾|总结|过去|以来|期间|收官|完成|评估|成就|成效")


def _around(pattern, text, word, reach=12):
    """The matches of ``pattern`` near each occurrence of ``word`` only (a scan of the whole text costs more)."""
    last = -1
    at = text.find(word)
    while at >= 0:
        for match in pattern.finditer(text, max(last, at - reach), min(len(text), at + len(word) + reach)):
            if match.start() >= last:
                last = match.end()
                yield match
        at = text.find(word, at + 1)


def _carried_plan_findings(text, day, ev):
    if "五" not in text or "规划" not in text:
        return
    for match in _around(_PLAN_CARRIED, text, "规划"):
        group = 1 if match.group(1) else 2
        token = match.group(group)
        number = 10 if token == "十五" else _number(token[:-1])
        span = ev.plans.get(number)
        if span is None or span[1] >= day.year:
            continue
        begin, stop = _sentence(text, match.start(), match.end())
        if _REVIEWED.search(text, begin, stop) or _PAST_WORDS.search(text, begin, match.start()):
            continue
        year, explicit = _year_of(text, begin, match.start(), day)
        if explicit and year <= span[1]:
            continue  # "2023年，我市正处在“十四五”规划实施的攻坚阶段": the year the sentence speaks of
        right = next((n for n, (a, b) in ev.plans.items() if a <= day.year <= b), None)
        yield finding(text, *match.span(group), rule="outdated.plan.carried", category="outdated", severity="warning",
                      suggestion=right and _plan_label(right),
                      message=f"“{token}”时期为{span[0]}—{span[1]}年，文档日期为{day.year}年，实施中的应是"
                              + (f"“{_plan_label(right)}”规划" if right else "下一个五年规划") + "，请核实。")


# 全面建成小康社会 was declared achieved on 2021-07-01: after that it is no longer a goal to work for.
_XIAOKANG = re.compile("(?:决胜|确保|助力|冲刺|早日|力争|为(?:[^。；，、]{0,12}、)?)全面建成小康社会"
                       "|全面建成小康社会(?=作出|做出|贡献|而奋斗|而努力|目标任务|冲刺|决战)")
_XIAOKANG_DONE = Date(2021, 7, 1)
_DONE_WORDS = re.compile("已经|已|了|如期|历史性|胜利|实现")
_DONE_AFTER = re.compile("[^。；，！？\n]{0,10}?了")


def _xiaokang_findings(text, day, ev):
    if day <= _XIAOKANG_DONE or "全面建成小康社会" not in text:
        return
    for match in _XIAOKANG.finditer(text):
        start = text.index("全面建成小康社会", match.start())
        begin, _stop = _sentence(text, start, start + 8)
        year, explicit = _year_of(text, begin, start, day)
        if (explicit and year <= 2021) or _PAST_WORDS.search(text, begin, start) \
                or _DONE_WORDS.search(text, max(begin, start - 6), start) or _DONE_AFTER.match(text, start + 8):
            continue  # "已全面建成小康社会", "为全面建成小康社会作出了贡献": the goal reached
        yield finding(text, start, start + 8, rule="outdated.xiaokang", category="outdated", severity="warning",
                      suggestion="全面建设社会主义现代化国家",
                      message="2021年7月1日已宣告全面建成小康社会，此后不能再作为奋斗目标；"
                              "当前的目标是全面建设社会主义现代化国家，请核实表述。")


# 今年, 去年 or 明年 with the year stated beside it: "今年（2024年）" in a document of 2025.
_STATED_YEAR = re.compile(r"(今年|去年|上年|明年)[（(](\d{4})年?[）)]|(\d{4})年[（(](今年|去年|上年|明年)[）)]")
_RELATIVE = {"今年": 0, "去年": -1, "上年": -1, "明年": 1}


def _stated_year_findings(text, day, ev):
    if "年（" not in text and "年(" not in text and "年）" not in text and "年)" not in text:
        return
    for match in _STATED_YEAR.finditer(text):
        word, stated = (match.group(1), int(match.group(2))) if match.group(1) else (match.group(4), int(match.group(3)))
        meant = day.year + _RELATIVE[word]
        if stated == meant:
            continue
        yield finding(text, *match.span(), rule="outdated.relative_year", category="outdated", severity="error",
                      suggestion=None,
                      message=f"文档日期为{day.year}年，“{word}”是{meant}年，与文中所写的{stated}年不符，请核实。")


_SPIRIT_YEAR = re.compile(f"贯彻(?:落实)?党的([{_CN}十]{{1,3}})大精神的开局之年")


def _spirit_year_findings(text, day, ev):
    """"全面贯彻党的二十大精神的开局之年" is the year after the congress (2023)."""
    if "开局之年" not in text:
        return
    for match in _SPIRIT_YEAR.finditer(text):
        held = ev.congresses.get(_number(match.group(1)))
        if held is None:
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        year, explicit = _year_of(text, begin, match.start(), day)
        if not explicit or year == held.year + 1:
            continue
        yield finding(text, *match.span(), rule="outdated.spirit_year", category="outdated", severity="error",
                      suggestion=None,
                      message=f"党的{match.group(1)}大于{held.year}年召开，“贯彻党的{match.group(1)}大精神的开局之年”是"
                              f"{held.year + 1}年，不是{year}年，请核实表述。")


def _plan_label(number: int) -> str:
    return ("十" + (_CN[number - 11] if number > 10 else "") if number >= 10 else _CN[number - 1]) + "五"


# --- anniversaries and commemoration days -----------------------------------------------------------

_ORDINAL = f"(\\d{{1,3}}|[{_NUM}]{{1,5}})"


@functools.cache
def _anniversary_patterns():
    ev = events()
    names = "|".join(sorted(map(re.escape, ev.anniversaries), key=len, reverse=True))
    days = "|".join(sorted(map(re.escape, ev.days), key=len, reverse=True))
    return (re.compile(f"({names}){_ORDINAL}周年"),
            re.compile(f"第{_ORDINAL}[个次][“\"]?({days})"))


def _anniversary_findings(text, day, ev):
    anniversary, commemoration = _anniversary_patterns()
    if "周年" in text:
        for match in anniversary.finditer(text):
            written = _number(match.group(2))
            yield from _judge_ordinal(text, match, match.span(2), day, written, ev.anniversaries[match.group(1)],
                                      f"{match.group(1)}{{}}周年", offset=0,
                                      on=ev.anniversary_days.get(match.group(1)))
    if "第" in text:
        for match in commemoration.finditer(text):
            written = _number(match.group(1))
            yield from _judge_ordinal(text, match, match.span(1), day, written, ev.days[match.group(2)],
                                      f"第{{}}个{match.group(2)}", offset=1)


# The anniversary names a celebration that may lie years back: "在庆祝中国共产党成立100周年大会上的讲话".
# Only the future tense: "喜迎建党100周年" names the year's activities, still named so once they are over.
_AWAITED = re.compile("即将迎来|即将到来|将迎来")
# The year a text of review opens on ("2015年，街道办事处在区委……领导下"): its anniversaries are that year's.
_OPENING_YEAR = re.compile(r"\s*[^\n。]{0,12}?((?:19|20)\d\d)年度?(?:，|,|是|工作)")
_CELEBRATION = re.compile("(?:庆祝|纪念)?(?:大会|座谈会|纪念会|招待会|文艺晚会|晚会|阅兵|活动上|之际的?讲话)")


def _judge_ordinal(text, match, span, day, written, base, shape, *, offset, on=None):
    if written <= 0:
        return
    if offset == 0 and written + base <= day.year and _CELEBRATION.match(text, match.end()):
        return
    begin, stop = _sentence(text, match.start(), match.end())
    year, explicit = _year_of(text, begin, match.start(), day)
    expected = year - base + offset
    if written == expected:
        if offset == 0 and not explicit and on is not None and (day.month, day.day) > on \
                and _AWAITED.search(text, max(begin, match.start() - 8), match.start()):
            yield finding(text, *span, rule="outdated.anniversary.passed", category="outdated", severity="error",
                          suggestion=None,
                          message=f"{year}年{on[0]}月{on[1]}日已是“{match.group()}”，文档日期为{day.year}年{day.month}月"
                                  f"{day.day}日，不能再说“即将迎来”，请核实表述。")
        return
    if not explicit and written == expected + 1 and _FUTURE.search(text, begin, stop) and (
            on is None or (day.month, day.day) > on):
        return  # "迎接建党105周年" in the year before, once its 104th anniversary has passed
    if not explicit and written == expected - 1 and _PAST_WORDS.search(text, begin, stop):
        return  # "去年…纪念…" in a review of the year before
    if not explicit:
        paragraph = text.rfind("\n", 0, begin) + 1
        topic, named = _year_of(text, paragraph, begin, day)
        if named and written == topic - base + offset:
            return  # "2021年是……的一年。我们党隆重庆祝中国共产党成立一百周年": the paragraph's year
        opening = _OPENING_YEAR.match(text)
        if opening and int(opening.group(1)) < day.year and written == int(opening.group(1)) - base + offset:
            return  # a summary of 2015 dated 2016 that opens "2015年，街道…": the year the whole text speaks of
    arabic = match.group()[span[0] - match.start():span[1] - match.start()].isdigit()
    fixed = str(expected) if arabic else int_to_cn(expected)
    yield finding(text, *span, rule="outdated.anniversary", category="outdated", severity="error",
                  suggestion=fixed,
                  message=f"{year}年应为“{shape.format(fixed)}”，“{match.group()}”的序数与年份不符，请核实。")


# --- a year left from last year's document ------------------------------------------------------------

# A plan for the year drawn up or reported early in the year, or a commendation of the year before: the
# year written must be this one (plan) or the last one (commendation), not one from an older template.
_PLAN_OF_YEAR = re.compile(r"(?:汇报|部署|制定|编制|谋划|印发|审议|讨论|研究)了?(?:各自的?|全年的?)?((?:19|20)\d\d)年度?"
                           "(?:重点)?(?:工作)?(?:规划|计划|要点)(?![^。；，]{0,8}(?:执行|落实|完成|推进)情况)")
_COMMENDED = re.compile(r"表彰((?:19|20)\d\d)年度(?:[^。；]{0,12})?(?:先进|优秀|模范|标兵)")


def _template_year_findings(text, day, ev):
    if "年" not in text:
        return
    if day.month <= 4:
        for match in _PLAN_OF_YEAR.finditer(text):
            year = int(match.group(1))
            if year == day.year - 1:
                yield finding(text, *match.span(1), rule="outdated.year.plan", category="outdated",
                              severity="warning", suggestion=str(day.year),
                              message=f"文档日期为{day.year}年{day.month}月{day.day}日，年初部署、汇报的应是"
                                      f"{day.year}年的工作规划，“{match.group(1)}年”可能沿用了上一年的文稿，请核实。")
    for match in _COMMENDED.finditer(text):
        year = int(match.group(1))
        if year <= day.year - 2:
            yield finding(text, *match.span(1), rule="outdated.year.commendation", category="outdated",
                          severity="warning", suggestion=str(day.year - 1),
                          message=f"文档日期为{day.year}年{day.month}月{day.day}日，表彰的一般是{day.year - 1}年度的先进，"
                                  f"“{match.group(1)}年度”可能沿用了往年的文稿，请核实。")


def check_history(text, context):
    ev = events()
    day = context.date
    if "大" in text or "全会" in text or "全体会议" in text:
        yield from _congress_findings(text, day, ev)
        yield from _later_plenum_findings(text, day, ev)
    if "会议" in text:
        yield from _session_findings(text, day, ev)
    yield from _plan_findings(text, day, ev)
    yield from _drawn_plan_findings(text, day, ev)
    yield from _carried_plan_findings(text, day, ev)
    yield from _stated_year_findings(text, day, ev)
    yield from _xiaokang_findings(text, day, ev)
    yield from _spirit_year_findings(text, day, ev)
    yield from _anniversary_findings(text, day, ev)
    yield from _template_year_findings(text, day, ev)
