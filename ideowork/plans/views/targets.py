"""Adding, changing and deleting a plan item's quantified targets by hand."""

from django.contrib import messages
from django.shortcuts import redirect, render

from ideowork.core.permissions import capability_required
from ideowork.core.scoping import get_visible_or_404

from ..actions import check_can_edit_plan, do_add_target, do_delete_target, do_update_target
from ..forms import TargetForm
from ..forms.targets import TARGET_FORM_FIELDS
from ..models import PlanItem, Target
from .items import item_url

TARGETS = Target.objects.select_related("item__plan__org_unit", "item__section")


@capability_required("plans.edit")
def target_add(request, item_pk):
    item = get_visible_or_404(PlanItem.objects.select_related("plan__org_unit"), request.user, pk=item_pk)
    check_can_edit_plan(request.user, item.plan)
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        target = do_add_target(request.user, item, **form.values())
        messages.success(request, f"已添加量化指标“{target.text}”。")
        return redirect(item_url(item) + "#targets")
    return render(request, "plans/form.html", {
        "form": form, "title": f"添加量化指标：{item}", "item": item, "plan": item.plan,
        "cancel_url": item_url(item), "item_text": item.text})


@capability_required("plans.edit")
def target_edit(request, pk):
    target = get_visible_or_404(TARGETS, request.user, pk=pk)
    item = target.item
    check_can_edit_plan(request.user, item.plan)
    form = TargetForm(request.POST or None, initial={name: getattr(target, name) for name in TARGET_FORM_FIELDS})
    if request.method == "POST" and form.is_valid():
        do_update_target(request.user, target, **form.values())
        messages.success(request, f"已保存量化指标“{target.text}”。")
        return redirect(item_url(item) + "#targets")
    return render(request, "plans/form.html", {
        "form": form, "title": f"修改量化指标：{target.text}", "item": item, "plan": item.plan,
        "cancel_url": item_url(item), "item_text": item.text})


@capability_required("plans.edit")
def target_delete(request, pk):
    target = get_visible_or_404(TARGETS, request.user, pk=pk)
    item = target.item
    check_can_edit_plan(request.user, item.plan)
    if request.method == "POST":
        text = target.text
        do_delete_target(request.user, target)
        messages.success(request, f"已删除量化指标“{text}”。")
        return redirect(item_url(item) + "#targets")
    return render(request, "plans/target_confirm_delete.html", {
        "target": target, "item": item, "plan": item.plan, "cancel_url": item_url(item),
        "activity_count": target.activity_links.count()})
