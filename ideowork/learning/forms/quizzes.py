"""Forms of quizzes and competitions: what an administrator fills in to open one."""

from datetime import timedelta

from django import forms
from django.utils import timezone

from ideowork.core.models import OrgUnit

from ..models import QuestionCategory

__all__ = ["SpecialQuizForm", "CompetitionForm"]

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def _datetime_field(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(label=label, input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
                               widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT))


class SpecialQuizForm(forms.Form):
    title = forms.CharField(label="名称", max_length=100)
    category = forms.ModelChoiceField(label="题目分类", queryset=QuestionCategory.objects.none(), required=False,
                                      empty_label="全部题目")
    question_count = forms.IntegerField(label="题量", min_value=1, max_value=100, initial=10)
    starts_at = _datetime_field("开始时间")
    ends_at = _datetime_field("结束时间")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = QuestionCategory.objects.visible_to(user)
        now = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["starts_at"].initial = now
        self.fields["ends_at"].initial = now + timedelta(days=7)


class CompetitionForm(SpecialQuizForm):
    title = forms.CharField(label="竞赛名称", max_length=100)
    org_unit = forms.ModelChoiceField(label="参赛范围", queryset=OrgUnit.objects.none(), empty_label=None,
                                      help_text="所选单位及其下属单位的人员可参赛。")
    description = forms.CharField(label="竞赛说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    max_attempts = forms.IntegerField(label="每人可答次数", min_value=1, max_value=10, initial=1,
                                      help_text="多次作答取最好成绩。")

    field_order = ["title", "org_unit", "description", "category", "question_count", "max_attempts",
                   "starts_at", "ends_at"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        root = user.scope_root
        units = OrgUnit.objects.filter(path__startswith=root.path, is_active=True) if root else OrgUnit.objects.none()
        self.fields["org_unit"].queryset = units.order_by("path")
        self.fields["org_unit"].initial = root
        self.fields["org_unit"].label_from_instance = lambda u: ("　" * u.depth) + u.name
