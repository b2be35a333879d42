"""Building user import workbooks for the tests."""

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

HEADERS = ["用户名", "姓名", "所在单位", "拟任角色", "职务", "联系电话"]


def good_rows():
    return [
        ["chenyi", "陈一", "秘书科", "干部职工", "科员", "13800000001"],
        ["chener", "陈二", "甲县委编办", "专职工作人员", "", 13800000002],
        ["chensan", "陈三", "综合科", "兼职监督员", "副科长", ""],
    ]


def workbook_bytes(rows, headers=HEADERS) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "用户"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "用户.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")
