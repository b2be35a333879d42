"""Characters mistaken for one of similar shape that makes no word where they stand.

- 曰 (to say, classical) for 日 (day): "国庆曰", "曰常", "今曰" — 曰 is only correct where someone speaks
  ("子曰", "名曰"); after or before the characters of day words it is 日.
- A book of the series 习近平关于……论述摘编 (中央文献出版社) whose last character is wrong: "论述摘篇".
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_glyphs"]

# 日 in day words: after a date or a word that names a day (节日, 纪念日, 助残日, 工作日 …) or before what
# follows 日 in words (日期, 日常, 日益, 日报 …).
_YUE = re.compile(r"(?<=[\d一二三四五六七八九十节念今昨明每当假作生残年月周诞忌宪法庆])曰"
                  r"|曰(?=[期常益报程趋夜前后均用子新渐臻])")
_SERIES = re.compile(r"习近平关于[^《》“”\n]{2,24}论述摘(?!编)([\u4e00-\u9fff])")


def check_glyphs(text, context):
    if "曰" in text:
        for match in _YUE.finditer(text):
            if text[max(0, match.start() - 1):match.start()] in ("子", "名", "谓"):
                continue
            yield finding(text, *match.span(), rule="formulation.glyph.yue", category="formulation",
                          severity="error", suggestion="日",
                          message="“曰”（说）是“日”的误写，此处应为“日”。")
    if "论述摘" in text:
        for match in _SERIES.finditer(text):
            yield finding(text, *match.span(1), rule="formulation.glyph.series", category="formulation",
                          severity="error", suggestion="编",
                          message=f"书名应为“……论述摘编”（中央文献出版社“论述摘编”系列），“摘{match.group(1)}”有误。")
