"""Changing a plan item's number, title and text."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.audit import record, snapshot

from ..models import PlanItem
from .permissions import require_can_edit_plan

__all__ = ["do_update_item"]

ITEM_FIELDS = ["number", "title", "text"]


@transaction.atomic
def do_update_item(user, item: PlanItem, *, number: int, title: str, text: str) -> PlanItem:
    require_can_edit_plan(user, item.plan)
    clash = PlanItem.objects.filter(plan=item.plan, section=item.section, number=number).exclude(pk=item.pk)
    if clash.exists():
        raise ValidationError({"number": f"本部分已有序号为{number}的条目。"})
    old = snapshot(item, ITEM_FIELDS)
    item.number, item.title, item.text = number, title, text
    item.save()
    new = snapshot(item, ITEM_FIELDS)
    if new != old:
        record("plans.item.update", item, actor=user, unit=item.plan.org_unit, old=old, new=new)
    return item
