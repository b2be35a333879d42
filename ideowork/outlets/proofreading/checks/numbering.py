"""Numbering of official documents (GB/T 9704): 一、 →（一）→ 1. →（1）.

Only markers at the start of a line count. Reported: a marker in a wrong form ("一." "(一)" "1、"
"（1）、"), a number that skips or repeats within its level, and a level placed under a deeper one
("（一）" under "1."). Skipping a level (一、 directly followed by 1.) is common practice and not
reported; numbering that runs on across sections (一、 1. 2. 二、 3. 4.) is accepted too.
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_numbering", "check_inline_sequences", "check_inline_marks", "check_inline_consistency",
           "check_heading_marks", "check_document_numbers"]

_CN = "一二三四五六七八九十"
_MARKER = re.compile(
    rf"^[ \t\u3000]*(?:附件[：:][ \t\u3000]*)?(?:"
    rf"(?P<l1>[{_CN}]{{1,3}})(?P<p1>、|[.．]|[，,](?!\d))"
    rf"|(?P<o2>[（(])(?P<l2>[{_CN}]{{1,3}})(?P<c2>[）)])(?P<p2>[、.．，,]?)"
    rf"|(?P<o4>[（(]?)(?P<l4>\d{{1,2}})(?P<c4>[）)])(?P<p4>[、.．，,]?)"
    rf"|(?P<l3>\d{{1,2}})(?P<p3>[.．、，,])(?!\d)"
    rf")",
    re.MULTILINE,
)
# "附件：" starts the list of attachments, numbered afresh ("附件：1.日程安排" / "      2.回执").
_ATTACHMENTS = re.compile(r"^[ \t\u3000]*附件[：:]", re.MULTILINE)
_SHAPES = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}
_LEVEL_NAMES = {1: "第一层", 2: "第二层", 3: "第三层", 4: "第四层"}


def _cn_number(token: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20; 0 for what is not a number (十十, 二三)."""
    tens, ten, units = token.partition("十")
    if not ten:
        tens, units = "", token
    if len(tens) > 1 or len(units) > 1 or "十" in units or (not ten and not units):
        return 0
    return (_CN.index(tens) + 1 if tens else (1 if ten else 0)) * 10 + (_CN.index(units) + 1 if units else 0)


def _parse(match: re.Match) -> tuple[int, int, str, str]:
    """(level, number, label as written, the canonical marker)."""
    for level in (1, 2, 4, 3):
        label = match.group(f"l{level}")
        if label is not None:
            number = int(label) if level >= 3 else _cn_number(label)
            return level, number, label, _SHAPES[level].format(label)
    raise AssertionError("unreachable")


def check_numbering(text, context):
    last: dict[int, int] = {}        # last number per level in the current list
    under_parent: set[int] = set()   # levels used since the last marker above them
    attachments = [m.start() for m in _ATTACHMENTS.finditer(text)] if "附件" in text else []
    for match in _MARKER.finditer(text):
        while attachments and attachments[0] <= match.start():
            attachments.pop(0)
            last.clear()
            under_parent.clear()
        level, number, label, canonical = _parse(match)
        if number <= 0:
            continue
        start = match.start(f"l{level}") - (1 if level in (2, 4) and match.group(f"o{level}") else 0)
        end = match.end()
        written = text[start:end]
        if written != canonical:
            only_width = written.replace("．", ".") == canonical  # "1．": right form, full-width dot
            yield finding(text, start, end, rule="structure.numbering.form", category="numbering",
                          severity="warning" if only_width else "error", suggestion=canonical,
                          message=f"层次序号“{written}”格式不规范，{_LEVEL_NAMES[level]}序号应写作“{canonical}”"
                                  "（公文层次依次为“一、”“（一）”“1.”“（1）”）。")
        deeper_used = any(d > level for d in under_parent)
        if number == 1:
            # A restart: a new list, or a new parent's first child; wrong only under a deeper level.
            if level > 1 and level not in under_parent and deeper_used:
                yield finding(text, start, end, rule="structure.numbering.parent", category="numbering",
                              severity="error", suggestion=None,
                              message=f"层次序号“{written}”用在了下一层序号之下，层次颠倒；"
                                      "公文层次依次为“一、”“（一）”“1.”“（1）”。")
            elif level in under_parent and last.get(level) == 1:
                yield _sequence(text, start, end, written, 1, level)
            if level == 1:
                last.clear()
        elif level in last and number != last[level] + 1:
            yield _sequence(text, start, end, written, last[level], level)
        elif level not in last and level > 1 and level not in under_parent and any(d < level for d in under_parent):
            # The first item under its parent is not numbered 1: "一、" followed by "（二）".
            expected = _SHAPES[level].format(_label(1, level))
            yield finding(text, start, end, rule="structure.numbering.sequence", category="numbering",
                          severity="error", suggestion=expected,
                          message=f"层次序号不连续：这是上一层序号下的第一项，应从“{expected}”开始。")
        last[level] = number
        under_parent.difference_update([d for d in under_parent if d > level])
        under_parent.add(level)


def _sequence(text, start, end, written, previous, level):
    expected = _SHAPES[level].format(_label(previous + 1, level))
    kind = "重复" if _number_of(written, level) == previous else "不连续"
    return finding(text, start, end, rule="structure.numbering.sequence", category="numbering", severity="error",
                   suggestion=expected,
                   message=f"层次序号{kind}：上一个同级序号是“{_SHAPES[level].format(_label(previous, level))}”，"
                           f"此处应为“{expected}”。")


def _label(number: int, level: int) -> str:
    if level >= 3:
        return str(number)
    if number <= 10:
        return _CN[number - 1]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + ("" if units == 0 else _CN[units - 1])


def _number_of(written: str, level: int) -> int:
    digits = "".join(ch for ch in written if ch.isdigit() or ch in _CN)
    return int(digits) if level >= 3 else _cn_number(digits)


# Sequences inside the text: "一是……二是……三是……" in a paragraph, "第一，……第二，……", and the articles of
# rules "第一条 …… 第二条 ……" at the start of lines.
_INLINE = re.compile(f"(?:(?<=[，。；：！？\n（(])|^)[ \t\u3000]*([{_CN}]{{1,3}})是(?=[，,：:、]|[\u4e00-\u9fff])", re.MULTILINE)
_INLINE_YAO = re.compile(f"(?:(?<=[，。；：！？\n])|^)[ \t\u3000]*([{_CN}]{{1,3}})要(?=[，,：:]|[\u4e00-\u9fff])(?!求|素|点|事|件|闻|害|职|员|塞|紧)",
                         re.MULTILINE)
_ORDINAL = re.compile(f"(?:(?<=[，。；：！？\n])|^)[ \t\u3000]*第([{_CN}]{{1,3}})(?=[，,：:]|、(?![{_CN}十]))", re.MULTILINE)
_CHAPTER = re.compile(f"^[ \t\u3000]*第([{_CN}]{{1,3}})章(?=[ \t\u3000]|[\u4e00-\u9fff])", re.MULTILINE)
# Items numbered inside a paragraph: "包括：（1）……；（2）……；（3）……" and "①……②……③……".
_INLINE_PAREN = re.compile(r"(?<=[：:；;，,。\u4e00-\u9fff])[（(](\d{1,2})[）)]")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_INLINE_CIRCLED = re.compile(f"([{_CIRCLED}])")
_ARTICLE = re.compile(f"^[ \t\u3000]*第([{_CN}百零〇]{{1,5}})条(?=[ \t\u3000]|[\u4e00-\u9fff])", re.MULTILINE)


def _article_number(token: str) -> int:
    if "百" in token:
        hundreds, _, rest = token.partition("百")
        rest = rest.lstrip("零〇")
        value = (_CN.index(hundreds) + 1 if hundreds else 1) * 100
        return value + (_cn_number(rest) if rest else 0) if (not rest or _cn_number(rest)) else 0
    return _cn_number(token)


def _runs(text, pattern, number_of, *, per_paragraph):
    """(match, previous number) for every number that does not follow its predecessor in a run that began
    with 1 (in the same paragraph, or going on at the start of the next, when ``per_paragraph``)."""
    previous, paragraph, skipped = 0, -2, False
    for match in pattern.finditer(text):
        number = number_of(match.group(1))
        if number <= 0:
            continue
        here = text.rfind("\n", 0, match.start()) if per_paragraph else 0
        if here != paragraph:
            # A paragraph that opens with an item goes on with the run of the paragraph just before
            # ("会议要求，一是……" / "二是……" / "三是……"): the same number again is a slip; a number
            # skipped may be a paragraph left out of an excerpt, and starts afresh.
            goes_on = (previous and text[here + 1:match.start(1)].strip(" \t\u3000") == ""
                       and text.rfind("\n", 0, here) == paragraph and number in (previous, previous + 1))
            paragraph = here
            if not goes_on:
                previous = 0
        if number == 1:
            if previous == 1:
                yield match, previous
            previous = 1
            continue
        if skipped and number == previous:
            # "一是……三是……三是……四是": the number skipped to and then written again; the first of the two
            # stood for the one skipped, and has been reported.
            skipped = False
            continue
        skipped = bool(previous) and number > previous + 1
        if previous and number != previous + 1:
            yield match, previous
        if previous:
            # A number written twice stands for the next one ("第一条 第二条 第二条 第四条"): the run goes on
            # from there, so the item after it is not reported as well.
            previous = previous + 1 if number == previous else number


# A mark after an inline item marker: "一是、…" "二要：…" (the marker runs straight into its sentence or takes a
# comma; 、 and ： belong to headings "一、" and to lead-ins "会议要求：").
_INLINE_MARK = re.compile(f"(?:(?<=[，。；：！？\n])|^)[ \t\u3000]*([{_CN}]{{1,2}}[是要])([、：:])(?=[\u4e00-\u9fff“《])",
                          re.MULTILINE)
_INLINE_MARKER = re.compile(f"(?:(?<=[，。；：！？\n])|^)[ \t\u3000]*[{_CN}]{{1,2}}[是要]", re.MULTILINE)


def check_inline_marks(text, context):
    if "是" not in text and "要" not in text:
        return
    marks = list(_INLINE_MARK.finditer(text))
    if not marks or len(_INLINE_MARKER.findall(text)) < 2:
        return  # a lone "一是" is no sequence
    for match in marks:
        marker, mark = match.group(1), match.group(2)
        yield finding(text, match.start(1), match.end(2), rule="structure.numbering.inline_mark", category="numbering",
                      severity="error", suggestion=marker,
                      message=f"文中序数“{marker}”后不加“{mark}”：应直接接正文（“{marker}……”），"
                              "或按层次改用“一、”“（一）”等序号。")


# The marks after the items of one list must agree: "一是…二是…三是，…" (a comma after one item only; in a
# list of two, "一要…二要，…" after a first item without one), and a list of "一是…四是" does not go on with a
# heading number "五、" in the same paragraph.
_INLINE_ITEM = re.compile(f"(?:(?<=[，。；！？\n])|^)[ \t\u3000]*([{_CN}]{{1,2}})([是要])([，,]?)(?=[\u4e00-\u9fff“《])",
                          re.MULTILINE)
_HEADING_INLINE = re.compile(f"(?<=[。；])[ \t\u3000]*([{_CN}]{{1,2}})、(?=[\u4e00-\u9fff])")


def check_inline_consistency(text, context):
    if "是" not in text and "要" not in text:
        return
    for word in "是要":
        items = [m for m in _INLINE_ITEM.finditer(text) if m.group(2) == word and _cn_number(m.group(1)) > 0]
        if not items:
            continue
        yield from _inline_commas(text, items, word)
        if word == "是":
            yield from _inline_headings(text, items)


def _inline_commas(text, items, word):
    commas = [m for m in items if m.group(3)]
    if not commas or len(items) < 2 or items[0].group(3) or (len(items) >= 3 and len(commas) * 2 >= len(items)):
        return
    for match in commas:
        marker = f"{match.group(1)}{word}"
        yield finding(text, match.start(1), match.end(3), rule="structure.numbering.inline_comma",
                      category="numbering", severity="warning", suggestion=marker,
                      message=f"同一组序数中其他各项后面不加逗号，“{marker}{match.group(3)}”与之不一致，"
                              "请统一体例。")


def _inline_headings(text, items):
    by_paragraph = {}
    for match in items:
        by_paragraph.setdefault(text.rfind("\n", 0, match.start()), []).append(match)
    for paragraph, run in by_paragraph.items():
        numbers = [_cn_number(m.group(1)) for m in run]
        if len(run) < 2 or numbers != list(range(1, len(run) + 1)):
            continue
        stop = text.find("\n", run[-1].end())
        stop = len(text) if stop < 0 else stop
        for heading in _HEADING_INLINE.finditer(text, run[-1].end(), stop):
            if _cn_number(heading.group(1)) == numbers[-1] + 1:
                label = _label(numbers[-1] + 1, 1)
                yield finding(text, heading.start(1), heading.end(), rule="structure.numbering.inline_mixed",
                              category="numbering", severity="warning", suggestion=f"{label}是",
                              message=f"前面各项用“一是……{_label(numbers[-1], 1)}是”，这一项写作“{heading.group()}”，"
                                      f"序号体例不一致，应为“{label}是”。")


# The year of a document's number in other brackets than 〔〕 ("国发[2016]56号", "京政发（2020）3号"): GB/T 9704—2012 7.2.4.
_DOC_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])([\[【(（［])((?:19|20)\d\d)([\]】)）］])(?=\d{1,4}号)")


def check_document_numbers(text, context):
    if "号" not in text:
        return
    for match in _DOC_NUMBER.finditer(text):
        yield finding(text, *match.span(), rule="structure.numbering.document_number", category="numbering",
                      severity="error", suggestion=f"〔{match.group(2)}〕",
                      message=f"发文字号中的年份用六角括号“〔〕”：“〔{match.group(2)}〕”，不用“{match.group(1)}{match.group(3)}”"
                              "（GB/T 9704—2012）。")


# A first-level heading marked with a colon ("一：总体目标"): GB/T 9704 marks it with 、 ("一、").
_HEADING_COLON = re.compile(f"^[ \t\u3000]*([{_CN}]{{1,3}})[：:](?=[\u4e00-\u9fff“《])", re.MULTILINE)


def check_heading_marks(text, context):
    if "：" not in text and ":" not in text:
        return
    for match in _HEADING_COLON.finditer(text):
        yield finding(text, match.start(1), match.end(), rule="structure.numbering.heading_colon", category="numbering",
                      severity="error", suggestion=f"{match.group(1)}、",
                      message=f"一级标题序号“{match.group(1)}”后用顿号：“{match.group(1)}、”，不用冒号（GB/T 9704—2012）。")


def check_inline_sequences(text, context):
    if "是" in text:
        for match, previous in _runs(text, _INLINE, _cn_number, per_paragraph=True):
            yield _mixed(text, match, previous, _INLINE_YAO, "是", "要") or _inline(text, match, previous, "{}是")
    if "要" in text:
        for match, previous in _runs(text, _INLINE_YAO, _cn_number, per_paragraph=True):
            yield _mixed(text, match, previous, _INLINE, "要", "是") or _inline(text, match, previous, "{}要")
    if "（" in text or "(" in text:
        for match, previous in _runs(text, _INLINE_PAREN, int, per_paragraph=True):
            yield _inline(text, match, previous, "（{}）", arabic=True)
    if any(ch in text for ch in _CIRCLED[:3]):
        for match, previous in _runs(text, _INLINE_CIRCLED, lambda c: _CIRCLED.index(c) + 1, per_paragraph=True):
            yield _inline(text, match, previous, "{}", circled=True)
    if "第" in text:
        for match, previous in _runs(text, _CHAPTER, _cn_number, per_paragraph=False):
            yield _inline(text, match, previous, "第{}章")
        for match, previous in _runs(text, _ORDINAL, _cn_number, per_paragraph=False):
            yield _inline(text, match, previous, "第{}")
        for match, previous in _runs(text, _ARTICLE, _article_number, per_paragraph=False):
            yield _inline(text, match, previous, "第{}条")


def _mixed(text, match, previous, other, word, other_word):
    """"一要……二是……三要……": the gap in the 要-list is filled by an item of the same number written with 是 in the
    same paragraph; that item is the slip (its particle), not the number after it."""
    if _cn_number(match.group(1)) != previous + 2:
        return None
    paragraph = text.rfind("\n", 0, match.start())
    for item in other.finditer(text, paragraph + 1, match.start()):
        if _cn_number(item.group(1)) == previous + 1:
            right = f"{item.group(1)}{word}"
            return finding(text, item.start(1), item.end(), rule="structure.numbering.inline_particle",
                           category="numbering", severity="error", suggestion=right,
                           message=f"同一组序数前后用“{_label(previous, 1)}{word}”“{match.group(1)}{word}”，"
                                   f"此处“{item.group(1)}{other_word}”体例不一致，应为“{right}”。")
    return None


def _inline(text, match, previous, shape, *, arabic=False, circled=False):
    start, end = match.start(1), match.end(1)
    if circled:
        label, before = _CIRCLED[previous] if previous < len(_CIRCLED) else str(previous + 1), _CIRCLED[previous - 1]
    elif arabic:
        label, before = str(previous + 1), str(previous)
    else:
        label, before = _label(previous + 1, 1), _label(previous, 1)
    expected, written = shape.format(label), shape.format(match.group(1))
    kind = "重复" if match.group(1) == before else "不连续"
    return finding(text, start, end, rule="structure.numbering.inline", category="numbering", severity="error",
                   suggestion=label,
                   message=f"序号{kind}：前一项是“{shape.format(before)}”，“{written}”应为“{expected}”。")
