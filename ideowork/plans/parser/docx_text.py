"""Text of a .docx in reading order: paragraphs and table cells, with Word's automatic numbering.

Headings such as "一、" or "1." are often Word list numbering rather than typed characters;
python-docx leaves them out of `paragraph.text`, so they are rendered here from numbering.xml
(lvlText "%1、" with numFmt chineseCounting → "一、").
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.oxml.ns import qn

from .numerals import int_to_cn

__all__ = ["docx_text"]

_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})$")

def _format(value: int, fmt: str) -> str:
    if fmt.startswith(("chinese", "ideograph", "japaneseCounting", "taiwaneseCounting")):
        return int_to_cn(value)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalEnclosedCircle" and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


class _Numbering:
    """Counters for Word list numbering, advanced paragraph by paragraph."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[int, str, str]] = {}  # (numId, ilvl) → start, fmt, text
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstracts = {}
        for abstract in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.findall(qn("w:lvl")):
                start = lvl.find(qn("w:start"))
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    int(start.get(qn("w:val"), "1")) if start is not None else 1,
                    fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                    text.get(qn("w:val"), "") if text is not None else "",
                )
            abstracts[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            abstract_id = num.find(qn("w:abstractNumId"))
            if abstract_id is None:
                continue
            key = abstract_id.get(qn("w:val"))
            self.abstract_of[num_id] = key
            for ilvl, spec in abstracts.get(key, {}).items():
                self.levels[(num_id, ilvl)] = spec

    @staticmethod
    def _num_pr(paragraph):
        """The paragraph's own list numbering, else its style's (List Number and friends)."""
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return p_pr.numPr
        style = paragraph.style
        while style is not None:
            style_p_pr = style.element.pPr
            if style_p_pr is not None and style_p_pr.numPr is not None:
                return style_p_pr.numPr
            style = style.base_style
        return None

    def label(self, paragraph) -> str:
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        if (num_id, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        start, _, text = self.levels[(num_id, ilvl)]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        for level in range(ilvl + 1):
            spec = self.levels.get((num_id, level))
            if spec:
                value = counters.get(level, spec[0])
                text = text.replace(f"%{level + 1}", _format(value, spec[1]))
        return text


def docx_text(data: bytes) -> str:
    """Paragraphs and table cells in document order, one per line."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(data))
    numbering = _Numbering(document)
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            lines.append(numbering.label(paragraph) + paragraph.text)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat across the row
                        continue
                    seen.add(id(cell._tc))
                    cells.append([numbering.label(p) + p.text for p in cell.paragraphs])
                lines.extend(_row_lines(cells))
    return "\n".join(lines)


def _row_lines(cells: list[list[str]]) -> list[str]:
    """A row of a task table (序号 | 工作任务 | 具体措施 | 责任单位) reads as "1.工作任务" and its text.

    Rows whose first cell is not a bare number are read cell by cell.
    """
    first = "".join(cells[0]).strip() if cells else ""
    if len(cells) > 1 and _ROW_NUMBER.match(first):
        title = " ".join(line.strip() for line in cells[1] if line.strip())
        marker = "、" if not first.isdigit() else "."
        rest = [line for cell in cells[2:] for line in cell]
        return [f"{first}{marker}{title}", *rest]
    return [line for cell in cells for line in cell]
