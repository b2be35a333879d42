"""Words whose correctness depends on their context, beyond literal rules.

- Five-year-plan periods stated as current ("今年是“十四五”…") in a document dated in a later period.
- 象 used for 像 in a comparison ("象……一样").
- Party congresses and plenums written with arabic numerals (党的20大, 20届四中全会).
- 截止 before a point in time ("截止目前", "截止2025年底"), which must be 截至; 截止日期 and
  截止到 are correct.
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_periods", "check_context_words", "check_congresses"]

_CN = "一二三四五六七八九"
_PERIOD = re.compile(
    r"(?:今年是|当前是|当前正处于|正处于|正处在|处在|正值|时值|适逢)[“\"]?(十[一二三四五六七八九]?五|[一二三四五六七八九]五)[”\"]?"
    r"(?:规划|时期|期间)?")
# 象 for 像 before a comparison ("要象抓业务一样"); 象 inside words (现象, 形象, 对象 …) is left alone.
_XIANG = re.compile(r"(?<![现形对想印气景抽万迹表假具意星物天大图偶肖录画真乱险表])象(?![征棋牙形])"
                    r"(?=[^，。；！？、\n]{1,15}(?:一样|似的|那样|这样))")
# Party congresses and plenums are numbered in Chinese numerals: 党的二十大, 二十届四中全会.
_CONGRESS = re.compile(r"党的(\d{1,2})大|(\d{1,2})届([一二三四五六七八九])中全会|([一二三四五六七八九十]{1,3})届(\d)中全会")
_JIEZHI = re.compile(r"截止(?=\d|[〇零一二三四五六七八九十]{2,4}年|目前|今年|去年|本月|上月|本年|当前|现在|发稿|年底|年末|月底)")


def _plan_number(token: str) -> int:
    """十四五 → 14, 九五 → 9."""
    body = token[:-1]
    if body == "十":
        return 10
    if body.startswith("十"):
        return 10 + _CN.index(body[1]) + 1
    return _CN.index(body) + 1


def _plan_name(number: int) -> str:
    return ("十" + (_CN[number - 11] if number > 10 else "") if number >= 10 else _CN[number - 1]) + "五"


def check_periods(text, context):
    current = (context.date.year - 1966) // 5 + 3  # 三五 began in 1966; 十五五 covers 2026–2030
    for match in _PERIOD.finditer(text):
        number = _plan_number(match.group(1))
        if number >= current:
            continue
        start, end = match.span(1)
        name = _plan_name(current)
        yield finding(text, start, end, rule="outdated.period", category="outdated", severity="warning",
                      suggestion=name,
                      message=f"文档日期为{context.date.year}年，当前应为“{name}”时期，"
                              f"“{match.group(1)}”已经结束，请核实表述。")


def _chinese(number: int) -> str:
    tens, units = divmod(number, 10)
    return (("" if tens == 1 else _CN[tens - 1]) + "十" if tens else "") + (_CN[units - 1] if units else "")


def check_congresses(text, context):
    for match in _CONGRESS.finditer(text):
        congress, term, plenum, cn_term, digit_plenum = match.groups()
        if congress:
            fixed = f"党的{_chinese(int(congress))}大"
        elif term:
            fixed = f"{_chinese(int(term))}届{plenum}中全会"
        else:
            fixed = f"{cn_term}届{_chinese(int(digit_plenum))}中全会"
        yield finding(text, *match.span(), rule="formulation.congress_numerals", category="formulation",
                      severity="error", suggestion=fixed,
                      message=f"党的代表大会和全会的届次用汉字数字：“{match.group()}”应为“{fixed}”。")


def check_context_words(text, context):
    for match in _JIEZHI.finditer(text):
        yield finding(text, *match.span(), rule="confusable.jiezhi", category="confusable", severity="error",
                      suggestion="截至",
                      message="“截止”表示到某时停止，后面不带时间；表示“到某时为止”应用“截至”。")
    for match in _XIANG.finditer(text):
        yield finding(text, *match.span(), rule="confusable.xiang", category="confusable", severity="error",
                      suggestion="像", message="表示比较、比喻（像……一样）应用“像”，不用“象”。")
