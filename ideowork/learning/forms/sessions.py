"""Forms of study groups and sessions; they collect input, the services in actions.sessions decide."""

from itertools import groupby

from django import forms
from django.utils import timezone

from ideowork.core.capabilities import get_capability
from ideowork.core.forms.pickers import TickListPicker
from ideowork.core.models import OrgUnit, User

from ..models import GroupKind, SessionKind, StudyGroup

__all__ = ["GroupForm", "SessionForm", "MinutesForm", "MaterialForm", "SpeechForm", "LeaveForm", "MakeupForm",
           "SignInForm", "agenda_from", "agenda_initial"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _people_choices(users) -> list:
    return [(unit.display_name, [(u.pk, u.name) for u in people])
            for unit, people in groupby(users, key=lambda u: u.org_unit)]


class GroupForm(forms.Form):
    name = forms.CharField(label="小组名称", max_length=100)
    kind = forms.ChoiceField(label="小组类型", choices=GroupKind.choices)
    org_unit = forms.ModelChoiceField(label="所属单位", queryset=OrgUnit.objects.none())
    secretary = forms.ModelChoiceField(label="学习秘书", queryset=User.objects.none(), required=False,
                                       help_text="负责审阅心得体会、登记学习台账；须为具有台账登记权限的人员。")
    members = forms.ModelMultipleChoiceField(label="成员", queryset=User.objects.none(),
                                             widget=TickListPicker(unit="人", placeholder="输入姓名或单位筛选",
                                                                   label="成员"))
    description = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    is_active = forms.BooleanField(label="启用", required=False, initial=True)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        root = user.scope_root
        units = OrgUnit.objects.visible_to(user).filter(is_active=True) if root else OrgUnit.objects.none()
        self.fields["org_unit"].queryset = units
        people = User.objects.visible_to(user).business().select_related("org_unit").order_by(
            "org_unit__path", "display_name")
        self.fields["members"].queryset = people
        self.fields["members"].choices = _people_choices(people)
        self.fields["secretary"].queryset = people.filter(role__in=sorted(get_capability("ledger.record").roles))
        self.fields["secretary"].empty_label = "（暂不指定）"


class SessionForm(forms.Form):
    group = forms.ModelChoiceField(label="学习小组", queryset=StudyGroup.objects.none())
    kind = forms.ChoiceField(label="学习形式", choices=SessionKind.choices,
                             help_text="微学习为每周开展的短时学习，同样签到、计入台账。")
    title = forms.CharField(label="学习主题", max_length=200)
    date = forms.DateField(label="日期", widget=DATE)
    start_time = forms.TimeField(label="开始时间", widget=TIME)
    end_time = forms.TimeField(label="结束时间", widget=TIME, required=False)
    place = forms.CharField(label="地点", max_length=200, required=False)
    host = forms.CharField(label="主持人", max_length=100)
    first_topic = forms.CharField(label="第一议题", max_length=300, required=False,
                                  help_text="学习习近平总书记重要讲话重要指示批示精神；中心组集中学习必填。")
    first_topic_presenter = forms.CharField(label="第一议题领学人", max_length=100, required=False)
    other_topics = forms.CharField(label="其他议程", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                   help_text="每行一项。")

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups

    def agenda(self) -> list[tuple[str, bool, str]]:
        return agenda_from(self.cleaned_data)

    def service_data(self) -> dict:
        data = {k: self.cleaned_data[k] for k in ("kind", "title", "date", "start_time", "end_time", "place", "host")}
        data["agenda"] = self.agenda()
        return data


def agenda_from(data: dict) -> list[tuple[str, bool, str]]:
    agenda = []
    if data.get("first_topic", "").strip():
        agenda.append((data["first_topic"], True, data.get("first_topic_presenter", "")))
    agenda += [(line, False, "") for line in (data.get("other_topics") or "").splitlines() if line.strip()]
    return agenda


def agenda_initial(session) -> dict:
    items = list(session.agenda.all())
    first = next((a for a in items if a.is_first_topic), None)
    return {"first_topic": first.title if first else "", "first_topic_presenter": first.presenter if first else "",
            "other_topics": "\n".join(a.title for a in items if not a.is_first_topic)}


class MinutesForm(forms.Form):
    minutes = forms.CharField(label="会议记录", required=False, widget=forms.Textarea(attrs={"rows": 6}))


class MaterialForm(forms.Form):
    title = forms.CharField(label="材料名称", max_length=200, required=False)
    file = forms.FileField(label="文件", required=False, help_text="Word、PDF、Excel或图片。")
    link = forms.URLField(label="或链接", required=False, assume_scheme="https")


class SpeechForm(forms.Form):
    speaker = forms.ModelChoiceField(label="发言人", queryset=User.objects.none(), required=False,
                                     empty_label="（系统外人员，填写姓名）")
    speaker_name = forms.CharField(label="姓名", max_length=50, required=False)
    content = forms.CharField(label="发言要点", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = session.group.members.order_by("display_name")


class LeaveForm(forms.Form):
    reason = forms.CharField(label="请假事由", max_length=300)


class MakeupForm(forms.Form):
    content = forms.CharField(label="补学内容", widget=forms.Textarea(attrs={"rows": 4}),
                              help_text="学习了哪些材料、有何体会。")
    studied_on = forms.DateField(label="补学日期", widget=DATE, initial=timezone.localdate)
    file = forms.FileField(label="补学材料（可选）", required=False, help_text="学习笔记照片、Word或PDF。")


class SignInForm(forms.Form):
    code = forms.CharField(label="签到码", max_length=8,
                           widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                                         "placeholder": "6位数字", "class": "sign-in-code"}))
