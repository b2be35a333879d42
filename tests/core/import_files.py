"""Building user import workbooks for the tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests import workbooks

HEADERS = ["用户名", "姓名", "所在单位", "拟任角色", "职务", "联系电话"]


def good_rows():
    return [
        ["chenyi", "陈一", "秘书科", "干部职工", "科员", "13800000001"],
        ["chener", "陈二", "甲县委编办", "专职工作人员", "", 13800000002],
        ["chensan", "陈三", "综合科", "兼职监督员", "副科长", ""],
    ]


def workbook_bytes(rows, headers=HEADERS) -> bytes:
    return workbooks.workbook_bytes(rows, sheet="用户", headers=headers)


def upload(content: bytes, name: str = "用户.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")
