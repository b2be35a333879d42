"""Rectification progress (整改进展) and its evidence files. Evidence is stored as core's
``Attachment`` (checked by ``core.uploads.check_upload`` first), as the ledger's evidence is."""

from django.db import models

from ideowork.core.models import person_field

from .scoping import RisksQuerySet

__all__ = ["RiskProgress", "RiskEvidence"]


class RiskProgress(models.Model):
    risk = models.ForeignKey("risks.Risk", verbose_name="风险隐患", on_delete=models.CASCADE, related_name="progress")
    date = models.DateField("日期")
    text = models.TextField("整改情况")
    created_by = person_field("登记人")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = RisksQuerySet.through("risk").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "整改进展"
        ordering = ["risk", "date", "id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.text[:30]}"


class RiskEvidence(models.Model):
    risk = models.ForeignKey("risks.Risk", verbose_name="风险隐患", on_delete=models.CASCADE, related_name="evidence")
    progress = models.ForeignKey(RiskProgress, verbose_name="整改进展", on_delete=models.CASCADE,
                                 related_name="evidence")
    attachment = models.ForeignKey("core.Attachment", verbose_name="附件", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    objects = RisksQuerySet.through("risk").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "整改佐证材料"
        ordering = ["risk", "id"]

    def __str__(self) -> str:
        return self.attachment.original_name
