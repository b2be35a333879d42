"""Forms of news releases, the expert library, policy interpretation and the public's questions."""

from django import forms
from django.db.models import Q
from django.utils import timezone

from ideowork.core.forms.fields import OrgUnitChoiceField
from ideowork.core.forms.pickers import TickListPicker
from ideowork.core.models import OrgUnit

from ..choices import ContentKind
from ..models import ContentItem, Expert, InterpretationForm, QuestionChannel
from .publicity import DATE, unit_field_for

__all__ = ["PressForm", "ExpertForm", "ExpertSearchForm", "InterpretationEntryForm", "QuestionForm",
           "AnswerForm", "QuestionFilterForm"]

PRIVACY_NOTE = ("为保护群众隐私，本系统不登记提问人的姓名、电话、身份证号等个人信息，"
                "只登记渠道、主题和问题本身；问题内容中如有个人信息，请先删去。")


class PressForm(forms.Form):
    title = forms.CharField(label="发布会名称", max_length=200)
    held_on = forms.DateField(label="召开日期", widget=DATE)
    place = forms.CharField(label="地点", max_length=200, required=False)
    host = forms.CharField(label="主持人", max_length=100, required=False)
    org_unit = OrgUnitChoiceField(label="主办单位", queryset=OrgUnit.objects.none())
    spokespeople = forms.CharField(label="发布人", widget=forms.Textarea(attrs={"rows": 3}),
                                   help_text="每行一位，写姓名和职务，如：李娜 市委编办副主任。")
    topics = forms.CharField(label="发布主题", widget=forms.Textarea(attrs={"rows": 3}))
    media_count = forms.IntegerField(label="到会媒体数", min_value=0, initial=0)
    media_names = forms.CharField(label="到会媒体", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text="媒体名称，用顿号分隔。")
    release = forms.ModelChoiceField(label="新闻通稿", queryset=ContentItem.objects.none(), required=False,
                                     empty_label="（不关联）", help_text="经“稿件与审核”审批的新闻通稿。")
    summary = forms.CharField(label="发布情况", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="发布要点、记者提问及回应情况。")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        unit_field_for(self, user)
        self.fields["release"].queryset = ContentItem.objects.visible_to(user).filter(kind=ContentKind.PRESS_RELEASE)


class ExpertForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50)
    organisation = forms.CharField(label="工作单位", max_length=100, help_text="如：市委党校、市社科院。")
    position = forms.CharField(label="职务/职称", max_length=100, required=False)
    expertise = forms.CharField(label="擅长领域", max_length=300, help_text="多个领域用顿号分隔，如：机构改革、编制管理。")
    contact = forms.CharField(label="工作联系方式", max_length=100, required=False,
                              help_text="只填写办公电话或工作邮箱；专家库仅保存工作信息。")
    org_unit = OrgUnitChoiceField(label="所属单位", queryset=OrgUnit.objects.none())
    active = forms.BooleanField(label="在库", required=False, initial=True)
    note = forms.CharField(label="备注", max_length=300, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        unit_field_for(self, user)


class ExpertSearchForm(forms.Form):
    field = forms.CharField(label="擅长领域", required=False, widget=forms.TextInput(attrs={"placeholder": "按领域查找"}))
    q = forms.CharField(label="姓名或单位", required=False, widget=forms.TextInput(attrs={"placeholder": "姓名或单位"}))
    inactive = forms.BooleanField(label="含已出库", required=False)


class InterpretationEntryForm(forms.Form):
    policy_title = forms.CharField(label="政策名称", max_length=200)
    issuing_body = forms.CharField(label="发文机关", max_length=100)
    published_on = forms.DateField(label="解读发布日期", widget=DATE)
    form = forms.ChoiceField(label="解读形式", choices=InterpretationForm.choices)
    channel = forms.CharField(label="发布渠道", max_length=100, help_text="如：市政府门户网站“政策解读”栏目、政务新媒体。")
    experts = forms.ModelMultipleChoiceField(label="解读专家", queryset=Expert.objects.none(), required=False,
                                             widget=TickListPicker(unit="位", placeholder="输入姓名、单位或领域筛选"))
    link = forms.CharField(label="链接", max_length=500, required=False)
    org_unit = OrgUnitChoiceField(label="单位", queryset=OrgUnit.objects.none())
    summary = forms.CharField(label="解读要点", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, user, chosen=(), **kwargs):
        super().__init__(*args, **kwargs)
        unit_field_for(self, user)
        # Experts no longer in the library stay offered where they were chosen before.
        self.fields["experts"].queryset = Expert.objects.visible_to(user).filter(
            Q(active=True) | Q(pk__in=[e.pk for e in chosen]))
        self.fields["experts"].label_from_instance = lambda e: f"{e.name}（{e.organisation}，{e.expertise}）"


class QuestionForm(forms.Form):
    channel = forms.ChoiceField(label="来源渠道", choices=[("", "——请选择——"), *QuestionChannel.choices])
    received_on = forms.DateField(label="收到日期", widget=DATE)
    topic = forms.CharField(label="关切主题", max_length=100)
    question = forms.CharField(label="问题内容", widget=forms.Textarea(attrs={"rows": 5}), help_text=PRIVACY_NOTE)
    due_on = forms.DateField(label="答复期限", widget=DATE, help_text="一般自收到之日起15个工作日内答复。")
    org_unit = OrgUnitChoiceField(label="承办单位", queryset=OrgUnit.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        unit_field_for(self, user)


class AnswerForm(forms.Form):
    answer = forms.CharField(label="答复内容", widget=forms.Textarea(attrs={"rows": 7}),
                             help_text="答复中不要出现提问人的个人信息。")
    answered_on = forms.DateField(label="答复日期", widget=DATE, initial=timezone.localdate)
    publish = forms.BooleanField(label="同时公开答复", required=False,
                                 help_text="勾选后状态为“已公开”，表示答复已在相应渠道向社会公开。")


class QuestionFilterForm(forms.Form):
    status = forms.ChoiceField(label="状态", required=False, choices=[
        ("", "全部状态"), ("pending", "待答复"), ("overdue", "已逾期"), ("answered", "已答复"), ("published", "已公开")])
    channel = forms.ChoiceField(label="渠道", required=False, choices=[("", "全部渠道"), *QuestionChannel.choices])
    q = forms.CharField(label="关键词", required=False, widget=forms.TextInput(attrs={"placeholder": "主题或问题"}))
