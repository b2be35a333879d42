"""The date a document states for itself: the full date closing its 落款 (2026年3月5日, 二〇二六年三月五日)."""

from __future__ import annotations

import re
from datetime import date

from ideowork.core.numerals import cn_to_int, int_to_cn

__all__ = ["document_date"]

_DATE = re.compile(r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
                   r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")


def document_date(text: str) -> date | None:
    """The date of the document's 落款: a short line among the last ones that ends with a full date.

    A deadline in a closing sentence (须于2030年12月31日前完成) is not the document's date.
    """
    for line in reversed(text.rstrip().splitlines()[-8:]):
        line = line.strip()
        if len(line) > 40:
            continue
        for match in _DATE.finditer(line):
            if match.end() != len(line):
                continue
            try:
                return date(*(_value(part) for part in match.groups()))
            except ValueError:
                pass  # not a real date: 十十日, 2026年2月30日
    return None


def _value(token: str) -> int:
    """An Arabic or Chinese numeral's value; ValueError unless written the usual way (二十, not 十十)."""
    if token.isdigit():
        return int(token)
    token = token.replace("○", "〇")
    value = cn_to_int(token)
    if value is None or (len(token) < 4 and int_to_cn(value) != token):
        raise ValueError(token)
    return value
