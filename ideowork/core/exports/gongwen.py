"""Word documents in the official-document format (公文, GB/T 9704-2012), written with python-docx.

``gongwen_document`` lays out the 版头 (red issuer name, 文号, red separator line), the title, the
body blocks (paragraphs, 一、/（一） headings, tables) and the signature and date; the footer
carries the page number as a PAGE field in the "— 1 —" form. ``docx_response`` sends it.

Chinese fonts are set on every run as East Asian fonts (``w:rFonts/@w:eastAsia``): Word uses that
attribute, not the Latin font name, for Chinese characters. The font table names the usual
substitutes (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体) for machines that lack
the GB2312-era fonts.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from django.http import HttpResponse
from lxml import etree

from .cleaning import xml_text
from .excel import content_disposition

__all__ = ["Paragraph", "Heading", "Table", "gongwen_document", "docx_response", "set_run_font", "DOCX_MIME",
           "write_paragraph", "page_setup", "register_fallback_fonts", "add_page_numbers", "red_line", "PPR_AFTER_PBDR",
           "add_text", "set_properties", "write_table"]

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEADING = "黑体"
FONT_SUBHEADING = "楷体_GB2312"
FONT_PAGE_NUMBER = "宋体"
FALLBACKS = {FONT_TITLE: "宋体", FONT_BODY: "仿宋", FONT_SUBHEADING: "楷体"}

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_TABLE = Pt(10.5)  # 五号, so that an eight-column table fits the 156 mm text width
LINE_PITCH = Pt(29)  # 22 lines on a 225 mm page body
RED = RGBColor(0xE6, 0x00, 0x12)
TEXT_WIDTH_MM = 156


@dataclass
class Paragraph:
    text: str
    indent: bool = True  # first line indented by two characters


@dataclass
class Heading:
    """``level`` 1 is the 一、 level (黑体), 2 the （一） level (楷体)."""

    text: str
    level: int = 1


@dataclass
class Table:
    headers: Sequence[str]
    rows: Iterable[Sequence]
    widths_mm: Sequence[float] | None = None  # should add up to 156
    font_size: Pt = SIZE_TABLE


def set_run_font(run, name: str, size=None, *, bold: bool | None = None, color: RGBColor | None = None) -> None:
    """Set a run's font for Latin and East Asian text alike."""
    run.font.name = name
    r_fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        r_fonts.set(qn(attr), name)
    if size is not None:
        run.font.size = size
    if bold is not None:
        run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color


def add_text(paragraph, text: str, font: str, size=None, **style):
    """A run of ``text`` (the characters XML cannot hold dropped: python-docx refuses them) in ``font``."""
    run = paragraph.add_run(xml_text(text))
    set_run_font(run, font, size, **style)
    return run


def set_properties(document, *, title: str, author: str) -> None:
    """The document's title and author in its core properties (XML, like the text)."""
    core = document.core_properties
    core.title, core.author = xml_text(title), xml_text(author)


def write_paragraph(container, text: str = "", *, font=FONT_BODY, size=SIZE_3, align=None, indent_chars: int = 0,
               bold=None, color=None, line=LINE_PITCH):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line
    fmt.space_before = fmt.space_after = Pt(0)
    if align is not None:
        paragraph.alignment = align
    if indent_chars:
        fmt.first_line_indent = Pt(size.pt * indent_chars)
    if text:
        add_text(paragraph, text, font, size, bold=bold, color=color)
    return paragraph


def page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    # The page number's dash line sits 7 mm below the text body.
    section.footer_distance = Mm(35 - 7) - SIZE_4
    style = document.styles["Normal"]
    style.font.name = FONT_BODY
    style.font.size = SIZE_3
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT_BODY)


def register_fallback_fonts(document) -> None:
    """Name a substitute for each GB2312-era font in the font table (w:altName)."""
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    for name, alt in FALLBACKS.items():
        font = etree.SubElement(root, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(font, qn("w:altName"), {qn("w:val"): alt})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})
        etree.SubElement(font, qn("w:family"), {qn("w:val"): "modern"})
        etree.SubElement(font, qn("w:pitch"), {qn("w:val"): "fixed"})
    # python-docx keeps parts it does not model as bytes; replacing them is the supported way.
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_field(paragraph, size) -> None:
    """Append a PAGE field, so Word fills in each page's own number."""
    def run_with(child):
        run = paragraph.add_run()
        set_run_font(run, FONT_PAGE_NUMBER, size)
        run._element.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(begin)
    run_with(instr)
    run_with(separate)
    placeholder = paragraph.add_run("1")
    set_run_font(placeholder, FONT_PAGE_NUMBER, size)
    run_with(end)


def add_page_numbers(document) -> None:
    """"— 1 —" in 4号 半角 宋体: odd pages right, even pages left, one character in from the edge."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    sides = ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
    for footer, align in sides:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = SIZE_4
        else:
            fmt.left_indent = SIZE_4
        set_run_font(paragraph.add_run("— "), FONT_PAGE_NUMBER, SIZE_4)
        _page_field(paragraph, SIZE_4)
        set_run_font(paragraph.add_run(" —"), FONT_PAGE_NUMBER, SIZE_4)


PPR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                   "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                   "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                   "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                   "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def red_line(paragraph) -> None:
    """The 版头 separator: a red rule the width of the text body, 4 mm below the paragraph."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "11"), ("w:color", "E60012")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # Word rejects a w:pPr whose children are out of schema order.
    p_pr.insert_element_before(borders, *PPR_AFTER_PBDR)


def _masthead(document, issuer: str, doc_number: str) -> None:
    # Shrink the red issuer name until it fits on one line of the text body.
    size = Pt(min(36.0, TEXT_WIDTH_MM / 25.4 * 72 / max(len(issuer), 1) * 0.95))
    write_paragraph(document, issuer, font=FONT_TITLE, size=size, align=WD_ALIGN_PARAGRAPH.CENTER, color=RED,
               line=Pt(size.pt * 1.3))
    write_paragraph(document)
    write_paragraph(document)
    number = write_paragraph(document, doc_number, align=WD_ALIGN_PARAGRAPH.CENTER)
    red_line(number)
    write_paragraph(document)


def write_table(document, block: Table) -> None:
    """A grid table with its header row repeated on every page it runs over."""
    headers = list(block.headers)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    line = Pt(block.font_size.pt * 1.5)

    def fill(cell, value, *, header=False):
        cell.paragraphs[0].text = ""
        lines = str(value if value is not None else "").split("\n")
        for n, text in enumerate(lines):
            paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            fmt = paragraph.paragraph_format
            fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, line
            fmt.space_before = fmt.space_after = Pt(0)
            if header:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_text(paragraph, text, FONT_HEADING if header else FONT_BODY, block.font_size)

    for cell, header in zip(table.rows[0].cells, headers):
        fill(cell, header, header=True)
    # Repeat the header row on every page the table runs over.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            fill(cell, value)
    if block.widths_mm:
        table.autofit = False
        for column, width in zip(table.columns, block.widths_mm):
            column.width = Mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, block.widths_mm):
                cell.width = Mm(width)


def _signature(document, issuer: str, date: datetime.date) -> None:
    write_paragraph(document)
    write_paragraph(document)
    date_text = f"{date.year}年{date.month}月{date.day}日"
    # 成文日期 右空四字; the issuer is centred over the date.
    signed = write_paragraph(document, issuer, align=WD_ALIGN_PARAGRAPH.RIGHT)
    signed.paragraph_format.right_indent = Pt(SIZE_3.pt * 4 + max(len(date_text) - len(issuer), 0) * SIZE_3.pt / 2)
    dated = write_paragraph(document, date_text, align=WD_ALIGN_PARAGRAPH.RIGHT)
    dated.paragraph_format.right_indent = Pt(SIZE_3.pt * 4)


def gongwen_document(title: str, doc_number: str, issuer: str, date: datetime.date | None,
                     body_blocks: Iterable[Paragraph | Heading | Table]) -> Document:
    """A 公文: 版头 with ``issuer`` in red and ``doc_number`` (may be empty), title, body, signature."""
    document = Document()
    page_setup(document)
    register_fallback_fonts(document)
    add_page_numbers(document)
    set_properties(document, title=title, author=issuer)
    if issuer:
        _masthead(document, issuer, doc_number)
    write_paragraph(document, title, font=FONT_TITLE, size=SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(35))
    write_paragraph(document)
    for block in body_blocks:
        if isinstance(block, Heading):
            font = FONT_HEADING if block.level == 1 else FONT_SUBHEADING
            write_paragraph(document, block.text, font=font, indent_chars=2)
        elif isinstance(block, Table):
            write_table(document, block)
        else:
            write_paragraph(document, block.text, indent_chars=2 if block.indent else 0)
    if issuer and date:
        _signature(document, issuer, date)
    return document


def docx_response(document, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    document.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=DOCX_MIME)
    response["Content-Disposition"] = content_disposition(filename)
    return response
