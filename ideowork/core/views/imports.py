"""Bulk import of user accounts from Excel (系统管理员)."""

from django.http import HttpResponse

from ..actions.users import do_import_users
from ..exports.excel import XLSX_MIME, content_disposition
from ..forms.users import UserImportForm
from ..imports.page import import_page
from ..imports.users import COLUMNS, build_template, read_user_rows
from ..permissions import is_sysadmin
from .users import slips_page


@is_sysadmin
def user_import_template(request):
    response = HttpResponse(build_template(), content_type=XLSX_MIME)
    response["Content-Disposition"] = content_disposition("用户导入模板.xlsx")
    return response


@is_sysadmin
def user_import(request):
    return import_page(
        request, UserImportForm(request.POST or None, request.FILES or None), "core/user_import.html", COLUMNS,
        read=read_user_rows,
        save=lambda uploaded, rows: do_import_users(request.user, rows, filename=uploaded.name),
        done=lambda uploaded, issued: slips_page(
            request, issued, title="导入结果",
            intro=f"文件“{uploaded.name}”校验通过，已成功导入{len(issued)}个用户，均待安全管理员授权。"))
