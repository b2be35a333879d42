"""Account management (系统管理员 only): create, edit, (de)activate, reset password, bulk import."""

import secrets
import string

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ..audit import record, snapshot
from ..choices import BUSINESS_ROLES, SYSTEM_ROLES
from ..models import User
from ..permissions import require

__all__ = ["USER_AUDIT_FIELDS", "do_create_user", "do_update_user", "do_set_user_active",
           "do_reset_password", "do_import_users", "check_user_fields", "generate_password"]

USER_AUDIT_FIELDS = ["username", "display_name", "org_unit", "role", "title", "phone", "is_active"]
EDITABLE_FIELDS = ["username", "display_name", "org_unit", "role", "title", "phone"]
NOT_SYSADMIN = "只有系统管理员可以管理用户账号。"


def check_user_fields(fields: dict, *, instance: User | None = None) -> None:
    """Rules every account obeys, whether typed into the form or read from an import file."""
    if fields.get("role") in BUSINESS_ROLES and fields.get("org_unit") is None:
        raise ValidationError({"org_unit": "业务角色的用户必须指定所在单位。"})
    unit = fields.get("org_unit")
    if unit is not None and not unit.is_active and (instance is None or instance.org_unit_id != unit.pk):
        raise ValidationError({"org_unit": f"单位“{unit.name}”已停用。"})
    others = User.objects.filter(username__iexact=fields["username"])
    if instance is not None:
        others = others.exclude(pk=instance.pk)
    if others.exists():
        raise ValidationError({"username": f"用户名“{fields['username']}”已存在。"})


def _without_confusables(chars: str) -> str:
    return "".join(c for c in chars if c not in "lI1O0o")


def generate_password(length: int = 14) -> str:
    """A random temporary password containing all four character classes.

    Characters that are easily confused when read out or copied by hand (l, I, 1, O, 0) are left out.
    """
    classes = [_without_confusables(string.ascii_lowercase), _without_confusables(string.ascii_uppercase),
               _without_confusables(string.digits), "!@#$%&*-_=+?"]
    alphabet = "".join(classes)
    while True:
        chars = [secrets.choice(c) for c in classes] + [secrets.choice(alphabet) for _ in range(length - 4)]
        secrets.SystemRandom().shuffle(chars)
        password = "".join(chars)
        try:
            validate_password(password)
        except ValidationError:  # e.g. the common-password list; draw again
            continue
        return password


def do_create_user(actor, *, password: str, source: str = "form", **fields) -> User:
    """Create an account with an initial password that meets the policy. Never a superuser."""
    require(actor.is_sysadmin, NOT_SYSADMIN)
    user = User(**{k: fields.get(k) or ("" if k != "org_unit" else None) for k in EDITABLE_FIELDS})
    user.is_superuser = False
    user.is_staff = False
    with transaction.atomic():
        check_user_fields(fields)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from None
        user.set_password(password)
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            raise ValidationError({"username": f"用户名“{user.username}”已存在。"}) from None
        record("core.user.create", user, actor=actor, new={**snapshot(user, USER_AUDIT_FIELDS), "source": source})
    return user


def _check_other_admin(actor, user: User, what: str) -> None:
    """三员分立: the sysadmin must not take over or silence the security or audit administrator."""
    if user.pk == actor.pk:
        raise ValidationError(f"不能{what}自己的账号。")
    if user.role in SYSTEM_ROLES:
        raise ValidationError(f"系统管理员不能{what}{user.get_role_display()}的账号。")


def do_update_user(actor, user: User, **fields) -> User:
    require(actor.is_sysadmin, NOT_SYSADMIN)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        old = snapshot(user, USER_AUDIT_FIELDS)
        new_fields = {k: fields.get(k, getattr(user, k)) for k in EDITABLE_FIELDS}
        if user.pk == actor.pk and new_fields["role"] != user.role:
            raise ValidationError({"role": "不能修改自己的角色。"})
        check_user_fields(new_fields, instance=user)
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
        if not active:
            _check_other_admin(actor, user, "停用")
        elif user.org_unit_id and not user.org_unit.is_active:
            raise ValidationError(f"所在单位“{user.org_unit.name}”已停用，请先调整该用户的单位。")
        user.is_active = active
        user.save(update_fields=["is_active"])
        record("core.user.activate" if active else "core.user.deactivate", user, actor=actor,
               old={"is_active": not active}, new={"is_active": active})
    return user


def do_reset_password(actor, user: User) -> str:
    """Give the account a new random password and return it; the caller shows it once."""
    require(actor.is_sysadmin, NOT_SYSADMIN)
    _check_other_admin(actor, user, "重置")
    password = generate_password()
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.set_password(password)
        user.save(update_fields=["password"])
        record("core.user.reset_password", user, actor=actor)
    return password


def do_import_users(actor, rows: list[dict], *, filename: str) -> list[User]:
    """Create every account of an import file, or none: the caller has validated each row."""
    require(actor.is_sysadmin, NOT_SYSADMIN)
    created = []
    with transaction.atomic():
        for row in rows:
            fields = {k: row.get(k) for k in EDITABLE_FIELDS}
            created.append(do_create_user(actor, password=row["password"], source="import", **fields))
        record("core.user.import", None, actor=actor, subject_repr=filename,
               new={"file": filename, "count": len(created), "usernames": [u.username for u in created]})
    return created
