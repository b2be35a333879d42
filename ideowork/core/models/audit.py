"""The semantic audit trail: who did what to which record, with old and new values."""

from django.conf import settings
from django.db import models

__all__ = ["AuditEvent"]


class AuditEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the 审计管理员 reads the audit trail."""
        if user.is_authenticated and user.is_auditor:
            return self.all()
        return self.none()


class AuditEvent(models.Model):
    """An append-only record of one change or security event."""

    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField("操作人账号", max_length=150, blank=True)
    event_type = models.CharField("事件类型", max_length=64, db_index=True)
    subject_type = models.CharField("对象类型", max_length=64, blank=True)
    subject_id = models.CharField("对象编号", max_length=64, blank=True)
    subject_repr = models.CharField("对象", max_length=255, blank=True)
    org_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name="单位", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    old = models.JSONField("原值", null=True, blank=True)
    new = models.JSONField("新值", null=True, blank=True)
    ip = models.GenericIPAddressField("来源地址", null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = "审计事件"
        verbose_name_plural = "审计事件"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="audit_subject_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.event_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("审计记录不可修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("审计记录不可删除。")
