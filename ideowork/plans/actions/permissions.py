"""Who may change a work plan: the plans' declared "change" policy (``plans.edit`` holders whose scope
holds the plan), asked again by every plans service."""

from ideowork.core.access import can, require_can

from ..models import WorkPlan

__all__ = ["can_edit_plan", "require_can_edit_plan"]


def can_edit_plan(user, plan: WorkPlan) -> bool:
    return can(user, "change", plan)


def require_can_edit_plan(user, plan: WorkPlan) -> None:
    require_can(user, "change", plan, "您没有编辑该工作要点的权限。")
