"""Forms of two-factor sign-in: a code, the password before a change, the 安全管理员's policy."""

from django import forms

from ..choices import Role
from .pickers import TickListPicker

__all__ = ["CodeForm", "PasswordConfirmForm", "TwoFactorPolicyForm"]


class CodeForm(forms.Form):
    code = forms.CharField(label="验证码", max_length=20, strip=True,
                           error_messages={"required": "请输入验证码。"},
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text",
                                                         "autofocus": True, "spellcheck": "false"}))


class PasswordConfirmForm(forms.Form):
    password = forms.CharField(label="当前密码", strip=False, error_messages={"required": "请输入当前密码。"},
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class TwoFactorPolicyForm(forms.Form):
    roles = forms.MultipleChoiceField(label="须使用双因素认证的角色", choices=Role.choices, required=False,
                                      widget=TickListPicker(unit="种角色", placeholder="输入角色名称筛选"))
