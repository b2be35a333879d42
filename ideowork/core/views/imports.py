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
            created = do_import_users(request.user, parsed.rows, filename=uploaded.name)
        except ValidationError as exc:  # an account created meanwhile; nothing was imported
            context.update(errors=exc.messages, checked=len(parsed.rows), filename=uploaded.name)
            return render(request, "core/user_import.html", context)
        return render(request, "core/user_import_result.html", {"created": created, "filename": uploaded.name})
    return render(request, "core/user_import.html", context)
