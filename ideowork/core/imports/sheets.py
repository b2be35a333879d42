"""Reading an uploaded Excel sheet for an import: cells as text, headers without their marks, and
the result of checking every row (imports are whole or not at all)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import PurePath

import openpyxl
from django.core.exceptions import ValidationError

from ..documents import DocumentError, check_zip
from ..uploads import document_limits, refusal

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
    """(workbook, the sheet called ``name`` or else the first); a Chinese error for a damaged file, or one
    that would expand beyond the document limits (checked here too, so that openpyxl never expands a
    workbook that was not checked, whoever calls)."""
    uploaded.seek(0)
    try:
        check_zip(uploaded, what="Excel 工作簿", limits=document_limits())
    except DocumentError as exc:
        raise refusal(PurePath(uploaded.name or "").name, exc) from None
    try:
        book = openpyxl.load_workbook(uploaded, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a damaged or foreign workbook
        raise ValidationError("文件无法作为Excel工作簿读取，请使用下载的模板填写后重新上传。") from None
    return book, (book[name] if name in book.sheetnames else book.worksheets[0])
