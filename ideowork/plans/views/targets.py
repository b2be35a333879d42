"""Adding, changing and deleting a plan item's quantified targets by hand."""

from django.contrib import messages
from django.shortcuts import redirect, render

from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required

from ..access import access_item, access_target
from ..actions import do_add_target, do_delete_target, do_update_target
from ..forms import TargetForm
from ..forms.targets import TARGET_FORM_FIELDS
from .items import item_url



def _target_form(request, item, form, title: str, save, done: str):
    """The add and edit pages: one form, saved by ``save(values)``, back to the item's targets."""
    if request.method == "POST" and form.is_valid():
        target = save(form.values())
        messages.success(request, f"{done}量化指标“{target.text}”。")
        return redirect(item_url(item) + "#targets")
    return render(request, "plans/form.html", {
        "form": form, "title": title, "item": item, "plan": item.plan,
        "cancel_url": item_url(item), "item_text": item.text})


@capability_required("plans.edit")
@idempotent
def target_add(request, item_pk):
    item = access_item(request.user, item_pk, "change")
    return _target_form(request, item, TargetForm(request.POST or None), f"添加量化指标：{item}",
                        lambda values: do_add_target(request.user, item, **values), "已添加")


@capability_required("plans.edit")
def target_edit(request, pk):
    target = access_target(request.user, pk, "change")
    form = TargetForm(request.POST or None, initial={name: getattr(target, name) for name in TARGET_FORM_FIELDS})
    return _target_form(request, target.item, form, f"修改量化指标：{target.text}",
                        lambda values: do_update_target(request.user, target, **values), "已保存")


@capability_required("plans.edit")
def target_delete(request, pk):
    target = access_target(request.user, pk, "change")
    item = target.item
    if request.method == "POST":
        text = target.text
        do_delete_target(request.user, target)
        messages.success(request, f"已删除量化指标“{text}”。")
        return redirect(item_url(item) + "#targets")
    return render(request, "plans/target_confirm_delete.html", {
        "target": target, "item": item, "plan": item.plan, "cancel_url": item_url(item),
        "activity_count": target.activity_links.count()})
