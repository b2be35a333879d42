"""Who may change a work plan: a plan editor (head, deputy, full-time staff) who can see it."""

from ideowork.core.permissions import require

from ..models import WorkPlan

__all__ = ["can_edit_plan", "check_can_edit_plan"]


def can_edit_plan(user, plan: WorkPlan) -> bool:
    return bool(user.is_authenticated and user.has_capability("plans.edit")
                and WorkPlan.objects.visible_to(user).filter(pk=plan.pk).exists())


def check_can_edit_plan(user, plan: WorkPlan) -> None:
    require(can_edit_plan(user, plan), "您没有编辑该工作要点的权限。")
