"""Numbers (GB/T 15835): full-width digits, 零 in years, arabic digits mixed with 十百千, approximations."""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_numbers"]

_FULLWIDTH = re.compile("[０-９]+")
_YEAR = re.compile("(?<![〇零○Oo0一二三四五六七八九十])[〇零○O0一二三四五六七八九]{4}(?=年)")
_MIXED = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)([十百千])(万|亿)?(?![米克瓦帕伏卡焦赫兆\d])")
_APPROX = re.compile("(?<![第、\n])([一二三四五六七八])、([二三四五六七八九])(?=[个天次人名位项条岁倍])")
_CHINESE_DIGITS = "一二三四五六七八九"
# Cheap scans first: most texts contain none of these, and a leading character class is fast.
_YEAR_GUARD = re.compile("[〇零○O0一二三四五六七八九]{4}年")
_MIXED_GUARD = re.compile(r"\d[十百千]")
_APPROX_GUARD = re.compile("[一二三四五六七八]、[二三四五六七八九][个天次人名位项条岁倍]")


def _guarded(pattern, guard, text):
    return pattern.finditer(text) if guard.search(text) else ()
_POWERS = {"十": 10, "百": 100, "千": 1000}


def check_numbers(text, context):
    for match in _FULLWIDTH.finditer(text):
        half = match.group().translate({0xFF10 + n: 0x30 + n for n in range(10)})
        yield finding(text, *match.span(), rule="structure.number.fullwidth", category="number", severity="error",
                      suggestion=half, message=f"数字“{match.group()}”是全角字符，应使用半角阿拉伯数字“{half}”。")
    for match in _guarded(_YEAR, _YEAR_GUARD, text):
        year = match.group()
        if not any(ch in _CHINESE_DIGITS for ch in year) or all(ch in "〇" + _CHINESE_DIGITS for ch in year):
            continue
        fixed = "".join("〇" if ch in "零○O0" else ch for ch in year)
        yield finding(text, *match.span(), rule="structure.number.year_zero", category="number", severity="error",
                      suggestion=fixed, message=f"年份“{year}年”中的“0”应写作“〇”：“{fixed}年”。")
    for match in _guarded(_MIXED, _MIXED_GUARD, text):
        number, power, big = match.groups()
        value = float(number) * _POWERS[power]
        plain = (f"{value:.0f}" if value == int(value) else f"{value:g}") + (big or "")
        yield finding(text, *match.span(), rule="structure.number.mixed", category="number", severity="error",
                      suggestion=plain,
                      message=f"“{match.group()}”混用了阿拉伯数字和汉字数位，应写作“{plain}”（万、亿可作单位）。")
    for match in _guarded(_APPROX, _APPROX_GUARD, text):
        first, second = match.groups()
        if _CHINESE_DIGITS.index(second) != _CHINESE_DIGITS.index(first) + 1:
            continue
        yield finding(text, *match.span(), rule="structure.number.approximate", category="number",
                      severity="warning", suggestion=first + second,
                      message=f"相邻两个数字连用表示概数时中间不用顿号：“{match.group()}”应为“{first + second}”。")
