"""Excel workbooks for the tests that upload one: the rows written to one sheet, as the file's bytes."""

import io

import openpyxl

__all__ = ["workbook_bytes"]


def workbook_bytes(rows, *, sheet: str, headers=None) -> bytes:
    """A workbook whose one sheet ``sheet`` holds ``headers`` (when given), then ``rows``."""
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in ([headers] if headers else []) + list(rows):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
