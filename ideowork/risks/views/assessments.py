"""Assessments of proposed measures: the list, starting one, its page (the checklist, findings and
conclusion as one form while it is a draft; the 签批 panel; the risks it found), registering a risk it
found, submitting it, and the organ's checklist."""

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ideowork.core.access import can
from ideowork.core.actions.reviews import is_locked, review_panel, review_state, with_review_state
from ideowork.core.idempotency import idempotent
from ideowork.core.outcomes import form_outcome
from ideowork.core.permissions import capability_required, require

from ..access import access_assessment
from ..actions import do_add_assessment_risk, do_create_assessment, do_save_checklist, do_submit_assessment, \
    do_update_assessment
from ..actions.assessments import DEFAULT_CHECKLIST, can_edit_checklist, submission_blockers
from ..actions.matrix import current_matrix, organ_of
from ..forms import RiskForm
from ..models import Assessment, ChecklistItem, Risk
from ..response_forms import AssessmentForm, AssessmentStartForm, ChecklistForm
from .pages import list_page, posted, record_form
from .register import manager_required



@manager_required
def assessment_list(request):
    return list_page(request, with_review_state(Assessment.objects.visible_to(request.user)
                                                .select_related("org_unit", "created_by", "signed_off_by")),
                     "risks/assessments.html")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def assessment_create(request):
    form = AssessmentStartForm(request.POST or None, user=request.user, initial={"org_unit": request.user.org_unit})
    return record_form(request, form, lambda data: do_create_assessment(request.user, **data),
                       "已登记措施风险评估，请逐项填写评估清单。", title="登记措施风险评估",
                       crumbs=[(reverse("risks:assessments"), "措施风险评估")], cancel_url=reverse("risks:assessments"),
                       idempotent=True, submit="登记并开始评估",
                       intro="登记后按本单位评估清单逐项评估，填写评估发现和结论，提交领导签批。")


@manager_required
@require_http_methods(["GET", "POST"])
def assessment_detail(request, pk):
    assessment = access_assessment(request.user, pk, "change" if request.method == "POST" else "view")
    editable = can(request.user, "change", assessment) and not assessment.is_signed_off and not is_locked(assessment)
    answers = list(assessment.answers.all())
    initial = {name: getattr(assessment, name) for name in ("measure", "kind", "description", "findings",
                                                            "conclusion", "conclusion_note")}
    form = AssessmentForm(request.POST or None, answers=answers, initial=initial) if editable else None
    if request.method == "POST":
        require(form is not None, "该评估已签批或正在签批中，不能修改。")
        if form.is_valid() and form_outcome(request, form, lambda: do_update_assessment(
                request.user, assessment, **form.service_data()), "已保存评估。"):
            return redirect(assessment.get_absolute_url())
    found = Risk.objects.visible_to(request.user).filter(
        source_type=ContentType.objects.get_for_model(Assessment), source_id=assessment.pk
    ).select_related("matrix", "owner")
    return render(request, "risks/assessment.html", {
        "assessment": assessment, "form": form, "answers": answers, "risks": found,
        "state": review_state(assessment), "blockers": submission_blockers(assessment) if editable else [],
        "can_submit": editable, "can_add_risk": can(request.user, "change", assessment) and not is_locked(assessment),
        "panel": review_panel(request.user, assessment),
    })


assessment_submit = posted(access_assessment, do_submit_assessment, "已提交签批。")


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
@idempotent
def assessment_risk(request, pk):
    assessment = access_assessment(request.user, pk, "change")
    matrix = current_matrix(organ_of(assessment.org_unit))
    form = RiskForm(request.POST or None, user=request.user, matrix=matrix, editing=True,
                    initial={"likelihood": 3, "impact": 3, "description": f"措施风险评估“{assessment.measure}”中发现。"})
    if request.method == "POST" and form.is_valid():
        outcome = form_outcome(request, form, lambda: do_add_assessment_risk(request.user, assessment,
                                                                             **form.cleaned_data),
                               lambda risk: f"已登记风险“{risk.title}”（{risk.level['name']}），来源为本次评估。")
        if outcome:
            return redirect(assessment.get_absolute_url())
    return render(request, "risks/risk_form.html", {"form": form, "risk": None, "matrix": matrix,
                                                    "assessment": assessment})


@capability_required("risks.manage")
@require_http_methods(["GET", "POST"])
def checklist_edit(request):
    organ = organ_of(request.user.scope_root)
    items = ChecklistItem.objects.visible_to(request.user).filter(org_unit=organ)
    may_edit = can_edit_checklist(request.user, organ)
    form = ChecklistForm(request.POST or None, initial={"items": "\n".join(item.text for item in items)
                                                         or "\n".join(DEFAULT_CHECKLIST)})
    if request.method == "POST":
        require(may_edit, "只有本单位的风险防控人员可以修改评估清单。")
    return record_form(request, form, lambda data: do_save_checklist(request.user, organ, form.items_list()),
                       "已保存评估清单；此后新登记的评估使用新清单。", title=f"{organ.display_name}措施风险评估清单",
                       crumbs=[(reverse("risks:assessments"), "措施风险评估")], cancel_url=reverse("risks:assessments"),
                       intro="重大措施出台前逐项评估的事项。已登记的评估保留其评估时的清单。")
