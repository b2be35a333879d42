"""Forms for creating, editing, finding and importing user accounts."""

from django import forms
from django.contrib.auth import password_validation
from django.db.models import Q
from django.utils.functional import lazy

from ..choices import Role
from ..models import OrgUnit, User
from .fields import OrgUnitChoiceField

__all__ = ["UserForm", "UserCreateForm", "UserFilterForm", "UserImportForm"]


def _password_help() -> str:
    return "".join(password_validation.password_validators_help_texts())


class UserForm(forms.ModelForm):
    """The account's attributes. ``is_superuser`` and ``is_staff`` are never offered."""

    org_unit = OrgUnitChoiceField(label="所在单位", required=False, help_text="业务角色必须选择所在单位。")

    class Meta:
        model = User
        fields = ["username", "display_name", "org_unit", "role", "title", "phone"]
        labels = {"username": "用户名"}
        help_texts = {"username": "登录用，150个字符以内，可用字母、数字和 @ . + - _。",
                      "role": "每个账号只有一个角色；系统管理员、安全管理员、审计管理员须由不同的人担任。"}
        error_messages = {
            "username": {"required": "请填写用户名。", "unique": "该用户名已存在。",
                         "invalid": "用户名只能包含字母、数字和 @ . + - _ 字符。"},
            "display_name": {"required": "请填写姓名。"},
            "role": {"required": "请选择角色。", "invalid_choice": "所选角色无效。"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        unit_id = self.instance.org_unit_id
        if unit_id and not self.instance.org_unit.is_active:
            # Keep a disabled current unit selectable so editing other fields does not force a move.
            field = self.fields["org_unit"]
            field.queryset = field.queryset | OrgUnit.objects.filter(pk=unit_id)

    def clean_username(self):
        return self.cleaned_data["username"].strip()

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()


class UserCreateForm(UserForm):
    password1 = forms.CharField(label="初始密码", strip=False, widget=forms.PasswordInput(render_value=False),
                                help_text=lazy(_password_help, str)(),
                                error_messages={"required": "请填写初始密码。"})
    password2 = forms.CharField(label="确认初始密码", strip=False, widget=forms.PasswordInput(render_value=False),
                                error_messages={"required": "请再次填写初始密码。"})

    class Meta(UserForm.Meta):
        pass

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "两次输入的密码不一致。")
        elif p1:
            user = User(username=cleaned.get("username", ""), display_name=cleaned.get("display_name", ""))
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class UserFilterForm(forms.Form):
    q = forms.CharField(label="关键词", required=False,
                        widget=forms.TextInput(attrs={"placeholder": "用户名、姓名或电话", "type": "search"}))
    unit = OrgUnitChoiceField(label="单位", required=False, empty_label="全部单位", queryset=OrgUnit.objects.all())
    role = forms.ChoiceField(label="角色", required=False, choices=[("", "全部角色"), *Role.choices])
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
            qs = qs.filter(role=data["role"])
        if data["status"]:
            qs = qs.filter(is_active=data["status"] == "active")
        return qs


class UserImportForm(forms.Form):
    file = forms.FileField(label="Excel文件", help_text="请使用下载的模板填写，仅支持.xlsx格式。",
                           error_messages={"required": "请选择要导入的Excel文件。", "empty": "上传的文件是空文件。"},
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))
