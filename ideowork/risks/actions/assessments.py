"""Assessments of proposed measures: the organ's checklist, recording an assessment, submitting it
for 签批, the outcome, and registering the risks it finds."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.actions.reviews import do_submit_for_review, is_locked
from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in

from ..choices import ChecklistAnswer, Conclusion, MeasureKind, RiskSource
from ..models import Assessment, AssessmentAnswer, ChecklistItem, Risk
from ..models.scoping import MANAGE
from .matrix import organ_of
from .members import require_can_record_in, required_text
from .risks import do_create_risk

__all__ = ["DEFAULT_CHECKLIST", "setup_checklist", "do_save_checklist", "do_create_assessment",
           "do_update_assessment", "submission_blockers", "do_submit_assessment", "sign_off_assessment",
           "refuse_assessment", "do_add_assessment_risk", "can_edit_checklist", "check_editable_assessment",
           "ASSESSMENT_FIELDS"]

# The checklist an organ starts with; its risks.manage holders edit it on 评估清单.
DEFAULT_CHECKLIST = [
    "是否符合党中央和上级党委关于该领域的决策部署和政治要求",
    "是否涉及干部职工切身利益（岗位、编制、待遇、转隶等）",
    "是否可能引发干部职工思想波动或不稳定情绪",
    "是否可能引发网络舆情或媒体负面报道",
    "政策口径是否统一，解读和宣传方案是否已准备",
    "是否已征求相关单位和干部职工意见",
    "是否制定了风险防范和应急处置措施",
]
ASSESSMENT_FIELDS = ["measure", "kind", "description", "findings", "conclusion", "conclusion_note"]


def setup_checklist(organ: OrgUnit, actor: User) -> str:
    """The organ default: the starting checklist, when the organ has none."""
    if ChecklistItem.objects.filter(org_unit=organ).exists():
        return ""
    ChecklistItem.objects.bulk_create(ChecklistItem(org_unit=organ, order=n, text=text)
                                      for n, text in enumerate(DEFAULT_CHECKLIST, 1))
    record("risks.checklist.update", organ, actor=actor, new={"items": DEFAULT_CHECKLIST})
    return f"措施风险评估清单（{len(DEFAULT_CHECKLIST)}项）"


def can_edit_checklist(user: User, organ: OrgUnit) -> bool:
    """An organ's checklist is its own managers' (not the city's for a county bureau's)."""
    return bool(user.org_unit_id and organ_of(user.org_unit).pk == organ.pk and can_act_in(user, organ, MANAGE))


def do_save_checklist(actor: User, organ: OrgUnit, items: list[str]) -> list[ChecklistItem]:
    """Replace the organ's checklist. Assessments already made keep the items they were answered on."""
    require(can_edit_checklist(actor, organ), "只有本单位的风险防控人员可以修改评估清单。")
    current = list(ChecklistItem.objects.filter(org_unit=organ))
    items = [text.strip() for text in items if text.strip()]
    if not items:
        raise ValidationError({"items": "评估清单至少要有一项。"})
    if any(len(text) > 200 for text in items):
        raise ValidationError({"items": "每项不超过200字。"})
    if len(set(items)) != len(items):
        raise ValidationError({"items": "评估清单中有重复的事项。"})
    with transaction.atomic():
        old = [item.text for item in current]
        ChecklistItem.objects.filter(org_unit=organ).delete()
        made = ChecklistItem.objects.bulk_create(ChecklistItem(org_unit=organ, order=n, text=text)
                                                 for n, text in enumerate(items, 1))
        record("risks.checklist.update", organ, actor=actor, old={"items": old}, new={"items": items})
    return made


def _checked(measure: str, kind: str) -> str:
    measure = required_text(measure, "measure", "请填写拟出台的措施。", limit=200)
    if kind not in MeasureKind.values:
        raise ValidationError({"kind": "请选择措施类型。"})
    return measure


def do_create_assessment(actor: User, *, org_unit: OrgUnit, measure: str, kind: str,
                         description: str = "") -> Assessment:
    """Start the assessment of a proposed measure, with the organ's checklist to answer."""
    require_can_record_in(actor, org_unit, "登记措施风险评估")
    measure = _checked(measure, kind)
    items = list(ChecklistItem.objects.filter(org_unit=organ_of(org_unit)).values_list("text", flat=True)) \
        or DEFAULT_CHECKLIST
    with transaction.atomic():
        assessment = Assessment.objects.create(org_unit=org_unit, measure=measure, kind=kind,
                                               description=(description or "").strip(), created_by=actor)
        AssessmentAnswer.objects.bulk_create(AssessmentAnswer(assessment=assessment, order=n, text=text)
                                             for n, text in enumerate(items, 1))
        record("risks.assessment.create", assessment, actor=actor, new=snapshot(assessment, ASSESSMENT_FIELDS))
    return assessment


def check_editable_assessment(assessment: Assessment) -> None:
    if assessment.is_signed_off:
        raise ValidationError("该评估已签批，不能再修改。")
    if is_locked(assessment):
        raise ValidationError("该评估正在签批中，审核结束或退回后才能修改。")


def do_update_assessment(actor: User, assessment: Assessment, *, measure: str, kind: str, description: str = "",
                         findings: str = "", conclusion: str = "", conclusion_note: str = "",
                         answers: dict[int, tuple[str, str]] | None = None) -> Assessment:
    """Record the checklist's answers (``{answer id: (answer, note)}``), the findings and the conclusion."""
    require_can(actor, "change", assessment, "您无权修改该评估。")
    measure = _checked(measure, kind)
    if conclusion and conclusion not in Conclusion.values:
        raise ValidationError({"conclusion": "评估结论只能是可以实施、调整后实施或暂缓。"})
    answers = answers or {}
    for answer, note in answers.values():
        if answer and answer not in ChecklistAnswer.values:
            raise ValidationError({"answers": "评估意见只能是是、否或不适用。"})
        if len(note or "") > 500:
            raise ValidationError({"answers": "说明不超过500字。"})
    with transaction.atomic():
        assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
        check_editable_assessment(assessment)
        old = {**snapshot(assessment, ASSESSMENT_FIELDS), "answers": _answers(assessment)}
        assessment.measure, assessment.kind, assessment.description = measure, kind, (description or "").strip()
        assessment.findings, assessment.conclusion = (findings or "").strip(), conclusion
        assessment.conclusion_note = (conclusion_note or "").strip()
        rows = {row.pk: row for row in assessment.answers.all()}
        unknown = set(answers) - set(rows)
        if unknown:
            raise ValidationError({"answers": "评估清单中没有所填的事项。"})
        for pk, (answer, note) in answers.items():
            rows[pk].answer, rows[pk].note = answer or "", (note or "").strip()
        AssessmentAnswer.objects.bulk_update(rows.values(), ["answer", "note"])
        new = {**snapshot(assessment, ASSESSMENT_FIELDS), "answers": _answers(assessment)}
        if new == old:
            return assessment
        assessment.revision += 1
        assessment.save()
        record("risks.assessment.update", assessment, actor=actor, old=old, new=new)
    return assessment


def _answers(assessment: Assessment) -> list[str]:
    return [f"{row.text}：{row.get_answer_display() or '未答'}{'（' + row.note + '）' if row.note else ''}"
            for row in assessment.answers.order_by("order", "id")]


def submission_blockers(assessment: Assessment, stage=None) -> list[str]:
    """Why the assessment may not be signed off (asked before submitting, and registered as the
    workflow's blocker)."""
    reasons = []
    unanswered = assessment.answers.filter(answer="").count()
    if unanswered:
        reasons.append(f"评估清单还有{unanswered}项未作答。")
    if not assessment.findings.strip():
        reasons.append("请填写评估发现。")
    if not assessment.conclusion:
        reasons.append("请选择评估结论。")
    return reasons


def do_submit_assessment(actor: User, assessment: Assessment):
    """Send the assessment to 签批 (the head by default); refused while anything is missing."""
    require_can(actor, "change", assessment, "您无权提交该评估。")
    with transaction.atomic():
        assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
        check_editable_assessment(assessment)
        blockers = submission_blockers(assessment)
        if blockers:
            raise ValidationError(blockers)
        review = do_submit_for_review(actor, assessment)
        record("risks.assessment.submit", assessment, actor=actor, new=snapshot(assessment, ASSESSMENT_FIELDS))
    return review


def sign_off_assessment(assessment: Assessment, review, actor: User) -> None:
    """The 签批 approved (inside the workflow's transaction)."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    assessment.signed_off_at, assessment.signed_off_by = timezone.now(), actor
    assessment.save()
    record("risks.assessment.sign_off", assessment, actor=actor,
           new={"conclusion": assessment.get_conclusion_display(), "flow": review.flow_name})


def refuse_assessment(assessment: Assessment, review, actor: User) -> None:
    """The 签批 refused: the assessment stays a draft, to be revised and submitted again."""
    record("risks.assessment.refuse", assessment, actor=actor, new={"flow": review.flow_name})


def do_add_assessment_risk(actor: User, assessment: Assessment, *, title: str, area: str, likelihood: int,
                           impact: int, **fields) -> Risk:
    """Register a risk the assessment found (``fields`` as ``do_create_risk`` takes them): source
    措施风险评估, linked back to the assessment."""
    require_can(actor, "change", assessment, "您无权为该评估登记风险。")
    if is_locked(assessment):
        raise ValidationError("该评估正在签批中，审核结束或退回后才能登记风险。")
    fields["description"] = fields.get("description") or f"措施风险评估“{assessment.measure}”中发现。"
    return do_create_risk(actor, org_unit=assessment.org_unit, area=area, title=title, likelihood=likelihood,
                          impact=impact, source=RiskSource.ASSESSMENT, source_record=assessment, **fields)
