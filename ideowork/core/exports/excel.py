"""Excel export: one mechanism for every ledger, list and report the platform writes as .xlsx.

Rows are streamed by ``xlsx.write_sheet`` into a temporary file, which is then streamed to the
client, so a 100,000-row ledger needs neither the rows nor the workbook in memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from django.http import FileResponse
from django.utils import timezone

from .xlsx import write_sheet

__all__ = ["write_workbook", "excel_response", "content_disposition"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def content_disposition(filename: str) -> str:
    """An attachment header that keeps a Chinese file name in every browser (RFC 6266)."""
    return f"attachment; filename=\"export.{filename.rsplit('.', 1)[-1]}\"; filename*=UTF-8''{quote(filename)}"


def write_workbook(fileobj, sheet_title: str, headers: Sequence[str], rows: Iterable[Sequence],
                   *, widths: Sequence[int] | None = None, title: str | None = None) -> int:
    """Write one sheet to ``fileobj``; return the number of data rows written."""
    return write_sheet(fileobj, sheet_title, headers, rows, widths=widths, title=title)


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
