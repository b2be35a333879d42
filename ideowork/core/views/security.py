"""Security administration pages (安全管理员): the policy, granting roles, confirming resets, and locked
accounts."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.password_validation import password_validators_help_texts
from django.contrib.auth.hashers import get_hasher
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, When
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..actions.activation import do_confirm_activation, do_void_activation, waiting_for_confirmation
from ..actions.security import (POLICY_FIELDS, do_grant_requested_roles, do_grant_role, do_unlock_username,
                                do_update_security_policy)
from ..choices import Role
from ..forms.errors import add_service_errors
from ..forms.users import RoleGrantForm, SecurityPolicyForm, UserFilterForm
from ..models import ActivationCode, SecurityPolicy, User
from ..lockouts import cool_off_minutes, failed_logins
from ..permissions import is_secadmin
from ..twofactor import required_roles
from ..uploads import human_size

_HASHER_NAMES = {"argon2": "Argon2id", "pbkdf2_sha256": "PBKDF2-SHA256", "bcrypt_sha256": "bcrypt"}


@is_secadmin
def security_policy(request):
    hasher = get_hasher().algorithm
    policy = {
        "password_rules": password_validators_help_texts(),
        "hasher": _HASHER_NAMES.get(hasher, hasher),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off_minutes": cool_off_minutes(),
        "idle_minutes": settings.SESSION_IDLE_SECONDS // 60,
        "session_hours": settings.SESSION_COOKIE_AGE // 3600,
        "expire_at_close": settings.SESSION_EXPIRE_AT_BROWSER_CLOSE,
        "secure_cookies": settings.SESSION_COOKIE_SECURE,
        "upload_max": human_size(settings.UPLOAD_MAX_BYTES),
    }
    locked = sum(1 for f in failed_logins() if f.locked)
    two_factor_roles = [label for value, label in Role.choices if value in required_roles()]
    pending = User.objects.visible_to(request.user).filter(role="", is_active=True).count()
    resets = _resets_awaiting(request.user).count()
    return render(request, "core/security.html", {"policy": policy, "locked_count": locked, "pending_count": pending,
                                                  "resets_count": resets,
                                                  "lifecycle": SecurityPolicy.current(),
                                                  "two_factor_roles": two_factor_roles})


@is_secadmin
def policy_edit(request):
    current = SecurityPolicy.current()
    form = SecurityPolicyForm(request.POST or None, initial={name: getattr(current, name) for name in POLICY_FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            do_update_security_policy(request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "安全策略已保存。")
            return redirect("core:security")
    return render(request, "core/form.html", {"form": form, "title": "修改安全策略", "cancel_url": "/security/"})


@is_secadmin
def account_roles(request):
    """Every account and its role; those waiting for one (待授权) first."""
    data = request.GET.copy()
    if data.get("status") == "pending":
        data.pop("status")
        data["role"] = "pending"
    filters = UserFilterForm(data or None)
    qs = filters.filter(User.objects.visible_to(request.user).select_related("org_unit", "created_by"))
    qs = qs.order_by(Case(When(role="", then=0), default=1), "-is_active", "org_unit__path", "username")
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(request, "core/account_roles.html", {"page": page, "filters": filters})


@is_secadmin
@require_POST
def account_roles_grant_requested(request):
    """Grant the ticked pending accounts their requested roles (after an import)."""
    ids = [int(v) for v in request.POST.getlist("account") if v.isdigit()]
    accounts = User.objects.visible_to(request.user).filter(pk__in=ids).order_by("username")
    granted, refused = do_grant_requested_roles(request.user, accounts)
    if granted:
        messages.success(request, f"已按拟任角色为{len(granted)}个账号授予角色。")
    for reason in refused:
        messages.error(request, f"未授予：{reason}")
    if not granted and not refused:
        messages.error(request, "请先勾选要授权的账号。")
    return redirect("core:account_roles")


@is_secadmin
def account_role_grant(request, pk):
    account = get_object_or_404(User.objects.visible_to(request.user).select_related("org_unit", "created_by"), pk=pk)
    form = RoleGrantForm(request.POST or None, account=account)
    if request.method == "POST" and form.is_valid():
        try:
            account = do_grant_role(request.user, account, form.cleaned_data["role"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"已将“{account.name}”的角色设为“{account.get_role_display()}”。")
            return redirect("core:account_roles")
    redeemed = account.activation_codes.filter(used_at__isnull=False).order_by("-used_at").first()
    return render(request, "core/account_role_form.html", {
        "form": form, "account": account, "redeemed": redeemed,
        # The code was redeemed where it was issued: perhaps by the administrator, not the person.
        "same_address": bool(redeemed and redeemed.used_ip and redeemed.used_ip == redeemed.issued_ip)})


@is_secadmin
def lockout_list(request):
    return render(request, "core/lockouts.html", {
        "failures": failed_logins(), "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off_minutes": cool_off_minutes(),
    })


@is_secadmin
@require_POST
def lockout_unlock(request):
    username = request.POST.get("username", "").strip()
    if username:
        do_unlock_username(request.user, username)
        messages.success(request, f"账号“{username}”已解锁，登录失败记录已清除。")
    return redirect("core:lockouts")


def _resets_awaiting(user):
    """Reset codes of accounts the 安全管理员 may see, redeemed and waiting for a confirmation."""
    return (waiting_for_confirmation().filter(user__in=User.objects.visible_to(user))
            .select_related("user", "user__org_unit", "issued_by"))


@is_secadmin
def activation_confirmations(request):
    """Passwords set with a reset code, waiting for a second person: the 安全管理员 checks with the
    person (by telephone, in person) that they set it, then confirms or voids it."""
    waiting = list(_resets_awaiting(request.user).order_by("used_at"))
    for activation in waiting:
        activation.same_address = bool(activation.used_ip and activation.used_ip == activation.issued_ip)
        activation.mine = request.user.pk in (activation.user_id, activation.issued_by_id)
    recent = (ActivationCode.objects.filter(user__in=User.objects.visible_to(request.user), needs_confirmation=True)
              .exclude(confirmed_at__isnull=True, revoked_at__isnull=True)
              .select_related("user", "issued_by", "confirmed_by").order_by("-issued_at")[:20])
    return render(request, "core/activation_confirmations.html", {"waiting": waiting, "recent": recent})


@is_secadmin
@require_POST
def activation_decide(request, pk, confirm):
    activation = get_object_or_404(_resets_awaiting(request.user), pk=pk)
    try:
        (do_confirm_activation if confirm else do_void_activation)(request.user, activation)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        name = activation.user.name
        messages.success(request, f"已确认“{name}”重置后设置的密码，本人现在可以登录。" if confirm
                         else f"已作废“{name}”重置后设置的密码，请系统管理员核实身份后重新发放激活码。")
    return redirect("core:activation_confirmations")
