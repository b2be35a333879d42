"""Reading an uploaded Excel sheet for an import: cells as text, headers without their marks, and
the result of checking every row (imports are whole or not at all)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import openpyxl
from django.core.exceptions import ValidationError

__all__ = ["ImportResult", "cell_text", "normalise_header", "open_sheet"]


@dataclass
class ImportResult:
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # each "第N行：…"

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value).strip()


def normalise_header(value) -> str:
    """A column header as typed, without spaces and the required-field star."""
    return cell_text(value).replace(" ", "").replace("\u3000", "").rstrip("*＊")


def open_sheet(uploaded, name: str):
    """(workbook, the sheet called ``name`` or else the first); a Chinese error for a damaged file."""
    uploaded.seek(0)
    try:
        book = openpyxl.load_workbook(uploaded, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a damaged or foreign workbook
        raise ValidationError("文件无法作为Excel工作簿读取，请使用下载的模板填写后重新上传。") from None
    return book, (book[name] if name in book.sheetnames else book.worksheets[0])
