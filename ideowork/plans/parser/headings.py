"""Numbered heading lines and their levels: 第一部分 > 一、 > （一） > 1. > （1）.

The levels follow the official-document order (GB/T 9704); a plan uses the top one or two of
the levels it contains for sections and items, and everything deeper is item text. 一是/二是 is
inline enumeration and never a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ideowork.core.numerals import number_to_int

__all__ = ["Heading", "LEVELS", "match_heading", "split_title"]

LEVELS = ("part", "cn", "paren_cn", "arabic", "paren_arabic")

_CN = "[一二三四五六七八九十]{1,3}"
_PATTERNS = (
    ("part", re.compile(r"^第\s*(" + _CN + r"|\d{1,2})\s*(?:部分|章|篇)\s*[、.:,]?\s*")),
    ("cn", re.compile(r"^(" + _CN + r")\s*[、.]\s*")),
    ("paren_cn", re.compile(r"^[(（]\s*(" + _CN + r")\s*[)）]\s*[、.]?\s*")),
    ("paren_arabic", re.compile(r"^[(（]\s*(\d{1,2})\s*[)）]\s*[、.]?\s*")),
    # "1." "1、" "1．"; the look-ahead keeps 1.5万 and 2.3 out.
    ("arabic", re.compile(r"^(\d{1,2})\s*[.、](?!\d)\s*")),
    # "1 标题": only a short number followed by a space and a CJK character that is not a unit.
    ("arabic", re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff])(?![年月日天次个名人项篇场期%])")),
)
# Where an item's title ends when the body follows on the same line.
_TITLE_END = re.compile(r"[。！？!?]|[:：](?=.)")


@dataclass(frozen=True)
class Heading:
    level: str
    number: int
    numeral: str  # as written, e.g. "一" or "12"
    content: str  # the rest of the line, as written
    content_start: int  # offset of `content` in the line


def match_heading(folded_line: str, line: str) -> Heading | None:
    """Recognise a numbered heading; `folded_line` is `fold(line)` (same length, so offsets hold)."""
    for level, pattern in _PATTERNS:
        match = pattern.match(folded_line)
        if not match:
            continue
        number = number_to_int(match.group(1))
        content = line[match.end():].strip()
        if number is None or number == 0 or not content and level != "part":
            return None
        return Heading(level, number, match.group(1), content, match.end())
    return None


def split_title(content: str) -> tuple[str, str]:
    """Split "标题。正文……" into (标题, 正文……); a heading without a sentence end is all title.

    A colon ends the title only early in the line ("学习要求：每月…"), not inside a long sentence.
    """
    match = _TITLE_END.search(content)
    if match and (match.group() not in ":：" or match.start() <= 30):
        title, rest = content[:match.start()], content[match.end():]
    else:
        title, rest = content, ""
    return title.strip().rstrip("，,；;、 "), rest.strip()
