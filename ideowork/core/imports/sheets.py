"""Reading an uploaded Excel sheet for an import: cells as text, headers without their marks, and
the result of checking every row (imports are whole or not at all)."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from pathlib import PurePath

import openpyxl
import xlsxwriter
from django.core.exceptions import ValidationError

from ..documents import DocumentError, check_zip
from ..uploads import document_limits, refusal

__all__ = ["ImportResult", "add_notes_sheet", "cell_text", "normalise_header", "open_sheet", "read_sheet_rows",
           "template_workbook"]


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


def read_sheet_rows(uploaded, name: str, columns, *, required, what: str, max_rows: int, measure: str
                    ) -> list[tuple[int, dict]]:
    """The filled rows of the sheet ``name`` (or else the first), each as (Excel row number,
    {key: cell text}), with "" for a column the file lacks. ``columns`` are (key, header, …) tuples,
    ``required`` the headers the file must have. Raises ``ValidationError`` when the file as a whole is
    unusable: unreadable, a required column missing, no ``what`` in it, or more than ``max_rows``
    (counted in ``measure``, e.g. 个)."""
    book, sheet = open_sheet(uploaded, name)
    try:
        rows_iter = sheet.iter_rows(values_only=True)
        header = [normalise_header(v) for v in next(rows_iter, ())]
        missing = [title for _, title, *_ in columns if title in required and title not in header]
        if missing:
            raise ValidationError(f"文件缺少以下列：{'、'.join(missing)}。请使用下载的模板，不要修改第一行的列名。")
        positions = {key: header.index(title) for key, title, *_ in columns if title in header}
        rows = []
        for excel_row, values in enumerate(rows_iter, start=2):
            values = list(values) + [None] * len(header)
            row = {key: cell_text(values[positions[key]]) if key in positions else "" for key, *_ in columns}
            if any(row.values()):
                rows.append((excel_row, row))
            if len(rows) > max_rows:
                break
    finally:
        book.close()
    if not rows:
        raise ValidationError(f"文件中没有需要导入的{what}，请在第一行列名之下逐行填写。")
    if len(rows) > max_rows:
        raise ValidationError(f"文件中的{what}超过单次导入上限{max_rows}{measure}，请分批导入。")
    return rows


def template_workbook():
    """(buffer, workbook, header format) of a new import template; what is typed stays text, never a
    number, formula or link. The caller closes the workbook and returns ``buffer.getvalue()``."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    head = book.add_format({"bold": True, "bg_color": "#F2DCDB", "border": 1, "align": "center",
                            "font_name": "宋体"})
    return buffer, book, head


def add_notes_sheet(book, name: str, width: int, lines: list[str], head) -> None:
    """The template's instructions: one line a row, the first a heading in ``head``."""
    notes = book.add_worksheet(name)
    notes.set_column(0, 0, width)
    for row, line in enumerate(lines):
        notes.write_string(row, 0, line, head if row == 0 else None)
