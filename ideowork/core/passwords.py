"""The password policy (MLPS level 3: a minimum length, and at least three of four character classes)."""

import re

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

__all__ = ["ComplexityValidator", "MinimumLengthValidator"]

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
