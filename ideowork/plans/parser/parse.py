"""`parse_text`: a work-plan document's text → `ParsedPlan`."""

from __future__ import annotations

from .cleaning import clean_lines
from .errors import ParseError
from .metadata import read_metadata
from .paragraphs import paragraph_sections, single_heading_paragraphs
from .result import ParsedPlan
from .runon import split_run_on
from .structure import build_sections
from .targets import extract_targets
from .traditional import looks_traditional, simplified_copy

__all__ = ["parse_text", "NO_PARAGRAPHS", "EMPTY"]

NO_PARAGRAPHS = "未识别到任何要点条目或工作段落：请确认文档为工作要点、计划或通知的正文。"
EMPTY = "文档内容为空：未读取到任何文字。"


def parse_text(text: str) -> ParsedPlan:
    """Parse the text of a work plan (工作要点); raises `ParseError` (Chinese message) when unusable.

    `text` may contain web-page clutter, mixed widths, an outline before the body, headings run
    on inside long lines and traditional characters. A document without numbered items gives a
    plan of its duty paragraphs (`structure == "paragraphs"`); only a text without any usable
    paragraph is refused.
    """
    if not isinstance(text, str):
        raise ParseError("文档内容必须是文本。")
    traditional = looks_traditional(text)
    lines = clean_lines(text, simplified_copy(text) if traditional else None)
    if not lines:
        raise ParseError(EMPTY)
    lines = split_run_on(lines)
    meta = read_metadata(lines)
    structure = "numbered"
    sections = single_heading_paragraphs(build_sections(lines, meta))
    if not sections:
        structure, sections = "paragraphs", paragraph_sections(lines, meta)
    if not sections:
        raise ParseError(NO_PARAGRAPHS)
    for section in sections:
        for item in section.items:
            item.targets = extract_targets(item.text, simplified_copy(item.text) if traditional else None)
    return ParsedPlan(meta.title, meta.year, meta.issuer, sections, structure)
