"""Characters mistaken for one of similar shape that makes no word where they stand.

- 曰 (to say, classical) for 日 (day): "国庆曰", "曰常", "今曰" — 曰 is only correct where someone speaks
  ("子曰", "名曰", "曰：").
- A book of the series 习近平关于……论述摘编 (中央文献出版社) whose last character is wrong: "论述摘篇".
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_glyphs"]

# 曰 where someone speaks: after a speaker or a word of naming ("子曰", "名曰", "古人云曰") or before what is said
# (a colon or a quote); anywhere else in a modern text it is 日.
_SPEAKER = frozenset("子名谓或答对又乃王公云俗古书诗经传问号一二三四五六七八九十")  # "一曰…，二曰…"
_SAID = frozenset("：:“\"「‘")
_SERIES = re.compile(r"习近平关于[^《》“”\n]{2,24}论述摘(?!编)([\u4e00-\u9fff])")


def check_glyphs(text, context):
    at = text.find("曰")
    while at >= 0:
        if text[at - 1:at] not in _SPEAKER and text[at + 1:at + 2] not in _SAID:
            yield finding(text, at, at + 1, rule="formulation.glyph.yue", category="formulation",
                          severity="error", suggestion="日", message="“曰”（说）是“日”的误写，此处应为“日”。")
        at = text.find("曰", at + 1)
    if "论述摘" in text:
        for match in _SERIES.finditer(text):
            yield finding(text, *match.span(1), rule="formulation.glyph.series", category="formulation",
                          severity="error", suggestion="编",
                          message=f"书名应为“……论述摘编”（中央文献出版社“论述摘编”系列），“摘{match.group(1)}”有误。")
