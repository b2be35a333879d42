"""The user import file: its template, and reading and validating every row of an upload.

A file is imported whole or not at all, so ``read_user_rows`` checks every row and collects every
problem, each prefixed with its Excel row number ("第5行：…").
"""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower

from ..choices import BUSINESS_ROLES, Role
from ..models import OrgUnit, User
from .sheets import ImportResult, add_notes_sheet, read_sheet_rows, template_workbook

__all__ = ["COLUMNS", "MAX_ROWS", "UserImport", "build_template", "read_user_rows"]

# (row key, column header, value required)
COLUMNS = [
    ("username", "用户名", True), ("display_name", "姓名", True), ("org_unit", "所在单位", False),
    ("requested_role", "拟任角色", False), ("title", "职务", False), ("phone", "联系电话", False),
]
# No password column: every imported account gets an activation code (a sealed slip) and sets its own.
# The role is only requested here; the 安全管理员 grants it.
MAX_ROWS = 500
_MAX_LENGTHS = {"username": 150, "display_name": 50, "title": 50, "phone": 30}


UserImport = ImportResult


def build_template() -> bytes:
    """The import template: a sheet to fill in, the list of units, and instructions."""
    buffer, book, head = template_workbook()
    text = book.add_format({"num_format": "@", "font_name": "宋体"})
    sheet = book.add_worksheet("用户")
    for col, (_, header, _) in enumerate(COLUMNS):
        sheet.write_string(0, col, header, head)
        sheet.set_column(col, col, 22 if header == "所在单位" else 16, text)
    sheet.freeze_panes(1, 0)
    role_col = [key for key, _, _ in COLUMNS].index("requested_role")
    sheet.data_validation(1, role_col, MAX_ROWS, role_col, {"validate": "list", "source": list(Role.labels)})

    units = OrgUnit.objects.filter(is_active=True).select_related("parent").in_tree_order()
    unit_sheet = book.add_worksheet("单位列表")
    for col, header in enumerate(["单位名称", "简称", "单位代码", "上级单位", "类型"]):
        unit_sheet.write_string(0, col, header, head)
        unit_sheet.set_column(col, col, 24)
    for row, unit in enumerate(units, start=1):
        unit_sheet.write_row(row, 0, [unit.name, unit.short_name, unit.code,
                                      unit.parent.name if unit.parent_id else "", unit.get_kind_display()])
    if units:
        unit_col = [key for key, _, _ in COLUMNS].index("org_unit")
        sheet.data_validation(1, unit_col, MAX_ROWS, unit_col, {
            "validate": "list", "source": f"='单位列表'!$A$2:$A${len(units) + 1}", "error_type": "warning"})

    add_notes_sheet(book, "填写说明", 100, [
        "用户导入填写说明",
        "1. 在“用户”工作表中每行填写一个用户，不要修改第一行的列名。",
        "2. 用户名、姓名为必填项；拟任业务角色（非三员）的必须填写所在单位。",
        "3. 所在单位填写“单位列表”中的单位名称、简称或单位代码；同名单位请填写单位代码。",
        "4. 拟任角色填写：" + "、".join(Role.labels) + "。拟任角色仅供安全管理员授权时参考，导入的账号在授权前没有任何权限。",
        "5. 不填写密码：导入后系统为每个账号生成一次性激活码，请打印密封单交本人，由本人设置密码。",
        f"6. 每次最多导入{MAX_ROWS}个用户。任何一行有误时整份文件都不会导入，请按提示修改后重新上传。",
        "示例：zhangsan｜张三｜秘书科｜干部职工｜科员｜13800000000",
    ], head)
    book.close()
    return buffer.getvalue()


class _UnitIndex:
    """Finds a unit by name, short name or code; tells unknown, disabled and ambiguous apart."""

    def __init__(self):
        self.by_key: dict[str, set[OrgUnit]] = defaultdict(set)
        for unit in OrgUnit.objects.all():
            for key in {unit.name, unit.short_name, unit.code} - {""}:
                self.by_key[key].add(unit)

    def resolve(self, value: str) -> tuple[OrgUnit | None, str]:
        found = self.by_key.get(value, set())
        active = [u for u in found if u.is_active]
        if len(active) == 1:
            return active[0], ""
        if len(active) > 1:
            return None, f"所在单位“{value}”对应多个单位，请改填单位代码"
        if found:
            return None, f"所在单位“{value}”已停用"
        return None, f"所在单位“{value}”不存在"


def read_user_rows(uploaded) -> UserImport:
    """Read and check every row of an upload already accepted by ``check_upload``.

    Raises ``ValidationError`` when the file as a whole is unusable (unreadable, wrong columns,
    no rows, too many rows); row problems are collected in ``UserImport.errors``.
    """
    raw_rows = read_sheet_rows(uploaded, "用户", COLUMNS, required={title for _, title, _ in COLUMNS}, what="用户",
                               max_rows=MAX_ROWS, measure="个")
    return _check_rows(raw_rows)


def _check_rows(raw_rows: list[tuple[int, dict]]) -> UserImport:
    result = UserImport()
    units = _UnitIndex()
    roles = {label: value for value, label in Role.choices}
    wanted = [row["username"].lower() for _, row in raw_rows if row["username"]]
    existing = set(User.objects.annotate(lower=Lower("username")).filter(lower__in=wanted)
                   .values_list("lower", flat=True))
    first_seen: dict[str, int] = {}
    for excel_row, row in raw_rows:
        problems = []
        for key, title, required in COLUMNS:
            if required and not row[key]:
                problems.append(f"{title}为空")
            elif key in _MAX_LENGTHS and len(row[key]) > _MAX_LENGTHS[key]:
                problems.append(f"{title}超过{_MAX_LENGTHS[key]}个字符")
        username = row["username"]
        if username:
            try:
                User.username_validator(username)
            except ValidationError:
                problems.append(f"用户名“{username}”只能包含字母、数字和 @ . + - _ 字符")
            if username.lower() in first_seen:
                problems.append(f"用户名“{username}”与第{first_seen[username.lower()]}行重复")
            else:
                first_seen[username.lower()] = excel_row
            if username.lower() in existing:
                problems.append(f"用户名“{username}”已存在")
        role = roles.get(row["requested_role"])
        if row["requested_role"] and role is None:
            problems.append(f"拟任角色“{row['requested_role']}”不存在，应为{'、'.join(roles)}之一")
        unit = None
        if row["org_unit"]:
            unit, unit_problem = units.resolve(row["org_unit"])
            if unit_problem:
                problems.append(unit_problem)
        elif role in BUSINESS_ROLES:
            problems.append(f"拟任角色为“{row['requested_role']}”的用户必须填写所在单位")
        if problems:
            result.errors.append(f"第{excel_row}行：{'；'.join(p.rstrip('。') for p in problems)}。")
        else:
            result.rows.append({**row, "row": excel_row, "org_unit": unit, "requested_role": role or ""})
    return result
