"""Adding, changing and removing the quantified targets of a plan item."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.audit import record, snapshot
from ideowork.core.choices import Role
from ideowork.core.models import User

from ..choices import Per
from ..kinds import suggest_activity_kinds
from ..models import PlanItem, Target
from .permissions import require_can_edit_plan

__all__ = ["do_add_target", "do_update_target", "do_delete_target", "default_persons", "TARGET_FIELDS"]

TARGET_FIELDS = ["text", "count", "unit", "period", "comparator", "per", "explicit", "activity_kinds", "persons"]
EDITABLE = ("text", "count", "unit", "period", "comparator", "per")
# A phrase about the leadership group counts its members only, not every cadre.
LEADERSHIP_WORDS = ("中心组", "领导班子", "班子成员")
LEADERSHIP_ROLES = (Role.HEAD, Role.DEPUTY, Role.SECTION_CHIEF)


def _clause(item_text: str, phrase: str) -> str:
    """The phrase with the part of its sentence that precedes it ("中心组成员带头撰写…")."""
    at = item_text.find(phrase)
    if at < 0:
        return phrase
    head = re.split(r"[。；;！？\n]", item_text[:at])[-1]
    return head + phrase


def default_persons(plan, phrase: str, item_text: str = ""):
    """Whose count a per-person target tracks: the leadership group, or every active cadre of the organ."""
    people = User.objects.business().filter(org_unit__organ=plan.org_unit)
    if any(word in _clause(item_text, phrase) for word in LEADERSHIP_WORDS):
        people = people.filter(role__in=LEADERSHIP_ROLES)
    return people


def _apply_defaults(target: Target, item: PlanItem, *, text_changed: bool, per_changed: bool) -> None:
    """Suggested activity kinds and tracked persons, refreshed when the phrase or the counting mode changes."""
    if text_changed or per_changed:
        target.activity_kinds = suggest_activity_kinds(target.text, target.per)
    if per_changed:
        if target.per == Per.PERSON:
            target.persons.set(default_persons(item.plan, target.text, item.text))
        else:
            target.persons.clear()


def check_target_fields(target: Target) -> None:
    """A service caller gets the form's Chinese errors too: a period, comparison or counting mode
    that is not one of the choices, a negative count, a phrase too long (nothing is saved)."""
    try:
        target.clean_fields(exclude=["item", "activity_kinds", "media_level", "order"])
    except ValidationError as exc:
        raise ValidationError({field: [f"{Target._meta.get_field(field).verbose_name}：{message}"
                                       for message in messages]
                               for field, messages in exc.message_dict.items()}) from None


@transaction.atomic
def do_add_target(user, item: PlanItem, *, text: str, count: int, unit: str, period: str, comparator: str,
                  per: str, explicit: bool = True) -> Target:
    require_can_edit_plan(user, item.plan)
    check_target_fields(Target(item=item, text=text, count=count, unit=unit, period=period, comparator=comparator,
                               per=per, explicit=explicit))
    order = (item.targets.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    target = Target.objects.create(item=item, text=text, count=count, unit=unit, period=period,
                                   comparator=comparator, per=per, explicit=explicit, order=order)
    _apply_defaults(target, item, text_changed=True, per_changed=True)
    target.save()
    record("plans.target.add", target, actor=user, unit=item.plan.org_unit, new=snapshot(target, TARGET_FIELDS))
    return target


@transaction.atomic
def do_update_target(user, target: Target, **changes) -> Target:
    """Change the editable fields given in ``changes``; unknown keys are an error."""
    item = target.item
    require_can_edit_plan(user, item.plan)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    old = snapshot(target, TARGET_FIELDS)
    text_changed = "text" in changes and changes["text"] != target.text
    per_changed = "per" in changes and changes["per"] != target.per
    for name, value in changes.items():
        setattr(target, name, value)
    check_target_fields(target)
    if "count" in changes:
        target.explicit = True  # a count set by hand is explicit whatever the phrase said
    _apply_defaults(target, item, text_changed=text_changed, per_changed=per_changed)
    target.save()
    new = snapshot(target, TARGET_FIELDS)
    if new != old:
        record("plans.target.update", target, actor=user, unit=item.plan.org_unit, old=old, new=new)
    return target


@transaction.atomic
def do_delete_target(user, target: Target) -> None:
    plan = target.item.plan
    require_can_edit_plan(user, plan)
    old = snapshot(target, TARGET_FIELDS)
    subject_repr = str(target)
    pk = target.pk
    target.delete()
    target.pk = pk  # so the audit event still names the record that was removed
    record("plans.target.delete", target, actor=user, unit=plan.org_unit, old=old, subject_repr=subject_repr)
