"""The responsibility list (责任清单): the table, bulk assignment, and its Excel and Word exports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ideowork.core.audit import record_read
from ideowork.core.permissions import capability_required, is_business

from ..access import access_plan
from ..actions import can_edit_plan, do_bulk_assign
from ..exports import responsibility_excel, responsibility_word
from ..forms import BulkAssignForm
from ..models import WorkPlan
from ..responsibility import RESPONSIBILITY_HEADERS, default_plan, list_title, responsibility_rows
from .plans import group_by_section, items_with_details

PLANS = WorkPlan.objects.select_related("org_unit")


def _list_url(plan) -> str:
    return f"{reverse('plans:responsibility')}?plan={plan.pk}"


@is_business
def responsibility_list(request):
    plans = PLANS.visible_to(request.user).order_by("-year", "org_unit__path", "-id")
    plan_id = request.GET.get("plan", "")
    plan = access_plan(request.user, plan_id) if plan_id.isdigit() else default_plan(request.user)
    context = {"plans": plans, "plan": plan, "headers": RESPONSIBILITY_HEADERS}
    if plan is not None:
        items = list(items_with_details(plan, request.user))
        rows = responsibility_rows(items)
        can_edit = can_edit_plan(request.user, plan)
        context.update(
            title=list_title(plan), rows=rows, can_edit=can_edit, list_url=_list_url(plan),
            assigned=sum(1 for row in rows if row.lead), bulk_form=BulkAssignForm(user=request.user, plan=plan)
            if can_edit else None)
    return render(request, "plans/responsibility.html", context)


@require_POST
@capability_required("plans.edit")
def bulk_assign(request, pk):
    plan = access_plan(request.user, pk, "change")
    form = BulkAssignForm(request.POST, user=request.user, plan=plan)
    if form.is_valid():
        try:
            count = do_bulk_assign(request.user, form.cleaned_data["items"], **form.changes())
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"已为{count}个条目设置责任分工。")
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(_list_url(plan))


@is_business
def export_excel(request, pk):
    plan = access_plan(request.user, pk)
    record_read(request, "plans.responsibility.export", plan, format="xlsx")
    return responsibility_excel(plan, list(items_with_details(plan, request.user)))


@is_business
def export_word(request, pk):
    plan = access_plan(request.user, pk)
    record_read(request, "plans.responsibility.export", plan, format="docx")
    items = list(items_with_details(plan, request.user))
    return responsibility_word(plan, items, group_by_section(items))
