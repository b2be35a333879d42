"""The forms of screening campaigns, their returns, the quarterly schedule, guidance and reports up."""

import re

from django import forms
from django.utils import timezone

from ideowork.core.forms.pickers import TickListPicker
from ideowork.ledger.forms.widgets import EvidenceFilesField
from ideowork.plans.forms.fields import PlanItemChoiceField
from ideowork.plans.models import PlanItem

from .choices import DEFAULT_FOCUS_AREAS, CampaignStatus, RiskArea, UpwardKind
from .forms import RiskForm

__all__ = ["CampaignFilterForm", "CampaignForm", "ScheduleForm", "ReturnRiskForm", "NilReturnForm", "CloseCampaignForm", "GuidanceForm",
           "UpwardReportForm", "AcknowledgeForm", "split_areas"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def split_areas(text: str) -> list[str]:
    """Focus areas typed as one line: separated by 、，, ; or new lines."""
    return [part.strip() for part in re.split(r"[、，,；;\n]+", text or "") if part.strip()]


class UnitsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, unit) -> str:
        return f"{unit.display_name}（{unit.get_kind_display()}）"


class _FocusAndUnits(forms.Form):
    focus_areas = forms.CharField(label="排查重点领域", max_length=300, initial="、".join(DEFAULT_FOCUS_AREAS),
                                  help_text="用顿号分隔，可增删。")
    units = UnitsField(label="报送单位", queryset=None,
                       widget=TickListPicker(unit="个单位", placeholder="输入单位名称筛选"),
                       help_text="本单位各科室；下发县区时勾选县区单位。")
    instructions = forms.CharField(label="工作要求", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units

    def clean_focus_areas(self):
        return split_areas(self.cleaned_data["focus_areas"])


class CampaignForm(_FocusAndUnits):
    title = forms.CharField(label="活动名称", max_length=120)
    year = forms.TypedChoiceField(label="年度", coerce=int)
    quarter = forms.TypedChoiceField(label="季度", coerce=int, choices=[(q, f"第{'一二三四'[q - 1]}季度")
                                                                        for q in range(1, 5)])
    deadline = forms.DateField(label="报送截止日期", widget=DATE)
    item = PlanItemChoiceField(label="对应工作要点", required=False, empty_label="（由计数规则确定）",
                               help_text="选择后计入该要点的排查指标；不选时按活动类型“排查”自动计入唯一对应的指标。")

    field_order = ["title", "year", "quarter", "deadline", "focus_areas", "units", "instructions", "item"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        self.fields["year"].choices = [(y, f"{y}年") for y in (year - 1, year, year + 1)]
        self.fields["item"].queryset = PlanItem.objects.visible_to(user).filter(plan__year__gte=year - 1)


class ScheduleForm(_FocusAndUnits):
    is_active = forms.BooleanField(label="每季度自动开展排查", required=False)
    open_day = forms.IntegerField(label="每季度首月开始日", min_value=1, max_value=28, initial=1)
    days_given = forms.IntegerField(label="报送期限（天）", min_value=5, max_value=60, initial=20)

    field_order = ["is_active", "open_day", "days_given", "focus_areas", "units", "instructions"]


class ReturnRiskForm(RiskForm):
    """A risk found in the screening: the register's form without unit and source (the return's)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["org_unit"], self.fields["source"]


class NilReturnForm(forms.Form):
    checked_by = forms.CharField(label="排查人员", max_length=200,
                                 widget=forms.TextInput(attrs={"placeholder": "如：主任张三牵头，李四、王五参加"}))
    method = forms.CharField(label="排查方式和范围", widget=forms.Textarea(attrs={"rows": 3, "placeholder":
                             "如：召开专题会议，逐项对照重点领域排查，查阅信访件和网络舆情记录"}))
    note = forms.CharField(label="其他说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CampaignFilterForm(forms.Form):
    """The campaign list narrowed to a year and a state: past campaigns are found here."""
    year = forms.TypedChoiceField(label="年度", coerce=int, required=False, empty_value=None)
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *CampaignStatus.choices])

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "全部年度"), *((y, f"{y}年") for y in years)]


class CloseCampaignForm(forms.Form):
    summary = forms.CharField(label="排查总结", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class GuidanceForm(forms.Form):
    title = forms.CharField(label="标题", max_length=120)
    body = forms.CharField(label="指导意见", widget=forms.Textarea(attrs={"rows": 8}))
    recipients = UnitsField(label="接收单位", queryset=None,
                            widget=TickListPicker(unit="个单位", placeholder="输入县区名称筛选"))
    files = EvidenceFilesField(label="附件", required=False, help_text="PDF、Word、Excel、图片，可多选。")

    def __init__(self, *args, counties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = counties
        self.fields["recipients"].initial = list(counties)


class UpwardReportForm(forms.Form):
    kind = forms.ChoiceField(label="报告类别", choices=UpwardKind.choices, widget=forms.RadioSelect,
                             initial=UpwardKind.EARLY_SIGN)
    area = forms.ChoiceField(label="所属领域", choices=RiskArea.choices)
    title = forms.CharField(label="标题", max_length=120)
    body = forms.CharField(label="具体情况", widget=forms.Textarea(attrs={"rows": 6}))
    measures = forms.CharField(label="已采取的措施", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AcknowledgeForm(forms.Form):
    reply = forms.CharField(label="上级意见", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
