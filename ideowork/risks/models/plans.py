"""Emergency plans (应急预案) and their versions.

A plan is a title and a scope; what it says is in its versions. Each revision is a new
``PlanVersion`` that goes through core's 签批 (``risks/reviews.py``); the approved one becomes the
plan's ``current_version``, which is what people see and what an incident is opened from. Approved
versions never change; the earlier ones stay readable. Written only by ``risks.actions.plans``.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import RecordedBy

from .scoping import ManagedQuerySet, RisksQuerySet
from .signoff import SignOffSubject

__all__ = ["EmergencyPlan", "PlanVersion"]



class EmergencyPlan(RecordedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="制定单位", on_delete=models.PROTECT,
                                 related_name="emergency_plans")
    title = models.CharField("预案名称", max_length=200)
    scope = models.TextField("适用范围", blank=True)
    current_version = models.OneToOneField("risks.PlanVersion", verbose_name="现行版本", null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="+")

    objects = ManagedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "应急预案"
        ordering = ["org_unit", "title", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("risks:plan", args=[self.pk])


class PlanVersion(SignOffSubject, models.Model):
    plan = models.ForeignKey(EmergencyPlan, verbose_name="应急预案", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField("版本号")
    command = models.TextField("指挥机构与职责", help_text="指挥长、副指挥长、成员及各自职责。")
    contacts = models.JSONField("联系人", default=list)  # [{"role": …, "name": …, "phone": …}]
    levels = models.JSONField("响应级别", default=list)  # [{"name": …, "criteria": …}], highest first
    procedures = models.TextField("处置流程")
    change_note = models.CharField("修订说明", max_length=300, blank=True)
    revision = models.PositiveIntegerField("修改次数", default=1)
    approved_at = models.DateTimeField("批准时间", null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="批准人", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="修订人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("修订时间", auto_now_add=True)

    objects = RisksQuerySet.through("plan").as_manager()
    approved_by_review = "ideowork.risks.actions.plans.approve_version"
    refused_by_review = "ideowork.risks.actions.plans.refuse_version"

    class Meta:
        verbose_name = verbose_name_plural = "应急预案版本"
        ordering = ["plan", "-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="risks_plan_version_number",
                                               violation_error_message="该预案已有此版本号。")]

    def __str__(self) -> str:
        return f"{self.plan.title}（第{self.number}版）"

    def get_absolute_url(self) -> str:
        return reverse("risks:plan_version", args=[self.pk])

    @property
    def org_unit(self):
        return self.plan.org_unit

    @property
    def org_unit_id(self):
        return self.plan.org_unit_id

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    def level_names(self) -> list[str]:
        return [level["name"] for level in self.levels]

    # --- the review workflow (签批): see risks/reviews.py and SignOffSubject ----------------------
    def review_title(self) -> str:
        return f"应急预案：{self.plan.title}（第{self.number}版）"

    def review_version(self) -> tuple[int, str]:
        text = "\x1f".join(str(v) for v in (self.command, self.contacts, self.levels, self.procedures,
                                            self.change_note))
        return self.revision, hashlib.sha256(text.encode()).hexdigest()
