"""Ideological risk assessments of proposed measures (重大决策/改革措施意识形态风险评估).

Before a reform plan, a staffing adjustment or an institutional innovation goes ahead, its risk is
assessed: the measure, the organ's checklist answered item by item, the findings and a conclusion,
signed off through core's 签批 (see ``risks/reviews.py``). The checklist is the organ's own
(``ChecklistItem``, made by the organ default, edited by its ``risks.manage`` holders); an assessment
keeps a copy of the items it was answered on. Risks it finds are registered in the register with
``source=assessment`` and a link back (``Risk.source_type``/``source_id``). Written only by
``risks.actions.assessments``.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.scoping import CHANGE, ORGAN, Allow

from ..choices import ChecklistAnswer, Conclusion, MeasureKind
from .scoping import MANAGE, ManagedQuerySet, RisksQuerySet
from .signoff import SignOffSubject

__all__ = ["ChecklistItem", "Assessment", "AssessmentAnswer"]


class ChecklistItemQuerySet(RisksQuerySet):
    """An organ's checklist is its own managers' to edit, not the city's for a county bureau's."""

    actions = {CHANGE: Allow(MANAGE, within=ORGAN)}


class ChecklistItem(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.CASCADE,
                                 related_name="risk_checklist")
    order = models.PositiveSmallIntegerField("序号")
    text = models.CharField("评估事项", max_length=200)

    objects = ChecklistItemQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "风险评估清单事项"
        ordering = ["org_unit", "order", "id"]

    def __str__(self) -> str:
        return self.text



class Assessment(SignOffSubject, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="评估单位", on_delete=models.PROTECT,
                                 related_name="risk_assessments")
    measure = models.CharField("拟出台措施", max_length=200)
    kind = models.CharField("措施类型", max_length=16, choices=MeasureKind.choices)
    description = models.TextField("措施内容", blank=True)
    findings = models.TextField("评估发现", blank=True)
    conclusion = models.CharField("评估结论", max_length=16, choices=Conclusion.choices, blank=True)
    conclusion_note = models.TextField("结论说明", blank=True)
    revision = models.PositiveIntegerField("版本", default=1)
    signed_off_at = models.DateTimeField("签批时间", null=True, blank=True)
    signed_off_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="签批人", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="评估人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = ManagedQuerySet.as_manager()
    approved_by_review = "ideowork.risks.actions.assessments.sign_off_assessment"
    refused_by_review = "ideowork.risks.actions.assessments.refuse_assessment"

    class Meta:
        verbose_name = verbose_name_plural = "措施风险评估"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.measure

    def get_absolute_url(self) -> str:
        return reverse("risks:assessment", args=[self.pk])

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None

    # --- the review workflow (签批): see risks/reviews.py and SignOffSubject ----------------------
    def review_title(self) -> str:
        return f"措施风险评估：{self.measure}"

    def review_version(self) -> tuple[int, str]:
        answers = "\x1e".join(f"{a.text}\x1f{a.answer}\x1f{a.note}" for a in self.answers.order_by("order", "id"))
        text = "\x1f".join(str(v) for v in (self.measure, self.kind, self.description, self.findings,
                                            self.conclusion, self.conclusion_note, answers))
        return self.revision, hashlib.sha256(text.encode()).hexdigest()


class AssessmentAnswer(models.Model):
    """One checklist item as the assessment answered it (the item's text copied when it was made)."""

    assessment = models.ForeignKey(Assessment, verbose_name="风险评估", on_delete=models.CASCADE,
                                   related_name="answers")
    order = models.PositiveSmallIntegerField("序号")
    text = models.CharField("评估事项", max_length=200)
    answer = models.CharField("评估意见", max_length=8, choices=ChecklistAnswer.choices, blank=True)
    note = models.CharField("说明", max_length=500, blank=True)

    objects = RisksQuerySet.through("assessment").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "风险评估清单答复"
        ordering = ["assessment", "order", "id"]

    def __str__(self) -> str:
        return self.text
