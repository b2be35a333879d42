"""Candidate items of a document without numbered structure: its duty paragraphs, in reading order.

Notices (通知) and rules (学习制度) often carry duties and counts in plain paragraphs. Rather than
refuse them, the parser offers one item per duty paragraph (section None, numbered 1, 2 … in
reading order, titled by its first clause) for the user to correct in the preview. Not items:
the title and signature, a salutation (各党支部：), a preamble that introduces what follows
(为…，现将有关事项通知如下：), short unpunctuated lines (headings that lost their numbers), and
closing formulas (特此通知, 本制度自印发之日起施行, 附件：…, 联系人…).
"""

from __future__ import annotations

import re

from .cleaning import SENTENCE_END, Line, fold
from .metadata import Metadata
from .result import ParsedItem, ParsedSection
from ideowork.core.numerals import int_to_cn, number_to_int

__all__ = ["paragraph_sections", "first_clause", "single_heading_paragraphs"]

_MIN_LENGTH = 12  # shorter paragraphs are headings, salutations or formulas
_TITLE_LENGTH = 25
_CLAUSE_END = re.compile(r"[，,。；;：:！？!?]")
_INTRODUCES = re.compile(r"(?:如下|以下|通知|安排|要求|意见|事项|规定|办法)\s*[:：]$|[:：]$")
_PREAMBLE = re.compile(r"通知如下|安排如下|要求如下|意见如下|规定如下|制定如下|特制定本|制定本(?:制度|办法|细则|规定|方案|计划)|"
                       r"特制定|现将.{0,30}(?:通知|印发|转发|下发|发给|安排)|现就.{0,30}(?:通知|安排|如下)")
_CLOSING = re.compile(r"^(?:特此通知|此通知|特此函告|以上通知|附件\s*[:：\d]|附[:：]|联系人|联系电话|联系方式|电话\s*[:：]|"
                      r"邮箱|未尽事宜|本(?:制度|办法|细则|规定|方案|计划|通知)(?:自|由|从|未尽|如有|解释|执行|施行))")


# 一是, 二是 … at a paragraph start or after a sentence end (not 这一是, 其一是: a CJK character before).
_ENUMERATION = re.compile(r"(?:^|(?<=[。；;！？!?]))\s*([一二三四五六七八九十]{1,2})是(?=[\u4e00-\u9fff“\"《])")
_ENUMERATION_MARK = re.compile(r"^\s*[一二三四五六七八九十]{1,2}是")


def first_clause(text: str) -> str:
    """An item title for a paragraph: its first clause, at most about 25 characters."""
    match = _CLAUSE_END.search(text)
    title = (text[:match.start()] if match else text).strip()
    return title[:_TITLE_LENGTH].rstrip("，,、 ")


def _paragraphs(lines: list[Line], meta: Metadata) -> list[tuple[str, str]]:
    """(text, folded) of each paragraph: lines joined where a PDF wrapped a sentence."""
    paragraphs: list[list[Line]] = []
    for index, line in enumerate(lines):
        if index in meta.skip or index == meta.title_index:
            paragraphs.append([])  # a boundary
            continue
        previous = paragraphs[-1][-1] if paragraphs and paragraphs[-1] else None
        joins = (previous is not None and not line.gap_before and previous.folded[-1] not in SENTENCE_END
                 and previous.folded[-1] not in ":：" and len(previous.folded) >= 30)
        if joins:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [("".join(line.text for line in group), "".join(line.folded for line in group))
            for group in paragraphs if group]


def _is_duty(folded: str) -> bool:
    if len(folded) < _MIN_LENGTH or folded[-1] not in SENTENCE_END and len(folded) < 40:
        return False
    if _INTRODUCES.search(folded) or _CLOSING.match(folded) or _PREAMBLE.search(folded):
        return False
    return True


def _is_sentence(folded: str) -> bool:
    """A paragraph of at least one whole sentence that is not a preamble or a closing formula."""
    return (len(folded) >= _MIN_LENGTH and any(ch in SENTENCE_END for ch in folded)
            and not _INTRODUCES.search(folded) and not _CLOSING.match(folded) and not _PREAMBLE.search(folded))


def _enumerated(paragraphs: list[tuple[str, str]]) -> tuple[int, int, list[str]]:
    """(first paragraph, last paragraph, parts) of a 一是…二是…三是… enumeration in a document
    without other numbering; (0, -1, []) when there is none.

    A marker counts at the start of a paragraph or after a sentence end, and only as the next of
    the series (一是, 二是 …); the text before 一是 is its lead, not a duty of its own. A paragraph
    without a marker inside the enumeration continues the part before it.
    """
    found: list[tuple[int, int]] = []  # (paragraph, offset) of each marker in series
    for index, (_, folded) in enumerate(paragraphs):
        for match in _ENUMERATION.finditer(folded):
            if number_to_int(match.group(1)) == len(found) + 1:
                found.append((index, match.start(1)))
    if len(found) < 2:
        return 0, -1, []
    parts: list[str] = []
    for number, (index, start) in enumerate(found):
        following = found[number + 1] if number + 1 < len(found) else None
        text = paragraphs[index][0]
        if following and following[0] == index:
            parts.append(text[start:following[1]].strip())
            continue
        chunks = [text[start:]]
        for later in range(index + 1, following[0] if following else index + 1):
            chunks.append(paragraphs[later][0])
        if following:
            chunks.append(paragraphs[following[0]][0][:following[1]])
        parts.append("\n".join(chunk.strip() for chunk in chunks if chunk.strip()))
    return found[0][0], found[-1][0], [_ENUMERATION_MARK.sub("", part, count=1) for part in parts]


# Words that give a paragraph a duty: who must do what. A leading paragraph without any (the news of a
# plenum that a notice opens on) is the notice's occasion.
_OBLIGATION = re.compile(r"要|应|须|务必|请|确保|力争|坚持|各(?:单位|级|部门|学院|系|支部|党支部|党委|党总支|团委|团支部|科室)|"
                         r"每[天日周月季年]|定期")


def paragraph_sections(lines: list[Line], meta: Metadata) -> list[ParsedSection]:
    """One section without number holding an item per duty paragraph (or per part of a 一是…二是…
    enumeration); empty list when there is none. Leading paragraphs that assign nothing (no 要, 应,
    各单位 …) are the occasion of a notice, not its items."""
    section = ParsedSection(None, None)
    paragraphs = _paragraphs(lines, meta)
    first, last, parts = _enumerated(paragraphs)
    duties = [text for text, folded in paragraphs[:first] if _is_duty(folded)]
    texts = duties + parts + [text for text, folded in paragraphs[last + 1:] if _is_duty(folded)]
    while len(texts) > 1 and not _OBLIGATION.search(fold(texts[0])):
        texts.pop(0)  # "…全会于10月20日在北京举行，审议通过了…": the occasion, not a duty
    for text in texts:
        section.items.append(ParsedItem(len(section.items) + 1, first_clause(text), text, section=section))
    return [section] if section.items else []


def single_heading_paragraphs(sections: list[ParsedSection]) -> list[ParsedSection]:
    """A document with one numbered heading over several duty paragraphs ("一、强化思想认识" then
    "高度重视，强化领导。…" "建章立制，明确责任。…"), or over one when the heading line is a bare
    title: one heading is no list; it heads a section whose paragraphs are the items. Other documents
    are returned as they are."""
    if len(sections) != 1 or sections[0].number is not None or len(sections[0].items) != 1:
        return sections
    heading = sections[0].items[0]
    paragraphs = heading.text.split("\n")
    duties = [paragraph for paragraph in paragraphs if _is_duty(fold(paragraph.strip()))]
    if len(duties) < 2:
        # "一、强化政治铸魂，筑牢…根基" over one paragraph (the page may end in it): a heading line that
        # is only a title, with no sentence of its own, heads its paragraph too.
        bare_title = paragraphs[0].strip() == heading.title.strip() and not any(
            ch in SENTENCE_END for ch in fold(paragraphs[0]))
        duties = [paragraph for paragraph in paragraphs[1:] if _is_sentence(fold(paragraph.strip()))]
        if not bare_title or len(duties) != len(paragraphs) - 1 or not duties:
            return sections
    section = ParsedSection(int_to_cn(heading.number), heading.title)
    for title, text in _run_in_items([text.strip() for text in duties]):
        section.items.append(ParsedItem(len(section.items) + 1, title, text, section=section))
    return [section]


# A paragraph opening on a short sentence of its own ("戚家山之春—春华。", "高度重视，强化领导。").
_RUN_IN_TITLE = re.compile(r"^[^。；;：:！？!?]{2,16}[。：:]")


def _run_in_items(paragraphs: list[str]) -> list[tuple[str, str]]:
    """(title, text) of the items among a heading's paragraphs. Where two or more of them open on a
    run-in title, those are the items: a paragraph without one before the first is the heading's
    lead (明年，…将以…系列活动为龙头) and stays in the first item's text so its targets are read; one
    after continues the item before it. Otherwise every paragraph is an item titled by its first clause."""
    titled = [bool(_RUN_IN_TITLE.match(fold(paragraph))) for paragraph in paragraphs]
    if sum(titled) < 2:
        return [(first_clause(paragraph), paragraph) for paragraph in paragraphs]
    items: list[tuple[str, list[str]]] = []
    lead: list[str] = []
    for paragraph, has_title in zip(paragraphs, titled):
        if has_title:
            items.append((first_clause(paragraph), lead + [paragraph]))
            lead = []
        elif items:
            items[-1][1].append(paragraph)
        else:
            lead.append(paragraph)
    return [(title, "\n".join(texts)) for title, texts in items]
