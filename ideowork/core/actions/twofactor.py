"""Two-factor sign-in, the writes: enrolling, new recovery codes, disabling, the 安全管理员's reset and
policy. Each checks who may act, changes the rows in one transaction and writes its audit event."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..audit import record
from ..choices import Role
from ..models import RecoveryCode, TwoFactorPolicy
from ..notify import notify
from ..permissions import require
from ..system import is_system_actor
from ..twofactor import (is_enrolled, is_required_for, new_recovery_codes, recovery_codes_left, recovery_digest,
                         required_roles)

__all__ = ["do_confirm_enrolment", "do_renew_recovery_codes", "do_disable_two_factor", "do_reset_two_factor",
           "do_set_two_factor_policy"]


def _replace_recovery_codes(user) -> list[str]:
    codes = new_recovery_codes()
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create([RecoveryCode(user=user, digest=recovery_digest(code)) for code in codes])
    return codes


def do_confirm_enrolment(user, device: TOTPDevice, code: str) -> list[str]:
    """Confirm ``user``'s new authenticator with a code it shows; return the ten new recovery codes.

    Replaces any earlier authenticator and recovery codes (re-enrolment). A wrong code changes nothing
    and raises ValidationError; the caller decides whether it counts towards the lockout.
    """
    require(device.user_id == user.pk and not device.confirmed, "该身份验证器不属于您或已启用。")
    code = (code or "").strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6 and device.verify_token(code)):
        raise ValidationError("验证码不正确，请输入身份验证器上当前显示的6位数字。")
    with transaction.atomic():
        was_enrolled = is_enrolled(user)
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        codes = _replace_recovery_codes(user)
        record("core.twofactor.enrol", user, actor=user, unit=user.org_unit,
               old={"enrolled": was_enrolled}, new={"enrolled": True, "recovery_codes": len(codes)})
    return codes


def do_renew_recovery_codes(user) -> list[str]:
    """Ten new recovery codes for an enrolled ``user``; the old ones stop working."""
    require(is_enrolled(user), "尚未启用双因素认证。")
    with transaction.atomic():
        left = recovery_codes_left(user)
        codes = _replace_recovery_codes(user)
        record("core.twofactor.renew_codes", user, actor=user, unit=user.org_unit,
               old={"recovery_codes": left}, new={"recovery_codes": len(codes)})
    return codes


def do_disable_two_factor(user, password: str) -> None:
    """Remove ``user``'s own authenticator and recovery codes, after their password."""
    require(is_enrolled(user), "尚未启用双因素认证。")
    require(not is_required_for(user), "您的角色须使用双因素认证，不能停用；如更换手机，请重新绑定身份验证器。")
    if not user.check_password(password or ""):
        raise ValidationError("密码不正确。")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
        record("core.twofactor.disable", user, actor=user, unit=user.org_unit,
               old={"enrolled": True}, new={"enrolled": False})


def do_reset_two_factor(actor, user) -> None:
    """The 安全管理员 removes a person's second factor (a lost phone); they enrol again at next sign-in
    when their role requires it. The person is notified."""
    require(actor.is_secadmin, "只有安全管理员可以重置双因素认证。")
    with transaction.atomic():
        was_enrolled = is_enrolled(user)
        left = recovery_codes_left(user)
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
        record("core.twofactor.reset", user, actor=actor, unit=user.org_unit,
               old={"enrolled": was_enrolled, "recovery_codes": left}, new={"enrolled": False})
        body = ("安全管理员已重置您的双因素认证，原身份验证器和恢复码均已失效。"
                + ("下次登录时请重新绑定身份验证器。" if is_required_for(user) else "如需继续使用，请在“账户安全”中重新启用。"))
        transaction.on_commit(lambda: notify(user, "您的双因素认证已被重置", body=body,
                                             url=reverse("core:account_security"), kind="warning"))


def do_set_two_factor_policy(actor, roles) -> TwoFactorPolicy:
    """Set which roles must sign in with a second factor (the 安全管理员, or the system actor)."""
    require(is_system_actor(actor) or actor.is_secadmin, "只有安全管理员可以修改双因素认证设置。")
    valid = set(Role.values)
    unknown = sorted(set(roles) - valid)
    if unknown:
        raise ValidationError(f"未知角色：{'、'.join(unknown)}")
    chosen = sorted(set(roles))
    with transaction.atomic():
        before = sorted(required_roles())
        policy, _ = TwoFactorPolicy.objects.update_or_create(
            pk=1, defaults={"required_roles": chosen, "updated_at": timezone.now(), "updated_by": actor})
        record("core.twofactor.policy", policy, actor=actor, old={"required_roles": before},
               new={"required_roles": chosen})
    return policy
