"""Which plan and year a dashboard shows."""

from django.utils import timezone

from ideowork.plans.choices import PlanStatus
from ideowork.plans.models import WorkPlan

__all__ = ["today", "plans_for_selector", "selected_plan"]


def today():
    return timezone.localdate()


def plans_for_selector(user, unit=None):
    """Active plans the user may see, of their own organ first (or of ``unit``)."""
    qs = WorkPlan.objects.visible_to(user).exclude(status=PlanStatus.DRAFT).select_related("org_unit")
    if unit is not None:
        qs = qs.filter(org_unit=unit)
    return qs.order_by("-year", "org_unit__path", "id")


def selected_plan(request, *, unit=None):
    """The plan named by ``?plan=``, else the newest plan of the user's organ (or of ``unit``)."""
    user = request.user
    qs = plans_for_selector(user)
    plan_id = request.GET.get("plan")
    if plan_id and plan_id.isdigit():
        plan = qs.filter(pk=int(plan_id)).first()
        if plan is not None:
            return plan
    root = unit or user.scope_root
    own = [p for p in qs.filter(org_unit=root)[:20]]
    current_year = today().year
    for plan in own:
        if plan.year == current_year:
            return plan
    return own[0] if own else qs.first()
