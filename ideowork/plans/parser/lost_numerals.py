"""Headings whose numerals a web page lost, put back into their series before levels are chosen.

- "一是高度重视…" then "二、认真组织…": the 1 of a series written 一是 (or 第一，, 首先，);
- "、学习内容" between 一、 and 三、 (or after 一、 at the end): the bare mark of a lost 二;
- a lone short title line between headings N and N+2 of a top level: heading N+1;
- a lone short title line after the preamble of a series that opens at 二: its 一;
- a short label ("会议时间：") right under a heading whose sub-points open at 2, where the same level
  opens at 1 under other headings: that level's 1;
- a line opening on the bare mark right under a later document's name (a viewer's page break, then
  "2024年党支部生活制度" / "、会议制度…"), below headings of a 、-level: that level's 1, opening the
  next document;
- a line alone between points N and N+2 of a series whose other points are one line each, each followed straight
  by the next (1、… / 2、… / 3、… / 根据…。 / 5、…): point N+1, its numeral lost;
- a short title line alone between two articles that number on (第四条… / 责任主体 / 第五条…), in rules whose
  articles sit under chapters (第一章 总则): the next chapter, its 第二章 lost.

Each adds the line's index and the `Heading` it stands for to the headings `structure.py` reads.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ideowork.core.numerals import int_to_cn as _chinese
from .cleaning import SENTENCE_END, Line
from .headings import Heading, level_order
from .metadata import Metadata
from .signature import is_org_name

__all__ = ["restore_lost_numerals"]


def restore_lost_numerals(lines: list[Line], meta: Metadata, headings: dict[int, Heading]) -> None:
    """Add to `headings` the lines that are headings whose numeral the page lost."""
    _restore_lost_first(lines, meta, headings)
    _restore_lost_one(lines, meta, headings)
    _restore_lost_in_series(lines, meta, headings)
    _restore_lost_one_line_point(lines, meta, headings)
    _restore_lost_one_under_parent(lines, meta, headings)
    _restore_lost_first_of_document(lines, meta, headings)
    _restore_lost_chapter(lines, meta, headings)


def _numeral(level: str, number: int) -> str:
    """How a heading of `level` writes `number`: in digits for the Arabic levels (1、, (1)), else in Chinese."""
    return str(number) if level in ("arabic", "paren_arabic") else _chinese(number)


_LOST_FIRST = re.compile(r"^\s*(?:一是|第一[,，、]|首先[,，])\s*")


def _restore_lost_first(lines: list[Line], meta: Metadata, headings: dict[int, Heading]) -> None:
    """"一是高度重视，加强领导。…" then "二、认真组织…": a series whose 1 was written 一是 (or
    第一，) at the start of a line gets that line as its heading 1."""
    seen: set[str] = set()
    previous = -1
    for index in sorted(headings):
        heading = headings[index]
        if heading.level not in seen and heading.number == 2:
            for candidate in range(index - 1, previous, -1):
                match = _LOST_FIRST.match(lines[candidate].folded)
                if match and candidate not in meta.skip and candidate != meta.title_index:
                    content = lines[candidate].text[match.end():].strip()
                    if content:
                        headings[candidate] = Heading(heading.level, 1, "一", content, match.end())
                    break
        seen.add(heading.level)
        previous = index


# "、学习内容": a heading whose numeral a web page dropped, its mark left standing.
_MARK_LEFT = re.compile(r"^\s*[、.]\s*(?=[\u4e00-\u9fff])")
_LOST_NUMERAL_TITLE = 20
# Levels whose marker is "N、": the only ones a bare 、 can be left of.
_DUN_LEVELS = ("cn", "arabic")


def _short_title(folded: str) -> bool:
    return (len(folded) <= _LOST_NUMERAL_TITLE and not any(ch in SENTENCE_END for ch in folded)
            and folded[-1] not in "，,、：:")


def _restore_lost_in_series(lines: list[Line], meta: Metadata, headings: dict[int, Heading]) -> None:
    """Headings whose numeral the page lost, among numbered ones of their level:

    - a short line opening on the bare mark ("、学习内容") after heading N of a 、-level (一、, 1、)
      whose next heading of that level, if any, is N+2: heading N+1;
    - a short unnumbered title line, the only one between headings N and N+2 of a top level
      (第一部分, 第一条, 一、): heading N+1.
    """
    order = sorted(headings)
    ranks = level_order(list(headings.values()))
    for level in ("part", "article", "cn", "arabic"):
        indexes = [index for index in order if headings[index].level == level]
        for position, index in enumerate(indexes):
            number = headings[index].number
            following = indexes[position + 1] if position + 1 < len(indexes) else None
            if following is not None and headings[following].number != number + 2:
                continue
            end = following if following is not None else len(lines)
            between = [candidate for candidate in range(index + 1, end)
                       if candidate not in headings and candidate not in meta.skip and candidate != meta.title_index]
            restored = None
            for candidate in between:
                mark = _MARK_LEFT.match(lines[candidate].folded)
                if mark and level in _DUN_LEVELS and _short_title(lines[candidate].folded[mark.end():]):
                    restored = (candidate, mark.end())
                    break
            if restored is None and following is not None and level != "arabic":
                titles = [candidate for candidate in between
                          if _short_title(lines[candidate].folded) and not _MARK_LEFT.match(lines[candidate].folded)]
                inside = order[bisect_right(order, index):bisect_left(order, following)]
                if len(titles) == 1 and not any(ranks.index(headings[other].level) < ranks.index(level)
                                                for other in inside):
                    restored = (titles[0], 0)
            if restored is not None:
                candidate, start = restored
                headings[candidate] = Heading(level, number + 1, _numeral(level, number + 1), lines[candidate].text[start:].strip(),
                                              start)


def _restore_lost_one_line_point(lines: list[Line], meta: Metadata, headings: dict[int, Heading]) -> None:
    """A line alone between points N and N+2 of a 、-level (or 1.) whose other points follow each other line by line."""
    order = sorted(headings)
    for level in ("cn", "arabic"):
        indexes = [index for index in order if headings[index].level == level]
        gaps = [(index, following) for index, following in zip(indexes, indexes[1:])]
        lone = [(index, following) for index, following in gaps
                if headings[following].number == headings[index].number + 2 and following - index == 2]
        if len(lone) != 1 or len(gaps) < 3:
            continue
        index, following = lone[0]
        series = [(a, b) for a, b in gaps if headings[b].number == headings[a].number + 1]
        if len(series) != len(gaps) - 1 or any(b - a != 1 for a, b in series):
            continue
        candidate = index + 1
        if candidate in meta.skip or candidate == meta.title_index or candidate in headings:
            continue
        number = headings[index].number + 1
        headings[candidate] = Heading(level, number, _numeral(level, number), lines[candidate].text.strip(), 0)


def _restore_lost_one(lines: list[Line], meta: Metadata, headings: dict[int, Heading]) -> None:
    """"指导思想" alone on a line after the preamble, then "二、…": a top-level series that opens at 2
    gets the one short title line between the preamble and its 2 as its heading 1."""
    order = sorted(headings)
    for level in ("part", "article", "cn"):
        indexes = [index for index in order if headings[index].level == level]
        if not indexes or headings[indexes[0]].number != 2:
            continue
        start = (meta.title_index + 1) if meta.title_index is not None else 0
        candidates = [index for index in range(start, indexes[0])
                      if index not in headings and index not in meta.skip and _short_title(lines[index].folded)
                      and not is_org_name(lines[index].folded) and lines[index].folded[0] not in "(（—-"
                      and (index == start or lines[index - 1].folded[-1] in SENTENCE_END + ":：")]
        if len(candidates) == 1 and not any(index in headings for index in range(candidates[0], indexes[0])):
            index = candidates[0]
            headings[index] = Heading(level, 1, _numeral(level, 1), lines[index].text.strip(), 0)


_LABEL_LINE = re.compile(r"^[^,，;；。！？!?、()（）]{2,12}[:：]?$")


def _restore_lost_one_under_parent(lines: list[Line], meta: Metadata, headings: dict[int, Heading]) -> None:
    """"二、支部委员会制度" then "会议时间：" then "2.与会人员：": the sub-points of a heading open at 2
    where the same level opens at 1 under the other headings; the label on the line right under the
    heading is that 1."""
    order = sorted(headings)
    ranks = level_order(list(headings.values()))
    for position, index in enumerate(order[:-1]):
        parent, child_index = headings[index], order[position + 1]
        child = headings[child_index]
        if ranks.index(child.level) <= ranks.index(parent.level) or child.number != 2:
            continue
        if not any(headings[other].level == child.level and headings[other].number == 1 for other in order):
            continue
        candidate = next((line for line in range(index + 1, child_index)
                          if line not in meta.skip and line != meta.title_index), None)
        if candidate is None or not _LABEL_LINE.match(lines[candidate].folded.strip()):
            continue
        if is_org_name(lines[candidate].folded):
            continue
        headings[candidate] = Heading(child.level, 1, _numeral(child.level, 1), lines[candidate].text.strip(), 0)


# A later document's name on a line of its own: short, naming a document, unpunctuated.
_DOCUMENT_NAME = re.compile(r"要点|计划|打算|方案|安排|制度|办法|细则|规定|规则|通知|意见|规划")
_DOCUMENT_NAME_LINE = 40


def _restore_lost_first_of_document(lines: list[Line], meta: Metadata, headings: dict[int, Heading]) -> None:
    """"、会议制度…" right under "2024年党支部生活制度" after headings 一、…四、: the first heading of the next
    document on the page, its numeral lost; heading 1 of the level the page numbers with 、."""
    for index in range(1, len(lines)):
        if index in headings or index in meta.skip:
            continue
        mark = _MARK_LEFT.match(lines[index].folded)
        name = lines[index - 1].folded
        if (mark is None or index - 1 in headings or len(name) > _DOCUMENT_NAME_LINE
                or not _DOCUMENT_NAME.search(name) or any(ch in SENTENCE_END or ch in "，,、：:" for ch in name)):
            continue
        above = [headings[other] for other in sorted(headings)
                 if other < index and headings[other].level in _DUN_LEVELS]
        if not above:
            continue
        level = above[0].level
        headings[index] = Heading(level, 1, _numeral(level, 1), lines[index].text[mark.end():].strip(), mark.end())


_CHAPTER_TITLE = 10


def _restore_lost_chapter(lines: list[Line], meta: Metadata, headings: dict[int, Heading]) -> None:
    """"第四条 本办法适用于…。" / "责任主体" / "第五条 …" under "第一章 总则": a chapter heading whose 第二章 the page
    lost. A short title line (Chinese words only, naming no document) right before an article, after a sentence
    closing the article before it, numbered on by the article after it, in rules whose articles sit under chapters
    and with no later chapter of that number: the next chapter."""
    order = sorted(headings)
    parts = [index for index in order if headings[index].level == "part"]
    articles = [index for index in order if headings[index].level == "article"]
    if not parts or not articles or parts[0] > articles[0]:
        return
    for previous, following in zip(articles, articles[1:]):
        candidate = following - 1
        if (headings[following].number != headings[previous].number + 1 or candidate <= previous
                or candidate in headings or candidate in meta.skip or candidate == meta.title_index
                or any(headings[other].level == "part" for other in order if previous < other < following)):
            continue
        title = lines[candidate].folded.strip()
        if (not 2 <= len(title) <= _CHAPTER_TITLE or not all("\u4e00" <= ch <= "\u9fff" or ch == " " for ch in title)
                or _DOCUMENT_NAME.search(title) or lines[candidate - 1].folded[-1:] not in SENTENCE_END):
            continue
        number = headings[max(part for part in parts if part < candidate)].number + 1
        if any(headings[part].number <= number for part in parts if part > candidate):
            continue
        headings[candidate] = Heading("part", number, _numeral("part", number), lines[candidate].text.strip(), 0)
