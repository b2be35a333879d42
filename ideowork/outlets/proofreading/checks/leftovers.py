"""What an older text leaves behind when it is reused as the template of a new one, judged against the
document's date (``Context.date``):

- a review or summary of a year two or more years back ("回顾总结过去的2022年" in January 2024, "一、2021年工作回顾"
  in a report of 2023, "总结了2020年度全镇工作" in 2022): a review looks back on the year just ended (or on the
  current one at its end);
- last year's plan followed as the current one ("按照县人大常委会2022年工作要点" in September 2023);
- a list of one Central Committee's plenums that stops before the latest one held ("十九届二中、三中、四中全会精神"
  studied in March 2021, after the fifth).

Plans drawn up early in the year and commendations are judged in ``history.py`` (``_template_year_findings``).
"""

from __future__ import annotations

import re

from ideowork.core.numerals import int_to_cn

from .base import finding
from .history import _PAST_WORDS, _STUDY, _number, _sentence, _year_of, events

__all__ = ["check_leftovers"]

_CN = "一二三四五六七八九"
_YEAR = r"((?:19|20)\d\d)年度?"
# "回顾2021年", "总结了过去的2022年", "2021年工作回顾", "2020年度全镇工作" after 总结 — not a span of years
# ("回顾2018年以来", "总结2021—2023年").
_REVIEW = re.compile(f"(?:回顾|总结)(?:总结|回顾)?了?(?:过去的?|刚刚过去的|即将过去的)?{_YEAR}"
                     f"(?:[^。；，、\\d]{{0,8}}?工作|各项工作|的?工作)?(?![以至到—\\-~～\\d])"
                     f"|(?<![\\d—\\-~～至到]){_YEAR}[^。；，、\\d]{{0,4}}?工作回顾")
# A plan or key points of a year followed as the current ones.
_FOLLOWED = re.compile(f"(?:按照|根据|依据|对照|围绕|紧扣|遵照)[^。；，]{{0,16}}?{_YEAR}(?:重点)?(?:工作)?(?:要点|计划|安排)"
                       "(?![^。；，]{0,8}(?:执行|落实|完成|推进)情况)")
_PLENUM_LIST = re.compile(f"(?<![{_CN}十])([{_CN}十]{{1,3}})届((?:[{_CN}]中[、和及与]){{1,6}}[{_CN}]中)全会")
_LOCAL = re.compile("(?:省委|市委|县委|区委|州委|党委|党组|工委)$")
_SPIRIT_AFTER = re.compile("(?:会议)?精神")
_LAG = 30


def check_leftovers(text, context):
    if "年" in text:
        yield from _review_findings(text, context.date)
        yield from _followed_plan_findings(text, context.date)
    if "中全会" in text or "中、" in text:
        yield from _plenum_list_findings(text, context.date)


def _review_findings(text, day):
    for match in _REVIEW.finditer(text):
        group = 1 if match.group(1) else 2
        year = int(match.group(group))
        # At the end of a year its own work is reviewed; early in the year, the year just ended.
        if year >= day.year - 1:
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        if re.search("(?:19|20)\\d\\d年(?:至|到|—|-|～)|以来|五年|三年|十年|两年", text[begin:match.end() + 6]):
            continue  # a review of several years
        yield finding(text, *match.span(group), rule="outdated.year.review", category="outdated", severity="warning",
                      suggestion=str(day.year - 1),
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，回顾总结的应是{day.year - 1}年"
                              f"（或当年）的工作，“{match.group(group)}年”可能沿用了往年的文稿，请核实。")


def _followed_plan_findings(text, day):
    for match in _FOLLOWED.finditer(text):
        year = int(match.group(1))
        if year >= day.year or (year == day.year - 1 and day.month <= 4):
            continue  # this year's plan, or last year's reviewed early in the year
        begin, _stop = _sentence(text, match.start(), match.end())
        if _PAST_WORDS.search(text, begin, match.start()) or _year_of(text, begin, match.start(1), day)[0] == year:
            continue  # "2022年，按照……2022年工作要点": a sentence about that year
        yield finding(text, *match.span(1), rule="outdated.year.plan_followed", category="outdated",
                      severity="warning", suggestion=str(day.year),
                      message=f"文档日期为{day.year}年{day.month}月{day.day}日，当前依据的应是{day.year}年的工作要点或计划，"
                              f"“{match.group(1)}年”可能沿用了上一年的文稿，请核实。")


def _plenum_list_findings(text, day):
    ev = events()
    for match in _PLENUM_LIST.finditer(text):
        if _LOCAL.search(text, max(0, match.start() - 4), match.start()):
            continue
        term = _number(match.group(1))
        listed = [_CN.index(ch) + 1 for ch in match.group(2) if ch in _CN]
        if len(listed) < 2 or listed != list(range(listed[0], listed[0] + len(listed))):
            continue  # not a run of successive plenums
        later = [(n, d) for (t, n), d in ev.plenums.items() if t == term and n > listed[-1] and (day - d).days >= _LAG]
        if not later or not _SPIRIT_AFTER.match(text, match.end()):
            continue
        begin, _stop = _sentence(text, match.start(), match.end())
        if not _STUDY.search(text, begin, match.start()) or _PAST_WORDS.search(text, begin, match.start()):
            continue
        year, explicit = _year_of(text, begin, match.start(), day)
        newest, held_on = max(later)
        if explicit and year < held_on.year:
            continue
        name = f"{int_to_cn(term)}届{_CN[newest - 1]}中全会"
        yield finding(text, *match.span(), rule="outdated.plenum.list", category="outdated", severity="warning",
                      suggestion=None,
                      message=f"党的{name}已于{held_on.year}年{held_on.month}月召开，列举的全会止于"
                              f"{_CN[listed[-1] - 1]}中全会，漏了此后的全会，请核实表述。")
