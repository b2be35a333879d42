"""User management pages (系统管理员): list, create, edit, (de)activate, reset password.

Creating and resetting show the activation code once, as a sealed slip to print (``slips_page``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..actions.users import do_create_user, do_reset_password, do_set_user_active, do_update_user
from ..forms.errors import add_service_errors
from ..forms.users import UserCreateForm, UserFilterForm, UserForm
from ..models import User
from ..outcomes import form_outcome
from ..permissions import is_sysadmin


def _user_or_404(request, pk) -> User:
    return get_object_or_404(User.objects.visible_to(request.user), pk=pk)


def _back(request) -> str:
    """Return to the filtered list the action was started from."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "core:user_list"


def slips_page(request, issued: list, *, title: str, intro: str):
    """The sealed slips (打印密封单) of freshly issued activation codes. Rendered, never redirected to:
    the codes exist only in this response, which is not cached (``NoStoreMiddleware``)."""
    return render(request, "core/activation_slips.html", {
        "slips": issued, "title": title, "intro": intro,
        "activate_url": request.build_absolute_uri(reverse("core:activate")),
    })


@is_sysadmin
def user_list(request):
    filters = UserFilterForm(request.GET or None)
    qs = filters.filter(User.objects.visible_to(request.user).select_related("org_unit"))
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(request, "core/user_list.html", {"page": page, "filters": filters})


@is_sysadmin
def user_create(request):
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = do_create_user(request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            user = issued.user
            return slips_page(request, [issued], title="账号已创建",
                              intro=f"用户“{user.name}”（{user.username}）已创建，尚无角色，待安全管理员授权。")
    return render(request, "core/user_form.html", {"form": form, "title": "新建用户"})


@is_sysadmin
def user_edit(request, pk):
    user = _user_or_404(request, pk)
    form = UserForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: do_update_user(request.user, user, **form.cleaned_data),
                             lambda user: f"用户“{user.name}”已保存。")
        if saved:
            return redirect(_back(request))
    return render(request, "core/user_form.html", {"form": form, "account": _user_or_404(request, user.pk),
                                                   "title": "编辑用户"})


@is_sysadmin
@require_POST
def user_set_active(request, pk, active: bool):
    user = _user_or_404(request, pk)
    try:
        user = do_set_user_active(request.user, user, active)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"用户“{user.name}”已{'启用' if active else '停用'}。")
    return redirect(_back(request))


@is_sysadmin
@require_POST
def user_reset_password(request, pk):
    user = _user_or_404(request, pk)
    try:
        issued = do_reset_password(request.user, user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect(_back(request))
    return slips_page(request, [issued], title="密码已重置",
                      intro=f"用户“{user.name}”（{user.username}）的原密码已作废，本人凭激活码设置新密码前无法登录。")
