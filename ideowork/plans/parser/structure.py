"""Sections and items: which heading level is which, item bodies, and outlines (目录) before the body.

A plan may list its items twice: an outline of titles first, then the body (and the body may be
cut off where a web page locked the rest). Whenever the top-level numbering starts again the
parser begins a new *pass*; the pass with the most text is the body, and the other passes only
contribute items the body lacks, with their titles and empty text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cleaning import SENTENCE_END, Line
from .headings import LEVELS, Heading, match_heading, split_title
from .metadata import Metadata
from ideowork.core.numerals import int_to_cn as _chinese
from .result import ParsedItem, ParsedSection

__all__ = ["build_sections"]

_CONTINUES_LINE = set("，,、：:（(“\"《")


@dataclass
class _Item:
    number: int
    title: str
    chunks: list[tuple[str, bool]] = field(default_factory=list)  # (text, starts a paragraph)

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


def _choose_levels(headings: list[Heading]) -> tuple[str | None, str]:
    """(section level, item level) among the heading levels present.

    The top level present is the section level and the next one the item level; a single level
    means items without sections. A level that starts again at 1 under the level below it is a
    sub-list inside item text (（一）… under "1." items), so it is passed over.
    """
    present = [level for level in LEVELS if any(h.level == level for h in headings)]
    if len(present) == 1:
        return None, present[0]
    section_level, candidates = present[0], present[1:]
    while len(candidates) > 1 and _nested_under(headings, candidates[0], candidates[1], section_level):
        candidates.pop(0)
    return section_level, candidates[0]


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


def _passes(lines: list[Line], meta: Metadata) -> tuple[list[list[_Section]], str | None]:
    headings = {index: heading for index, line in enumerate(lines)
                if index not in meta.skip and index != meta.title_index
                and (heading := match_heading(line.folded, line.text))}
    if not headings:
        return [], None
    section_level, item_level = _choose_levels(list(headings.values()))
    passes: list[list[_Section]] = []
    section: _Section | None = None
    item: _Item | None = None
    last_top = None
    awaiting_section_title = False
    lead: str | None = None  # unnumbered line just before a pass's first item

    def new_pass() -> None:
        nonlocal section, item
        passes.append([])
        section, item = None, None

    for index, line in enumerate(lines):
        if index in meta.skip:
            continue
        if index == meta.title_index:
            item = None  # the title separates an outline from the body; what follows is preamble
            continue
        heading = headings.get(index)
        if heading and heading.level == section_level:
            if last_top is None or heading.number <= last_top:
                new_pass()
            last_top = heading.number
            title, _ = split_title(heading.content)
            section = _Section(heading.number, heading.numeral, title or None)
            passes[-1].append(section)
            item, awaiting_section_title = None, not title
            continue
        if heading and heading.level == item_level:
            if section_level is None and (last_top is None or heading.number <= last_top):
                if item is not None and item.chunks and item.chunks[-1][1] and _is_lead(item.chunks[-1][0]):
                    lead = item.chunks.pop()[0]
                new_pass()
            if section_level is None:
                last_top = heading.number
            if not passes:
                new_pass()
            if section is None:
                section = _Section(None, None, lead if section_level is None else None)
                passes[-1].append(section)
            lead = None
            title, rest = split_title(heading.content)
            existing = section.items.get(heading.number)
            if existing is not None:
                # A repeated number inside one pass is a typo; keep one item so numbers stay unique.
                item = existing
                item.chunks.append((heading.content, True))
            else:
                item = section.items[heading.number] = _Item(heading.number, title)
                if rest:
                    item.chunks.append((rest, True))
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


def _text_length(sections: list[_Section]) -> int:
    return sum(len(item.text) for section in sections for item in section.items.values())


def build_sections(lines: list[Line], meta: Metadata) -> list[ParsedSection]:
    """Sections with their items (text filled, targets not yet); empty list when no items."""
    all_passes, section_level = _passes(lines, meta)
    passes = [sections for sections in all_passes if any(s.items for s in sections)]
    if not passes:
        return []
    outlines = []
    for sections in passes[:-1]:
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
    merged: dict[int | None, _Section] = {s.number: _Section(s.number, s.numeral, s.title, dict(s.items))
                                          for s in body}
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
    result = []
    for key in sorted(merged, key=lambda k: -1 if k is None else k):
        section = merged[key]
        if not section.items:
            continue
        parsed = ParsedSection(section.numeral, section.title)
        for number in sorted(section.items):
            item = section.items[number]
            parsed.items.append(ParsedItem(number, item.title, item.text, section=parsed))
        result.append(parsed)
    return result


def _fill_by_number(merged: dict[int | None, _Section], outline: _Section) -> None:
    """Outline items without sections: add those the body lacks to the section of their predecessor."""
    for number, item in outline.items.items():
        if any(number in section.items for section in merged.values()):
            continue
        owner = max((s for s in merged.values() if s.items and min(s.items) < number),
                    key=lambda s: max(s.items), default=None)
        if owner is not None:
            owner.items[number] = item
