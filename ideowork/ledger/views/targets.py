"""The target checkboxes of the activity form, refreshed by htmx as kind, date, unit or item change."""

from datetime import date

from django.shortcuts import render

from ideowork.core.querystrings import int_or_none
from ideowork.core.models import OrgUnit
from ideowork.core.permissions import capability_required
from ideowork.plans.models import PlanItem

from ..models import Activity
from ..suggestions import TargetChoices, target_choices


def _ids(values) -> set[int]:
    return {i for i in map(int_or_none, values) if i is not None}


def _date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _choices(request, *, unit_id, day, kind, item_id, checked: set[int], previous: set[int] | None,
             linked=()) -> TargetChoices:
    """``previous=None`` means the checked set is already the user's decision (an unchanged edit)."""
    user = request.user
    unit = OrgUnit.objects.visible_to(user).filter(pk=int_or_none(unit_id)).first() if int_or_none(unit_id) else None
    item = PlanItem.objects.visible_to(user).filter(pk=int_or_none(item_id)).first() if int_or_none(item_id) else None
    choices = target_choices(user, unit=unit, day=_date(day), kind=kind or "", item=item, checked=checked,
                             previous_suggested=previous or set(), linked=list(linked))
    if previous is None:
        choices.checked = set(checked)
    return choices


def choices_for_form(request, form, activity=None) -> TargetChoices:
    """The checkboxes as the form stands: posted values, an activity's own state, or suggestions."""
    linked = activity.targets.select_related("item__plan__org_unit", "item__section") if activity else []
    if form.is_bound:
        data = form.data
        return _choices(request, unit_id=data.get("org_unit"), day=data.get("date"), kind=data.get("kind"),
                        item_id=data.get("item"), checked=_ids(data.getlist("targets")),
                        previous=_ids(data.get("suggested", "").split(",")), linked=linked)
    if activity is not None:
        return _choices(request, unit_id=activity.org_unit_id, day=activity.date, kind=activity.kind,
                        item_id=activity.item_id, checked={t.pk for t in linked}, previous=None, linked=linked)
    initial = form.initial
    return _choices(request, unit_id=initial.get("org_unit"), day=initial.get("date"), kind=initial.get("kind"),
                    item_id=initial.get("item"), checked=set(), previous=set())


@capability_required("ledger.record")
def target_suggestions(request):
    """htmx: the checkbox list for the form's current kind, date, unit and item."""
    data = request.GET
    activity = Activity.objects.visible_to(request.user).filter(pk=int_or_none(data.get("activity"))).first()
    linked = activity.targets.select_related("item__plan__org_unit", "item__section") if activity else []
    choices = _choices(request, unit_id=data.get("org_unit"), day=data.get("date"), kind=data.get("kind"),
                       item_id=data.get("item"), checked=_ids(data.getlist("targets")),
                       previous=_ids(data.get("suggested", "").split(",")), linked=linked)
    return render(request, "ledger/_target_choices.html", {"choices": choices})
