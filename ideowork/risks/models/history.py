"""The register as it stood: one row per state of a risk, ``valid_from <= T < valid_to`` the row in
force at ``T`` (``valid_to`` null for the current one). Each row holds the register's columns as they
became (names and colours written out, so a later edit of a person or of the matrix changes no past
row) and the unit copied, so the history is scoped and listed by itself. Written only by
``risks.actions.history.write_history``, in the transaction of the change it records.
"""

from django.db import models

from ideowork.core.models import person_field

from ..choices import RiskArea, RiskSource, RiskStatus
from .scoping import RisksQuerySet

__all__ = ["RiskHistory"]


class RiskHistory(models.Model):
    risk = models.ForeignKey("risks.Risk", verbose_name="风险隐患", on_delete=models.CASCADE, related_name="history")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="责任单位", on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateTimeField("起始时间")
    valid_to = models.DateTimeField("截止时间", null=True, blank=True)
    event = models.CharField("变更事项", max_length=40)
    note = models.CharField("说明", max_length=300, blank=True)
    actor = person_field("操作人")

    area = models.CharField("所属领域", max_length=16, choices=RiskArea.choices)
    title = models.CharField("风险点", max_length=200)
    source = models.CharField("风险来源", max_length=16, choices=RiskSource.choices)
    likelihood = models.PositiveSmallIntegerField("可能性")
    impact = models.PositiveSmallIntegerField("影响程度")
    inherent_level = models.PositiveSmallIntegerField("固有风险等级")
    residual_level = models.PositiveSmallIntegerField("残余风险等级", null=True, blank=True)
    level_name = models.CharField("风险等级", max_length=8)
    level_colour = models.CharField("等级颜色", max_length=7)
    owner_name = models.CharField("责任人", max_length=100, blank=True)
    measures = models.TextField("防控措施", blank=True)
    deadline = models.DateField("整改时限", null=True, blank=True)
    status = models.CharField("状态", max_length=16, choices=RiskStatus.choices)
    progress = models.TextField("整改情况", blank=True)

    objects = RisksQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "风险台账历史"
        ordering = ["risk", "valid_from", "id"]
        indexes = [
            models.Index(fields=["risk", "valid_from"], name="risks_history_risk_from"),
            # The as-of view filtered by the level a risk had then: the rows in force at T of one level are
            # two ranges of this index (valid_to null, valid_to >= T), read without the table (it covers
            # the status, unit and risk the page needs). Status first would lose the level-only filter.
            models.Index(fields=["inherent_level", "valid_to", "valid_from", "status", "org_unit", "risk"],
                         name="risks_history_level_in_force"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                                   name="risks_history_range", violation_error_message="历史记录的截止时间早于起始时间。"),
            models.UniqueConstraint(fields=["risk"], condition=models.Q(valid_to__isnull=True),
                                    name="risks_history_one_current", violation_error_message="一项风险只能有一条现行记录。"),
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.valid_from:%Y-%m-%d %H:%M}）"
