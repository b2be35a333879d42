"""The activity form. It validates input; ``ledger.actions`` does the writing."""

from django import forms
from django.core.exceptions import ValidationError

from ideowork.core.forms.pickers import TickListPicker
from ideowork.core.models import OrgUnit, User
from ideowork.plans.forms.fields import PlanItemChoiceField, TargetMultipleChoiceField
from ideowork.plans.models import PlanItem, Target

from ..actions import check_activity_date
from ..actions.checks import EARLIEST_DATE, latest_date
from ..models import Activity
from .widgets import EvidenceFilesField, group_people

__all__ = ["ActivityForm", "EvidenceForm"]

EVIDENCE_HELP = "可一次选择多个文件；支持图片、PDF、Word、Excel，单个文件不超过上限。"


class ActivityForm(forms.ModelForm):
    targets = TargetMultipleChoiceField(label="计入指标", required=False,
                                        widget=TickListPicker(placeholder="输入指标或要点筛选"))
    evidence_files = EvidenceFilesField(label="选择文件", required=False, help_text=EVIDENCE_HELP)

    class Meta:
        model = Activity
        fields = ["org_unit", "kind", "date", "title", "place", "host", "summary", "participants",
                  "extra_participants", "item"]
        field_classes = {"item": PlanItemChoiceField}
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 5, "placeholder": "活动主要内容、议程、成效等"}),
            "title": forms.TextInput(attrs={"placeholder": "如：3月份理论学习中心组集中学习"}),
            "participants": TickListPicker(unit="人", placeholder="输入姓名或单位筛选"),
        }
        help_texts = {"participants": "勾选参加活动的人员；系统外人员请填写“其他参加人数”。"}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        f = self.fields
        units = OrgUnit.objects.visible_to(user).filter(is_active=True)
        if self.instance.pk:
            units = units | OrgUnit.objects.filter(pk=self.instance.org_unit_id)
        f["org_unit"].queryset = units
        f["org_unit"].empty_label = None
        root_depth = user.scope_root.depth if user.scope_root else 0
        f["org_unit"].label_from_instance = lambda u: "\u3000" * max(u.depth - root_depth, 0) + u.name
        people = User.objects.visible_to(user).business().select_related("org_unit").order_by(
            "org_unit__path", "display_name", "username")
        f["participants"].queryset = people
        f["participants"].label = "系统内人员"
        f["participants"].choices = group_people(people)
        f["item"].queryset = PlanItem.objects.visible_to(user)
        f["item"].empty_label = "（不对应具体要点）"
        f["targets"].queryset = Target.objects.visible_to(user)
        f["date"].widget.attrs.update({"min": EARLIEST_DATE.isoformat(), "max": latest_date().isoformat()})
        f["extra_participants"].widget.attrs["min"] = 0
        f["extra_participants"].required = False

    def clean_extra_participants(self):
        return self.cleaned_data["extra_participants"] or 0

    def clean_date(self):
        day = self.cleaned_data["date"]
        try:
            check_activity_date(day)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["date"]) from None
        return day

    def service_data(self) -> dict:
        """The cleaned fields as keyword arguments for ``do_record_activity``/``do_update_activity``."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "participants"}
        data["participants"] = list(self.cleaned_data["participants"])
        data["targets"] = list(self.cleaned_data["targets"])
        data["evidence_files"] = self.cleaned_data["evidence_files"]
        return data


class EvidenceForm(forms.Form):
    files = EvidenceFilesField(label="上传佐证材料", help_text=EVIDENCE_HELP)
    caption = forms.CharField(label="说明", max_length=200, required=False,
                              widget=forms.TextInput(attrs={"placeholder": "说明（可不填）"}))
