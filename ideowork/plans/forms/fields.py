"""Pickers of plan items and targets, for every form in every area that chooses one.

Several plans hold items of the same number and title (a county bureau's programme copies the
city's), so a flat list would show "1. 深化理论武装体系建设" once per plan. Options are grouped by
plan in <optgroup>s labelled with the plan's year and title, the current year's plans first; and
since a closed <select> shows only the chosen option, each option names its plan too whenever more
than one plan is offered.
"""

from itertools import groupby

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils import timezone

from ..models import PlanItem, Target, WorkPlan

__all__ = ["PlanItemChoiceField", "TargetChoiceField", "TargetMultipleChoiceField", "plan_labels", "plan_qualifiers"]


def plan_labels(plans: list[WorkPlan]) -> dict[int, str]:
    """A distinct group label per plan: the organ is added where two organs' plans share a title."""
    labels = {plan.pk: plan.label for plan in plans}
    counts = _counts(labels.values())
    return {plan.pk: labels[plan.pk] if counts[labels[plan.pk]] == 1
            else f"{labels[plan.pk]}（{plan.org_unit.display_name}）" for plan in plans}


def plan_qualifiers(plans: list[WorkPlan]) -> dict[int, str]:
    """The shortest name per plan that tells it from the others offered, to put after an option.

    The organ where the plans are of several organs, the year where they are of several years
    ("市委编办2026年", or just "2025年"); an organ with two plans in one year is told apart by the
    plans' titles. Short, because a phone shows only the start of a closed <select>.
    """
    several_organs = len({plan.org_unit_id for plan in plans}) > 1
    several_years = len({plan.year for plan in plans}) > 1
    short = {plan.pk: (plan.org_unit.display_name if several_organs else "")
             + (f"{plan.year}年" if several_years else "") for plan in plans}
    counts = _counts(short.values())
    full = {plan.pk: (f"{plan.org_unit.display_name} " if several_organs else "") + plan.label
            for plan in plans}
    return {pk: name if name and counts[name] == 1 else full[pk] for pk, name in short.items()}


def _counts(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


class GroupedByPlanIterator(ModelChoiceIterator):
    """The field's choices as one <optgroup> per plan."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        objects = list(self.field.ordered(self.queryset))
        groups = [(plan, list(members)) for plan, members in groupby(objects, key=self.field.plan_of)]
        plans = [plan for plan, _ in groups]
        labels = plan_labels(plans)
        qualifiers = plan_qualifiers(plans) if len(plans) > 1 else {}
        for plan, members in groups:
            yield (labels[plan.pk], [self._choice(obj, qualifiers.get(plan.pk)) for obj in members])

    def _choice(self, obj, qualifier: str | None):
        label = self.field.label_from_instance(obj)
        if qualifier:
            label = f"{label}（{qualifier}）"
        return ModelChoiceIteratorValue(self.field.prepare_value(obj), obj), label


class _ByPlan:
    """What the item and target pickers share: the order of their options and how they are grouped.

    ``plan_path`` is the lookup from the picked model to its ``WorkPlan``.
    """

    iterator = GroupedByPlanIterator
    plan_path = ""
    within_plan: tuple[str, ...] = ()

    def ordered(self, queryset):
        plan = self.plan_path
        current_year_first = Case(When(**{f"{plan}__year": timezone.localdate().year}, then=Value(0)),
                                  default=Value(1), output_field=IntegerField())
        return (queryset.select_related(f"{plan}__org_unit")
                .order_by(current_year_first, f"-{plan}__year", f"{plan}__org_unit__path", f"{plan}_id",
                          *self.within_plan, "pk"))

    def widget_attrs(self, widget):
        # Lets a phone's stylesheet give the picker the whole width: its options are long.
        return {**super().widget_attrs(widget), "class": "plan-picker"}

    def plan_of(self, obj) -> WorkPlan:
        for step in self.plan_path.split("__"):
            obj = getattr(obj, step)
        return obj


class PlanItemChoiceField(_ByPlan, forms.ModelChoiceField):
    """A <select> of plan items grouped by plan: pass the scoped queryset (``visible_to(user)``)."""

    plan_path = "plan"
    within_plan = ("order", "number")

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("error_messages", {"invalid_choice": "所选要点不存在或无权查看。"})
        super().__init__(queryset=PlanItem.objects.none() if queryset is None else queryset, **kwargs)

    def label_from_instance(self, obj: PlanItem) -> str:
        return f"{obj.number}. {obj.title}"


class _TargetLabel(_ByPlan):
    plan_path = "item__plan"
    within_plan = ("item__order", "item__number", "order")

    def label_from_instance(self, obj: Target) -> str:
        return f"要点{obj.item.number}：{obj.text}"


class TargetChoiceField(_TargetLabel, forms.ModelChoiceField):
    """A <select> of targets grouped by plan: pass the scoped queryset (``visible_to(user)``)."""

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("error_messages", {"invalid_choice": "所选指标不存在或无权查看。"})
        super().__init__(queryset=Target.objects.none() if queryset is None else queryset, **kwargs)


class TargetMultipleChoiceField(_TargetLabel, forms.ModelMultipleChoiceField):
    """Several targets, grouped by plan like ``TargetChoiceField``."""

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("error_messages", {"invalid_choice": "所选指标不存在或无权查看。",
                                             "invalid_pk_value": "所选指标不存在或无权查看。"})
        super().__init__(queryset=Target.objects.none() if queryset is None else queryset, **kwargs)
