"""Importing a work plan: upload or paste → preview and correct → save."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required

from ..actions import do_import_plan
from ..drafts import discard_draft, draft_counts, load_draft, new_draft, store_draft
from ..forms import ImportForm, ImportPreview


@capability_required("plans.edit")
def import_start(request):
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        draft = new_draft(form.parsed, org_unit_id=form.cleaned_data["org_unit"].pk, year=form.cleaned_data["year"],
                          source_name=form.source_name, source_text=form.source_text)
        draft["structure"] = form.structure  # the preview says when items are candidate paragraphs
        token = store_draft(request.session, draft)
        return redirect("plans:import_preview", token=token)
    return render(request, "plans/import.html", {"form": form})


def _draft_or_404(request, token):
    draft = load_draft(request.session, token)
    if draft is None:
        raise Http404("该导入草稿不存在或已过期，请重新导入。")
    return draft


@capability_required("plans.edit")
@idempotent
def import_preview(request, token):
    draft = _draft_or_404(request, token)
    preview = ImportPreview(draft, request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and preview.is_valid():
        draft = preview.applied()
        if request.POST.get("action") != "save":
            store_draft(request.session, draft, token)
            messages.info(request, "预览已更新，请核对后保存。")
            return redirect("plans:import_preview", token=token)
        try:
            plan = do_import_plan(request.user, draft)
        except ValidationError as exc:
            store_draft(request.session, draft, token)
            for message in exc.messages:
                messages.error(request, message)
            return redirect("plans:import_preview", token=token)
        discard_draft(request.session, token)
        items, targets = draft_counts(draft)
        messages.success(request, f"已导入《{plan.title}》：{items}个条目，{targets}项量化指标。")
        return redirect("plans:plan", pk=plan.pk)
    items, targets = draft_counts(draft)
    return render(request, "plans/import_preview.html", {
        "preview": preview, "draft": draft, "token": token, "item_count": items, "target_count": targets})


@require_POST
@capability_required("plans.edit")
def import_discard(request, token):
    discard_draft(request.session, token)
    messages.info(request, "已放弃本次导入。")
    return redirect("plans:import")
