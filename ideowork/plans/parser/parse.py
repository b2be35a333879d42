"""`parse_text`: a work-plan document's text → `ParsedPlan`."""

from __future__ import annotations

from .cleaning import clean_lines
from .errors import ParseError
from .metadata import read_metadata
from .result import ParsedPlan
from .structure import build_sections
from .targets import extract_targets

__all__ = ["parse_text"]

NO_ITEMS = "未识别到任何要点条目：请确认文档为工作要点正文，条目以“1.”“（一）”等编号开头。"
EMPTY = "文档内容为空：未读取到任何文字。"


def parse_text(text: str) -> ParsedPlan:
    """Parse the text of a work plan (工作要点); raises `ParseError` (Chinese message) when unusable.

    `text` may contain web-page clutter, mixed widths and an outline before the body.
    """
    if not isinstance(text, str):
        raise ParseError("文档内容必须是文本。")
    lines = clean_lines(text)
    if not lines:
        raise ParseError(EMPTY)
    meta = read_metadata(lines)
    sections = build_sections(lines, meta)
    if not sections:
        raise ParseError(NO_ITEMS)
    for section in sections:
        for item in section.items:
            item.targets = extract_targets(item.text)
    return ParsedPlan(meta.title, meta.year, meta.issuer, sections)
