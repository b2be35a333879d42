"""Forms of handling (研判、交办、上报、回应、联合处置、销号、转为风险), the 舆情台账's filters and the
deadlines by grade; they collect input, ``opinion.actions.handling`` decides."""

from django import forms
from django.utils import timezone

from ideowork.ledger.forms.widgets import EvidenceFilesField
from ideowork.risks.choices import RiskArea
from ideowork.risks.forms import UnitChoiceField, units_for

from ..choices import EventStatus, Grade, Sentiment
from ..models import DeadlinePolicy
from .sources import DATE

__all__ = ["JudgeForm", "DismissForm", "AssignForm", "ReportForm", "RespondForm", "JointForm", "CloseoutForm",
           "EscalateForm", "LedgerFilterForm", "DeadlineForm", "OPEN", "OVERDUE"]

OPEN, OVERDUE = "open", "overdue"  # the 台账's "still being handled" and "past its deadline" filters
FILES_HELP = "图片、PDF、Word、Excel，可多选。"


def _text(label: str, rows: int = 3, required: bool = True, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class JudgeForm(forms.Form):
    grade = forms.ChoiceField(label="事件等级", choices=Grade.choices)
    reason = _text("研判意见", required=False, help_text="调整系统判定的等级时须写明理由。")


class DismissForm(forms.Form):
    reason = _text("无需处置的理由", rows=2)


class AssignForm(forms.Form):
    unit = UnitChoiceField(label="处置单位", queryset=None)
    instructions = _text("处置要求", required=False)
    deadline = forms.DateTimeField(label="处置时限", required=False,
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                                   help_text="不填则按事件等级的处置时限计算。")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user)


class ReportForm(forms.Form):
    note = _text("上报说明", rows=2, required=False)


class RespondForm(forms.Form):
    text = _text("回应内容", rows=4)
    publish = forms.BooleanField(label="公开发布（经三审三校审核后发布）", required=False)
    files = EvidenceFilesField(label="附件", required=False, help_text=FILES_HELP)


class JointForm(forms.Form):
    department = forms.CharField(label="协同部门", max_length=100)
    text = _text("处置情况", rows=2)
    on = forms.DateField(label="处置日期", widget=DATE)
    files = EvidenceFilesField(label="附件", required=False, help_text=FILES_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()


class CloseoutForm(forms.Form):
    result = _text("处置结果", help_text="写明处置经过和效果，提交后进入销号审核。")


class EscalateForm(forms.Form):
    area = forms.ChoiceField(label="所属领域", choices=RiskArea.choices)
    likelihood = forms.TypedChoiceField(label="可能性", coerce=int)
    impact = forms.TypedChoiceField(label="影响程度", coerce=int)
    measures = _text("防控措施", rows=2, required=False)

    def __init__(self, *args, matrix, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["likelihood"].choices = [(n, f"{n} {label}") for n, label in enumerate(matrix.likelihood_labels, 1)]
        self.fields["impact"].choices = [(n, f"{n} {label}") for n, label in enumerate(matrix.impact_labels, 1)]


class LedgerFilterForm(forms.Form):
    status = forms.ChoiceField(label="状态", required=False,
                               choices=[("", "全部状态"), (OPEN, "处置中（未办结）"), (OVERDUE, "已逾期"),
                                        *EventStatus.choices])
    grade = forms.ChoiceField(label="等级", required=False, choices=[("", "全部等级"), *Grade.choices])
    sentiment = forms.ChoiceField(label="倾向", required=False, choices=[("", "全部倾向"), *Sentiment.choices])
    unit = UnitChoiceField(label="单位", required=False, queryset=None, empty_label="全部单位")
    reported = forms.BooleanField(label="仅看下级上报", required=False)
    start = forms.DateField(label="发现日期起", required=False, widget=DATE)
    end = forms.DateField(label="至", required=False, widget=DATE)
    q = forms.CharField(label="关键词", required=False, max_length=50,
                        widget=forms.TextInput(attrs={"placeholder": "事件名称关键词"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user)
        for name in ("status", "grade", "sentiment", "unit"):
            self.fields[name].widget.attrs["data-autosubmit"] = ""


class DeadlineForm(forms.Form):
    grave_hours = forms.IntegerField(label="特别重大（小时）", min_value=1)
    major_hours = forms.IntegerField(label="重大（小时）", min_value=1)
    large_hours = forms.IntegerField(label="较大（小时）", min_value=1)
    general_hours = forms.IntegerField(label="一般（小时）", min_value=1)

    @classmethod
    def for_policy(cls, policy: DeadlinePolicy, data=None):
        return cls(data, initial={name: getattr(policy, name) for name in DeadlinePolicy.FIELDS.values()})
