"""Reflections (心得体会) and research reports (调研报告) members write, reviewed by the group's secretary.

The body is plain text kept as typed (paragraphs separated by blank lines) and rendered escaped, so
no markup a member pastes can ever run. Each review decision is a ``ReflectionReview`` row; an
accepted reflection is the ledger ``Activity`` in ``activity`` (kind reflection, the author as its
one participant), so the per-person targets (每人每年不少于4篇) count it. Written only by
``learning.actions.reflections``.
"""

from django.conf import settings
from django.db import models

from ideowork.core.scoping import ScopedQuerySet

__all__ = ["ReflectionKind", "ReflectionStatus", "Reflection", "ReflectionReview", "REFLECTION_YEARLY_TARGET"]

# Each member writes at least this many reflections or research reports a year (the seed documents).
REFLECTION_YEARLY_TARGET = 4


class ReflectionKind(models.TextChoices):
    INSIGHT = "insight", "心得体会"
    RESEARCH = "research", "调研报告"


class ReflectionStatus(models.TextChoices):
    SUBMITTED = "submitted", "待审阅"
    RETURNED = "returned", "已退回"
    ACCEPTED = "accepted", "已通过"


class ReflectionQuerySet(ScopedQuerySet):
    actions = {"change": "learning.manage"}
    owner_field = "author"
    cadre_needs_distinct = True

    def cadre_filter(self, user):
        return models.Q(author=user) | models.Q(group__secretary=user)


class Reflection(models.Model):
    kind = models.CharField("类型", max_length=16, choices=ReflectionKind.choices, default=ReflectionKind.INSIGHT)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="作者", on_delete=models.PROTECT,
                               related_name="reflections")
    group = models.ForeignKey("learning.StudyGroup", verbose_name="学习小组", on_delete=models.PROTECT,
                              related_name="reflections")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    session = models.ForeignKey("learning.StudySession", verbose_name="关联学习活动", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="reflections")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文", blank=True)
    attachment = models.ForeignKey("core.Attachment", verbose_name="附件", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=16, choices=ReflectionStatus.choices,
                              default=ReflectionStatus.SUBMITTED)
    year = models.PositiveSmallIntegerField("年度", db_index=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审阅人", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    review_comment = models.TextField("审阅意见", blank=True)
    reviewed_at = models.DateTimeField("审阅时间", null=True, blank=True)
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="reflection")
    submitted_at = models.DateTimeField("提交时间")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        verbose_name = "心得体会/调研报告"
        verbose_name_plural = "心得体会/调研报告"
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["author", "year", "status"], name="reflection_author_year_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def status_css(self) -> str:
        return {ReflectionStatus.ACCEPTED: "done", ReflectionStatus.RETURNED: "behind"}.get(self.status, "ontrack")


class ReflectionReview(models.Model):
    reflection = models.ForeignKey(Reflection, verbose_name="心得体会", on_delete=models.CASCADE,
                                   related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审阅人", null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    decision = models.CharField("审阅结果", max_length=16, choices=ReflectionStatus.choices)
    comment = models.TextField("审阅意见", blank=True)
    created_at = models.DateTimeField("审阅时间", auto_now_add=True)

    objects = ScopedQuerySet.through("reflection").as_manager()

    class Meta:
        verbose_name = "审阅记录"
        verbose_name_plural = "审阅记录"
        ordering = ["reflection", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.reflection} {self.get_decision_display()}"
