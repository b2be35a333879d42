"""Numbered heading lines and their levels: 第一部分 > 第一条 > 一、 > （一） > 1. > （1）.

The levels follow the official-document order (GB/T 9704); a plan uses the top one or two of
the levels it contains for sections and items, and everything deeper is item text. 一是/二是 is
inline enumeration, not a heading level (structure.py takes a line opening 一是 as item 1 of a series
that otherwise starts at 二、; paragraphs.py reads a 一是… enumeration as the items of a document
without numbering).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ideowork.core.numerals import number_to_int
from .cleaning import fold
from .frequency import find_frequencies

__all__ = ["Heading", "LEVELS", "match_heading", "split_title", "split_item", "level_order"]

LEVELS = ("part", "article", "cn", "paren_cn", "arabic", "paren_arabic")

_CN = "[一二三四五六七八九十]{1,3}"
_PATTERNS = (
    ("part", re.compile(r"^第\s*(" + _CN + r"|\d{1,2})\s*(?:部分|章|篇)\s*[、.:,]?\s*")),
    # 第一条: the articles of rules (学习制度, 实施细则); chapters (第一章) are parts above them.
    ("article", re.compile(r"^第\s*(" + _CN + r"|\d{1,3})\s*条(?![例件款目])\s*[、.:,]?\s*")),
    # 一、 and its ordinal spelling 第一、 (not 第一、二季度, nor 一、两个问题 — "one or two" — left at a line's start);
    # 一:例會制度。 — a page that numbers its parts with a colon — when a word follows it (not 一:1, 十:00).
    ("cn", re.compile(r"^(?:第\s*)?(" + _CN + r")\s*(?:[、.]|:(?=\s*[\u4e00-\u9fff]))\s*(?![一二三四五六七八九十\d]|两[个项次条])")),
    ("paren_cn", re.compile(r"^[(（]\s*(" + _CN + r")\s*[)）]\s*[、.]?\s*")),
    ("paren_arabic", re.compile(r"^[(（]\s*(\d{1,2})\s*[)）]\s*[、.]?\s*")),
    # "1." "1、" "1．"; the look-ahead keeps 1.5万 and 2.3 out.
    ("arabic", re.compile(r"^(\d{1,2})\s*[.、](?!\d)\s*")),
    # "1.2024年全国两会精神": a number before a year is no decimal (1.5万 and 2.3 stay out).
    ("arabic", re.compile(r"^(\d{1,2})\s*\.(?=(?:19|20)\d{2}\s*年)")),
    # "1 标题": only a short number followed by a space and a CJK character that is not a unit.
    ("arabic", re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff])(?![年月日天次个名人项篇场期%])")),
)


def level_order(headings: list[Heading]) -> tuple[str, ...]:
    """The levels from the top down for these headings, in document order.

    Articles (第一条) sit under chapters; a document that opens with 一、 and puts its articles
    under it ("一、总体要求 第一条…") has them under 一、 instead.
    """
    first = {}
    for index, heading in enumerate(headings):
        first.setdefault(heading.level, index)
    if "article" in first and first.get("cn", len(headings)) < first["article"]:
        return ("part", "cn", "article", "paren_cn", "arabic", "paren_arabic")
    return LEVELS


# Where an item's title ends when the body follows on the same line.
_TITLE_END = re.compile(r"[。！？!?]|[:：](?=.)")
# "学习计划 按照学校党委…": a short title that a space separates from its text (line breaks lost), or from a
# bullet of its text ("加强团支部建设 - 定期召开…").
_SPACED_TITLE = re.compile(r"([^\s，,。；;：:、！？!?]{2,20})\s+(?=[\u4e00-\u9fff“\"《(（]|-\s)")
_CLAUSE = re.compile(r"[，,；;]")
_LONG_TITLE = 25
# A heading sentence with a count or frequency ("各党支部每季度向党总支专题报告一次。") is a duty.
_DUTY_SIGNS = re.compile(r"每|不少于|不低于|至少|[\d一两二三四五六七八九十]\s*[次篇场期本天]")


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
    spaced = _SPACED_TITLE.match(content)
    match = _TITLE_END.search(content)
    if spaced and len(content) - spaced.end() >= 10 and (not match or match.start() > spaced.end()):
        title, rest = spaced.group(1), content[spaced.end():]
    elif match and (match.group() not in ":：" or match.start() <= 30):
        title, rest = content[:match.start()], content[match.end():]
    else:
        title, rest = content, ""
    return title.strip().rstrip("，,；;、:： "), rest.strip()


def _is_duty_sentence(title: str) -> bool:
    """A count or a frequency (按季度开展形势研判, 半年一督导) makes a heading a duty of its own."""
    return bool(_DUTY_SIGNS.search(title)) or any(f.sets_period for f in find_frequencies(fold(title)))


def split_item(content: str) -> tuple[str, str]:
    """(title, text) of an item heading's content.

    A heading that is a sentence ("中心组每个月集中学习一次,一般安排在…。", or a whole line
    "各党支部每季度向党总支专题报告一次意识形态工作。") is duty text itself: its
    text keeps that sentence (so its targets are read) and a long title is cut to its first clause.
    """
    title, rest = split_title(content)
    # "各支部每月集中学习1次。要做好记录。": a title that is a sentence of duty (a count or a frequency)
    # stays in the text too, where its targets are read.
    sentence = bool(rest) and content.strip()[len(title):len(title) + 1] in "。！？!?" and _is_duty_sentence(title)
    if not _CLAUSE.search(title) and not (_is_duty_sentence(title) and rest == "") and not sentence:
        return title, rest
    if len(title) > _LONG_TITLE:
        title = _CLAUSE.split(title, 1)[0][:_LONG_TITLE].strip()
    return title, content.strip()
