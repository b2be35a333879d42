"""Numbers written one way in a text that writes them another way elsewhere (GB/T 15835—2011):

- a calendar date in Chinese numerals ("三月二十三日上午") in a text that writes its numbers in digits: 4.1.1
  wants the Gregorian date in digits ("3月23日"); a date of a historical event named by its numerals
  ("五四", "一二·九") has no 日 and is not matched, nor the 成文日期 of an older 公文 ("二〇一九年三月二十三日");
- a full-width ％ in a text whose other percentages have the half-width % (one text, one sign).
"""

from __future__ import annotations

import re

from ideowork.core.numerals import cn_to_int

from .base import finding

__all__ = ["check_written_numbers"]

_CN = "一二三四五六七八九十"
_CHINESE_DATE = re.compile(f"(?<![〇零○一二三四五六七八九十年农腊正初])(十[一二]?|[一二三四五六七八九])月"
                           f"([{_CN}]{{1,3}})日")
_DIGIT_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:年|月|日|%|个|人|家|亿|万|元|次|项|名)")


def check_written_numbers(text, context):
    if "月" in text and "日" in text and _DIGIT_NUMBER.search(text):
        for match in _CHINESE_DATE.finditer(text):
            month, day = cn_to_int(match.group(1)) or 0, cn_to_int(match.group(2)) or 0
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            yield finding(text, *match.span(), rule="structure.number.chinese_date", category="number",
                          severity="warning", suggestion=f"{month}月{day}日",
                          message=f"文中数字用阿拉伯数字，公历日期“{match.group()}”也应写作“{month}月{day}日”"
                                  "（GB/T 15835—2011）。")
    if "％" in text and "%" in text:
        for at in (m.start() for m in re.finditer("％", text)):
            yield finding(text, at, at + 1, rule="structure.number.percent_width", category="number",
                          severity="warning", suggestion="%",
                          message="文中其他百分号用半角“%”，此处的全角“％”应与之一致。")
