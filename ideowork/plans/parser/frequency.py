"""Frequency and scope words: 每月, 每季度, 上下半年, 每两个月, 全年, 年内 …

A *frequency* (每X, 上下半年各, 按月, 年度有安排, 全年学习有计划, 季有检查) sets a period on its own: 每日巡查 is a
daily duty even without a number. A *scope* (全年, 年内) only says over which period a written number counts.

Periods the platform does not have are mapped to the nearest one, multiplying the count so the
yearly total stays right where it can: 每两个月 → 6 a year, 每旬 → 3 a month, 每两周/每半月 → 2 a month (and
两周一次, 两个月一次 without 每, right before their count).
每三个月 is a quarter, 每六个月 a half-year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Frequency", "find_frequencies", "PERIOD_SUFFIX", "PERIOD_SUFFIX_KINDS"]

# "一督导", "一主题" closing a phrase (not 一次, a count read elsewhere, nor 一月, a date).
_ONE_THING = r"一[\u4e00-\u9fff]{1,3}(?:[,;:。、!?\n]|$)"
_HAS_THING = r"有(?!关|效|序|力|机|所|些|的|着|了|利|助|必要|条件|能力)[\u4e00-\u9fff]{2}(?:[,;:。、!?\n]|$)"
_ACTIVITY = r"(?:学习|工作|活动|培训|教育)?"
_PHRASE_START = r"(?:(?<![\u4e00-\u9fff])|(?<=做到)|(?<=坚持)|(?<=实现)|(?<=达到))"
_EVERY = (
    # (pattern, period, factor): longer spellings first, one alternation per period kind.
    (r"每(?:两|二|2)个?(?:星期|周)|每双周|每半个?月", "month", 2),
    (r"每旬", "month", 3),
    (r"每(?:两|二|2)个?月|每双月", "year", 6),
    (r"每(?:四|4)个?月", "year", 3),
    (r"每(?:三|3)个?月", "quarter", 1),
    (r"每(?:六|6)个?月|每半个?年度?|每学期", "halfyear", 1),
    (r"每(?:一|个)?(?:天|日)", "day", 1),
    (r"每(?:一|个)?(?:星期|周)", "week", 1),
    (r"每(?:一|个)?月度?", "month", 1),
    (r"每(?:一|个)?季度?", "quarter", 1),
    (r"每(?:一|个)?(?:学年|年度|年)", "year", 1),
    (r"上\s*、?\s*下半年|上半年\s*[、和及与]\s*下半年", "halfyear", 1),
    (r"按(?:日|天)(?=[\u4e00-\u9fff])", "day", 1),
    (r"按周(?=[\u4e00-\u9fff])", "week", 1),
    (r"按月(?!度计划)(?=[\u4e00-\u9fff])", "month", 1),
    (r"按季度?(?=[\u4e00-\u9fff])", "quarter", 1),
    # 一月一次, 一季度两次: only directly before a count, where it cannot be a date (一月 = January).
    # 一周安排一次, 一年至少联系2次: a short verb may stand between (not for 一月, a date, nor 一季度, Q1).
    (r"(?<![第\d〇零一二三四五六七八九十年])一周(?=[\u4e00-\u9fff]{0,5}?[一两二三四五\d]+\s*[次期场轮篇])", "week", 1),
    # 后勤人员的学习两周一次, 两个月一次: a longer period without 每, only directly before its count (not 前两周).
    (r"(?<![每第前后近头这上下本\d〇零一二三四五六七八九十])(?:两|二)个?(?:星期|周)(?=[一两二三四五\d]+\s*[次期场轮])", "month", 2),
    (r"(?<![每第前后近头这上下本\d〇零一二三四五六七八九十])(?:两|二)个月(?=[一两二三四五\d]+\s*[次期场轮])", "year", 6),
    (r"(?<![第\d〇零一二三四五六七八九十年])一月(?=[一两二三四五\d]+\s*[次期场轮])", "month", 1),
    (r"(?<![第\d〇零一二三四五六七八九十年])一季度?(?=[一两二三四五\d]+\s*[次期场轮])", "quarter", 1),
    (r"(?<![第\d〇零一二三四五六七八九十])一年(?=[\u4e00-\u9fff]{0,5}?[一两二三四五\d]+\s*[次期场轮篇])", "year", 1),
    # Period noun + 一 + a short verb or noun closing the phrase: 半年一督导, 年底一总结, 一季一主题.
    (r"(?<![上下每第\d])半年(?=" + _ONE_THING + ")", "halfyear", 1),
    (r"(?<![\d〇零一二三四五六七八九十])年(?:底|末|终)(?=" + _ONE_THING + ")", "year", 1),
    (r"(?<![第\d〇零一二三四五六七八九十年])一季度?(?=" + _ONE_THING + ")", "quarter", 1),
    (r"(?<![第\d〇零一二三四五六七八九十年])一(?:个)?月(?=" + _ONE_THING + ")", "month", 1),
    (r"(?<![第\d〇零一二三四五六七八九十年])一周(?=" + _ONE_THING + ")", "week", 1),
    # 两级中心组学习“季度讲座”, 月度例会: a period adjective naming a meeting held every period.
    (r"(?<![第一二三四上下本每个\d])季度(?=(?:理论|专题|学习)?(?:讲座|例会|党课|分析会|研判会|学习会|座谈会|点评会))",
     "quarter", 1),
    (r"(?<![第一二三四五六七八九十上下本每个\d])月度(?=(?:理论|专题|学习)?(?:讲座|例会|党课|分析会|研判会|学习会|座谈会|点评会))",
     "month", 1),
    # 年度有安排，季度有计划，月度有检查: a period noun + 有 + a short noun closing the phrase is a duty
    # held in every period (not 年度有关工作, 季度有效开展).
    # 全年学习有计划, 月度工作有安排: the activity may be named between the period and 有.
    (r"(?<![第一二三四上下本每个\d])(?:全年度?|年度)(?=" + _ACTIVITY + _HAS_THING + ")", "year", 1),
    (r"(?<![第一二三四上下本每个\d])季度(?=" + _ACTIVITY + _HAS_THING + ")", "quarter", 1),
    (r"(?<![第一二三四五六七八九十上下本每个\d])月度(?=" + _ACTIVITY + _HAS_THING + ")", "month", 1),
    (r"(?<![第一二上下本每])学期(?=" + _ACTIVITY + _HAS_THING + ")", "halfyear", 1),
    (r"(?<![\d〇零一二三四五六七八九十])年(?:底|末|终)(?=" + _HAS_THING + ")", "year", 1),
    # 月有计划、季有检查、年有总结: the one-character nouns, only where a phrase starts (not 今年有).
    (_PHRASE_START + r"周(?=" + _HAS_THING + ")", "week", 1),
    (_PHRASE_START + r"月(?=" + _HAS_THING + ")", "month", 1),
    (_PHRASE_START + r"季(?=" + _HAS_THING + ")", "quarter", 1),
    (_PHRASE_START + r"年(?=" + _HAS_THING + ")", "year", 1),
    # 月月有活动, 周周有学习: the doubled noun is every period.
    (r"周周(?=[有开办搞组举学讲])", "week", 1),
    (r"月月(?=[有开办搞组举学讲])", "month", 1),
    (r"季季(?=[有开办搞组举学讲])", "quarter", 1),
)
_SCOPE = (
    # (pattern, period, licenses): a period noun or adjective (月度, 季度, 学期, 学年) binds a count
    # written in Chinese numerals as 每X does (季度开展一次); 全年, 年内 and 年度 only say where a
    # number counts (年度三项重点工作 is a name).
    # 全年开展两次督查: the whole year binds a Chinese-numeral count; 年度三项重点工作 is a name.
    (r"全年度?(?:累计|内)?|年度内|一年内|(?<![今本去明])年内", "year", True),
    (r"本年度|今年|年度|年内", "year", False),
    (r"(?<![上下每])半年度?(?!度?(?:工作)?总结)", "halfyear", True),
    # 年末对学习笔记进行一次集中检查: the year's end binds the count; 年底前 is a deadline.
    (r"(?<![每\d〇零一二三四五六七八九十])年(?:底|末|终)(?!前|之前)", "year", True),
    (r"(?<![第一二三四上下本每个])季度(?!末|初)", "quarter", True),
    (r"(?<![第一二三四五六七八九十上下本每个\d])月度", "month", True),
    (r"(?<![第一二上下本每])学期内?", "halfyear", True),
    (r"(?<![第一二三四上下本每])学年度?内?", "year", True),
    (r"寒暑假(?:期间)?", "halfyear", True),
)
# The look-ahead on the first character lets the scan skip most positions cheaply.
_PATTERN = re.compile("(?=[每上按一全年本今半季月学寒周两二])(?:" + "|".join(
    [f"(?P<e{index}>{pattern})" for index, (pattern, _, _) in enumerate(_EVERY)]
    + [f"(?P<s{index}>{pattern})" for index, (pattern, _, _) in enumerate(_SCOPE)]
) + ")")
# "12次/年": a period written after the unit.
PERIOD_SUFFIX = re.compile(r"\s*/\s*(?:(半年)|(年)|(季度?)|(月)|(周)|(天|日))")
PERIOD_SUFFIX_KINDS = ("halfyear", "year", "quarter", "month", "week", "day")


@dataclass(frozen=True)
class Frequency:
    start: int
    end: int
    period: str
    factor: int  # counts are multiplied by this (每两个月1次 → 6 a year)
    sets_period: bool  # True for 每X-style frequencies, False for scopes like 全年
    licenses: bool = False  # a period noun (季度, 学期): binds Chinese-numeral counts like 每X


def find_frequencies(folded: str) -> list[Frequency]:
    """All frequency and scope words in `folded` text, in order, not overlapping."""
    found = []
    for match in _PATTERN.finditer(folded):
        name = match.lastgroup
        index = int(name[1:])
        if name[0] == "e":
            _, period, factor = _EVERY[index]
            found.append(Frequency(match.start(), match.end(), period, factor, True))
        else:
            _, period, licenses = _SCOPE[index]
            found.append(Frequency(match.start(), match.end(), period, 1, False, licenses))
    return found
