"""The responsibility list: assigning plan items to a lead unit, responsible persons and a deadline."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.audit import record, snapshot

from ..models import Assignment, PlanItem
from .permissions import require_can_edit_plan

__all__ = ["do_assign_item", "do_bulk_assign", "ASSIGNMENT_FIELDS", "check_deadline"]

ASSIGNMENT_FIELDS = ["lead_unit", "cooperating_units", "first_responsible", "direct_responsible",
                     "specific_responsible", "measures", "deadline", "progress_note"]
_SIMPLE = [f for f in ASSIGNMENT_FIELDS if f != "cooperating_units"]


def check_deadline(plan, deadline) -> None:
    if deadline is not None and not plan.year - 1 <= deadline.year <= plan.year + 1:
        raise ValidationError({"deadline": f"完成时限须在{plan.year - 1}年至{plan.year + 1}年之间。"})


@transaction.atomic
def do_assign_item(user, item: PlanItem, **changes) -> Assignment:
    """Set the given assignment fields of ``item`` (others are left as they are).

    Precondition: units and persons in ``changes`` were chosen from what ``user`` may see (the
    forms offer nothing else).
    """
    require_can_edit_plan(user, item.plan)
    unknown = set(changes) - set(ASSIGNMENT_FIELDS)
    if unknown:
        raise TypeError(f"not assignable: {sorted(unknown)}")
    check_deadline(item.plan, changes.get("deadline"))
    assignment, created = Assignment.objects.select_for_update().get_or_create(item=item)
    old = None if created else snapshot(assignment, ASSIGNMENT_FIELDS)
    for name in _SIMPLE:
        if name in changes:
            setattr(assignment, name, changes[name])
    assignment.save()
    if "cooperating_units" in changes:
        assignment.cooperating_units.set(changes["cooperating_units"])
    new = snapshot(assignment, ASSIGNMENT_FIELDS)
    if new != old:
        record("plans.item.assign", item, actor=user, unit=item.plan.org_unit, old=old, new=new,
               subject_repr=str(item)[:255])
    return assignment


@transaction.atomic
def do_bulk_assign(user, items: list[PlanItem], **changes) -> int:
    """Apply the same non-empty assignment fields to several items; return how many were changed."""
    changes = {k: v for k, v in changes.items() if v not in (None, "", [])}
    if not changes:
        raise ValidationError("请至少填写一项要批量设置的内容。")
    if not items:
        raise ValidationError("请先勾选要分配的条目。")
    for item in items:
        do_assign_item(user, item, **changes)
    return len(items)
