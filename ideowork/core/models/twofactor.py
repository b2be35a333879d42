"""Two-factor sign-in: which roles must use it, and each person's one-time recovery codes.

The authenticator itself (the TOTP secret, its drift and the last step used) is django-otp's
``TOTPDevice``; ``core/twofactor.py`` is the one place that reads these together.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..choices import LEADER_ROLES, SYSTEM_ROLES
from .bookkeeping import person_field

__all__ = ["TwoFactorPolicy", "RecoveryCode", "DEFAULT_REQUIRED_ROLES"]

# A new installation asks the three administrators and the leaders who sign off for a second factor.
DEFAULT_REQUIRED_ROLES = tuple(sorted(SYSTEM_ROLES | LEADER_ROLES))


def default_required_roles() -> list[str]:
    return list(DEFAULT_REQUIRED_ROLES)


class TwoFactorPolicy(models.Model):
    """The one row of 双因素认证设置, kept by the 安全管理员; without it the defaults apply."""

    required_roles = models.JSONField("须使用双因素认证的角色", default=default_required_roles)
    updated_at = models.DateTimeField("修改时间", default=timezone.now)
    updated_by = person_field("修改人")

    class Meta:
        verbose_name = verbose_name_plural = "双因素认证设置"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="two_factor_policy_single_row",
                                   violation_error_message="双因素认证设置只有一条记录。"),
        ]

    def __str__(self) -> str:
        return "双因素认证设置"


class RecoveryCode(models.Model):
    """One of a person's ten one-time recovery codes, kept only as a keyed digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE,
                             related_name="recovery_codes")
    digest = models.CharField("恢复码摘要", max_length=64)
    created_at = models.DateTimeField("生成时间", default=timezone.now)
    used_at = models.DateTimeField("使用时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "恢复码"
        ordering = ["user", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "digest"], name="recovery_code_unique_per_user",
                                    violation_error_message="恢复码重复。"),
        ]

    def __str__(self) -> str:
        return f"{self.user} 的恢复码"
