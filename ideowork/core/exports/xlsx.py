"""A streaming writer for one-sheet .xlsx workbooks.

xlsxwriter spends some 20 µs of Python per cell even in constant-memory mode — half a minute for
a 100,000-row, 13-column ledger. This writer builds each row's XML in one string and streams it
into the zip entry, about ten times faster, with memory independent of the row count. It writes
exactly what the platform's exports use: a merged title row, a header row, bordered wrapped cells,
column widths and frozen panes, all in 宋体.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from .cleaning import xml_text

__all__ = ["write_sheet"]

MAX_CELL_CHARS = 32767  # Excel's limit
_NEEDS_WORK = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_CONTENT_TYPES = (
    f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/></Types>')
_ROOT_RELS = (f'{_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
              f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK_RELS = (f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
                  f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                  f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
_FONT = '<sz val="{size}"/><name val="宋体"/><family val="2"/><charset val="134"/>'
_BORDER = "".join(f'<{side} style="thin"><color auto="1"/></{side}>' for side in ("left", "right", "top", "bottom"))
# Cell styles: 0 default, 1 title, 2 header, 3 body.
TITLE, HEADER, BODY = 1, 2, 3
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}"><fonts count="3"><font>{_FONT.format(size=11)}</font>'
    f'<font><b/>{_FONT.format(size=16)}</font><font><b/>{_FONT.format(size=11)}</font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFF2DCDB"/><bgColor indexed="64"/></patternFill></fill></fills>'
    f'<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>{_BORDER}<diagonal/></border>'
    '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment horizontal="center" vertical="center"/></xf>'
    '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" '
    'applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _column(index: int) -> str:
    name, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text(value: str) -> str:
    if len(value) > MAX_CELL_CHARS:
        value = value[:MAX_CELL_CHARS]
    if _NEEDS_WORK.search(value):
        value = escape(xml_text(value))
    return value


def _cell(ref: str, value, style: int) -> str:
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{_text(str(value))}</t></is></c>'


def write_sheet(fileobj, sheet_title: str, headers: Sequence[str], rows: Iterable[Sequence], *,
                widths: Sequence[int] | None = None, title: str | None = None) -> int:
    """Write a workbook of one sheet to ``fileobj``; return the number of data rows written."""
    count = len(headers)
    columns = [_column(i) for i in range(max(count, 1))]
    name = _BAD_SHEET_CHARS.sub("_", xml_text(sheet_title))[:31] or "Sheet1"
    header_row = 2 if title else 1
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
        package.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        package.writestr("xl/styles.xml", _STYLES)
        package.writestr("xl/workbook.xml", f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
                                            f'<sheet name={quoteattr(name)} sheetId="1" r:id="rId1"/></sheets></workbook>')
        with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
            parts = [f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews><sheetView workbookViewId="0">'
                     f'<pane ySplit="{header_row}" topLeftCell="A{header_row + 1}" activePane="bottomLeft" '
                     'state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>']
            parts += [f'<col min="{i}" max="{i}" width="{w + 0.7109375}" customWidth="1"/>'
                      for i, w in enumerate(widths or [18] * count, 1)]
            parts.append("</cols><sheetData>")
            if title:
                parts.append('<row r="1" ht="28" customHeight="1">' + _cell("A1", title, TITLE)
                             + "".join(f'<c r="{c}1" s="{TITLE}"/>' for c in columns[1:count]) + "</row>")
            parts.append(f'<row r="{header_row}">' + "".join(_cell(f"{c}{header_row}", h, HEADER)
                                                             for c, h in zip(columns, headers)) + "</row>")
            row_no = header_row
            for row in rows:
                row_no += 1
                parts.append(f'<row r="{row_no}">' + "".join(_cell(f"{c}{row_no}", v, BODY)
                                                             for c, v in zip(columns, row)) + "</row>")
                if len(parts) >= 500:
                    sheet.write("".join(parts).encode())
                    parts.clear()
            parts.append("</sheetData>")
            if title and count > 1:
                parts.append(f'<mergeCells count="1"><mergeCell ref="A1:{columns[count - 1]}1"/></mergeCells>')
            parts.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                         "</worksheet>")
            sheet.write("".join(parts).encode())
    return row_no - header_row
