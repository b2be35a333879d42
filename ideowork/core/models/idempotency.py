"""Form submissions already done: a create form's key, who sent it, and where its result is."""

from django.conf import settings
from django.db import models

__all__ = ["IdempotencyKey"]


class IdempotencyKey(models.Model):
    """One per (user, key): written in the same transaction as the record the submission created, so a
    submission sent again (a retry after a dropped connection, a double click) finds it and is sent to
    the first one's result instead of creating a second record. Kept for a day (``core.idempotency``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="提交人", on_delete=models.CASCADE,
                             related_name="+")
    key = models.UUIDField("提交标识")
    result_url = models.CharField("结果页面", max_length=500, blank=True)
    created_at = models.DateTimeField("提交时间", db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "表单提交记录"
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_user_key_uniq",
                                               violation_error_message="该表单已经提交过。")]

    def __str__(self):
        return f"{self.user_id}:{self.key}"
