"""The semantic audit trail: who did what to which record, with old and new values.

Every event is chained to the one before it by an HMAC (``core/audit_chain.py``): its sequence
number, time, actor, address, event, subject and values, plus the previous event's MAC. The chain's
head (one row) holds the last sequence number and MAC; appending locks it, so the chain never forks.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

__all__ = ["AuditEvent", "AuditChainHead"]


class AuditEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the 审计管理员 reads the audit trail."""
        if user.is_authenticated and user.is_auditor:
            return self.all()
        return self.none()

    def delete(self):
        """Audit events are removed only by the retention purge (``audit_archive.purge_audit``)."""
        raise PermissionError("审计记录不可删除。")


class AuditEvent(models.Model):
    """An append-only record of one change, read or security event, chained to the one before."""

    seq = models.BigIntegerField("序号", unique=True)
    created_at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    # No database constraint and no cascade: deleting an account or a unit must never change an
    # audit row (the chain would break); the name shown is ``actor_name``, kept with the event.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.DO_NOTHING,
        db_constraint=False, related_name="+",
    )
    actor_name = models.CharField("操作人账号", max_length=150, blank=True)
    event_type = models.CharField("事件类型", max_length=64, db_index=True)
    subject_type = models.CharField("对象类型", max_length=64, blank=True)
    subject_id = models.CharField("对象编号", max_length=64, blank=True)
    subject_repr = models.CharField("对象", max_length=255, blank=True)
    org_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name="单位", null=True, blank=True, on_delete=models.DO_NOTHING,
        db_constraint=False, related_name="+",
    )
    old = models.JSONField("原值", null=True, blank=True)
    new = models.JSONField("新值", null=True, blank=True)
    ip = models.GenericIPAddressField("来源地址", null=True, blank=True)
    mac = models.CharField("校验码", max_length=64)
    mac_alg = models.CharField("校验算法", max_length=16)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "审计事件"
        ordering = ["-seq"]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="audit_subject_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.event_type}"

    def save(self, *args, **kwargs):
        """Insert only: the event is appended to the chain (its time, number and MAC set under the
        head's lock, in the caller's transaction, so a rollback takes the link back with it)."""
        if self.pk is not None:
            raise PermissionError("审计记录不可修改。")
        from ..audit_chain import append

        append(self, kwargs.get("using") or "default", lambda: super(AuditEvent, self).save(*args, **kwargs))

    def delete(self, *args, **kwargs):
        raise PermissionError("审计记录不可删除。")


class AuditChainHead(models.Model):
    """The one row at the head of the audit chain: the last event appended, the anchor left by the
    last retention purge, and the outcome of the last verification."""

    last_seq = models.BigIntegerField("最后序号", default=0)
    last_mac = models.CharField("最后校验码", max_length=64, blank=True)
    anchor_seq = models.BigIntegerField("锚点序号", default=0, help_text="最后清理的审计事件序号")
    anchor_mac = models.CharField("锚点校验码", max_length=64, blank=True)
    anchor_at = models.DateTimeField("清理时间", null=True, blank=True)
    checked_at = models.DateTimeField("最近校验时间", null=True, blank=True)
    checked_ok = models.BooleanField("校验结果", null=True)
    checked_through = models.BigIntegerField("校验至序号", default=0)
    check_message = models.CharField("校验说明", max_length=500, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "审计链头"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"审计链头 {self.last_seq}"
