"""Forms of the youth programme. They parse input; ``learning.actions.youth`` writes."""

from django import forms
from django.utils import timezone

from ideowork.core.forms.pickers import TickListPicker
from ideowork.core.models import User
from ideowork.ledger.forms.widgets import group_people

__all__ = ["MentorPairForm", "MeetingForm", "ContestForm", "EssayForm", "ScoreForm"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _people(user):
    return User.objects.visible_to(user).business().select_related("org_unit").order_by(
        "org_unit__path", "display_name", "username")


class MentorPairForm(forms.Form):
    mentor = forms.ModelChoiceField(label="导师", queryset=User.objects.none())
    mentee = forms.ModelChoiceField(label="青年干部", queryset=User.objects.none())
    started_on = forms.DateField(label="结对日期", widget=DATE)
    goals = forms.CharField(label="培养目标", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                            help_text="如：一年内系统学习党的创新理论，完成调研报告1篇。")

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {"started_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        people = _people(user)
        for name in ("mentor", "mentee"):
            self.fields[name].queryset = people
            self.fields[name].choices = [("", "请选择…"), *group_people(people)]


class MeetingForm(forms.Form):
    date = forms.DateField(label="日期", widget=DATE)
    topic = forms.CharField(label="主题", max_length=200,
                            widget=forms.TextInput(attrs={"placeholder": "如：共同研读《习近平谈治国理政》第四卷"}))
    notes = forms.CharField(label="内容记录", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)


class ContestForm(forms.Form):
    title = forms.CharField(label="征文名称", max_length=200)
    theme = forms.CharField(label="征文主题", max_length=200)
    description = forms.CharField(label="征文要求", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    opens_at = forms.DateTimeField(label="开始征集", widget=DATETIME)
    closes_at = forms.DateTimeField(label="截止时间", widget=DATETIME)
    judges = forms.ModelMultipleChoiceField(label="评委", queryset=User.objects.none(),
                                            widget=TickListPicker(unit="人", placeholder="输入姓名或单位筛选"),
                                            help_text="可勾选多位评委；评委看不到作者姓名，也不评自己的作品。")
    first_prizes = forms.IntegerField(label="一等奖名额", min_value=0, max_value=100, initial=1)
    second_prizes = forms.IntegerField(label="二等奖名额", min_value=0, max_value=100, initial=2)
    third_prizes = forms.IntegerField(label="三等奖名额", min_value=0, max_value=100, initial=3)
    merit_prizes = forms.IntegerField(label="优秀奖名额", min_value=0, max_value=500, initial=5)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        people = _people(user)
        self.fields["judges"].queryset = people
        self.fields["judges"].choices = group_people(people)


class EssayForm(forms.Form):
    title = forms.CharField(label="作品标题", max_length=200)
    body = forms.CharField(label="正文", required=False, widget=forms.Textarea(attrs={"rows": 16}),
                           help_text="可直接填写正文，也可上传文件（二者至少其一）。请勿在正文中写明作者姓名和单位。")
    upload = forms.FileField(label="作品文件", required=False, help_text="支持PDF、Word、文本文件。")


class ScoreForm(forms.Form):
    score = forms.IntegerField(label="评分", min_value=0, max_value=100,
                               widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1,
                                                               "class": "score-input"}),
                               error_messages={"min_value": "评分须为0至100之间的整数。",
                                               "max_value": "评分须为0至100之间的整数。"})
    comment = forms.CharField(label="评语", required=False, widget=forms.Textarea(attrs={"rows": 3}))
