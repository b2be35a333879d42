"""Sections and items: which heading level is which, item bodies, and outlines (目录) before the body.

A plan may list its items twice: an outline of titles first, then the body (and the body may be
cut off where a web page locked the rest). Whenever the top-level numbering starts again the
parser begins a new *pass*; the pass with the most text is the body, and the other passes only
contribute items the body lacks, with their titles and empty text.

Sections and items are the top two numbered levels; a section without headings of the item level
takes its own highest level below it as items ("四、活动内容" over (1)(2) beside "六、工作要求" over
（一）). In a plan or notice (its title's last document noun is 计划/方案/要点/通知 …, not 制度 or
another name of rules; untitled, it says 通知如下) framing parts (一、指导思想, 活动主题) are no items;
sections that only name organisers (五、组织机构) carry none. A label that may also head duties
(一、重要意义) over text opening on one (要坚持…) is an item. A fragment that opens in the middle of
a list under a section it does not show ("8、…" "9、…" then "四、…") keeps that list as items without
a section. Headings whose numerals the page lost are put back first (lost_numerals.py).

Inside a section, items numbered again from 1 under a label line ("集中学习内容：" 1. 2. "自学内容："
1. 2. 3.) are a second run: a section of the same number titled by the label, after the first. A
plan's part under a bare label of when or for whom (一、学习时间, 二、对象) is no item when its text is a
short date or list without a frequency; a short noun label of the plan's idea, aim or audience (总体思路,
全年目标, 对象群体; traditional labels folded first) frames it.

Several documents on one page (a collection's notices under its labels 1 / 2, rules after a viewer's page
break): where the top numbering starts again after each document's title line, each document is one
section, numbered 一、二… in reading order, its parts the items as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cleaning import SENTENCE_END, Line, fold
from .frequency import find_frequencies
from .headings import Heading, level_order, match_heading, split_item, split_title
from .lost_numerals import restore_lost_numerals
from .metadata import Metadata
from ideowork.core.numerals import int_to_cn as _chinese
from .result import ParsedItem, ParsedSection
from .traditional import looks_traditional, simplified_copy

__all__ = ["build_sections"]

_CONTINUES_LINE = set("，,、：:（(“\"《")
_CLAUSE = re.compile(r"[，,；;]")
# Levels that head sections even where few of them are divided into items; a numbered list (1、 (1))
# divided only here and there is a list of items with sub-lists in their text.
_SECTION_LEVELS = ("part", "article", "cn")
# Sections that frame the plan rather than assign duties (一、指导思想 over a paragraph), or close it (六、总结与展望).
_FRAMING = re.compile(r"指导思想|总体要求|总体目标|工作目标|主要目标|目标任务|基本原则|工作原则|基本要求|背景|依据|意义|"
                      r"活动时间|活动地点|组织机构|活动主题|主题内容|总结(?:与|和|及)展望|结束语|结语")
# A plan's framing parts are no items; in rules (制度), every numbered part is one (一、指导思想和基本原则).
_PLAN_TITLE = re.compile(r"计划|打算|方案|要点|安排|思路|意见|通知")
_RULES_TITLE = re.compile(r"制度|办法|细则|规定|规则")
_DOCUMENT_KIND = re.compile(_PLAN_TITLE.pattern + "|" + _RULES_TITLE.pattern)
_ISSUED = re.compile(r"《([^《》]+)》")
# A document without a title line that says it is a notice ("现将有关事项通知如下：") frames as one.
_NOTICE = re.compile(r"通知如下|特此通知|现将.{0,30}通知|现将.{0,40}如下|现就.{0,40}(?:提出|作出|作)如下"
                     r"|(?:制定|制订)(?:本(?:方案|计划|要点|安排)|了?《[^《》]{0,40}(?:方案|计划|要点|安排)》)")
_NOTICE_LINES = 8
_RULES_SAYS = re.compile(r"(?:制定|制订)(?:(?:本|如下)[\u4e00-\u9fff]{0,4}|了?《[^《》]{0,40})(?:制度|办法|细则|规定|规则)")
_FRAMING_TITLE = 12
# A section heading this long without text of its own is a statement of a duty, not a label.
_STATEMENT = 15
# A section that only names who organises (五、组织机构 (一)主办单位 …) carries no duty: no items.
_ORGANISERS = re.compile(r"^(?:组织机构|主办单位|承办单位|协办单位|(?:活动|工作)?领导小组)$")


@dataclass
class _Item:
    number: int
    title: str
    chunks: list[tuple[str, bool]] = field(default_factory=list)  # (text, starts a paragraph)
    # "(三)要建立并实行学习考勤、通报、考核和档案等制度。中心组成员要…": a long sentence the heading's
    # title was cut from, with its text on the same line; the first sentence of that paragraph.
    sentence: str = ""
    # A plan's part under a bare label of when or for whom (一、活动范围) among parts that are the items: no
    # item when its text only says when or who; a theme part (二、活动主题) none unless its text sets the duty.
    label: bool = False
    theme: bool = False

    @property
    def text(self) -> str:
        parts: list[str] = []
        for chunk, new_paragraph in self.chunks:
            previous = parts[-1] if parts else ""
            # Lines are joined only where a PDF wrapped a sentence: the previous line is long and open.
            if parts and (new_paragraph or previous[-1] in SENTENCE_END or previous[-1] in "”\"）)"
                          or _is_lead(previous)):
                parts.append("\n")
            parts.append(chunk)
        return "".join(parts).strip()


@dataclass
class _Section:
    number: int | None
    numeral: str | None
    title: str | None
    items: dict[int, _Item] = field(default_factory=dict)
    # A section whose heading is itself a duty ("七、建立学习档案，包括…。") and that has no numbered
    # items stands as its own item 1.
    own: _Item | None = None
    # A plan's part under a bare label of when or for whom (一、学习时间): no item if its text is short.
    label: bool = False
    # Rules cut off right after this part's heading (四、党课制度 the page's last line): the part stands as
    # its own item, as the parts before it do (not a chapter, 第二章 责任, which only groups articles).
    cut: bool = False
    # A plan's framing part (一、实行…的指导思想和工作原则): its framing points ((一)指导思想) are no items.
    framing: bool = False
    # A plan's part whose heading is the page's last line, cut off in the middle: it shows no item.
    lost: bool = False
    # The title as the folded copy gives it (simplified for a traditional page: 活動目的 → 活动目的).
    plain_title: str = ""


def _choose_levels(headings: list[Heading]) -> tuple[str | None, str]:
    """(section level, item level) among the heading levels present.

    The top level present is the section level and the next one the item level; a single level
    means items without sections. A level that starts again at 1 under the level below it is a
    sub-list inside item text (（一）… under "1." items), so it is passed over.
    """
    present = [level for level in level_order(headings) if any(h.level == level for h in headings)]
    if len(present) == 1:
        return None, present[0]
    section_level, candidates = present[0], present[1:]
    while len(candidates) > 1 and _nested_under(headings, candidates[0], candidates[1], section_level):
        candidates.pop(0)
    if section_level not in _SECTION_LEVELS and not _mostly_divided(headings, section_level, candidates[0]):
        # "5、学习要求:(1)…(2)…" under one of five numbered rules: a list inside that item.
        return None, section_level
    return section_level, candidates[0]


def _mostly_divided(headings: list[Heading], upper: str, lower: str) -> bool:
    """Whether at least half of the `upper` headings have `lower` headings under them."""
    uppers = divided = 0
    seen_lower = False
    for heading in headings:
        if heading.level == upper:
            divided += seen_lower
            uppers += 1
            seen_lower = False
        elif heading.level == lower:
            seen_lower = True
    divided += seen_lower
    return divided * 2 >= uppers


def _nested_under(headings: list[Heading], upper: str, lower: str, section_level: str) -> bool:
    seen_lower = False
    for heading in headings:
        if heading.level == section_level:
            seen_lower = False
        elif heading.level == lower:
            seen_lower = True
        elif heading.level == upper and heading.number == 1 and seen_lower:
            return True
    return False


def _is_lead(text: str) -> bool:
    """A short unnumbered line that can head a group of items (a bold heading that lost its number)."""
    return len(text) <= 30 and text[-1] not in SENTENCE_END and text[-1] not in "，,、：:"


def _passes(lines: list[Line], meta: Metadata,
            starts_document: list[bool]) -> tuple[list[list[_Section]], str | None]:
    headings = {index: heading for index, line in enumerate(lines)
                if index not in meta.skip and index != meta.title_index
                and (heading := match_heading(line.folded, line.text))}
    if not headings:
        return [], None
    restore_lost_numerals(lines, meta, headings)
    section_level, item_level = _choose_levels(list(headings.values()))
    _drop_previous_items_points(headings, section_level, item_level)
    section_item_levels = _section_item_levels(headings, section_level, item_level)
    fragment_lead = _fragment_lead(headings, section_level, item_level)
    section_item_levels.update(fragment_lead)
    lead_owner = _lead_owner(headings, fragment_lead, section_level, item_level)
    title = simplified_copy(meta.title) if meta.title and looks_traditional(meta.title) else meta.title
    plan = _is_plan(title) if title else any(_NOTICE.search(line.folded) for line in lines[:_NOTICE_LINES])
    # Rules by their title (…学习制度) or, untitled, by what they say (特制定本制度): every part is an item, 一、指导思想 too.
    rules = (not plan and bool(_DOCUMENT_KIND.search(title)) if title
             else any(_RULES_SAYS.search(line.folded) for line in lines[:_NOTICE_LINES]))
    passes: list[list[_Section]] = []
    section: _Section | None = None
    item: _Item | None = None
    last_top = None
    awaiting_section_title = False
    lead: str | None = None  # unnumbered line just before a pass's first item
    last_line = max((index for index, line in enumerate(lines) if line.folded.strip()), default=-1)
    document_line = False  # a document's title line (or a collection's label) since the last heading

    def new_pass() -> None:
        nonlocal section, item, document_line
        passes.append([])
        starts_document.append(document_line)
        section, item, document_line = None, None, False

    for index, line in enumerate(lines):
        if index in meta.skip:
            continue
        if index == meta.title_index:
            item = None  # the title separates an outline from the body; what follows is preamble
            document_line = True
            continue
        if index not in headings and _is_document_line(line) and not _repeats_title(lines, meta, line):
            document_line = True
        heading = headings.get(index)
        if heading and heading.level == section_level:
            # A fragment's leading items stay in the pass of the sections after them.
            leading_items = last_top is None and passes and fragment_lead
            if (last_top is None or heading.number <= last_top) and not leading_items:
                new_pass()
            last_top = heading.number
            title, rest = split_title(heading.content)
            section = _Section(heading.number, heading.numeral, title or None)
            # A chapter (第二章 责任) only groups the articles under it: cut off, it stands for none.
            section.cut = (not plan and index == last_line and heading.level != "part" and bool(passes[-1])
                           and any(s.items for s in passes[-1]))
            # 二、履行保证宪法实施、加强宪法监督职 as a plan's last line: the page cut its heading, no item shows; in
            # rules too when the cut left one character of it (二、党), which names no part.
            section.lost = (plan and heading.content.rstrip()[-1:] not in SENTENCE_END
                            or len(heading.content.strip()) <= 1) and index == last_line
            passes[-1].append(section)
            item, awaiting_section_title = None, not title
            simplified_title = _simplified(line, title)
            section.plain_title = simplified_title
            if plan and _is_framing(simplified_title, rest):
                section.framing = True  # "一、指导思想：以…为指导" in a plan frames it, even with its text on the line
            elif rest or _CLAUSE.search(title) or heading.content.rstrip()[-1:] in "。；;":
                # "二、参加对象:全体教师。": a bare label of when or for whom with its short text on the line.
                section.label = plan and bool(_FRAMING_LABEL.fullmatch(simplified_title.strip().rstrip(":：")))
                # A heading that is a sentence ("第二条 机关学习主要包括…等形式。") is a duty too.
                own_title, own_text = split_item(heading.content)
                if not own_text and heading.content.rstrip()[-1:] in "。；;":
                    own_text = heading.content.strip()  # the sentence is the item's text
                item = section.own = _Item(1, own_title, [(own_text, True)] if own_text else [])
            elif title and not (_FRAMING.search(simplified_title) and not rules):
                section.label = plan and bool(_FRAMING_LABEL.fullmatch(simplified_title.strip().rstrip(":：")))
                # "一、要制订学习计划" over a paragraph of duties, beside sections divided into items:
                # the section is its own item 1 when no numbered item follows.
                item = section.own = _Item(1, title)
            continue
        if heading and heading.level == section_item_levels.get(index, item_level):
            if section_level is None and (last_top is None or heading.number <= last_top):
                if item is not None and item.chunks and item.chunks[-1][1] and _is_lead(item.chunks[-1][0]):
                    lead = item.chunks.pop()[0]
                new_pass()
            if section_level is None:
                last_top = heading.number
            if not passes:
                new_pass()
            framing, framing_text = split_title(heading.content)
            framing = _simplified(line, framing).strip().rstrip(":：")
            theme = plan and section_level is None and bool(_THEME.fullmatch(framing)) and not framing_text
            if (plan and (section_level is None or section is not None and section.framing)
                    and _is_framing(framing, framing_text) and not theme):
                item = None  # a plan's "一、指导思想" among its numbered parts (or under its framing part) frames it
                continue
            aims = section is not None and _AIMS.search(section.plain_title or section.title or "")
            if plan and section is not None and section.framing and aims:
                item = None  # "一、活动目的" over 1. 2.: the plan's aims, each one framing it, no duty
                continue
            if section is not None and section.own is not None and not section.items:
                section.own = None  # numbered items follow: the heading was the section's own text
            if section is None:
                owner = lead_owner if last_top is None else None
                section = _Section(owner, _chinese(owner) if owner else None, lead if section_level is None else None)
                passes[-1].append(section)
            lead = None
            title, rest = split_item(heading.content)
            existing = section.items.get(heading.number)
            label = _restart_label(item, heading.number)
            if existing is not None and label is not None and section_level is not None:
                # "集中学习内容：1. 2. 自学内容：1. 2. 3.": the numbering starts again under a label
                # inside one section; the second run is a section of its own with the same number.
                item.chunks.pop()
                section = _Section(section.number, section.numeral, label)
                passes[-1].append(section)
                existing = None
            if existing is not None:
                # A repeated number inside one pass is a typo; keep one item so numbers stay unique.
                item = existing
                item.chunks.append((heading.content, True))
            else:
                item = section.items[heading.number] = _Item(heading.number, title, theme=theme)
                item.label = plan and section_level is None and bool(_FRAMING_LABEL.fullmatch(framing))
                if rest:
                    item.chunks.append((rest, True))
                    item.sentence = _title_sentence(heading.content, title, rest)
            awaiting_section_title = False
            continue
        if item is not None:
            new_paragraph = line.gap_before or bool(heading) or line.folded[0] in "(（" or _is_lead(line.text)
            item.chunks.append((line.text, new_paragraph))
        elif section is not None and awaiting_section_title and len(line.folded) <= 40:
            section.title, awaiting_section_title = line.text, False  # 第一部分 / 总体要求 on two lines
        else:
            lead = line.text if _is_lead(line.text) else None
    return passes, section_level


def _plain(text: str) -> str:
    """`text` in simplified characters when it is written in traditional ones."""
    return simplified_copy(text) if looks_traditional(text) else text


def _repeats_title(lines: list[Line], meta: Metadata, line: Line) -> bool:
    """A viewer's repeat of the title line (before a summary, then before the whole text): the same
    document again, not a second one on the page."""
    return meta.title_index is not None and line.folded.strip() == lines[meta.title_index].folded.strip()


def _is_document_line(line: Line) -> bool:
    """A short line naming a document (开展读书日活动通知 1, a collection's label; 2024年党支部生活制度): where
    one of several documents on a page begins."""
    return (len(line.folded) <= _DOCUMENT_LINE and bool(_DOCUMENT_KIND.search(line.folded))
            and not _DOCUMENT_LINE_PUNCTUATION.search(line.folded))


_DOCUMENT_LINE = 40
_DOCUMENT_LINE_PUNCTUATION = re.compile(r"[。，,;；:：!?！？、“”\"《》]")


_SENTENCE_TITLE = 15
_LABEL = 15


def _restart_label(item: _Item | None, number: int) -> str | None:
    """The label ("自学内容：") that closes the item before a number 1, where numbering starts again."""
    if number != 1 or item is None or not item.chunks:
        return None
    text = item.chunks[-1][0].strip()
    if len(text) > _LABEL or text[-1:] not in ":：" or _CLAUSE.search(text):
        return None
    return text.rstrip(":：").strip()


def _title_sentence(content: str, title: str, rest: str) -> str:
    """The heading's first sentence when its title is a long one cut at 。, else ""."""
    head = content.strip()[:len(content.strip()) - len(rest)].strip()
    return head if len(title) > _SENTENCE_TITLE and head[-1:] in "。！？!?" else ""


def _lead_owner(headings: dict[int, Heading], lead: dict[int, str], section_level: str | None,
                item_level: str) -> int | None:
    """"19.…" "20.…" then "六、" "21.…": a fragment's leading items, before any part heading, numbered on
    through the parts (the next part's first item goes on from the last of them) are the part before
    that one's (五)."""
    if section_level is None:
        return None
    order = sorted(headings)
    part = next((index for index in order if headings[index].level == section_level), None)
    leading = [index for index in order if part is None or index < part]
    if part is None or not leading or headings[part].number <= 1:
        return None
    levels = {lead.get(index, item_level) for index in leading}
    if any(headings[index].level not in levels for index in leading) or len(levels) != 1:
        return None
    level = levels.pop()
    last = headings[leading[-1]].number
    first_item = next((headings[index] for index in order if index > part and headings[index].level == level), None)
    # "3、完善制度体系…" then "(二)…" "1、…": a fragment opening inside the list of the part before, whose items
    # the next part numbers again from 1, is that part's too.
    restarts = (first_item is not None and first_item.number == 1 and level == item_level
                and headings[leading[0]].number > 1)
    if last <= 1 or first_item is not None and first_item.number != last + 1 and not restarts:
        return None
    if first_item is None and (level != item_level or headings[leading[0]].number <= 1):
        return None  # (三)(四) then 三、 with no items of that level under it: the items' level, not from 1
    return headings[part].number - 1


def _drop_previous_items_points(headings: dict[int, Heading], section_level: str | None, item_level: str) -> None:
    """"2.…" "3.…" then "(三)党小组会" "(四)党课" then "三、": a page starting inside the sub-points of an item
    whose heading is on the page before. Those points are that item's text, not items: their headings go."""
    if section_level is None:
        return
    order = sorted(headings)
    first = headings[order[0]]
    if first.number == 1 or first.level in (section_level, item_level):
        return
    part = next((index for index in order if headings[index].level == section_level), None)
    deeper = [index for index in order if (part is None or index < part) and headings[index].level == first.level]
    items = [index for index in order if deeper[-1] < index and (part is None or index < part)
             and headings[index].level == item_level]
    if part is None or not items or headings[items[0]].number <= 1 or any(
            headings[index].level not in (first.level, item_level) for index in order if part is None or index < part):
        return
    for index in deeper:
        del headings[index]


def _fragment_lead(headings: dict[int, Heading], section_level: str | None, item_level: str) -> dict[int, str]:
    """"8、加强宣传…" "9、…" then "四、组织机构": a fragment opening in the middle of a list under a
    section it does not show. Its leading list, of another level than the items, gives items without
    a section (numbered as written); maps their line indexes to their level."""
    order = sorted(headings)
    first = headings[order[0]]
    if section_level is None or first.number == 1 or first.level in (section_level, item_level):
        return {}
    lead = {}
    for index in order:
        if headings[index].level == section_level:
            break
        if headings[index].level == first.level:
            lead[index] = first.level
    return lead


def _is_plan(title: str | None) -> bool:
    """Whether a title names a plan or notice rather than rules, by its last document noun: the head
    of the title (关于建立主题党日制度的通知 is a notice; 学习计划执行制度 rules). A circular
    (关于印发《…学习制度》的通知) is the kind of the document it issues."""
    title = title or ""
    issued = [match.group(1) for match in _ISSUED.finditer(title) if _DOCUMENT_KIND.search(match.group(1))]
    nouns = list(_DOCUMENT_KIND.finditer(issued[-1] if issued else title))
    return bool(nouns) and bool(_PLAN_TITLE.fullmatch(nouns[-1].group()))


def _is_framing(title: str, text: str = "") -> bool:
    """A framing part's title: short and naming one (指导思想和基本原则), or opening on its name with
    the text run on after it (指导思想深入贯彻落实…, the page lost the break), or a short noun phrase
    naming the plan's idea, aim or audience (总体思路, 全年目标, 对象群体) with no duty verb in it.
    Under a label that may also head duties (一、重要意义。要坚持…), text that opens on a duty makes the
    part an item. Titles are compared folded to simplified characters, without pinyin glosses
    (活動地點(diǎn) is 活动地点)."""
    title = _PINYIN_GLOSS.sub("", title).strip()
    if _FRAMING_OPENING.match(title) or _FRAMING_ENDING.search(title):
        return True
    if _DUTY_OPENING.match(text):
        return False
    if bool(_FRAMING.search(title)) and len(title) <= _FRAMING_TITLE:
        return True
    first_sentence = re.split(r"[。;；!?！？\n]", text, maxsplit=1)[0]
    return (len(title) <= _FRAMING_NOUN and bool(_FRAMING_NOUN_HEAD.search(title)) and not _DUTY_VERB.search(title)
            and not _MUST.search(first_sentence))


# A short label ending in a noun of idea, aim or audience frames a plan: 总体思路, 全年目标, 对象群体 (not 学习时间与
# 形式, whose head is 形式; not 实现全年目标, which has a verb; 参加对象 is a label of when and for whom, below,
# whose text may say who must take part). Text whose first sentence says what must be done (须参加) is a duty.
_FRAMING_NOUN = 6
_FRAMING_NOUN_HEAD = re.compile(r"(?:思路|目标|群体|宗旨|口号)[:：]?$")
_DUTY_VERB = re.compile(r"开展|加强|建立|健全|落实|组织|抓好|推进|做好|强化|深化|坚持|实施|完善|提高|提升|举办|召开|制定|"
                        r"确保|实现|打造|推动|围绕|聚焦|突出|创新|规范|严格")
_MUST = re.compile(r"须|必须|应当|务必|一律")
# A pinyin gloss a page put after a garbled glyph: 地點(diǎn), 內(nèi)容.
_PINYIN_GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")


# Text opening on what must be done (要坚持…, 必须…, 务必…): duties, whatever the label over them says.
_DUTY_OPENING = re.compile(r"\s*(?:要|必须|务必|应当|一定要)(?![求点素领])")


# A notice's parts that say when, where and for whom by a bare label (一、学习时间 over "3月28日下午",
# 二、对象 over a list of units) are no items when their text is only a date or a list; under the same
# label a paragraph that fixes the day each month (固定每月20日…) is a duty. Not 严格落实学习时间.
_LABEL_TEXT = 40
_FRAMING_LABEL = re.compile(r"(?:学习|活动|会议|培训|宣讲|开展)?(?:时间|地点|对象|时间和地点|时间地点|时间安排)"
                            r"|(?:参加|参与|参会|参学|学习|培训|活动)(?:人员|对象|范围)")
# A bare theme part (二、活动主题) over a paragraph whose first sentence sets the duty itself (面向全院各团支部组织
# 开展春季主题团日活动) is an item; over theme names (主题1:…) it frames the plan.
_THEME = re.compile(r"活动主题|主题内容")
_THEME_DUTY = re.compile(r"[^。;；\n]{0,20}(?:组织|开展)[^。;；\n]{0,30}活动")


# Under a label of for whom (参加对象), a longer text whose every clause ends on who takes part
# (以党支部为单位,组织全体党员参加;可根据需要吸收…等参加。) still says only who; not one that says how often.
_WHO_CLAUSE = re.compile(r".*(?:参加|参与|列席|参学|参会)(?:学习|活动)?\s*$")


def _only_says_when_or_who(text: str) -> bool:
    """A bare label's text that fixes no duty: short, or every clause naming who takes part; never one
    with a frequency."""
    if find_frequencies(fold(text)):
        return False
    if len(text) <= _LABEL_TEXT:
        return True
    clauses = [clause for clause in re.split(r"[。;；\n]", text) if clause.strip()]
    return bool(clauses) and all(_WHO_CLAUSE.fullmatch(clause) and not _MUST.search(clause) for clause in clauses)


# "实行镇容管理长效化工作机制的指导思想和工作原则": a part named as the idea and principles of something.
_FRAMING_ENDING = re.compile(r"的(?:指导思想|总体要求|基本原则|工作原则)(?:(?:和|与|及)(?:指导思想|总体要求|基本原则|工作原则))?$")
# 二、工作目标 over 1. 2. 3. of its own level beside parts over (一)(二): its points say what to do (加强…), so they are
# its items, as under any part (a bare 工作目标 paragraph still frames the plan).
_GOALS = re.compile(r"(?:工作|主要|总体)?目标(?:任务)?|目标任务")
# 一、活动目的 (工作目的, 学习目的): a part naming the plan's aims; its numbered points are aims too.
_AIMS = re.compile(r"^(?:活动|工作|学习|开展活动的?)?目的[:：]?$")
# The names of framing parts that never open a duty, even with text run on after them (not 组织机构,
# whose text may set up a group with duties).
_FRAMING_OPENING = re.compile(r"指导思想|总体要求|总体目标|工作目标|主要目标|目标任务|基本原则|工作原则|活动主题|背景(?:和|与|及)?目的"
                              r"|目的(?:和|与|及)?意义|(?:活动|工作|学习|开展活动的?)?目的[:：]?$")


def _section_item_levels(headings: dict[int, Heading], section_level: str | None, item_level: str) -> dict[int, str]:
    """The item level of each heading's section where it differs from the document's: a section
    with no heading of the item level numbers its items one level style of its own ("四、活动内容"
    over (1)(2)(3) beside "六、工作要求" over （一）), so its highest level below the section's is its
    item level. Maps the line index of every heading in such a section to that level."""
    if section_level is None:
        return {}
    order = level_order(list(headings.values()))
    below = {level for level in order[order.index(section_level) + 1:]}
    spans: list[list[int] | None] = []
    for index in sorted(headings):
        if headings[index].level == section_level:
            # A framing section (一、指导思想) keeps its sub-points in its text.
            title = fold(split_title(headings[index].content)[0]).strip().rstrip(":：")
            spans.append(None if _FRAMING.search(title) and not _GOALS.fullmatch(title) else [])
        elif spans and spans[-1] is not None:
            spans[-1].append(index)
    levels: dict[int, str] = {}
    for span in filter(None, spans):
        present = {headings[index].level for index in span} & below
        if not present or item_level in present:
            continue
        own = min(present, key=order.index)
        levels.update({index: own for index in span})
    return levels


def _simplified(line: Line, part: str) -> str:
    """`part` of the line's text as its folded copy gives it (simplified characters for a traditional
    page: the copy has the same length, so the same offsets hold)."""
    start = line.text.find(part) if part else -1
    return line.folded[start:start + len(part)] if start >= 0 else fold(part)


def _text_length(sections: list[_Section]) -> int:
    return sum(len(item.text) for section in sections for item in section.items.values())


def build_sections(lines: list[Line], meta: Metadata) -> list[ParsedSection]:
    """Sections with their items (text filled, targets not yet); empty list when no items."""
    starts_document: list[bool] = []
    all_passes, section_level = _passes(lines, meta, starts_document)
    documents = _documents(all_passes, starts_document, section_level)
    if documents:
        all_passes, section_level = documents, None
    for sections in all_passes:
        for section in sections:
            if section.label and section.own is not None and _only_says_when_or_who(section.own.text):
                continue  # "一、学习时间" over "3月28日下午": when, not a duty
            for number, item in list(section.items.items()):
                if (item.label and _only_says_when_or_who(item.text)
                        or item.theme and not _THEME_DUTY.match(fold(item.text))):
                    del section.items[number]  # "一、活动范围" over a list of who; "二、活动主题" over theme names
            if not section.items and section.own is not None and not section.lost and (section.own.chunks or section.own.title != section.title
                                                                  or len(section.own.title) > _STATEMENT or section.cut):
                section.items[1] = section.own
    passes = [sections for sections in all_passes if any(s.items for s in sections)]
    if not passes:
        return []
    if section_level is not None and len(passes) == 1 and all(
            section.own is not None and list(section.items.values()) == [section.own]
            for section in passes[0] if section.items):
        # Every part that is an item is its own item (the only points, under 一、活动目的, were aims):
        # the parts are the items, numbered as written (六、活动内容及流程 is item 6).
        run = _Section(None, None, None)
        for section in passes[0]:
            if section.items and section.number is not None:
                run.items[section.number] = section.own
                section.own.number = section.number
        passes = [[run]]
    outlines = []
    for sections in passes[:-1] if not documents else ():
        items = [item for section in sections for item in section.items.values()]
        if all(not item.text for item in items[:-1]):
            # An outline: what trails its last title is the preamble of the body that follows.
            items[-1].chunks.clear()
            outlines.append(sections)
    bodies = [sections for sections in passes if sections not in outlines and _text_length(sections)]
    if section_level is None and len(bodies) > 1:
        # Item numbers start again under unnumbered headings: those are sections, number them.
        passes = [sections for sections in passes if sections not in outlines]
        for number, sections in enumerate(passes, start=1):
            sections[0].number, sections[0].numeral = number, _chinese(number)
    body = max(reversed(passes), key=_text_length)
    merged: dict[int | float | None, _Section] = {
        key: _Section(s.number, s.numeral, s.title, dict(s.items), s.own) for key, s in _keyed(body)}
    has_sections = any(number is not None for number in merged)
    for sections in passes:
        if sections is body:
            continue
        for section in sections:
            key = section.number
            if key is None and has_sections:
                _fill_by_number(merged, section)
                continue
            target = merged.setdefault(key, _Section(section.number, section.numeral, section.title))
            target.title = target.title or section.title
            for number, item in section.items.items():
                target.items.setdefault(number, item)
    only = [item for section in merged.values() for item in section.items.values()]
    if len(only) == 1 and only[0].sentence and only[0].chunks:
        # The document's one heading is a paragraph of its own: its title sentence opens that
        # paragraph again, so that the paragraphs read as items under it are whole.
        text, new_paragraph = only[0].chunks[0]
        only[0].chunks[0] = (only[0].sentence + text, new_paragraph)
    result = []
    for key in sorted(merged, key=lambda k: -1 if k is None else k):
        section = merged[key]
        if not section.items or section.title and _ORGANISERS.match(_plain(section.title).strip()):
            continue
        # A section is written in Chinese numerals whatever the page numbers its parts with (1. → 一),
        # as a 公文 writes its top level and as the plan shows it (一、…).
        numeral = _chinese(section.number) if section.numeral and section.numeral.isdigit() else section.numeral
        parsed = ParsedSection(numeral, section.title)
        for number in sorted(section.items):
            item = section.items[number]
            parsed.items.append(ParsedItem(number, item.title, item.text, section=parsed))
        result.append(parsed)
    return result


def _documents(passes: list[list[_Section]], starts_document: list[bool],
               section_level: str | None) -> list[list[_Section]] | None:
    """Several documents on one page (a collection's notices under its labels 1 / 2, rules after a viewer's
    page break): where the top numbering starts again after each document's title line, each document is
    one run of items, its parts (一、二、…) the items numbered as written and their sub-points item text;
    framing parts stay out. None when the page holds one document."""
    if section_level is None or len(passes) < 2 or not all(starts_document[1:]):
        return None
    bodies = [sections for sections in passes if any(section.items or section.own for section in sections)]
    if len(bodies) < 2 or any(all(section.number is None for section in sections) for sections in bodies):
        return None  # a site's numbered notes before the title ("1、本文档由用户上传…") are no document
    if any(not any(item.text for section in sections for item in section.items.values())
           and not any(section.own and section.own.text for section in sections) for sections in bodies):
        return None  # an outline of titles before the body is one document
    runs = []
    for sections in bodies:
        run = _Section(None, None, None)
        for section in sections:
            if section.own is None and not section.items:
                continue  # a framing part (一、活动时间：…)
            own = section.own or _Item(section.number or 0, section.title or "")
            part = _Item(section.number or 0, own.title or section.title or "", list(own.chunks))
            for item in section.items.values():
                whole = (item.text if item.text.startswith(item.title)
                         else "\n".join(filter(None, (item.title, item.text))))
                part.chunks.append((whole, True))
            if section.label and not section.items and _only_says_when_or_who(part.text):
                continue  # "一、参加对象：全体教师。": for whom, not a duty
            run.items[part.number] = part
        runs.append([run])
    return runs


def _keyed(sections: list[_Section]) -> list[tuple[int | float | None, _Section]]:
    """Sections by number; a second run of items under a label in the same section (same number) is
    keyed just after it, so both are kept in reading order."""
    keyed, seen = [], {}
    for section in sections:
        repeat = seen.get(section.number, -1) + 1
        seen[section.number] = repeat
        keyed.append((section.number if not repeat or section.number is None else section.number + repeat / 100,
                      section))
    return keyed


def _fill_by_number(merged: dict[int | None, _Section], outline: _Section) -> None:
    """Outline items without sections: add those the body lacks to the section of their predecessor."""
    for number, item in outline.items.items():
        if any(number in section.items for section in merged.values()):
            continue
        owner = max((s for s in merged.values() if s.items and min(s.items) < number),
                    key=lambda s: max(s.items), default=None)
        if owner is not None:
            owner.items[number] = item
