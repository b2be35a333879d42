"""A risk's pages: registering, its page (details, history, progress, actions), editing, and the
one-click and small-form actions on it."""

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.actions.reviews import is_locked, review_panel
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.outcomes import form_outcome
from ideowork.core.permissions import capability_required
from ideowork.core.uploads import attachment_response

from ..access import access_evidence, access_risk
from ..actions import (do_accept_risk, do_create_risk, do_record_progress, do_reopen_risk, do_request_closeout,
                       do_update_risk)
from ..actions.closeout import closeout_blockers
from ..actions.matrix import current_matrix, organ_of
from ..actions.risks import EDITABLE_FIELDS
from ..forms import AcceptForm, ProgressForm, ReopenForm, RiskForm
from ..models import RiskEvidence, RiskHistory, RiskProgress
from ..sources import source_of
from .pages import post_to, posted
from .register import manager_required


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def risk_create(request):
    matrix = current_matrix(organ_of(request.user.scope_root))
    form = RiskForm(request.POST or None, user=request.user, matrix=matrix,
                    initial={"org_unit": request.user.org_unit, "likelihood": 3, "impact": 3})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = form_outcome(request, form, lambda: do_create_risk(request.user, **data),
                               lambda risk: f"已登记风险“{risk.title}”（{risk.level['name']}）。")
        if outcome:
            return redirect(outcome.result.get_absolute_url())
    return render(request, "risks/risk_form.html", {"form": form, "risk": None, "matrix": matrix})


@manager_required
def risk_detail(request, pk):
    risk = access_risk(request.user, pk)
    today = timezone.localdate()
    progress = list(RiskProgress.objects.visible_to(request.user).filter(risk=risk).order_by("-date", "-id"))
    evidence = {}
    for item in RiskEvidence.objects.visible_to(request.user).filter(risk=risk).select_related("attachment"):
        evidence.setdefault(item.progress_id, []).append(item)
    for entry in progress:
        entry.files = evidence.get(entry.pk, [])
    history = list(RiskHistory.objects.visible_to(request.user).filter(risk=risk).select_related("actor")
                   .order_by("-valid_from", "-id"))
    may_change = can(request.user, "change", risk)
    locked = is_locked(risk)
    editable = may_change and not risk.is_ended and not locked
    return render(request, "risks/risk_detail.html", {
        "risk": risk, "today": today, "progress": progress, "history": history, "has_evidence": bool(evidence),
        "can_edit": editable, "can_progress": editable, "can_request": editable and not closeout_blockers(risk),
        "request_blocked": editable and bool(closeout_blockers(risk)),
        "can_accept": not risk.is_ended and not locked and can(request.user, "decide", risk),
        "can_reopen": may_change and risk.is_ended,
        "progress_form": ProgressForm(), "accept_form": AcceptForm(), "reopen_form": ReopenForm(),
        "panel": review_panel(request.user, risk),
        "source": source_of(request.user, risk),
    })


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
def risk_edit(request, pk):
    risk = access_risk(request.user, pk, "change")
    initial = {name: getattr(risk, name) for name in EDITABLE_FIELDS}
    form = RiskForm(request.POST or None, user=request.user, matrix=risk.matrix, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        outcome = form_outcome(request, form, lambda: do_update_risk(request.user, risk, **form.cleaned_data),
                               "已保存修改，台账历史已记录。")
        if outcome:
            return redirect(risk.get_absolute_url())
    return render(request, "risks/risk_form.html", {"form": form, "risk": risk, "matrix": risk.matrix})


@capability_required("risks.manage")
@require_POST
def risk_progress(request, pk):
    risk = access_risk(request.user, pk, "change")
    return post_to(request, risk, ProgressForm(request.POST, request.FILES),
                   lambda data: do_record_progress(request.user, risk, text=data["text"], on=data["on"],
                                                   files=data["files"] or []), "已登记整改进展。")


risk_closeout = posted(access_risk, do_request_closeout, "已提交销号申请，等待审核。")

risk_accept = posted(access_risk, do_accept_risk, "已批准接受该风险，到复查日期将再次评估。", form=AcceptForm,
                     action="decide", guard=manager_required)

risk_reopen = posted(access_risk, do_reopen_risk, "已重新打开该风险，继续整改。", form=ReopenForm)


@manager_required
def evidence_download(request, pk):
    evidence = access_evidence(request.user, pk)
    attachment = evidence.attachment
    record_read(request, "risks.evidence.download", evidence, subject_repr=attachment.original_name)
    return attachment_response(attachment)
