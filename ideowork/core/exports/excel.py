"""Excel export: one mechanism for every ledger, list and report the platform writes as .xlsx.

Rows are written with xlsxwriter in constant-memory mode to a temporary file, which is then
streamed to the client, so a 100,000-row ledger needs neither the rows nor the workbook in memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from urllib.parse import quote

import xlsxwriter
from django.http import FileResponse
from django.utils import timezone

__all__ = ["write_workbook", "excel_response", "content_disposition"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def content_disposition(filename: str) -> str:
    """An attachment header that keeps a Chinese file name in every browser (RFC 6266)."""
    return f"attachment; filename=\"export.{filename.rsplit('.', 1)[-1]}\"; filename*=UTF-8''{quote(filename)}"


def write_workbook(fileobj, sheet_title: str, headers: Sequence[str], rows: Iterable[Sequence],
                   *, widths: Sequence[int] | None = None, title: str | None = None) -> int:
    """Write one sheet to ``fileobj``; return the number of data rows written."""
    workbook = xlsxwriter.Workbook(fileobj, {"constant_memory": True, "in_memory": False,
                                             "strings_to_numbers": False, "strings_to_formulas": False,
                                             "strings_to_urls": False})
    sheet = workbook.add_worksheet(sheet_title[:31])
    title_fmt = workbook.add_format({"bold": True, "font_size": 16, "align": "center", "font_name": "宋体"})
    head_fmt = workbook.add_format({"bold": True, "bg_color": "#F2DCDB", "border": 1, "align": "center",
                                    "valign": "vcenter", "text_wrap": True, "font_name": "宋体"})
    cell_fmt = workbook.add_format({"border": 1, "valign": "top", "text_wrap": True, "font_name": "宋体"})
    row_no = 0
    if title:
        sheet.merge_range(0, 0, 0, max(len(headers) - 1, 0), title, title_fmt)
        sheet.set_row(0, 28)
        row_no = 1
    for col, width in enumerate(widths or [18] * len(headers)):
        sheet.set_column(col, col, width)
    for col, header in enumerate(headers):
        sheet.write_string(row_no, col, header, head_fmt)
    sheet.freeze_panes(row_no + 1, 0)
    count = 0
    for row in rows:
        row_no += 1
        count += 1
        for col, value in enumerate(row):
            if value is None:
                sheet.write_blank(row_no, col, None, cell_fmt)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(row_no, col, value, cell_fmt)
            else:
                sheet.write_string(row_no, col, str(value), cell_fmt)
    workbook.close()
    return count


def excel_response(sheet_title: str, headers: Sequence[str], rows: Iterable[Sequence], *,
                   filename: str | None = None, widths: Sequence[int] | None = None,
                   title: str | None = None) -> FileResponse:
    """Write the rows to a temporary workbook and stream it as a download."""
    tmp = tempfile.TemporaryFile(suffix=".xlsx")
    write_workbook(tmp, sheet_title, headers, rows, widths=widths, title=title)
    tmp.seek(0)
    filename = filename or f"{sheet_title}-{timezone.localdate():%Y%m%d}.xlsx"
    response = FileResponse(tmp, content_type=XLSX_MIME)
    response["Content-Disposition"] = content_disposition(filename)
    return response
