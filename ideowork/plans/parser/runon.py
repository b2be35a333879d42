"""Headings that run on inside a line: text copied from a web page with its line breaks lost.

"…筑牢思想根基。二、加强阵地管理（一）管好网站。每日巡查。（二）办好简报。1、每月编发…" is split
back into lines before the structure is read, one line per numbered heading. A marker inside a
line (一、 （一） 1. 1、 （1） 第一条 第一章) starts a new line only when all of these hold:

- it stands at a boundary: after a sentence end or a colon (。；！？：, or an ASCII full stop after a
  Chinese character: "…的联系.2、团结…", never a decimal point), after a space, after a note
  in brackets closing a sentence ("…。(责任单位:宣传部)四、"), or right after the title of a heading
  one level up that has no sentence end yet ("二、主要任务（一）…"); the next number of a series
  under way may also follow any word when its short title closes the line ("…刘瑜五、考核办法");
  the very first marker of a series may also follow a title glued to it ("…工作要点一、…") when
  the next marker of its series follows at a boundary in the same line, or when its own short title
  runs into the 1 of the level below whose 2 follows at a boundary ("考核内容(一)组织领导…1.…。2.…");
- its number continues the series of its level (the previous number of that level plus one), or
  is 1 where a heading of a higher level has opened since, or is any number of a level not seen yet
  in a fragment that opens in the middle of a list ("8、…");
- what follows is not another number (二、三季度, 1、2、3月) and it is not inside quotes or 《》.

A title glued to the text after it on one of the first lines ("…工作计划2026年是…") is put on a
line of its own first, and so is a later document's name before its first heading's bare 、 (the
numeral lost: "2024年党支部生活制度 、会议制度…").

So references inside sentences (根据第一条, 1、2、3月, 2026年1月, 二、三季度, 12次) and 一是…二是…
enumerations stay where they are.
"""

from __future__ import annotations

import re

from .cleaning import Line
from .headings import LEVELS, Heading, match_heading

__all__ = ["split_run_on"]

_CN = "[一二三四五六七八九十]{1,3}"
_CANDIDATE = re.compile(
    r"第\s*(?:" + _CN + r"|\d{1,3})\s*(?:部分|章|篇|条)"
    r"|(?<![一二三四五六七八九十第])" + _CN + r"\s*[、.]"
    r"|[(（]\s*(?:" + _CN + r"|\d{1,2})\s*[)）]"
    r"|(?<!\d)(?<!\d\.)\d{1,2}\s*[.、](?!\d)"
)
_BOUNDARY = set("。！？；!?;:：")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLOSING = set("”\"’）)】」")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
# What may not follow a marker: another number (二、三季度, 1、2、3月, 一、二等奖).
_NUMBER_AFTER = re.compile(r"\s*[\d一二三四五六七八九十两]{1,3}\s*(?:[、,，.]|[季月年日号个次等])")
_OPENERS = {"“": "”", "《": "》", "「": "」", "『": "』"}
_RANK = {level: rank for rank, level in enumerate(LEVELS)}
# "龟虽寿译文2、年度学习计划要…": a few words a site put before a heading that continues its series.
_GLUED_PREFIX = re.compile(r"[\u4e00-\u9fff]{2,8}")
_TITLE_REACH = 40  # how far after a heading a lower heading may follow its unpunctuated title
_WINDOW = 40  # characters read at a marker to recognise it
_LOOK_AHEAD = 30  # markers searched for the second of a series


_NOTE_AFTER_SENTENCE = re.compile(r"[。!?;]\s*[(][^()]{1,80}[)]$")  # on folded text


def _at_boundary(folded: str, position: int) -> bool:
    if position == 0:
        return True
    before = folded[position - 1]
    if before.isspace() or before in _BOUNDARY:
        return True
    if before in _CLOSING and position >= 2 and folded[position - 2] in _BOUNDARY:
        return True
    if before == "." and position >= 2 and _CJK.match(folded[position - 2]):
        return True  # "…的联系.2、团结…": an ASCII full stop after a sentence, not a decimal point
    # "…做好疏导工作。(责任单位:党群工作部)四、…": a note in brackets closing a sentence.
    return before == ")" and bool(_NOTE_AFTER_SENTENCE.search(folded, max(0, position - 90), position))


def _quoted(folded: str) -> list[tuple[int, int]]:
    spans, opened = [], {}
    for index, ch in enumerate(folded):
        if ch in _OPENERS:
            opened.setdefault(ch, index)
        else:
            for opener, closer in _OPENERS.items():
                if ch == closer and opener in opened:
                    spans.append((opened.pop(opener), index))
    return spans


class _Series:
    """The last number of each heading level, and which levels a higher heading has reopened."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.reopened: set[str] = set(LEVELS)
        # A fragment of a page that opens in the middle of a list ("8、…"): its other levels may
        # open in the middle too.
        self.mid_list = False

    def continues(self, level: str, number: int) -> bool:
        last = self.last.get(level)
        if last is None and self.mid_list:
            return True
        return number == (last or 0) + 1 or (number == 1 and level in self.reopened)

    def follows(self, level: str, number: int) -> bool:
        """Whether `number` is the next of a series already under way (not merely a first one)."""
        last = self.last.get(level)
        return last is not None and number == last + 1

    def open_document(self, first: Heading | None) -> None:
        """The document's first line: a heading numbered past 1 makes it a fragment."""
        self.mid_list = first is not None and first.number > 1

    def record(self, level: str, number: int) -> None:
        self.last[level] = number
        self.reopened.discard(level)
        self.reopened.update(lower for lower in LEVELS if _RANK[lower] > _RANK[level])


def _markers(line: Line):
    """(position, heading) of every marker in the line that could be a heading, in order."""
    folded = line.folded
    quotes = None
    for match in _CANDIDATE.finditer(folded, 1):
        position = match.start()
        window = position + _WINDOW  # a heading's marker is short: never copy the rest of a long line
        heading = match_heading(folded[position:window], line.text[position:window])
        if heading is None or _NUMBER_AFTER.match(folded, position + heading.content_start):
            continue
        if quotes is None:
            quotes = _quoted(folded)
        if any(start < position < end for start, end in quotes):
            continue
        yield position, heading


_TAIL_TITLE = 20
_NOT_IN_TITLE = re.compile(r"[,;:。!?()“”\"《》]")


def _tail_title(folded: str, start: int) -> bool:
    """Whether the line ends, after `start`, on a short heading title (unpunctuated but for 、)."""
    rest = folded[start:].rstrip()
    return 2 <= len(rest) <= _TAIL_TITLE and not _NOT_IN_TITLE.search(rest)


def _split_points(line: Line, series: _Series) -> list[int]:
    folded = line.folded
    first = match_heading(folded, line.text)
    previous = (0, first) if first else None  # the last heading accepted in this line
    if first:
        series.record(first.level, first.number)
    markers = list(_markers(line))
    points = []
    for index, (position, heading) in enumerate(markers):
        if not series.continues(heading.level, heading.number):
            continue
        if _at_boundary(folded, position) or previous is None and _GLUED_PREFIX.fullmatch(folded, 0, position):
            accepted = True  # at a boundary, or after a few words a site glued to the line's start
        elif _tail_title(folded, position + heading.content_start) and series.follows(heading.level, heading.number):
            accepted = True  # "…刘瑜五、评比考察及报道渠道": the next part's title closes the line
        elif heading.number != 1:
            accepted = False
        elif (previous is not None and _RANK[heading.level] > _RANK[previous[1].level]
              and position - previous[0] <= _TITLE_REACH
              and not _SENTENCE_END.search(folded, previous[0], position)):
            accepted = True  # "二、主要任务（一）…": right after its parent's title
        else:  # "…工作要点一、…": the series' next marker must follow at a boundary
            accepted = any(later.level == heading.level and later.number == 2 and _at_boundary(folded, at)
                           for at, later in markers[index + 1:index + 1 + _LOOK_AHEAD]
                           ) or _opens_its_points(folded, markers, index)
        if accepted:
            points.append(position)
            series.record(heading.level, heading.number)
            previous = (position, heading)
    return points


def _opens_its_points(folded: str, markers: list[tuple[int, Heading]], index: int) -> bool:
    """"考核内容(一)组织领导责任落实情况1.分公司…。2.…": the first of a series glued to a label before it, whose
    short title (no sentence end) runs into the 1 of the level below, that level's 2 following at a boundary:
    the part opens there, with its points under it."""
    position, heading = markers[index]
    for offset, (at, child) in enumerate(markers[index + 1:index + 1 + _LOOK_AHEAD], start=index + 1):
        if at - position > _TITLE_REACH or _SENTENCE_END.search(folded, position, at):
            return False
        if _RANK[child.level] > _RANK[heading.level] and child.number == 1:
            return any(later.level == child.level and later.number == 2 and _at_boundary(folded, later_at)
                       for later_at, later in markers[offset + 1:offset + 1 + _LOOK_AHEAD])
    return False


def _piece(line: Line, start: int, end: int, gap_before: bool) -> Line | None:
    text = line.text[start:end]
    stripped = text.lstrip()
    start += len(text) - len(stripped)
    end = start + len(stripped.rstrip())
    if start >= end:
        return None
    return Line(line.text[start:end], line.folded[start:end], gap_before)


# "2026年学校意识形态工作计划2026年是…", "…学习规章制度(三)要建立…", "街道办宣传思想打算20XX年街道…",
# "【…党建工作规章制度】为进一步…": a title
# glued to the text after it. The title ends on a document's name (打算 is a plan), unpunctuated, where the body
# opens: a year (or its placeholder 20XX年), a heading marker,
# a salutation (各…) or the words a preamble opens with (为, 根据, 按照 …).
_GLUED_TITLE = re.compile(
    r"(?P<open>【)?(?!为|根据|按照|结合|依据|围绕|现将|现就|经|各|今年|我)[^,;:。!?“”\"了【】]{4,40}?"
    r"(?:要点|计划|打算|方案|安排|制度|办法|细则|规定|规则|通知|意见|规划)(?(open)】)"
    r"(?=\s*(?:(?:20\d{2}|20[Xx×]{2})\s*年|为|根据|按照|结合|依据|围绕|各[^,;:。]{1,20}:|[(]\s*(?:" + _CN + r"|\d{1,2})\s*[)]|"
    + _CN + r"\s*[、.]|第\s*(?:" + _CN + r"|\d{1,3})\s*(?:条|章|部分)))")
_TITLE_LINES = 3  # a title stands among the first lines
_GLUED_REST = 8  # the body after it is at least a clause


# "小学支部党建工作计划——发挥…发展2023年小学支部党建工作计划——发挥…发展随着…": a viewer's page title, then the
# document's own title (the same name with its year), run on into the text: the second is the title.
_REPEATED_TITLE = re.compile(r"(?P<name>[^。!?]{4,40}?(?:要点|计划|打算|方案|安排|制度|办法|细则|规定|规则|通知|意见|规划)"
                             r"[^。!?]{0,30}?)(?P<year>20\d{2}\s*年(?:度)?)(?P=name)")


def _split_glued_title(line: Line) -> list[Line]:
    repeated = _REPEATED_TITLE.match(line.folded)
    if repeated and len(line.folded) - repeated.end() >= _GLUED_REST:
        start, end = repeated.start("year"), repeated.end()
        rest = _piece(line, end, len(line.text), True)
        return [Line(line.text[start:end], line.folded[start:end], line.gap_before, line.first_text)] + (
            [rest] if rest else [])
    title = _GLUED_TITLE.match(line.folded)
    if title is None or len(line.folded) - title.end() < _GLUED_REST or match_heading(line.folded, line.text):
        return [line]
    rest = _piece(line, title.end(), len(line.text), True)
    # "【张泾实验小学党建工作规章制度】为进一步…": the title in brackets, without them.
    start, end = (1, title.end() - 1) if title.group("open") else (0, title.end())
    return [Line(line.text[start:end], line.folded[start:end], line.gap_before, line.first_text)] + ([rest] if rest else [])


# "2024年党支部生活制度落实法律规范 、会议制度…": after a page break, the next document's name, then its first
# heading with the numeral lost (the bare 、): the name goes on a line of its own.
_NAME_BEFORE_MARK = re.compile(r"(?P<name>[^,;:。!?“”\"《》、()]{4,40}?)\s+(?=、\s*[\u4e00-\u9fff])")
_DOCUMENT_NAME = re.compile(r"要点|计划|打算|方案|安排|制度|办法|细则|规定|规则|通知|意见|规划")


def _split_document_name(line: Line) -> list[Line]:
    name = _NAME_BEFORE_MARK.match(line.folded)
    if name is None or not _DOCUMENT_NAME.search(name.group("name")):
        return [line]
    rest = _piece(line, name.end(), len(line.text), False)
    end = name.end("name")
    return [Line(line.text[:end], line.folded[:end], line.gap_before, line.first_text)] + ([rest] if rest else [])


_FIRST_LINES = 6  # a page's clutter (时间, 作者) may stand before the fragment's first heading


def _first_heading(lines: list[Line]) -> Heading | None:
    for line in lines[:_FIRST_LINES]:
        heading = match_heading(line.folded, line.text)
        if heading is not None:
            return heading
    return None


def split_run_on(lines: list[Line]) -> list[Line]:
    """`lines` with every heading that runs on inside a line moved to a line of its own (and a title
    glued to the text after it on a line of its own)."""
    series = _Series()
    result: list[Line] = []
    lines = [piece for index, line in enumerate(lines)
             for glued in (_split_glued_title(line) if index < _TITLE_LINES else [line])
             for piece in _split_document_name(glued)]
    if lines:
        series.open_document(_first_heading(lines))
    for line in lines:
        points = _split_points(line, series) if len(line.folded) > 4 else []
        if not points:
            result.append(line)
            continue
        bounds = [0] + points + [len(line.text)]
        for number, (start, end) in enumerate(zip(bounds, bounds[1:])):
            piece = _piece(line, start, end, line.gap_before if number == 0 else True)
            if piece is not None:
                result.append(piece)
    return result
