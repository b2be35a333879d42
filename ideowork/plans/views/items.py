"""One plan item: its text with targets marked, its targets, and its assignment."""

from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from ideowork.core.outcomes import form_outcome
from ideowork.core.permissions import capability_required, is_business

from ..access import access_item
from ..actions import can_edit_plan, do_assign_item, do_update_item
from ..forms import AssignmentForm, ItemForm
from ..highlight import highlight_targets
from ..models import PlanItem, Target



def item_url(item) -> str:
    return reverse("plans:item", args=[item.pk])


@is_business
def item_detail(request, pk):
    # Each target carries how many people it tracks, counted in the same query (the item page's budget).
    targets = Target.objects.visible_to(request.user).annotate(persons_total=Count("persons"))
    item = access_item(request.user, pk, targets=targets)
    targets = list(item.targets.all())
    siblings = list(PlanItem.objects.visible_to(request.user).filter(plan=item.plan)
                    .order_by("order", "number", "id").values_list("pk", flat=True))
    at = siblings.index(item.pk)
    return render(request, "plans/item_detail.html", {
        "item": item, "plan": item.plan, "targets": targets,
        "text_html": highlight_targets(item.text, [{"text": t.text} for t in targets]),
        "assignment": getattr(item, "assignment", None), "can_edit": can_edit_plan(request.user, item.plan),
        "previous_pk": siblings[at - 1] if at > 0 else None,
        "next_pk": siblings[at + 1] if at + 1 < len(siblings) else None})


@capability_required("plans.edit")
def item_edit(request, pk):
    item = access_item(request.user, pk, "change")
    form = ItemForm(request.POST or None, initial={"number": item.number, "title": item.title, "text": item.text})
    if request.method == "POST" and form.is_valid():
        if form_outcome(request, form, lambda: do_update_item(request.user, item, **form.cleaned_data), "条目已保存。"):
            return redirect("plans:item", pk=item.pk)
    return render(request, "plans/form.html", {
        "form": form, "title": f"修改条目：{item}", "item": item, "plan": item.plan,
        "cancel_url": item_url(item)})


def _next_url(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@capability_required("plans.edit")
def item_assign(request, pk):
    item = access_item(request.user, pk, "change")
    assignment = getattr(item, "assignment", None)
    initial = {}
    if assignment is not None:
        initial = {f: getattr(assignment, f) for f in ("lead_unit", "first_responsible", "direct_responsible",
                                                      "specific_responsible", "deadline", "measures", "progress_note")}
        initial["cooperating_units"] = list(assignment.cooperating_units.all())
    form = AssignmentForm(request.POST or None, initial=initial, user=request.user, plan=item.plan)
    next_url = _next_url(request, item_url(item))
    if request.method == "POST" and form.is_valid():
        if form_outcome(request, form, lambda: do_assign_item(request.user, item, **form.cleaned_data),
                        f"已保存“{item.title}”的责任分工。"):
            return redirect(next_url)
    return render(request, "plans/form.html", {
        "form": form, "title": f"责任分工：{item}", "item": item, "plan": item.plan, "cancel_url": next_url,
        "next": next_url})
