"""学习标兵: list, create, nominate from the rankings, decide each nominee, publish.

The sign-off itself (approve, return, withdraw) is the workflow's review panel on the detail page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.actions.reviews import review_panel, with_review_state
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required, is_business
from ideowork.core.outcomes import form_outcome, report_outcome

from ..access import access_nominee, access_selection
from ..actions import exemplars as services
from ..forms.points import DecisionForm, NomineeForm, SelectionForm
from ..models import ExemplarSelection
from ..models.exemplars import NomineeDecision, SelectionStatus


@is_business
def selection_list(request):
    selections = with_review_state(ExemplarSelection.objects.visible_to(request.user).select_related("org_unit"))
    published = [s for s in selections if s.status == SelectionStatus.PUBLISHED]
    exemplars = {s.pk: list(s.nominees.filter(decision=NomineeDecision.APPROVED).select_related("user__org_unit"))
                 for s in published[:3]}
    return render(request, "learning/exemplars/list.html", {
        "selections": selections, "latest": [(s, exemplars[s.pk]) for s in published[:3]]})


@capability_required("learning.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def selection_create(request):
    form = SelectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: services.do_create_selection(request.user, **form.cleaned_data),
                             "已发起评选，请从积分排行中提名人选。")
        if saved:
            return redirect("learning:exemplar_detail", saved.result.pk)
    return render(request, "learning/exemplars/form.html", {"form": form})


def _selection(request, pk):
    return access_selection(request.user, pk)


@is_business
@require_http_methods(["GET", "POST"])
def selection_detail(request, pk):
    selection = _selection(request, pk)
    user = request.user
    can_organise = services.can_organise(user, selection) and services.is_editable(selection)
    can_decide = services.can_decide_nominees(user, selection)
    nominees = list(selection.nominees.select_related("user__org_unit", "decided_by"))
    if selection.status == SelectionStatus.PUBLISHED and not user.has_capability("learning.manage"):
        nominees = [n for n in nominees if n.decision == NomineeDecision.APPROVED]
    form = NomineeForm(request.POST or None, selection=selection) if can_organise else None
    if request.method == "POST" and form is not None and form.is_valid():
        saved = form_outcome(request, form,
                             lambda: services.do_add_nominee(user, selection, form.cleaned_data["user"],
                                                             reason=form.cleaned_data["reason"]),
                             "已添加提名。")
        if saved:
            return redirect("learning:exemplar_detail", selection.pk)
    return render(request, "learning/exemplars/detail.html", {
        "selection": selection, "nominees": nominees, "form": form, "can_organise": can_organise,
        "can_decide": can_decide, "can_publish": services.can_publish_selection(user, selection),
        "panel": review_panel(user, selection) if user.has_capability("learning.manage") or user.is_leader else None,
        "pending": sum(1 for n in nominees if n.decision == NomineeDecision.PENDING),
        "approved": sum(1 for n in nominees if n.decision == NomineeDecision.APPROVED),
    })


def _run(request, service, *args, success: str, **kwargs):
    report_outcome(request, lambda: service(request.user, *args, **kwargs), success)


def _act_on_selection(request, pk, service, success: str):
    """Run ``service`` on the selection the user may see, report how it went, back to its page."""
    selection = _selection(request, pk)
    _run(request, service, selection, success=success)
    return redirect("learning:exemplar_detail", selection.pk)


@capability_required("learning.manage")
@require_POST
def nominate(request, pk):
    selection = _selection(request, pk)
    try:
        added = services.do_nominate_from_rankings(request.user, selection)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"已按积分排名提名{len(added)}人。" if added else "没有可提名的新人选。")
    return redirect("learning:exemplar_detail", selection.pk)


@capability_required("learning.manage")
@require_POST
def submit(request, pk):
    return _act_on_selection(request, pk, services.do_submit_selection, "已提交领导审核。")


@is_business
@require_POST
def publish(request, pk):
    return _act_on_selection(request, pk, services.do_publish_selection, "评选结果已发布。")


@is_business
@require_POST
def decide(request, pk):
    nominee = access_nominee(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择审核意见。")
    else:
        _run(request, services.do_decide_nominee, nominee, success="已记录审核意见。", **form.cleaned_data)
    return redirect("learning:exemplar_detail", nominee.selection_id)


@capability_required("learning.manage")
@require_POST
def remove_nominee(request, pk):
    nominee = access_nominee(request.user, pk)
    _run(request, services.do_remove_nominee, nominee, success="已移除提名。")
    return redirect("learning:exemplar_detail", nominee.selection_id)
