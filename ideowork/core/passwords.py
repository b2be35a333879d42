"""The password policy (MLPS level 3): a minimum length, at least three of four character classes,
no reuse of the last N passwords (N and the expiry set by the 安全管理员 in ``SecurityPolicy``)."""

import re
from datetime import timedelta

from django.contrib.auth import password_validation
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils import timezone

__all__ = ["ComplexityValidator", "MinimumLengthValidator", "HistoryValidator", "remember_password",
           "password_expired"]

CLASSES = (
    (re.compile(r"[a-z]"), "小写字母"),
    (re.compile(r"[A-Z]"), "大写字母"),
    (re.compile(r"[0-9]"), "数字"),
    (re.compile(r"[^A-Za-z0-9]"), "特殊字符"),
)


class ComplexityValidator:
    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        present = sum(1 for pattern, _ in CLASSES if pattern.search(password))
        if present < self.min_classes:
            raise ValidationError(
                "密码须至少包含小写字母、大写字母、数字、特殊字符中的%(n)d类。", code="password_too_simple",
                params={"n": self.min_classes},
            )

    def get_help_text(self):
        return f"密码须至少包含小写字母、大写字母、数字、特殊字符中的{self.min_classes}类。"


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule with a Chinese message (Django 5.2's own message has no zh-hans translation)."""

    def get_error_message(self):
        return f"密码长度太短，至少需要{self.min_length}个字符。"

    def get_help_text(self):
        return f"密码至少需要{self.min_length}个字符。"


class HistoryValidator:
    """Refuses the current password and the account's last N (``SecurityPolicy.password_history_count``)."""

    def validate(self, password, user=None):
        if user is None or user.pk is None:
            return
        from .models import SecurityPolicy

        count = SecurityPolicy.current().password_history_count
        # hashers.check_password, not user.check_password: that one may re-save an upgraded hash.
        if user.has_usable_password() and check_password(password, user.password):
            raise ValidationError("新密码不能与当前密码相同。", code="password_unchanged")
        if count and any(check_password(password, old) for old in
                         user.password_history.values_list("password", flat=True)[:count]):
            raise ValidationError("新密码不能与最近使用过的%(n)d个密码相同。", code="password_reused",
                                  params={"n": count})

    def get_help_text(self):
        return "新密码不能与当前密码及最近使用过的密码相同。"


def remember_password(user) -> None:
    """Keep the hash of the password just set, and only as many as the policy asks for."""
    from .models import PasswordHistory, SecurityPolicy

    PasswordHistory.objects.create(user=user, password=user.password)
    keep = max(SecurityPolicy.current().password_history_count, 1)
    stale = user.password_history.values_list("pk", flat=True)[keep:]
    PasswordHistory.objects.filter(pk__in=list(stale)).delete()


def password_expired(user, policy=None) -> bool:
    """True when the account's password is older than the policy allows (never when 0 days)."""
    from .models import SecurityPolicy

    days = (policy or SecurityPolicy.current()).password_max_age_days
    if not days or not user.has_usable_password():
        return False
    return user.password_changed_at is None or timezone.now() - user.password_changed_at > timedelta(days=days)
