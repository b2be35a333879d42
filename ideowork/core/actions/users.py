"""Account management (系统管理员 only): create, edit, (de)activate, reset password, bulk import.

三员分立: the 系统管理员 creates and maintains accounts but grants no power. A new account has no role
(待授权) until the 安全管理员 grants one (``actions/security.py: do_grant_role``), and no password:
the person sets their own with the one-time activation code the 系统管理员 hands over sealed
(``actions/activation.py``). A reset voids the password and issues a new code the same way.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from ..audit import record, snapshot
from ..choices import BUSINESS_ROLES, SYSTEM_ROLES, ActivationReason
from ..models import User
from ..notify import notify, notify_secadmins
from ..permissions import require
from .activation import IssuedCode, issue_activation

__all__ = ["USER_AUDIT_FIELDS", "do_create_user", "do_update_user", "do_set_user_active",
           "do_reset_password", "do_import_users", "check_user_fields"]

USER_AUDIT_FIELDS = ["username", "display_name", "org_unit", "role", "requested_role", "title", "phone", "is_active"]
EDITABLE_FIELDS = ["username", "display_name", "org_unit", "requested_role", "title", "phone"]
NOT_SYSADMIN = "只有系统管理员可以管理用户账号。"
ROLE_IS_SECADMINS = "角色只能由安全管理员授予或变更；系统管理员可以填写“拟任角色”供其参考。"


def check_user_fields(fields: dict, *, instance: User | None = None) -> None:
    """Rules every account obeys, whether typed into the form or read from an import file."""
    role = fields.get("role") or fields.get("requested_role")
    if role in BUSINESS_ROLES and fields.get("org_unit") is None:
        raise ValidationError({"org_unit": "业务角色的用户必须指定所在单位。"})
    unit = fields.get("org_unit")
    if unit is not None and not unit.is_active and (instance is None or instance.org_unit_id != unit.pk):
        raise ValidationError({"org_unit": f"单位“{unit.name}”已停用。"})
    others = User.objects.filter(username__iexact=fields["username"])
    if instance is not None:
        others = others.exclude(pk=instance.pk)
    if others.exists():
        raise ValidationError({"username": f"用户名“{fields['username']}”已存在。"})


def _notify_secadmins(title: str, body: str) -> None:
    notify_secadmins(title, body, url=reverse("core:account_roles") + "?status=pending")


def do_create_user(actor, *, source: str = "form", role: str = "", **fields) -> IssuedCode:
    """Create an account with no role and no password; return its activation code, shown once.

    Never a superuser; a role is refused here (the 安全管理员 grants it).
    """
    require(actor.is_sysadmin, NOT_SYSADMIN)
    if role:
        raise ValidationError({"requested_role": ROLE_IS_SECADMINS})
    user = User(**{k: fields.get(k) or ("" if k != "org_unit" else None) for k in EDITABLE_FIELDS})
    user.role = ""
    user.is_superuser = False
    user.is_staff = False
    user.created_by = actor if actor.pk else None
    user.set_unusable_password()
    with transaction.atomic():
        check_user_fields(fields)
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            raise ValidationError({"username": f"用户名“{user.username}”已存在。"}) from None
        issued = issue_activation(actor, user, ActivationReason.IMPORT if source == "import" else ActivationReason.CREATE)
        record("core.user.create", user, actor=actor, new={**snapshot(user, USER_AUDIT_FIELDS), "source": source,
                                                           "activation_expires_at": issued.expires_at})
        if source != "import":  # an import tells the 安全管理员 once, for the whole file
            transaction.on_commit(lambda: _notify_secadmins(
                f"新账号待授权：{user.name}（{user.username}）",
                f"拟任角色：{user.get_requested_role_display() or '未填写'}。请核实后授予角色。"))
    return issued


def _check_other_admin(actor, user: User, what: str) -> None:
    """三员分立: the sysadmin must not take over or silence the security or audit administrator."""
    if user.pk == actor.pk:
        raise ValidationError(f"不能{what}自己的账号。")
    if user.role in SYSTEM_ROLES:
        raise ValidationError(f"系统管理员不能{what}{user.get_role_display()}的账号。")


def do_update_user(actor, user: User, **fields) -> User:
    """Change an account's attributes; never its role. Another administrator's account is not the
    sysadmin's to edit; their own is, except the role."""
    require(actor.is_sysadmin, NOT_SYSADMIN)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if "role" in fields and (fields["role"] or "") != user.role:
            if user.pk == actor.pk:
                raise ValidationError({"role": "不能修改自己的角色。"})
            raise ValidationError({"role": ROLE_IS_SECADMINS})
        if user.pk != actor.pk and user.role in SYSTEM_ROLES:
            raise ValidationError(f"系统管理员不能修改{user.get_role_display()}的账号。")
        old = snapshot(user, USER_AUDIT_FIELDS)
        new_fields = {k: fields.get(k, getattr(user, k)) for k in EDITABLE_FIELDS}
        check_user_fields({**new_fields, "role": user.role}, instance=user)
        for name, value in new_fields.items():
            setattr(user, name, value if value is not None or name == "org_unit" else "")
        user.save()
        new = snapshot(user, USER_AUDIT_FIELDS)
        if new != old:
            record("core.user.update", user, actor=actor, old=old, new=new)
    return user


def do_set_user_active(actor, user: User, active: bool) -> User:
    """Disable or re-enable an account; a disabled account cannot sign in."""
    require(actor.is_sysadmin, NOT_SYSADMIN)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.is_active == active:
            return user
        _check_other_admin(actor, user, "停用" if not active else "启用")
        if active and user.org_unit_id and not user.org_unit.is_active:
            raise ValidationError(f"所在单位“{user.org_unit.name}”已停用，请先调整该用户的单位。")
        user.is_active = active
        user.save(update_fields=["is_active"])
        record("core.user.activate" if active else "core.user.deactivate", user, actor=actor,
               old={"is_active": not active}, new={"is_active": active})
    return user


def do_reset_password(actor, user: User) -> IssuedCode:
    """Void the account's password and issue a new activation code; the caller shows it once.

    The account cannot sign in (and its open sessions end) until the person sets a new password.
    """
    require(actor.is_sysadmin, NOT_SYSADMIN)
    _check_other_admin(actor, user, "重置")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        issued = issue_activation(actor, user, ActivationReason.RESET)
        record("core.user.reset_password", user, actor=actor, new={"activation_expires_at": issued.expires_at})
        transaction.on_commit(lambda: notify(
            user, "您的密码已被重置", body=f"系统管理员{actor.name}重置了您的登录密码，请凭激活码设置新密码。"
            "如非本人申请，请立即联系安全管理员。", kind="security"))
    return issued


def do_import_users(actor, rows: list[dict], *, filename: str) -> list[IssuedCode]:
    """Create every account of an import file, or none: the caller has validated each row."""
    require(actor.is_sysadmin, NOT_SYSADMIN)
    issued = []
    with transaction.atomic():
        for row in rows:
            fields = {k: row.get(k) for k in EDITABLE_FIELDS}
            issued.append(do_create_user(actor, source="import", **fields))
        record("core.user.import", None, actor=actor, subject_repr=filename,
               new={"file": filename, "count": len(issued), "usernames": [i.user.username for i in issued]})
        transaction.on_commit(lambda: _notify_secadmins(
            f"批量导入的{len(issued)}个新账号待授权", f"文件“{filename}”。请核实后逐一授予角色。"))
    return issued
