"""An import file as a table: JSON lines, CSV (UTF-8, UTF-8 with BOM, GB18030) or Excel .xlsx, read
through ``core.uploads`` (type decided from the content, size and expansion limits, the one text
decoder), then its rows turned into records by the column mapping the user chose."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import ValidationError

from ideowork.core.documents import extension_of
from ideowork.core.imports.sheets import cell_text, normalise_header, open_sheet
from ideowork.core.uploads import check_upload, read_upload

__all__ = ["Table", "read_table", "guess_mapping", "records_from", "MAPPED_FIELDS", "MAX_ROWS"]

MAX_ROWS = 20_000
# The fields a column may be mapped to, in the order the page asks.
MAPPED_FIELDS = [("title", "标题"), ("text", "正文"), ("url", "链接"), ("published", "发布时间"), ("outlet", "媒体"),
                 ("reads", "阅读"), ("reposts", "转发"), ("comments", "评论"), ("likes", "点赞")]
# Header names the exports of commercial opinion services and crawlers commonly use.
_SYNONYMS = {
    "title": ["标题", "文章标题", "信息标题", "帖子标题", "主题", "title", "headline"],
    "text": ["正文", "内容", "全文", "文章内容", "信息内容", "摘要", "content", "text", "body", "summary"],
    "url": ["链接", "原文链接", "网址", "原文地址", "url", "link", "href"],
    "published": ["发布时间", "发文时间", "发表时间", "时间", "日期", "publishtime", "pubtime", "published", "date", "time"],
    "outlet": ["媒体", "媒体名称", "发布媒体", "来源", "来源网站", "站点", "网站", "账号", "outlet", "source", "site", "media"],
    "reads": ["阅读", "阅读数", "阅读量", "浏览量", "浏览数", "点击量", "播放量", "reads", "views"],
    "reposts": ["转发", "转发数", "转发量", "分享数", "reposts", "shares"],
    "comments": ["评论", "评论数", "评论量", "回复数", "comments", "replies"],
    "likes": ["点赞", "点赞数", "点赞量", "likes"],
}


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[dict[str, str]]               # each row: column → text
    first_row: int                           # the file's row number of rows[0]
    broken: list[tuple[int, str]] = field(default_factory=list)   # rows that could not be read at all
    row_numbers: list[int] = field(default_factory=list)


def read_table(uploaded) -> Table:
    """The upload as a table; a Chinese ``ValidationError`` naming the file for a wrong type or
    encoding, a damaged file, one beyond the limits, no header or no rows."""
    name = PurePath(uploaded.name or "").name
    extension = extension_of(name)
    if extension == "xlsx":
        check_upload(uploaded, allowed={"xlsx"})
        table = _sheet(uploaded, name)
    elif extension in ("csv", "jsonl", "txt"):
        text = read_upload(uploaded, allowed={"csv", "jsonl", "txt"}).text.lstrip("\ufeff")
        table = _jsonl(text, name) if extension == "jsonl" or text.lstrip().startswith("{") else _csv(text, name)
    else:
        raise ValidationError(f"文件“{name}”的类型不受支持，请上传 .csv、.jsonl 或 .xlsx 文件。")
    if not table.rows and not table.broken:
        raise ValidationError(f"文件“{name}”中没有数据行。")
    if len(table.rows) + len(table.broken) > MAX_ROWS:
        raise ValidationError(f"文件“{name}”超过{MAX_ROWS}行，请拆分后分批导入。")
    return table


def _named(columns: list[str]) -> list[str]:
    """Headers made unique and non-empty (a blank header is called 第N列)."""
    seen: dict[str, int] = {}
    out = []
    for index, column in enumerate(columns, 1):
        column = column or f"第{index}列"
        if column in seen:
            seen[column] += 1
            column = f"{column}({seen[column]})"
        else:
            seen[column] = 1
        out.append(column)
    return out


def _csv(text: str, name: str) -> Table:
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ValidationError(f"文件“{name}”不是有效的CSV：{exc}") from None
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise ValidationError(f"文件“{name}”的第1行应为列名（如 标题、正文、链接、发布时间）。")
    columns = _named([normalise_header(c) for c in lines[0]])
    table = Table(name=name, columns=columns, rows=[], first_row=2)
    for number, cells in enumerate(lines[1:], 2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns):
            table.broken.append((number, f"有{len(cells)}列，多于表头的{len(columns)}列（可能是正文中的逗号或引号未正确转义）。"))
            continue
        table.rows.append({c: v.strip() for c, v in zip(columns, cells)})
        table.row_numbers.append(number)
    return table


def _jsonl(text: str, name: str) -> Table:
    table = Table(name=name, columns=[], rows=[], first_row=1)
    columns: dict[str, None] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            table.broken.append((number, "不是有效的JSON。"))
            continue
        if not isinstance(value, dict):
            table.broken.append((number, "应为一个JSON对象（键值对）。"))
            continue
        row = {str(k): _json_cell(v) for k, v in value.items()}
        columns.update(dict.fromkeys(row))
        table.rows.append(row)
        table.row_numbers.append(number)
    table.columns = list(columns)
    return table


def _json_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _sheet(uploaded, name: str) -> Table:
    book, sheet = open_sheet(uploaded, "")
    try:
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header or not any(cell_text(c) for c in header):
            raise ValidationError(f"文件“{name}”第1行应为列名（如 标题、正文、链接、发布时间）。")
        columns = _named([normalise_header(c) for c in header])
        table = Table(name=name, columns=columns, rows=[], first_row=2)
        for number, cells in enumerate(rows, 2):
            texts = [cell_text(c) for c in cells]
            if not any(texts):
                continue
            if len(table.rows) > MAX_ROWS:
                break
            table.rows.append(dict(zip(columns, texts)))
            table.row_numbers.append(number)
        return table
    finally:
        book.close()


def guess_mapping(columns: list[str], remembered: dict[str, str] | None = None) -> dict[str, str]:
    """field → column: the remembered mapping where its columns exist, else by common header names."""
    remembered = remembered or {}
    lowered = {c.lower().replace("_", "").replace("-", ""): c for c in columns}
    mapping = {}
    for key, _ in MAPPED_FIELDS:
        if remembered.get(key) in columns:
            mapping[key] = remembered[key]
            continue
        for synonym in _SYNONYMS[key]:
            if synonym in lowered and lowered[synonym] not in mapping.values():
                mapping[key] = lowered[synonym]
                break
    return mapping


def records_from(table: Table, mapping: dict[str, str]) -> list[dict]:
    """The table's rows as ingest records (only the mapped columns: nothing else is kept)."""
    return [{key: row.get(column, "") for key, column in mapping.items() if column} for row in table.rows]
