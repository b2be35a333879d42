"""An account's life: the security policy, one-time activation codes, password history, sessions.

No administrator ever knows a usable password of another account: a new account and a reset get an
activation code (stored hashed, single use, time-limited) that the person redeems to set their own
password.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..choices import ActivationReason, SessionEnd
from .bookkeeping import person_field

__all__ = ["SecurityPolicy", "ActivationCode", "PasswordHistory", "UserSession"]


class SecurityPolicy(models.Model):
    """The one row of settings the 安全管理员 sets (``SecurityPolicy.current()``)."""

    password_max_age_days = models.PositiveSmallIntegerField(
        "密码有效期（天）", default=90, help_text="超过该天数未修改密码，登录后须先修改密码；0表示不过期。")
    password_history_count = models.PositiveSmallIntegerField(
        "不得重复使用的近期密码个数", default=5, help_text="新密码不得与最近使用过的这些密码相同（含当前密码）。")
    max_sessions = models.PositiveSmallIntegerField(
        "每个账号的并发会话数上限", default=3, help_text="超出时结束该账号最早的会话。")
    activation_hours = models.PositiveSmallIntegerField(
        "激活码有效期（小时）", default=72, help_text="新建账号和重置密码后发放的激活码在此时间内有效。")
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "安全策略"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(password_history_count__lte=24),
                                   name="policy_history_at_most_24", violation_error_message="近期密码个数不能超过24。"),
            models.CheckConstraint(condition=models.Q(max_sessions__gte=1),
                                   name="policy_sessions_at_least_1", violation_error_message="并发会话数至少为1。"),
            models.CheckConstraint(condition=models.Q(activation_hours__gte=1),
                                   name="policy_activation_at_least_1h", violation_error_message="激活码有效期至少1小时。"),
        ]

    def __str__(self) -> str:
        return "安全策略"

    @classmethod
    def current(cls) -> "SecurityPolicy":
        policy = cls.objects.order_by("pk").first()
        return policy if policy is not None else cls.objects.create()


class ActivationCode(models.Model):
    """A one-time code that lets the person set their own password. Only its hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="账号", on_delete=models.CASCADE,
                             related_name="activation_codes")
    code_hash = models.CharField("激活码摘要", max_length=64, unique=True)
    reason = models.CharField("发放原因", max_length=10, choices=ActivationReason.choices)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发放人", null=True,
                                  on_delete=models.SET_NULL, related_name="+")
    issued_at = models.DateTimeField("发放时间", default=timezone.now)
    issued_ip = models.GenericIPAddressField("发放地址", null=True, blank=True)
    expires_at = models.DateTimeField("失效时间")
    used_at = models.DateTimeField("激活时间", null=True, blank=True)
    used_ip = models.GenericIPAddressField("激活地址", null=True, blank=True)
    revoked_at = models.DateTimeField("作废时间", null=True, blank=True)
    first_login_at = models.DateTimeField("激活后首次登录时间", null=True, blank=True)
    # A reset of an account that holds a role is two-person work: the password the person sets is
    # kept here (hashed) and takes effect only when a 安全管理员 confirms, so the administrator who
    # issued the code cannot redeem it and sign in as that person alone.
    needs_confirmation = models.BooleanField("须安全管理员确认", default=False)
    pending_password = models.CharField("待确认的密码摘要", max_length=128, blank=True, editable=False)
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    confirmed_by = person_field("确认人")

    class Meta:
        verbose_name = verbose_name_plural = "激活码"
        ordering = ["-issued_at", "-pk"]
        indexes = [models.Index(fields=["user", "used_at"], name="activation_user_used_idx")]

    def __str__(self) -> str:
        return f"{self.user}（{self.get_reason_display()}）"


class PasswordHistory(models.Model):
    """The hash of each password an account has had, newest first; no reuse of the last N."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="账号", on_delete=models.CASCADE,
                             related_name="password_history")
    password = models.CharField("密码摘要", max_length=128)
    created_at = models.DateTimeField("设置时间", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "历史密码"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="password_history_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d}"


class UserSession(models.Model):
    """One signed-in session of an account: where and when it began, and why it ended."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="账号", on_delete=models.CASCADE,
                             related_name="sessions")
    session_key = models.CharField("会话标识", max_length=64, unique=True)
    ip = models.GenericIPAddressField("登录地址", null=True, blank=True)
    user_agent = models.CharField("浏览器", max_length=200, blank=True)
    created_at = models.DateTimeField("登录时间", default=timezone.now)
    ended_at = models.DateTimeField("结束时间", null=True, blank=True)
    end_reason = models.CharField("结束原因", max_length=10, choices=SessionEnd.choices, blank=True)
    told_at = models.DateTimeField("已告知时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "登录会话"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "ended_at"], name="user_session_open_idx")]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"
