"""Forms for creating, editing, finding and importing user accounts."""

from django import forms
from django.contrib.auth import password_validation
from django.db.models import Q
from django.utils.functional import lazy

from ..choices import Role
from ..models import OrgUnit, SecurityPolicy, User
from .fields import OrgUnitChoiceField

__all__ = ["UserForm", "UserCreateForm", "RoleGrantForm", "ActivationForm", "UserFilterForm", "UserImportForm",
           "SecurityPolicyForm"]


def _password_help() -> str:
    return "".join(password_validation.password_validators_help_texts())


class UserForm(forms.ModelForm):
    """The account's attributes. Its role is the 安全管理员's (``RoleGrantForm``); ``is_superuser``,
    ``is_staff`` and passwords are never offered: the person sets their own with an activation code."""

    org_unit = OrgUnitChoiceField(label="所在单位", required=False, help_text="业务角色必须选择所在单位。")

    class Meta:
        model = User
        fields = ["username", "display_name", "org_unit", "requested_role", "title", "phone"]
        labels = {"username": "用户名"}
        help_texts = {"username": "登录用，150个字符以内，可用字母、数字和 @ . + - _。",
                      "requested_role": "仅供安全管理员授权时参考；账号在安全管理员授予角色之前没有任何权限。"}
        error_messages = {
            "username": {"required": "请填写用户名。", "unique": "该用户名已存在。",
                         "invalid": "用户名只能包含字母、数字和 @ . + - _ 字符。"},
            "display_name": {"required": "请填写姓名。"},
            "requested_role": {"invalid_choice": "所选角色无效。"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_role"].choices = [("", "（未填写）"), *Role.choices]
        unit_id = self.instance.org_unit_id
        if unit_id and not self.instance.org_unit.is_active:
            # Keep a disabled current unit selectable so editing other fields does not force a move.
            field = self.fields["org_unit"]
            field.queryset = field.queryset | OrgUnit.objects.filter(pk=unit_id)

    def clean_username(self):
        return self.cleaned_data["username"].strip()

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()


UserCreateForm = UserForm


class RoleGrantForm(forms.Form):
    """The 安全管理员 grants, changes or withdraws an account's one role."""

    role = forms.ChoiceField(label="授予角色", required=False,
                             help_text="每个账号只有一个角色；系统管理员、安全管理员、审计管理员只能授予尚未授权的账号。")

    def __init__(self, *args, account: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "待授权（不授予任何角色）"), *Role.choices]
        self.fields["role"].initial = account.role or account.requested_role


class ActivationForm(forms.Form):
    """The person redeems their sealed slip: username, code, and the password only they will know."""

    username = forms.CharField(label="用户名", max_length=150, error_messages={"required": "请填写用户名。"},
                               widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}))
    code = forms.CharField(label="激活码", max_length=40, error_messages={"required": "请填写密封单上的激活码。"},
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false",
                                                         "placeholder": "XXXX-XXXX-XXXX-XXXX"}))
    password1 = forms.CharField(label="设置密码", strip=False, help_text=lazy(_password_help, str)(),
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                error_messages={"required": "请设置登录密码。"})
    password2 = forms.CharField(label="确认密码", strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                error_messages={"required": "请再次填写密码。"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password2") and cleaned["password1"] != cleaned["password2"]:
            self.add_error("password2", "两次输入的密码不一致。")
        return cleaned


class UserFilterForm(forms.Form):
    q = forms.CharField(label="关键词", required=False,
                        widget=forms.TextInput(attrs={"placeholder": "用户名、姓名或电话", "type": "search"}))
    unit = OrgUnitChoiceField(label="单位", required=False, empty_label="全部单位", queryset=OrgUnit.objects.all())
    role = forms.ChoiceField(label="角色", required=False,
                             choices=[("", "全部角色"), ("pending", "待授权"), *Role.choices])
    status = forms.ChoiceField(label="状态", required=False,
                               choices=[("", "全部状态"), ("active", "启用"), ("inactive", "停用")])

    def filter(self, qs):
        """Narrow ``qs`` (already ``visible_to`` the viewer) by the valid criteria."""
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        if data["q"]:
            q = data["q"].strip()
            qs = qs.filter(Q(username__icontains=q) | Q(display_name__icontains=q)
                           | Q(phone__icontains=q))
        if data["unit"]:
            qs = qs.filter(org_unit__path__startswith=data["unit"].path)
        if data["role"]:
            qs = qs.filter(role="" if data["role"] == "pending" else data["role"])
        if data["status"]:
            qs = qs.filter(is_active=data["status"] == "active")
        return qs


class UserImportForm(forms.Form):
    file = forms.FileField(label="Excel文件", help_text="请使用下载的模板填写，仅支持.xlsx格式。",
                           error_messages={"required": "请选择要导入的Excel文件。", "empty": "上传的文件是空文件。"},
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))


def _bounded(model_field: str, low: int, high: int) -> forms.IntegerField:
    field = SecurityPolicy._meta.get_field(model_field)
    bounds = f"{field.verbose_name}应在{low}到{high}之间。"
    return forms.IntegerField(label=field.verbose_name, help_text=field.help_text, min_value=low, max_value=high,
                              error_messages={"required": f"请填写{field.verbose_name}。", "invalid": "请输入整数。",
                                              "min_value": bounds, "max_value": bounds})


class SecurityPolicyForm(forms.Form):
    """What the 安全管理员 sets; ``initial`` is the current policy's values."""

    password_max_age_days = _bounded("password_max_age_days", 0, 3650)
    password_history_count = _bounded("password_history_count", 0, 24)
    max_sessions = _bounded("max_sessions", 1, 50)
    activation_hours = _bounded("activation_hours", 1, 720)
