"""The org unit form."""

from django import forms

from ..models import OrgUnit
from .fields import OrgUnitChoiceField

__all__ = ["OrgUnitForm"]


class OrgUnitForm(forms.ModelForm):
    """Creating or editing a unit. Tree rules (no cycles, unique names) are the service's."""

    parent = OrgUnitChoiceField(label="上级单位", required=False, empty_label="（无，顶级单位）",
                                help_text="不能选择本单位或其下级单位。")

    class Meta:
        model = OrgUnit
        fields = ["name", "short_name", "kind", "parent", "code", "sort_order"]
        help_texts = {"short_name": "用于页面和报表中的简短显示，可不填。",
                      "sort_order": "同一上级单位下按此数字从小到大排列。"}
        error_messages = {"name": {"required": "请填写单位名称。"}, "kind": {"required": "请选择单位类型。"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.parent_id and not self.instance.parent.is_active:
            # An inactive unit may sit under an inactive parent; keep its current parent selectable.
            self.fields["parent"].queryset = OrgUnit.objects.filter(is_active=True) | OrgUnit.objects.filter(
                pk=self.instance.parent_id)

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_code(self):
        return self.cleaned_data["code"].strip()
