"""``Memo``: the smallest record that offers the ``Reviewable`` protocol, with numbered versions."""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

# Tests put reasons here to make the signing step refuse approval (the registered blocker reads it).
BLOCKERS: dict[str, list[str]] = {}


class Memo(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="作者", on_delete=models.PROTECT,
                               related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="负责人", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文", blank=True)
    version = models.PositiveIntegerField("版本号", default=1)
    outcome = models.CharField("结果", max_length=16, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "测试备忘"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("core:review_inbox") + f"?memo={self.pk}"

    def review_title(self) -> str:
        return self.title

    def review_author(self):
        return self.author

    def review_version(self) -> tuple[int, str]:
        return self.version, hashlib.sha256(f"{self.title}\n{self.body}".encode()).hexdigest()

    def review_owners(self) -> list:
        return [self.owner] if self.owner_id else []

    def on_review_approved(self, review, actor) -> None:
        Memo.objects.filter(pk=self.pk).update(outcome="approved")

    def on_review_rejected(self, review, actor) -> None:
        Memo.objects.filter(pk=self.pk).update(outcome="rejected")
