from django import forms

from ideowork.core.models import User

from ..choices import PointsAction

__all__ = ["PointsRuleForm", "PointsAdjustForm", "SelectionForm", "NomineeForm", "DecisionForm"]


class PointsRuleForm(forms.Form):
    points = forms.IntegerField(label="每次积分", min_value=0, max_value=100)
    daily_cap = forms.IntegerField(label="每日上限", min_value=0, max_value=1000, required=False)
    weekly_cap = forms.IntegerField(label="每周上限", min_value=0, max_value=5000, required=False)
    is_active = forms.BooleanField(label="启用", required=False)
    note = forms.CharField(label="说明", max_length=200, required=False)


class PointsAdjustForm(forms.Form):
    user = forms.ModelChoiceField(label="人员", queryset=User.objects.none())
    points = forms.IntegerField(label="调整分值", min_value=-1000, max_value=1000,
                                help_text="正数为加分，负数为扣分。")
    note = forms.CharField(label="调整原因", max_length=200)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.visible_to(user).business().select_related("org_unit")
        self.fields["user"].label_from_instance = lambda u: f"{u.name}（{u.org_unit.display_name}）"


class SelectionForm(forms.Form):
    title = forms.CharField(label="评选名称", max_length=100, help_text="如：2026年第四季度学习标兵")
    start = forms.DateField(label="积分起始日", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="积分截止日", widget=forms.DateInput(attrs={"type": "date"}))
    quota = forms.IntegerField(label="评选名额", min_value=1, max_value=100, initial=5)
    note = forms.CharField(label="评选说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class NomineeForm(forms.Form):
    user = forms.ModelChoiceField(label="提名人选", queryset=User.objects.none())
    reason = forms.CharField(label="推荐理由", max_length=300, required=False)

    def __init__(self, *args, selection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (User.objects.business().filter(org_unit__organ=selection.org_unit)
                                        .exclude(pk__in=selection.nominees.values("user")).select_related("org_unit"))
        self.fields["user"].label_from_instance = lambda u: f"{u.name}（{u.org_unit.display_name}）"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label="审核意见", choices=[("approved", "同意"), ("rejected", "不同意")],
                                 widget=forms.RadioSelect)
    comment = forms.CharField(label="说明", max_length=300, required=False)


ACTION_LABELS = dict(PointsAction.choices)
