"""Frequency and scope words: 每月, 每季度, 上下半年, 每两个月, 全年, 年内 …

A *frequency* (每X, 上下半年各, 按月) sets a period on its own: 每日巡查 is a daily duty even without
a number. A *scope* (全年, 年内) only says over which period a written number counts.

Periods the platform does not have are mapped to the nearest one, multiplying the count so the
yearly total stays right where it can: 每两个月 → 6 a year, 每旬 → 3 a month, 每两周/每半月 → 2 a month.
每三个月 is a quarter, 每六个月 a half-year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Frequency", "find_frequencies", "PERIOD_SUFFIX", "PERIOD_SUFFIX_KINDS"]

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
    (r"(?<![第\d〇零一二三四五六七八九十年])一周(?=[一两二三四五\d]+\s*[次期场轮])", "week", 1),
    (r"(?<![第\d〇零一二三四五六七八九十年])一月(?=[一两二三四五\d]+\s*[次期场轮])", "month", 1),
    (r"(?<![第\d〇零一二三四五六七八九十年])一季度?(?=[一两二三四五\d]+\s*[次期场轮])", "quarter", 1),
    (r"(?<![第\d〇零一二三四五六七八九十])一年(?=[一两二三四五\d]+\s*[次期场轮])", "year", 1),
)
_SCOPE = (
    (r"全年度?|全年累计|年内|年度内|本年度|一年内|今年|年度", "year"),
    (r"(?<![上下每])半年(?!度?(?:工作)?总结)", "halfyear"),
)
# The look-ahead on the first character lets the scan skip most positions cheaply.
_PATTERN = re.compile("(?=[每上按一全年本今半])(?:" + "|".join(
    [f"(?P<e{index}>{pattern})" for index, (pattern, _, _) in enumerate(_EVERY)]
    + [f"(?P<s{index}>{pattern})" for index, (pattern, _) in enumerate(_SCOPE)]
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
            found.append(Frequency(match.start(), match.end(), _SCOPE[index][1], 1, False))
    return found
