"""Bulk import of user accounts from Excel (系统管理员)."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render

from ..actions.users import do_import_users
from ..exports.excel import XLSX_MIME, content_disposition
from ..forms.users import UserImportForm
from ..imports.users import COLUMNS, build_template, read_user_rows
from ..permissions import is_sysadmin
from ..uploads import check_upload
from .users import slips_page


@is_sysadmin
def user_import_template(request):
    response = HttpResponse(build_template(), content_type=XLSX_MIME)
    response["Content-Disposition"] = content_disposition("用户导入模板.xlsx")
    return response


@is_sysadmin
def user_import(request):
    form = UserImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "columns": [title for _, title, _ in COLUMNS]}
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            check_upload(uploaded, allowed={"xlsx"})
            parsed = read_user_rows(uploaded)
        except ValidationError as exc:
            form.add_error("file", exc)
            return render(request, "core/user_import.html", context)
        if parsed.errors:
            context.update(errors=parsed.errors, checked=len(parsed.rows) + len(parsed.errors),
                           filename=uploaded.name)
            return render(request, "core/user_import.html", context)
        try:
            issued = do_import_users(request.user, parsed.rows, filename=uploaded.name)
        except ValidationError as exc:  # an account created meanwhile; nothing was imported
            context.update(errors=exc.messages, checked=len(parsed.rows), filename=uploaded.name)
            return render(request, "core/user_import.html", context)
        return slips_page(request, issued, title="导入结果",
                          intro=f"文件“{uploaded.name}”校验通过，已成功导入{len(issued)}个用户，均待安全管理员授权。")
    return render(request, "core/user_import.html", context)
