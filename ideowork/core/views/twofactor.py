"""Two-factor sign-in pages: the second login step, enrolment, the person's 账户安全 page, and the
安全管理员's 双因素认证设置 (which roles must use it; resetting a person's second factor)."""

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ..actions.twofactor import (do_confirm_enrolment, do_disable_two_factor, do_renew_recovery_codes,
                                 do_reset_two_factor, do_set_two_factor_policy)
from ..forms.twofactor import CodeForm, PasswordConfirmForm, TwoFactorPolicyForm
from ..permissions import is_secadmin
from ..start_pages import start_page_for
from ..twofactor import (RECOVERY_CODE_COUNT, confirmed_device, end_pending_login, enrolled_people, enrolment_by_role,
                         enrolment_device, is_allowed_to_try, is_enrolled, is_required_for, pending_login, qr_svg,
                         recovery_codes_left, required_roles, second_factor_failed, secret_text,
                         verify_second_factor)
from .auth import lockout_response

WRONG_CODE = "验证码不正确或已过期。连续失败5次后账号将被临时锁定。"


def _restart(request):
    messages.info(request, "登录已超时，请重新输入用户名和密码。")
    return redirect("core:login")


def _sign_in(request, user, backend):
    end_pending_login(request)
    auth_login(request, user, backend=backend)


def _enrolment_context(device, form, **extra):
    return {"form": form, "qr": qr_svg(device), "secret": secret_text(device), "device": device, **extra}


# --- signing in --------------------------------------------------------------------------------
def login_verify(request):
    """The second step: a code from the authenticator, or one of the recovery codes."""
    pending = pending_login(request)
    if pending is None:
        return _restart(request)
    user, backend, next_url = pending
    if not is_enrolled(user):
        return redirect("core:login_enrol")
    if not is_allowed_to_try(request, user):
        end_pending_login(request)
        return lockout_response(request, None)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The code used up and the sign-in's writes (the pending session ended, last login, the audit
        # events, the session record) in one transaction, as after the password alone (core/views/auth.py).
        with transaction.atomic():
            method = verify_second_factor(user, form.cleaned_data["code"])
            if method is not None:
                _sign_in(request, user, backend)
        if method is not None:
            if method == "recovery":
                left = recovery_codes_left(user)
                messages.warning(request, f"您已使用一个恢复码登录，还剩{left}个可用。如手机已更换，请在“账户安全”中重新绑定身份验证器。")
            return redirect(next_url)
        if second_factor_failed(request, user, "verify"):
            end_pending_login(request)  # the lockout middleware answers with the lockout page
        form.add_error("code", WRONG_CODE)
    return render(request, "core/twofactor/verify.html", {"form": form, "person": user})


def login_enrol(request):
    """Right after the password, for a person whose role requires a second factor and who has none."""
    pending = pending_login(request)
    if pending is None:
        return _restart(request)
    user, backend, next_url = pending
    if is_enrolled(user):
        return redirect("core:login_verify")
    if not is_allowed_to_try(request, user):
        end_pending_login(request)
        return lockout_response(request, None)
    device = enrolment_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # the authenticator confirmed and the sign-in: one transaction
                codes = do_confirm_enrolment(user, device, form.cleaned_data["code"])
                _sign_in(request, user, backend)
        except ValidationError as error:
            if second_factor_failed(request, user, "enrol"):
                end_pending_login(request)
            form.add_error("code", error.messages[0])
        else:
            return render(request, "core/twofactor/recovery_codes.html",
                          {"codes": codes, "next_url": next_url, "just_enrolled": True})
    return render(request, "core/twofactor/enrol.html",
                  _enrolment_context(device, form, person=user, signing_in=True))


# --- the person's own 账户安全 page --------------------------------------------------------------
@login_required
def account_security(request):
    user = request.user
    return render(request, "core/twofactor/account.html", {
        "device": confirmed_device(user), "required": is_required_for(user),
        "codes_left": recovery_codes_left(user), "code_count": RECOVERY_CODE_COUNT,
        "password_form": PasswordConfirmForm(),
        "start_page": start_page_for(user),
    })


@login_required
def account_enrol(request):
    """Enrol, or replace the authenticator (a new phone); the old one works until the new is confirmed."""
    device = enrolment_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = do_confirm_enrolment(request.user, device, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error.messages[0])
        else:
            return render(request, "core/twofactor/recovery_codes.html", {"codes": codes, "just_enrolled": True})
    return render(request, "core/twofactor/enrol.html",
                  _enrolment_context(device, form, person=request.user, replacing=is_enrolled(request.user)))


def _password_ok(request) -> bool:
    form = PasswordConfirmForm(request.POST)
    if form.is_valid() and request.user.check_password(form.cleaned_data["password"]):
        return True
    messages.error(request, "当前密码不正确，未作任何修改。")
    return False


@login_required
@require_POST
def account_renew_codes(request):
    if not _password_ok(request):
        return redirect("core:account_security")
    codes = do_renew_recovery_codes(request.user)
    return render(request, "core/twofactor/recovery_codes.html", {"codes": codes})


@login_required
@require_POST
def account_disable(request):
    try:
        do_disable_two_factor(request.user, request.POST.get("password", ""))
    except ValidationError as error:
        messages.error(request, f"{error.messages[0]}未作任何修改。")
    else:
        messages.success(request, "已停用双因素认证，身份验证器和恢复码均已失效。")
    return redirect("core:account_security")


# --- the 安全管理员's 双因素认证设置 ----------------------------------------------------------------
@is_secadmin
def two_factor_settings(request):
    form = TwoFactorPolicyForm(request.POST or None, initial={"roles": sorted(required_roles())})
    if request.method == "POST" and form.is_valid():
        do_set_two_factor_policy(request.user, form.cleaned_data["roles"])
        messages.success(request, "双因素认证设置已保存，下次登录时生效。")
        return redirect("core:two_factor_settings")
    query = request.GET.get("q", "").strip()
    return render(request, "core/twofactor/settings.html", {
        "form": form, "roles": enrolment_by_role(), "people": enrolled_people(query)[:200], "query": query,
    })


@is_secadmin
@require_POST
def two_factor_reset(request):
    pk = request.POST.get("user", "")
    if not pk.isdigit():
        messages.error(request, "请选择要重置的用户。")
        return redirect("core:two_factor_settings")
    person = enrolled_people().filter(pk=pk).first()
    if person is None:
        raise Http404("该用户未启用双因素认证。")
    do_reset_two_factor(request.user, person)
    messages.success(request, f"已重置“{person.name}”的双因素认证，并已通知本人。")
    return redirect("core:two_factor_settings")
