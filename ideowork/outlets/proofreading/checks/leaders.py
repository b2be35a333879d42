"""The formula that names the Party Centre after its leader ("以胡锦涛同志为总书记的党中央"), judged by the
leader and by the document's date.

- 江泽民 and 习近平 (from the Sixth Plenum of the 18th Central Committee) are named 为核心; 胡锦涛 is named
  为总书记 ("以胡锦涛同志为核心" is wrong whenever written);
- 习近平 named 为核心 before that plenum, or 为总书记 after it, is the formula of the other period;
- "在以X同志为…的党中央（坚强）领导下" speaks of the present leadership: X must be the general secretary at the
  document's date (a retrospect names its period, "十年来在以…领导下", and is not matched).

Sources: 邓小平《第三代领导集体的当务之急》（1989年6月16日）; 党的十六大、十七大、十八大报告（"以胡锦涛同志为总书记的
党中央"）; 党的十八届六中全会公报（2016年10月27日，"以习近平同志为核心的党中央"）; 党的十三届四中全会（1989年6月24日）、
十六届一中全会（2002年11月15日）、十八届一中全会（2012年11月15日）选举总书记。
"""

from __future__ import annotations

import datetime
import re

from .base import finding

__all__ = ["check_leaders"]

# The general secretaries since the formula came into use, and the day each took office.
_TENURES = (("江泽民", datetime.date(1989, 6, 24)), ("胡锦涛", datetime.date(2002, 11, 15)),
            ("习近平", datetime.date(2012, 11, 15)))
_XI_CORE = datetime.date(2016, 10, 27)
_FORMULA = re.compile("以(江泽民|胡锦涛|习近平)同志为(核心|总书记)的(?:党中央|中央领导集体)")
_LEADING_NOW = re.compile("在$")
_PAST_BEFORE = re.compile("(?:以来|期间|时期|当年|那时|当时|曾经|曾|回顾|历史上|年来)[^。；\n]{0,12}$")


def _secretary(day: datetime.date) -> str | None:
    current = None
    for name, since in _TENURES:
        if day >= since:
            current = name
    return current


def _right_title(name: str, day: datetime.date) -> str:
    if name == "胡锦涛" or name == "习近平" and day < _XI_CORE:
        return "总书记"
    return "核心"


def check_leaders(text, context):
    if "同志为" not in text:
        return
    day = context.date
    for match in _FORMULA.finditer(text):
        name, title = match.group(1), match.group(2)
        start, end = match.span()
        if name == "胡锦涛" and title == "核心":
            yield finding(text, start, end, rule="formulation.leader.title", category="formulation",
                          severity="error", suggestion=match.group().replace("为核心", "为总书记"),
                          message="规范表述为“以胡锦涛同志为总书记的党中央”（党的十六大至十八大报告）。")
            continue
        if name == "习近平" and title != _right_title(name, day):
            right = _right_title(name, day)
            yield finding(text, start, end, rule="formulation.leader.period", category="formulation",
                          severity="warning", suggestion=match.group().replace(f"为{title}", f"为{right}"),
                          message=f"党的十八届六中全会（2016年10月27日）{'后' if right == '核心' else '前'}的规范表述为"
                                  f"“以习近平同志为{right}的党中央”，请核实。")
            continue
        secretary = _secretary(day)
        if (secretary is None or secretary == name or not _LEADING_NOW.search(text, max(0, start - 1), start)
                or _PAST_BEFORE.search(text, max(0, start - 16), start)):
            continue
        title = _right_title(secretary, day)
        yield finding(text, start, end, rule="formulation.leader.period", category="formulation",
                      severity="warning", suggestion=f"以{secretary}同志为{title}的党中央",
                      message=f"文档日期时的党中央总书记是{secretary}，“在{match.group()}领导下”指当前的领导，"
                              f"应为“以{secretary}同志为{title}的党中央”，请核实。")
