"""Filters of the ledger list and its export; other pages link here with the same parameters.

``?target=<id>&period_start=YYYY-MM-DD&period_end=YYYY-MM-DD``, ``?item=``, ``?unit=`` (that unit
and the units below it), ``?kind=``, ``?person=<user id>`` (activities they took part in),
``?year=``, ``?month_from=&month_to=``, ``?q=`` (keyword).
"""

from django import forms
from django.db.models import Q

from ideowork.core.activity_kinds import activity_kind_choices
from ideowork.core.forms.filters import filter_by
from ideowork.core.models import OrgUnit, User
from ideowork.plans.forms.fields import PlanItemChoiceField, TargetChoiceField
from ideowork.plans.models import PlanItem, Target

from ..choices import source_choices
from ..models import Activity, ActivityTarget

__all__ = ["ActivityFilterForm"]

MONTHS = [(str(m), f"{m}月") for m in range(1, 13)]


class ActivityFilterForm(forms.Form):
    year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs={"placeholder": "年度", "class": "narrow"}))
    month_from = forms.TypedChoiceField(label="起始月", required=False, choices=[("", "起始月")] + MONTHS,
                                        coerce=int, empty_value=None)
    month_to = forms.TypedChoiceField(label="截止月", required=False, choices=[("", "截止月")] + MONTHS,
                                      coerce=int, empty_value=None)
    kind = forms.ChoiceField(label="活动类型", required=False, choices=lambda: [("", "全部类型"), *activity_kind_choices()])
    source = forms.ChoiceField(label="来源", required=False, choices=lambda: [("", "全部来源"), *source_choices()])
    unit = forms.ModelChoiceField(label="单位", required=False, queryset=OrgUnit.objects.none(),
                                  empty_label="全部单位")
    # An organ's own activities (its sections', not its county bureaus'): what the dashboards count.
    organ = forms.ModelChoiceField(label="机关", required=False, queryset=OrgUnit.objects.none(),
                                   widget=forms.HiddenInput)
    item = PlanItemChoiceField(label="对应要点", required=False, empty_label="全部要点")
    target = TargetChoiceField(label="计入指标", required=False, empty_label="全部指标")
    person = forms.ModelChoiceField(label="参加人员", required=False, queryset=User.objects.none(),
                                    empty_label="全部人员")
    period_start = forms.DateField(label="起始日期", required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    period_end = forms.DateField(label="截止日期", required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    q = forms.CharField(label="关键词", required=False, max_length=100,
                        widget=forms.TextInput(attrs={"placeholder": "名称、地点、主持人、摘要"}))

    def __init__(self, data, *, user: User):
        super().__init__(data)
        f = self.fields
        f["unit"].queryset = OrgUnit.objects.visible_to(user)
        f["organ"].queryset = OrgUnit.objects.visible_to(user)
        root_depth = user.scope_root.depth if user.scope_root else 0
        f["unit"].label_from_instance = lambda u: "\u3000" * max(u.depth - root_depth, 0) + u.name
        f["item"].queryset = PlanItem.objects.visible_to(user)
        f["target"].queryset = Target.objects.visible_to(user)
        f["person"].queryset = User.objects.visible_to(user).business().order_by("org_unit__path", "display_name")

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", "截止日期不能早于起始日期。")
        low, high = data.get("month_from"), data.get("month_to")
        if low and high and low > high:
            self.add_error("month_to", "截止月不能早于起始月。")
        return data

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(v not in (None, "") for v in self.cleaned_data.values())

    @property
    def narrowing(self) -> int:
        """How many conditions besides the search words are set (shown on a phone's 筛选 summary)."""
        if not self.is_valid():
            return 0
        return sum(1 for name, value in self.cleaned_data.items() if name != "q" and value not in (None, ""))

    def filter(self, qs):
        """Apply the filters to an already scoped queryset; an invalid filter shows nothing."""
        if not self.is_valid():
            return qs.none()
        d = self.cleaned_data
        qs = filter_by(qs, d, {"year": "date__year", "month_from": "date__month__gte", "month_to": "date__month__lte",
                               "period_start": "date__gte", "period_end": "date__lte", "kind": "kind",
                               "source": "source", "organ": "org_unit__organ", "item": "item"})
        if d["unit"]:
            qs = qs.in_unit(d["unit"])
        # Many-valued filters go through subqueries so that an activity is never listed twice.
        if d["target"]:
            qs = qs.filter(pk__in=ActivityTarget.objects.filter(target=d["target"]).values("activity_id"))
        if d["person"]:
            through = Activity.participants.through.objects
            qs = qs.filter(pk__in=through.filter(user=d["person"]).values("activity_id"))
        if d["q"]:
            q = d["q"].strip()
            qs = qs.filter(Q(title__icontains=q) | Q(place__icontains=q) | Q(host__icontains=q)
                           | Q(summary__icontains=q))
        return qs
