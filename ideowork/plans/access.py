"""Fetch and authorise plans' records in one step (see ``core/access.py``): 404 when not visible,
a Chinese 403 when visible but not allowed (``action="change"``: the plan editors of its organ)."""

from django.db.models import Prefetch

from ideowork.core.access import access

from .models import PlanItem, Target, WorkPlan

__all__ = ["access_plan", "access_item", "access_target"]

PLAN_DENIED = "您没有编辑该工作要点的权限。"


def access_plan(user, pk, action: str = "view") -> WorkPlan:
    return access(WorkPlan.objects.select_related("org_unit", "created_by"), user, pk, action, PLAN_DENIED)


def access_item(user, pk, action: str = "view", *, targets=None) -> PlanItem:
    """The item with its assignment; ``targets`` is the queryset its targets are prefetched from."""
    items = PlanItem.objects.select_related(
        "plan__org_unit", "section", "assignment__lead_unit", "assignment__first_responsible",
        "assignment__direct_responsible", "assignment__specific_responsible",
    ).prefetch_related(Prefetch("targets", targets if targets is not None else Target.objects.all()),
                       "assignment__cooperating_units")
    return access(items, user, pk, action, PLAN_DENIED)


def access_target(user, pk, action: str = "view") -> Target:
    return access(Target.objects.select_related("item__plan__org_unit", "item__section"), user, pk, action,
                  PLAN_DENIED)
