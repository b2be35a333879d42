"""A briefing issue as a Word document in the usual 简报 layout.

Red masthead with the series name, 第X期（总第Y期）, the editing unit on the left and the date on the
right above a red rule; then each entry with its heading and 仿宋 paragraphs; at the end the 版记:
the 报/送/发 lines between two rules and 共印N份. Page size, margins, fonts (with their fallbacks)
and page numbers are the 公文 ones of ``core.exports.gongwen``.
"""

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ideowork.core.exports.gongwen import (PPR_AFTER_PBDR, FONT_BODY, FONT_HEADING, FONT_TITLE, RED, SIZE_3,
                                           SIZE_4, TEXT_WIDTH_MM, add_page_numbers, add_text, page_setup,
                                           red_line, register_fallback_fonts, set_properties, write_paragraph)

from .models import BriefingIssue

__all__ = ["briefing_document", "briefing_filename", "briefing_masthead"]

MASTHEAD_MAX = 42.0  # 初号


def briefing_filename(issue: BriefingIssue) -> str:
    return f"{issue.series.name}{issue.year}年第{issue.number}期.docx"


def _rule(paragraph, side: str, *, size: int = 8) -> None:
    """A black rule the width of the text body above (``top``) or below (``bottom``) the paragraph."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = p_pr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        p_pr.insert_element_before(borders, *PPR_AFTER_PBDR)
    line = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "4"), ("w:color", "000000")):
        line.set(qn(key), value)
    # Schema order inside w:pBdr: top before bottom.
    if side == "top":
        borders.insert(0, line)
    else:
        borders.append(line)


def briefing_masthead(document, name: str, number_label: str, editor: str, day) -> None:
    """The 简报 masthead: ``name`` in red, the number, then the editing unit flush left and the date
    flush right above the red rule; other areas' briefings share it."""
    size = Pt(min(MASTHEAD_MAX, TEXT_WIDTH_MM / 25.4 * 72 / max(len(name), 1) * 0.9))
    write_paragraph(document, name, font=FONT_TITLE, size=size, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, color=RED,
               line=Pt(size.pt * 1.4))
    write_paragraph(document)
    write_paragraph(document, number_label, align=WD_ALIGN_PARAGRAPH.CENTER)
    write_paragraph(document)
    byline = write_paragraph(document, f"{editor}编")
    byline.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    add_text(byline, f"\t{day.year}年{day.month}月{day.day}日", FONT_BODY, SIZE_3)
    red_line(byline)
    write_paragraph(document)


def _entries(document, issue: BriefingIssue) -> None:
    for n, entry in enumerate(issue.entries.all()):
        if n:
            write_paragraph(document)
        write_paragraph(document, entry.heading, font=FONT_HEADING, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        for text in entry.paragraphs():
            write_paragraph(document, text, indent_chars=2)


def _colophon(document, issue: BriefingIssue) -> None:
    """The 版记: distribution lines between two rules, and the number of copies."""
    write_paragraph(document)
    write_paragraph(document)
    lines = issue.distribution()
    first = True
    for label, text in lines:
        paragraph = write_paragraph(document, f"{label}：{text}", size=SIZE_4, line=Pt(22))
        paragraph.paragraph_format.left_indent = Pt(SIZE_4.pt)
        paragraph.paragraph_format.first_line_indent = 0
        if first:
            _rule(paragraph, "top", size=12)
            first = False
    copies = write_paragraph(document, f"共印{issue.copies}份", size=SIZE_4, align=WD_ALIGN_PARAGRAPH.RIGHT, line=Pt(22))
    copies.paragraph_format.right_indent = Pt(SIZE_4.pt)
    if first:
        _rule(copies, "top", size=12)
    _rule(copies, "bottom", size=12)


def briefing_document(issue: BriefingIssue) -> Document:
    """The issue as a python-docx ``Document`` (send it with ``gongwen.docx_response``)."""
    document = Document()
    page_setup(document)
    register_fallback_fonts(document)
    add_page_numbers(document)
    set_properties(document, title=str(issue), author=issue.editor)
    briefing_masthead(document, issue.series.name, issue.number_label, issue.editor, issue.issue_date)
    _entries(document, issue)
    _colophon(document, issue)
    return document
