"""Forms of the outlet register; they collect input, ``outlets.actions.outlets`` decides."""

from django import forms
from django.utils import timezone

from ideowork.core.models import OrgUnit, ReviewFlow, User
from ideowork.ledger.forms.widgets import EvidenceFilesField, group_people
from ideowork.plans.forms.fields import PlanItemChoiceField
from ideowork.plans.models import PlanItem

from ..choices import InspectionResult, OutletKind, OutletStatus, UpdateFrequency

__all__ = ["OutletForm", "OutletUpdateForm", "InspectionForm", "RectifyForm", "FlagForm", "CloseForm"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OutletForm(forms.Form):
    name = forms.CharField(label="阵地名称", max_length=100)
    kind = forms.ChoiceField(label="阵地类型", choices=OutletKind.choices)
    org_unit = forms.ModelChoiceField(label="主管单位", queryset=OrgUnit.objects.none())
    account = forms.CharField(label="账号/网址/位置", max_length=200, required=False,
                              help_text="公众号名称或原始ID、网站网址、宣传栏所在位置等。")
    responsible = forms.ModelChoiceField(label="责任人", queryset=User.objects.none(),
                                         help_text="负责内容审核发布和日常维护，须为主管单位所在机关的人员。")
    frequency_days = forms.TypedChoiceField(label="更新频次要求", choices=UpdateFrequency.choices, coerce=int,
                                            initial=UpdateFrequency.MONTHLY,
                                            help_text="超过该周期未更新即提醒责任人；超过两倍周期标记为“长期未更新”。")
    last_updated_on = forms.DateField(label="最近更新", widget=DATE, required=False,
                                      help_text="登记时填写最近一次更新的日期；之后由发布稿件或登记更新自动记录。")
    review_flow = forms.ModelChoiceField(label="审核流程", queryset=ReviewFlow.objects.none(), required=False,
                                         empty_label="默认流程（三审三校）",
                                         help_text="在该阵地发布的稿件所走的审核流程。")
    item = PlanItemChoiceField(label="对应工作要点", required=False, empty_label="（不对应）",
                               help_text="登记的更新和检查计入该要点的指标。")
    description = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = OrgUnit.objects.visible_to(user).filter(is_active=True)
        people = User.objects.visible_to(user).business().select_related("org_unit").order_by(
            "org_unit__path", "display_name")
        self.fields["responsible"].queryset = people
        self.fields["responsible"].choices = [("", "——请选择——"), *group_people(people)]
        self.fields["review_flow"].queryset = ReviewFlow.objects.visible_to(user).select_related("org_unit")
        year = timezone.localdate().year
        self.fields["item"].queryset = PlanItem.objects.visible_to(user).filter(plan__year__gte=year - 1)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class OutletUpdateForm(forms.Form):
    date = forms.DateField(label="更新日期", widget=DATE, initial=timezone.localdate)
    summary = forms.CharField(label="更新内容", widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="如：更新“学习贯彻党的二十届四中全会精神”专栏，展板8块。")
    evidence_files = EvidenceFilesField(label="现场照片", required=False,
                                        help_text="可一次选择多张照片；也可上传PDF、Word。作为台账佐证材料保存。")


class InspectionForm(forms.Form):
    date = forms.DateField(label="检查日期", widget=DATE, initial=timezone.localdate)
    result = forms.ChoiceField(label="检查结论", choices=InspectionResult.choices, widget=forms.RadioSelect,
                               initial=InspectionResult.PASSED)
    findings = forms.CharField(label="发现问题", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                               help_text="结论为“存在问题”或“严重问题”时必填。")
    rectification = forms.CharField(label="整改要求", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    rectify_by = forms.DateField(label="整改期限", widget=DATE, required=False)


class RectifyForm(forms.Form):
    rectified_on = forms.DateField(label="整改完成日期", widget=DATE, initial=timezone.localdate)
    note = forms.CharField(label="整改情况", widget=forms.Textarea(attrs={"rows": 4}),
                           help_text="采取了哪些措施、整改结果如何。")


class FlagForm(forms.Form):
    status = forms.ChoiceField(label="标记为", widget=forms.RadioSelect, initial=OutletStatus.RECTIFYING,
                               choices=[(OutletStatus.RECTIFYING, "整改中（内容不合规等）"),
                                        (OutletStatus.DORMANT, "长期未更新（“僵尸”账号）")])
    reason = forms.CharField(label="原因", max_length=300)


class CloseForm(forms.Form):
    reason = forms.CharField(label="关停原因", max_length=300,
                             help_text="如：账号已注销、宣传栏已拆除。关停后不再提醒，历史记录保留。")
