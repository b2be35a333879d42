"""The risk register (风险隐患台账): one row per risk, its current state. Every change also writes a
``RiskHistory`` row (the register's columns as they became), so the register can be read as it stood
at any past moment. Written only by ``risks.actions``.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import UpdatedAt, person_field
from ideowork.core.scoping import CHANGE

from ..choices import ENDED_STATUSES, OPEN_STATUSES, RiskArea, RiskSource, RiskStatus
from .scoping import DECIDE_RULE, MANAGE, RisksQuerySet
from .sources import FromSource

__all__ = ["Risk"]


class RiskQuerySet(RisksQuerySet):
    actions = {CHANGE: MANAGE, "decide": DECIDE_RULE}

    def overdue(self, today):
        return self.filter(status__in=OPEN_STATUSES, deadline__lt=today)


class Risk(UpdatedAt, FromSource):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="责任单位", on_delete=models.PROTECT,
                                 related_name="risks")
    area = models.CharField("所属领域", max_length=16, choices=RiskArea.choices)
    title = models.CharField("风险点", max_length=200)
    description = models.TextField("风险描述", blank=True)
    source = models.CharField("风险来源", max_length=16, choices=RiskSource.choices, default=RiskSource.SCREENING)
    # source_type/source_id (FromSource): the record it came from (an opinion event, an assessment, a
    # campaign return …), when it is one.

    # Assessed on a fixed copy of the organ's matrix (a campaign's, later): levels are ranks in it.
    matrix = models.ForeignKey("risks.MatrixSnapshot", verbose_name="风险矩阵", on_delete=models.PROTECT,
                               related_name="risks")
    likelihood = models.PositiveSmallIntegerField("可能性")
    impact = models.PositiveSmallIntegerField("影响程度")
    inherent_level = models.PositiveSmallIntegerField("固有风险等级")
    residual_likelihood = models.PositiveSmallIntegerField("残余可能性", null=True, blank=True)
    residual_impact = models.PositiveSmallIntegerField("残余影响程度", null=True, blank=True)
    residual_level = models.PositiveSmallIntegerField("残余风险等级", null=True, blank=True)

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="责任人", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="risks_owned")
    measures = models.TextField("防控措施", blank=True)
    deadline = models.DateField("整改时限", null=True, blank=True)
    status = models.CharField("状态", max_length=16, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    carried_from = models.ForeignKey("self", verbose_name="延续自", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="carried_into")

    closed_on = models.DateField("销号日期", null=True, blank=True)
    accepted_reason = models.TextField("接受理由", blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="批准接受", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    accepted_on = models.DateField("接受日期", null=True, blank=True)
    accept_review_on = models.DateField("复查日期", null=True, blank=True)
    closeout_requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="销号申请人", null=True,
                                              blank=True, on_delete=models.PROTECT, related_name="+")

    revision = models.PositiveIntegerField("版本", default=1)
    created_by = person_field("登记人")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = RiskQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "风险隐患"
        ordering = ["-inherent_level", "id"]
        indexes = [
            models.Index(fields=["status", "inherent_level", "id"], name="risks_status_level"),
            models.Index(fields=["inherent_level", "id"], name="risks_level"),
            models.Index(fields=["deadline"], name="risks_deadline"),
            models.Index(fields=["created_at"], name="risks_created"),
            models.Index(fields=["source_type", "source_id"], name="risks_source"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("risks:detail", args=[self.pk])

    # --- reading ----------------------------------------------------------------------------------
    @property
    def level(self) -> dict:
        return self.matrix.level(self.inherent_level)

    @property
    def residual(self) -> dict | None:
        return None if self.residual_level is None else self.matrix.level(self.residual_level)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_ended(self) -> bool:
        return self.status in ENDED_STATUSES

    def is_overdue(self, today) -> bool:
        return bool(self.is_open and self.deadline and self.deadline < today)

    # --- the review workflow (销号): see risks/reviews.py ----------------------------------------
    def review_title(self) -> str:
        return f"风险销号：{self.title}"

    def review_author(self):
        return self.closeout_requested_by or self.created_by

    def review_version(self) -> tuple[int, str]:
        text = "\x1f".join(str(v) for v in (self.title, self.likelihood, self.impact, self.residual_level,
                                            self.measures, self.deadline, self.owner_id))
        return self.revision, hashlib.sha256(text.encode()).hexdigest()

    def review_owners(self):
        return [self.owner] if self.owner_id else []

    def on_review_approved(self, review, actor) -> None:
        from ..actions.closeout import close_risk

        close_risk(self, review, actor)

    def on_review_rejected(self, review, actor) -> None:
        from ..actions.closeout import refuse_closeout

        refuse_closeout(self, review, actor)

    def on_review_returned(self, review, actor, comment: str) -> None:
        from ..actions.closeout import closeout_comes_back

        closeout_comes_back(self, actor, "销号退回", comment)

    def on_review_withdrawn(self, review, actor, comment: str) -> None:
        from ..actions.closeout import closeout_comes_back

        closeout_comes_back(self, actor, "撤回销号申请", comment)
