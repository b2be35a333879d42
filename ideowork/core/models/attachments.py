"""Uploaded files, checked by content and size before they are stored."""

from django.conf import settings
from django.db import models

from ..scoping import ScopedQuerySet

__all__ = ["Attachment"]


class Attachment(models.Model):
    file = models.FileField("文件", upload_to="attachments/%Y/%m/")
    original_name = models.CharField("文件名", max_length=255)
    kind = models.CharField("类型", max_length=16)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("校验值", max_length=64, db_index=True)
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "附件"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.kind in {"jpg", "png", "gif", "webp", "bmp"}
