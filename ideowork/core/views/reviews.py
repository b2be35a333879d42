"""The review workflow's pages: 待我审核, deciding and withdrawing, and the flows of an organ."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ..actions.review_registry import editor_capabilities, purpose as purpose_of, purposes
from ..actions.reviews import (active_stage, awaiting, can_decide_stage, default_flow, do_decide, do_save_flow, do_withdraw, can_edit_flows,
                               organ_flows, steps_for, subject_url, submitted_by, with_subjects)
from ..forms.reviews import DecisionForm, FlowForm, StepFormSet, WithdrawForm, step_initial
from ..models import User
from ..models.reviews import STEP_ROLE_CHOICES, Review, ReviewFlow, ReviewStatus
from ..idempotency import idempotent
from ..outcomes import form_outcome
from ..permissions import is_business, require
from ..querystrings import int_or_none
from ..scoping import get_visible_or_404

INBOX_SIZE = 200


def _messages(error: ValidationError) -> str:
    return "；".join(error.messages)


def _back(review: Review):
    return redirect(subject_url(review))


@is_business
def review_inbox(request):
    user, tab = request.user, request.GET.get("tab", "")
    now = timezone.now()
    rows = with_subjects(submitted_by(user)[:INBOX_SIZE] if tab == "mine" else awaiting(user)[:INBOX_SIZE])
    for review in rows:
        review.url = subject_url(review)
        review.is_overdue = bool(review.due_at and review.due_at < now and review.status == ReviewStatus.IN_REVIEW)
    todo = awaiting(user)
    return render(request, "core/review_inbox.html", {
        "tab": "mine" if tab == "mine" else "todo", "rows": rows, "todo_count": todo.count(),
        "overdue_count": todo.filter(due_at__lt=now).count(),
        "mine_open": submitted_by(user).filter(status=ReviewStatus.IN_REVIEW).count()})


@is_business
@require_POST
def review_decide(request, pk):
    review = get_visible_or_404(Review, request.user, pk=pk)
    # Only a person who may decide the stage the form was for (or, when the form names none, the open
    # stage) gets past here (403 otherwise), whatever else the form holds; whether that stage is still
    # open is the service's to say.
    stage = review.stages.filter(pk=int_or_none(request.POST.get("stage_id"))).first() or active_stage(review)
    require(stage is not None and can_decide_stage(request.user, stage), "您不是该环节的办理人，不能办理。")
    form = DecisionForm(request.POST, stage=None, earlier=list(review.stages.all()))
    if not form.is_valid():
        messages.error(request, "审核意见填写有误：" + "；".join(e for errs in form.errors.values() for e in errs))
        return _back(review)
    data = form.cleaned_data
    try:
        do_decide(request.user, review, stage_id=data["stage_id"], version=data["version"],
                  decision=data["decision"], comment=data["comment"], return_to=data.get("return_to"))
    except ValidationError as error:
        messages.error(request, _messages(error))
    else:
        messages.success(request, "审核意见已提交。")
    return _back(review)


@is_business
@require_POST
def review_withdraw(request, pk):
    review = get_visible_or_404(Review, request.user, pk=pk)
    form = WithdrawForm(request.POST)
    form.is_valid()
    try:
        do_withdraw(request.user, review, comment=form.cleaned_data.get("comment", ""))
    except ValidationError as error:
        messages.error(request, _messages(error))
    else:
        messages.success(request, "已撤回，内容可以继续修改。")
    return _back(review)


def _used_purposes():
    return [p for p in purposes() if editor_capabilities(p.code)]


@is_business
def review_flows(request):
    user = request.user
    organ = user.scope_root
    if organ is not None and organ.is_organ:
        for spec in _used_purposes():  # each organ's default flows are data, created when first needed
            default_flow(organ, spec.code)
    flows = list(organ_flows(user))
    groups = []
    for spec in _used_purposes():
        mine = [f for f in flows if f.purpose == spec.code]
        groups.append({"purpose": spec, "flows": mine, "can_edit": can_edit_flows(user, organ, spec.code),
                       "default_steps": [{**step, "role_label": dict(STEP_ROLE_CHOICES).get(step["role"], "")}
                                         for step in spec.steps]})
    return render(request, "core/review_flows.html", {"groups": groups, "organ": organ,
                                                      "can_edit": can_edit_flows(user, organ)})


def _flow_page(request, flow: ReviewFlow | None, purpose: str):
    user = request.user
    organ = user.scope_root
    people = User.objects.visible_to(user).business().filter(org_unit__organ=organ).select_related("org_unit")
    initial_steps = step_initial(steps_for(flow) if flow is not None else
                                 [{**s, "assignee": None} for s in purpose_of(purpose).steps])
    if request.method == "POST":
        form = FlowForm(request.POST)
        steps = StepFormSet(request.POST, prefix="steps", form_kwargs={"people": people})
        if form.is_valid() and steps.is_valid():
            data = form.cleaned_data
            saved = form_outcome(request, form,
                                 lambda: do_save_flow(user, flow, org_unit=organ, name=data["name"],
                                                      description=data["description"], steps=steps.steps(),
                                                      purpose=purpose, is_default=data["is_default"] or None),
                                 lambda flow: f"审核流程“{flow.name}”已保存。")
            if saved:
                return redirect("core:review_flows")
    else:
        form = FlowForm(initial={"name": flow.name, "description": flow.description, "is_default": flow.is_default}
                        if flow else {})
        steps = StepFormSet(initial=initial_steps, prefix="steps", form_kwargs={"people": people})
    return render(request, "core/review_flow_form.html", {"form": form, "steps": steps, "flow": flow,
                                                          "organ": organ, "purpose": purpose_of(purpose)})


def _refused(purpose: str) -> str:
    return f"只有本单位可以设置“{purpose_of(purpose).label}”流程的人员可以修改该流程。"


@idempotent
@is_business
@require_http_methods(["GET", "POST"])
def review_flow_create(request):
    purpose = request.GET.get("purpose", "publish")
    require(purpose in {p.code for p in _used_purposes()}, "审核流程的用途无效。")
    require(can_edit_flows(request.user, request.user.scope_root, purpose), _refused(purpose))
    return _flow_page(request, None, purpose)


@is_business
@require_http_methods(["GET", "POST"])
def review_flow_edit(request, pk):
    flow = get_visible_or_404(ReviewFlow, request.user, pk=pk)
    require(can_edit_flows(request.user, flow.org_unit, flow.purpose), _refused(flow.purpose))
    return _flow_page(request, flow, flow.purpose)
