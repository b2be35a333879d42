"""Counts and frequency words that set no target: asides in brackets, thresholds and names.

- A count in brackets that say no period or bound of their own is an aside to the count before
  them: 每月开展1次集中学习（其中2次扩大至中层干部）. (全年不少于12次) in brackets is a target.
- A count followed by 者 picks out people by a threshold: 缺课累计超过三次者.
- A frequency word that opens the name of an activity or column: followed by 活动, 栏目 …
  (开展每月一课活动, “每周一讲”栏目), quoted with more words after it (“每周一讲干部学堂”), or quoted and
  then explained (“每周学思行”：…). Quoted alone before a practice (“每日一题”学习打卡制度) it still
  says how often, as it does unquoted (坚持每月一课).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .frequency import Frequency

__all__ = ["Brackets", "is_threshold", "names_activity"]

_BRACKET = re.compile(r"[(][^()]*[)]")
_THRESHOLD_AFTER = re.compile(r"\s*者")
_NAMED_AFTER = re.compile(r"(?:一[\u4e00-\u9fff])?\s*[”\"」』》]?\s*(?:活动|栏目|专栏|品牌|系列|讲堂|课堂|学堂|论坛)")
# What a quoted frequency may hold after it and still say how often: 一题, 微学习.
_ONE_THING_QUOTED = re.compile(r"(?:一[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]{0,4})")


class Brackets:
    """The bracketed spans of a (folded) text, found once and looked up by bisection."""

    def __init__(self, folded: str, frequencies: list[Frequency]):
        self.spans = [(match.start(), match.end()) for match in _BRACKET.finditer(folded)]
        self.starts = [start for start, _ in self.spans]
        self.frequency_starts = [frequency.start for frequency in frequencies]

    def bare(self, position: int) -> tuple[int, int] | None:
        """The brackets around `position` when they hold no frequency word of their own, else None."""
        index = bisect_left(self.starts, position) - 1
        if index < 0 or not self.spans[index][0] < position < self.spans[index][1]:
            return None
        start, end = self.spans[index]
        if bisect_left(self.frequency_starts, start) < bisect_right(self.frequency_starts, end - 1):
            return None
        return start, end


def is_threshold(folded: str, count_end: int) -> bool:
    """Whether the count ending at `count_end` picks out people (…超过三次者)."""
    return bool(_THRESHOLD_AFTER.match(folded, count_end))


def names_activity(folded: str, frequency: Frequency, quote: tuple[int, int] | None) -> bool:
    """Whether the frequency word opens the name of an activity rather than saying how often;
    `quote` is the span inside the quotes around it, if any."""
    if _NAMED_AFTER.match(folded, frequency.end):
        return True
    if quote is None:
        return False
    explained = folded[quote[1] + 1:quote[1] + 2] == ":"
    return explained or not _ONE_THING_QUOTED.fullmatch(folded, frequency.end, quote[1])
