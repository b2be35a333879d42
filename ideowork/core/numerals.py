"""Chinese numerals as documents write them: section numbers (一…二十), counts (两次, 十二期), years (二〇二六).

Pure Python: the plan parser and the document reader use it outside Django."""

from __future__ import annotations

__all__ = ["CN_DIGITS", "CN_NUMERAL_CHARS", "cn_to_int", "int_to_cn", "number_to_int"]

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "十百千万"


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral (一, 十二, 二十四, 一百零五, 两万); None if `text` is not one.

    Digit-by-digit years such as 二〇二六 read as 2026.
    """
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        return None
    if len(text) > 1 and all(ch in CN_DIGITS for ch in text):
        # 二〇二六: written digit by digit, no place words.
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            # 十 on its own means 一十, also after 零 (一百零十 = 110).
            section += (digit or 1) * _CN_UNITS[ch]
            digit = None
        else:  # 万
            section += digit or 0
            total += (section or 1) * 10000
            section, digit = 0, None
    return total + section + (digit or 0)


def number_to_int(text: str) -> int | None:
    """Value of an Arabic (ASCII digits) or Chinese numeral; None when it is neither."""
    if text.isascii() and text.isdigit():
        return int(text)
    return cn_to_int(text)


def int_to_cn(value: int) -> str:
    """一, 十, 十二, 二十四, 一百零五, 一千零一十 as Chinese documents count; 10 000 and above stay Arabic."""
    if not 0 <= value < 10000:
        return str(value)
    digits = "〇一二三四五六七八九"
    if value < 10:
        return digits[value]
    parts, gap = [], False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // place % 10
        if digit:
            parts.append(("零" if gap else "") + digits[digit] + unit)
            gap = False
        elif parts:
            gap = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text  # 十二, not 一十二
