"""Assignment of one item, and the same fields set for several items at once."""

from __future__ import annotations

from django import forms

from ideowork.core.forms.pickers import TickListPicker
from ideowork.core.models import OrgUnit, User

__all__ = ["AssignmentForm", "BulkAssignForm"]


class UnitField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return "　" * max(obj.depth - self.base_depth, 0) + obj.name


class UnitsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class PersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        unit = obj.org_unit.display_name if obj.org_unit_id else ""
        return f"{obj.name}（{unit}·{obj.title or obj.get_role_display()}）"


def choices_for(user, plan):
    """Units and people this user may assign the plan's items to: within the plan's organ and visible."""
    units = OrgUnit.objects.visible_to(user).subtree(plan.org_unit).filter(is_active=True)
    people = (User.objects.visible_to(user).business().filter(org_unit__path__startswith=plan.org_unit.path)
              .select_related("org_unit"))
    return units, people


class _AssignmentFields(forms.Form):
    lead_unit = UnitField(label="牵头单位", queryset=OrgUnit.objects.none(), required=False, empty_label="（未指定）")
    first_responsible = PersonField(label="第一责任人", queryset=User.objects.none(), required=False,
                                    empty_label="（未指定）")
    direct_responsible = PersonField(label="直接责任人", queryset=User.objects.none(), required=False,
                                     empty_label="（未指定）")
    specific_responsible = PersonField(label="具体责任人", queryset=User.objects.none(), required=False,
                                       empty_label="（未指定）")
    deadline = forms.DateField(label="完成时限", required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
                               error_messages={"invalid": "请填写正确的日期，如2026-12-31。"})

    def __init__(self, *args, user, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        units, people = choices_for(user, plan)
        for name, field in self.fields.items():
            if isinstance(field, UnitField):
                field.queryset = units
                field.base_depth = plan.org_unit.depth
            elif isinstance(field, UnitsField):
                field.queryset = units
            elif isinstance(field, PersonField):
                field.queryset = people

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        if deadline and not self.plan.year - 1 <= deadline.year <= self.plan.year + 1:
            raise forms.ValidationError(f"完成时限须在{self.plan.year - 1}年至{self.plan.year + 1}年之间。")
        return deadline


class AssignmentForm(_AssignmentFields):
    cooperating_units = UnitsField(label="配合单位", queryset=OrgUnit.objects.none(), required=False,
                                   widget=TickListPicker(unit="个单位", placeholder="输入单位名称筛选"))
    measures = forms.CharField(label="具体措施", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                               help_text="留空时责任清单显示该条目原文。")
    progress_note = forms.CharField(label="进展情况", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    field_order = ["lead_unit", "cooperating_units", "first_responsible", "direct_responsible",
                   "specific_responsible", "deadline", "measures", "progress_note"]


class BulkAssignForm(_AssignmentFields):
    """Only the fields that are filled in are applied; empty ones leave each item as it was."""

    items = forms.ModelMultipleChoiceField(label="条目", queryset=None, required=False,
                                           widget=forms.MultipleHiddenInput)

    def __init__(self, *args, user, plan, **kwargs):
        super().__init__(*args, user=user, plan=plan, **kwargs)
        from ..models import PlanItem

        self.fields["items"].queryset = PlanItem.objects.visible_to(user).filter(plan=plan)

    def clean_items(self):
        items = list(self.cleaned_data.get("items") or [])
        if not items:
            raise forms.ValidationError("请先勾选要分配的条目。")
        return items

    def changes(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items()
                if name != "items" and value not in (None, "", [])}
