"""The list of work plans and one plan's sections, items, targets and assignments."""

from django.db.models import Count
from django.shortcuts import render

from ideowork.core.permissions import is_business

from ..access import access_plan
from ..actions import can_edit_plan
from ..models import PlanItem, WorkPlan


@is_business
def plan_list(request):
    visible = WorkPlan.objects.visible_to(request.user)
    plans = visible.select_related("org_unit").annotate(
        item_count=Count("items", distinct=True), target_count=Count("items__targets", distinct=True))
    years = sorted(set(visible.values_list("year", flat=True)), reverse=True)
    year = request.GET.get("year", "")
    if year.isdigit():
        plans = plans.filter(year=int(year))
    return render(request, "plans/plan_list.html", {"plans": plans, "years": years, "year": year})


def items_with_details(plan, user):
    """The plan's visible items with targets and assignment loaded, in document order."""
    return (PlanItem.objects.visible_to(user).filter(plan=plan)
            .select_related("section", "assignment__lead_unit", "assignment__first_responsible",
                            "assignment__direct_responsible", "assignment__specific_responsible")
            .prefetch_related("targets", "assignment__cooperating_units")
            .order_by("order", "number", "id"))


def group_by_section(items):
    """[(section or None, [items])] in order, for templates that show the plan's parts."""
    groups: list = []
    for item in items:
        if not groups or groups[-1][0] != item.section:
            groups.append((item.section, []))
        groups[-1][1].append(item)
    return groups


@is_business
def plan_detail(request, pk):
    plan = access_plan(request.user, pk)
    items = list(items_with_details(plan, request.user))
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "groups": group_by_section(items), "item_count": len(items),
        "target_count": sum(len(i.targets.all()) for i in items),
        "assigned_count": sum(1 for i in items if getattr(i, "assignment", None) and i.assignment.lead_unit_id),
        "can_edit": can_edit_plan(request.user, plan)})
