"""Security administration (安全管理员 only): granting roles, the security policy, releasing locked accounts."""

from axes.utils import reset as axes_reset
from django.core.exceptions import ValidationError
from django.db import transaction

from ..audit import record, snapshot
from ..choices import BUSINESS_ROLES, SYSTEM_ROLES, Role
from ..lockouts import failed_logins
from ..models import SecurityPolicy, User
from ..notify import notify
from ..permissions import require

__all__ = ["do_unlock_username", "do_grant_role", "do_grant_requested_roles", "do_update_security_policy",
           "POLICY_FIELDS"]

POLICY_FIELDS = ["password_max_age_days", "password_history_count", "max_sessions", "activation_hours"]
NOT_SECADMIN = "只有安全管理员可以授予或变更角色。"


def do_unlock_username(actor, username: str) -> int:
    """Clear the failed-login record of ``username`` so it may sign in again; return rows removed."""
    require(actor.is_secadmin, "只有安全管理员可以解锁账号。")
    before = next((f for f in failed_logins() if f.username == username), None)
    with transaction.atomic():
        removed = axes_reset(username=username)
        account = User.objects.filter(username=username).first()
        record("core.security.unlock", account, actor=actor, subject_repr=username,
               old={"username": username, "failures": before.failures if before else 0,
                    "locked": bool(before and before.locked)},
               new={"username": username, "failures": 0, "locked": False})
    return removed


def check_grant(actor, user: User, role: str) -> None:
    """三员分立 for roles: only the 安全管理员 grants, never to themself or to an account they created;
    an administrator's role is never changed (no one silences the auditor), and an administrator
    role goes only to an account that holds no role yet, so no one holds two."""
    require(actor.is_secadmin, NOT_SECADMIN)
    if role and role not in Role.values:
        raise ValidationError({"role": "所选角色无效。"})
    if user.pk == actor.pk:
        raise ValidationError({"role": "不能给自己授予或变更角色。"})
    if user.created_by_id and user.created_by_id == actor.pk:
        raise ValidationError({"role": "不能给本人创建的账号授予角色。"})
    if not user.is_active:
        raise ValidationError({"role": "该账号已停用，不能授予角色。"})
    if user.role in SYSTEM_ROLES:
        raise ValidationError({"role": f"{user.get_role_display()}账号的角色不能变更（三员分立）。"})
    if role in SYSTEM_ROLES and user.role:
        raise ValidationError({"role": "管理员角色只能授予尚未授权的账号：一个人不能同时担任业务角色和管理员角色。"})
    if role in BUSINESS_ROLES and user.org_unit_id is None:
        raise ValidationError({"role": "业务角色的用户必须有所在单位，请先由系统管理员设置其单位。"})
    if role == user.role:
        raise ValidationError({"role": f"该账号的角色已是“{user.get_role_display()}”。"})


def do_grant_role(actor, user: User, role: str) -> User:
    """Grant, change or (with ``role=""``) withdraw the one role of an account."""
    require(actor.is_secadmin, NOT_SECADMIN)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        check_grant(actor, user, role)
        old = {"role": user.role}
        user.role = role
        user.save(update_fields=["role"])
        record("core.user.grant_role", user, actor=actor, old=old, new={"role": role})
        label = user.get_role_display()
        transaction.on_commit(lambda: notify(
            user, f"您的角色已变更为“{label}”" if role else "您的角色已被撤销",
            body=f"由安全管理员{actor.name}办理。如有疑问请联系安全管理员。", kind="security"))
    return user


def do_grant_requested_roles(actor, users) -> tuple[list[User], list[str]]:
    """Grant each pending account the role the 系统管理员 requested for it (an import's hundreds at
    once); each grant is checked and audited on its own. Returns the granted and the refusals."""
    require(actor.is_secadmin, NOT_SECADMIN)
    granted, refused = [], []
    for user in users:
        if user.role or not user.requested_role:
            refused.append(f"{user.name}（{user.username}）：{'已有角色' if user.role else '未填写拟任角色'}")
            continue
        try:
            granted.append(do_grant_role(actor, user, user.requested_role))
        except ValidationError as exc:
            refused.append(f"{user.name}（{user.username}）：{'；'.join(exc.messages)}")
    return granted, refused


def do_update_security_policy(actor, **fields) -> SecurityPolicy:
    require(actor.is_secadmin, "只有安全管理员可以修改安全策略。")
    with transaction.atomic():
        policy = SecurityPolicy.current()
        policy = SecurityPolicy.objects.select_for_update().get(pk=policy.pk)
        old = snapshot(policy, POLICY_FIELDS)
        for name in POLICY_FIELDS:
            if name in fields:
                setattr(policy, name, fields[name])
        policy.full_clean(exclude=["updated_at"])
        policy.save()
        new = snapshot(policy, POLICY_FIELDS)
        if new != old:
            record("core.security.update_policy", None, actor=actor, subject_repr="安全策略", old=old, new=new)
    return policy
