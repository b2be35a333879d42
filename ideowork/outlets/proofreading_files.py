"""Rule files the publicity staff exchange: reading an uploaded TSV or Excel file of rules row by row,
and writing the organ's rules (and the import template) in the same layouts.

The Excel layout has one column per rule field, titled in Chinese (``COLUMNS``); the TSV layout is the
shipped rule files' format (``proofreading.rules``: code, pattern, suggestion, severity, note,
exceptions, outdated_after), read by the engine's ``parse_rule_file``. Reading never stops at the first
bad row: every row comes back with its line number and its problems, so an import can name them all.
"""

from __future__ import annotations

import datetime
import io

import xlsxwriter
from django.core.exceptions import ValidationError

from ideowork.core.exports.cleaning import spreadsheet_cell, xml_text
from ideowork.core.exports.excel import XLSX_MIME
from ideowork.core.imports.sheets import cell_text, normalise_header, open_sheet
from ideowork.core.uploads import KIND_GROUPS, check_upload, read_upload

from .choices import RuleCategory, Severity
from .proofreading import WORD_CATEGORIES, RuleFileError, parse_rule_file

__all__ = ["COLUMNS", "MAX_ROWS", "MAX_BYTES", "read_rule_file", "write_rule_file", "template_file"]

SHEET = "校对规则"
# (rule field, column title, required)
COLUMNS = [("pattern", "查找内容", True), ("suggestion", "建议改为", False), ("category", "类别", False),
           ("severity", "级别", False), ("note", "说明", False), ("exceptions", "例外语境", False),
           ("outdated_after", "过时日期", False)]
MAX_ROWS = 5000
MAX_BYTES = 2 * 1024 * 1024
TSV_MIME = "text/tab-separated-values; charset=utf-8"
EXAMPLES = [
    {"pattern": "截止目前", "suggestion": "截至目前", "category": "confusable", "severity": "error",
     "note": "表示到某一时间为止用“截至”", "exceptions": [], "outdated_after": None,
     "code_name": "jiezhimuqian"},
    {"pattern": "三个代表重要思想", "suggestion": "“三个代表”重要思想", "category": "formulation", "severity": "error",
     "note": "规范提法须加引号", "exceptions": [], "outdated_after": None,
     "code_name": "sangedaibiao"},
    {"pattern": "机构编制委员会办公室主任会议", "suggestion": "", "category": "custom", "severity": "warning",
     "note": "本单位自定义示例：请核对会议名称", "exceptions": [], "outdated_after": None,
     "code_name": "zhurenhuiyi"},
]

_CATEGORIES = {label: value for value, label in RuleCategory.choices}
_SEVERITIES = {label: value for value, label in Severity.choices}


def read_rule_file(uploaded) -> list[tuple[int, dict | None, list[str]]]:
    """Every rule row of an uploaded file: (line number, values for ``check_rule`` or None, problems).

    Raises ValidationError (Chinese) when the file as a whole is unusable: type, size, encoding,
    missing columns, no rows, too many rows.
    """
    kind = check_upload(uploaded, allowed=KIND_GROUPS["text"] | {"xlsx"}, max_bytes=MAX_BYTES)
    if kind == "xlsx":
        rows = _read_xlsx(uploaded)
    else:
        rows = _read_tsv(read_upload(uploaded, allowed=KIND_GROUPS["text"], max_bytes=MAX_BYTES).text)
    if not rows:
        raise ValidationError("文件中没有规则，请在列名之下逐行填写。")
    if len(rows) > MAX_ROWS:
        raise ValidationError(f"文件中的规则超过单次导入上限{MAX_ROWS}条，请分批导入。")
    return rows


def _values(line: int, raw: dict) -> tuple[int, dict | None, list[str]]:
    """Turn one row of cell texts into ``check_rule`` arguments, naming what cannot be understood."""
    problems = []
    category = _CATEGORIES.get(raw.get("category") or "自定义", raw.get("category"))
    if category not in WORD_CATEGORIES:
        labels = "、".join(c.label for c in RuleCategory if c in WORD_CATEGORIES)
        problems.append(f"类别“{raw['category']}”不能用于词语规则，应为{labels}之一")
    severity = _SEVERITIES.get(raw.get("severity") or "错误", raw.get("severity"))
    if severity not in Severity.values:
        problems.append(f"级别“{raw['severity']}”应为“错误”或“提示”")
    outdated_after = None
    if raw.get("outdated_after"):
        try:
            outdated_after = datetime.date.fromisoformat(raw["outdated_after"][:10].replace("/", "-"))
        except ValueError:
            problems.append(f"过时日期“{raw['outdated_after']}”应写成 2025-01-01 的格式")
    if not raw.get("pattern"):
        problems.append("查找内容为空")
    if problems:
        return line, None, problems
    return line, {"category": category, "pattern": raw["pattern"], "suggestion": raw.get("suggestion", ""),
                  "severity": severity, "note": raw.get("note", ""), "exceptions": raw.get("exceptions", ""),
                  "outdated_after": outdated_after, "enabled": True}, []


def _read_xlsx(uploaded) -> list:
    book, sheet = open_sheet(uploaded, SHEET)
    try:
        rows_iter = sheet.iter_rows(values_only=True)
        header = [normalise_header(v) for v in next(rows_iter, ())]
        missing = [title for _, title, required in COLUMNS if required and title not in header]
        if missing:
            raise ValidationError(f"文件缺少以下列：{'、'.join(missing)}。请使用下载的模板，不要修改第一行的列名。")
        positions = {key: header.index(title) for key, title, _ in COLUMNS if title in header}
        rows = []
        for line, values in enumerate(rows_iter, start=2):
            values = list(values) + [None] * len(header)
            raw = {key: cell_text(values[pos]) for key, pos in positions.items()}
            if any(raw.values()):
                rows.append(_values(line, raw))
            if len(rows) > MAX_ROWS:
                break
    finally:
        book.close()
    return rows


def _read_tsv(text: str) -> list:
    """The shipped files' format, one line at a time so that every bad line is named."""
    rows = []
    for line, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            [spec] = parse_rule_file(raw, source="")
        except RuleFileError as exc:
            rows.append((line, None, [str(exc).partition("：")[2] or str(exc)]))
        else:
            rows.append((line, {"category": spec.category, "pattern": spec.pattern,
                                "suggestion": spec.suggestion or "", "severity": spec.severity, "note": spec.note,
                                "exceptions": list(spec.exceptions), "outdated_after": spec.outdated_after,
                                "enabled": True}, []))
        if len(rows) > MAX_ROWS:
            break
    return rows


# --- writing -----------------------------------------------------------------------------------
def _row_cells(rule) -> list[str]:
    get = rule.get if isinstance(rule, dict) else lambda name: getattr(rule, name)
    exceptions = get("exceptions")
    if isinstance(exceptions, str):
        exceptions = exceptions.splitlines()
    outdated = get("outdated_after")
    return [get("pattern"), get("suggestion") or "", RuleCategory(get("category")).label,
            Severity(get("severity")).label, get("note") or "", "|".join(exceptions or ()),
            outdated.isoformat() if outdated else ""]


def _xlsx(rows: list[list[str]], *, notes: list[str] | None = None) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    head = book.add_format({"bold": True, "bg_color": "#F2DCDB", "border": 1, "align": "center"})
    text = book.add_format({"num_format": "@", "text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet(SHEET)
    for col, (key, title, _) in enumerate(COLUMNS):
        sheet.write_string(0, col, title, head)
        sheet.set_column(col, col, {"pattern": 24, "suggestion": 24, "note": 36, "exceptions": 30}.get(key, 12), text)
    for row, cells in enumerate(rows, start=1):
        for col, value in enumerate(cells):
            sheet.write_string(row, col, xml_text(value), text)
    sheet.freeze_panes(1, 0)
    last = max(len(rows), MAX_ROWS)
    sheet.data_validation(1, 2, last, 2, {"validate": "list",
                                          "source": [c.label for c in RuleCategory if c in WORD_CATEGORIES]})
    sheet.data_validation(1, 3, last, 3, {"validate": "list", "source": list(Severity.labels)})
    if notes:
        sheet_notes = book.add_worksheet("说明")
        sheet_notes.set_column(0, 0, 100)
        for row, line in enumerate(notes):
            sheet_notes.write_string(row, 0, line, head if row == 0 else None)
    book.close()
    return buffer.getvalue()


def write_rule_file(rules, *, fmt: str, name: str) -> tuple[str, bytes, str]:
    """(file name, content, content type) of ``rules`` in the import layout."""
    if fmt == "xlsx":
        return f"{name}.xlsx", _xlsx([_row_cells(rule) for rule in rules]), XLSX_MIME
    return f"{name}.tsv", _tsv(rules, comments=[name]).encode("utf-8"), TSV_MIME


TSV_HEADER = "# 规则编号\t查找内容\t建议改为\t级别\t说明\t例外语境\t过时日期"


def _tsv_line(rule) -> str:
    """One rule as a line of the shipped files' format (``proofreading.rules``)."""
    if isinstance(rule, dict):
        get, code = rule.get, f"{rule['category']}.{rule['code_name']}"
    else:
        get, code = (lambda name: getattr(rule, name)), rule.shipped_code or f"{rule.category}.{rule.code}"
    exceptions = get("exceptions")
    if isinstance(exceptions, str):
        exceptions = exceptions.splitlines()
    outdated = get("outdated_after")
    cells = [code, get("pattern"), get("suggestion") or "", get("severity"), get("note") or "",
             "|".join(exceptions or ()), outdated.isoformat() if outdated else ""]
    return "\t".join(_one_line(c) for c in cells).rstrip("\t")


def _one_line(value: str) -> str:
    """A cell on one line, that no spreadsheet opening the file takes for a formula."""
    return spreadsheet_cell(" ".join(str(value).replace("\t", " ").splitlines()))


def _tsv(rules, *, comments=()) -> str:
    lines = [*(f"# {c}" for c in comments), TSV_HEADER, *(_tsv_line(rule) for rule in rules)]
    return "\n".join(lines) + "\n"


NOTES = [
    "校对规则导入填写说明",
    "1. 每行一条规则，不要修改第一行的列名；示例行可直接删除或改写。",
    "2. “查找内容”必填，不超过50个字，文中出现这段文字即提示。",
    "3. 类别填写：" + "、".join(c.label for c in RuleCategory if c in WORD_CATEGORIES) + "，不填为“自定义”；级别填“错误”或“提示”，不填为“错误”。",
    "4. “例外语境”为包含查找内容的较长词语，在其中出现时不提示，多条用竖线“|”或分号“;”分隔。",
    "5. “过时日期”只用于“过时表述”类，写成 2025-01-01 的格式，成文日期在此日之后的文件才提示。",
    "6. 与已有规则或本文件其他行查找内容相同的，视为重复，不能导入。任何一行有误时整份文件都不会导入。",
]


TSV_NOTES = [
    "校对规则文件：UTF-8编码，每行一条规则，各列以制表符（Tab）分隔；以#开头的行和空行不读取。",
    "规则编号写成“类别.名称”，类别为 " + "、".join(f"{c.value}（{c.label}）" for c in RuleCategory
                                               if c in WORD_CATEGORIES) + "，名称自拟，不含空格。",
    "级别填 error（错误）或 warning（提示），不填为错误；例外语境多条用“|”分隔，每条须包含查找内容；"
    "过时日期写成 2025-01-01，只用于 outdated 类。",
]


def template_file(fmt: str) -> tuple[str, bytes, str]:
    if fmt == "tsv":
        return "校对规则导入模板.tsv", _tsv(EXAMPLES, comments=TSV_NOTES).encode("utf-8"), TSV_MIME
    return "校对规则导入模板.xlsx", _xlsx([_row_cells(example) for example in EXAMPLES], notes=NOTES), XLSX_MIME
