"""Evidence (佐证材料): files and photos attached to an activity."""

from django.db import models

from ideowork.core.scoping import ScopedQuerySet

__all__ = ["Evidence"]


class EvidenceQuerySet(ScopedQuerySet):
    actions = {"change": "ledger.record"}
    scope_field = "activity__org_unit"
    cadre_needs_distinct = True

    def cadre_filter(self, user):
        return (models.Q(activity__org_unit=user.org_unit_id) | models.Q(activity__participants=user)
                | models.Q(activity__created_by=user))


class Evidence(models.Model):
    activity = models.ForeignKey("ledger.Activity", verbose_name="活动", on_delete=models.CASCADE,
                                 related_name="evidence")
    attachment = models.ForeignKey("core.Attachment", verbose_name="附件", on_delete=models.PROTECT,
                                   related_name="+")
    caption = models.CharField("说明", max_length=200, blank=True)
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "佐证材料"
        ordering = ["activity", "id"]

    def __str__(self) -> str:
        return self.caption or self.attachment.original_name
