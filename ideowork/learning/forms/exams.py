"""Forms of exams: the exam's settings, a drawing rule, a question for a fixed paper, a grade."""

from django import forms

from ideowork.core.forms.pickers import TickListPicker

from ..actions.exams import EXAM_FIELDS
from ..models import Exam
from .questions import QuestionTraitsForm, bank_units

__all__ = ["ExamForm", "ExamRuleForm", "ExamQuestionForm", "GradeForm"]

_DT = {"type": "datetime-local"}

class ExamForm(forms.ModelForm):
    class Meta:
        model = Exam
        fields = [*EXAM_FIELDS, "audience"]
        widgets = {
            "opens_at": forms.DateTimeInput(attrs=_DT, format="%Y-%m-%dT%H:%M"),
            "closes_at": forms.DateTimeInput(attrs=_DT, format="%Y-%m-%dT%H:%M"),
            "description": forms.Textarea(attrs={"rows": 3, "placeholder": "考试范围、注意事项等"}),
            "title": forms.TextInput(attrs={"placeholder": "如：2026年第一季度理论学习测试"}),
            "audience": TickListPicker(unit="个单位", placeholder="输入单位名称筛选"),
        }
        help_texts = {
            "audience": "勾选限定参考的单位；不选则面向组织单位及其下属所有单位。",
            "time_limit_minutes": "从开始作答起计时，由服务器控制；到时自动交卷，且不超过考试结束时间。",
            "grade_policy": "允许多次作答时，最终成绩的取法。",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = bank_units(user)
        root_depth = user.scope_root.depth if user.scope_root else 0
        label = lambda u: "\u3000" * max(u.depth - root_depth, 0) + u.name  # noqa: E731
        for name in ("org_unit", "audience"):
            self.fields[name].queryset = units
            self.fields[name].label_from_instance = label
        self.fields["org_unit"].empty_label = None
        self.fields["org_unit"].initial = user.scope_root
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.fields["time_limit_minutes"].widget.attrs.update(min=1, max=1440)
        self.fields["max_attempts"].widget.attrs.update(min=1, max=20)
        if self.instance.pk and self.instance.status != "draft":
            for name in self.fields:
                if name not in ("title", "description", "closes_at", "show_answers"):
                    self.fields[name].disabled = True

    def _post_clean(self):
        # The service validates and saves; the model's own clean would run before it.
        pass

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in EXAM_FIELDS}

class ExamRuleForm(QuestionTraitsForm):
    any_word = "不限"
    count = forms.IntegerField(label="抽题数量", min_value=1, max_value=200, initial=5)
    score = forms.DecimalField(label="每题分值", min_value=0.5, max_value=100, decimal_places=1, initial=2)

class ExamQuestionForm(forms.Form):
    question = forms.IntegerField(widget=forms.HiddenInput)
    score = forms.DecimalField(label="分值", min_value=0.5, max_value=100, decimal_places=1, initial=2)

class GradeForm(forms.Form):
    score = forms.DecimalField(label="得分", min_value=0, max_value=100, decimal_places=1)
    comment = forms.CharField(label="评语", required=False, max_length=500)

