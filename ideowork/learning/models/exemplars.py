"""The 学习标兵 selection: nominated from the points rankings, reviewed by a leader, published.

A selection belongs to the organ that runs it and covers a period of the points rankings (a month,
a quarter or the year). Nominees carry the points they had when nominated, so the published list
shows what the decision was based on even if points change later.
"""

from django.conf import settings
from django.db import models

from ideowork.core.scoping import ScopedQuerySet

__all__ = ["ExemplarSelection", "ExemplarNominee"]


class SelectionStatus(models.TextChoices):
    DRAFT = "draft", "提名中"
    REVIEWING = "reviewing", "待审核"
    PUBLISHED = "published", "已发布"


class NomineeDecision(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "同意"
    REJECTED = "rejected", "不同意"


class SelectionQuerySet(ScopedQuerySet):
    actions = {"change": "learning.manage"}
    published_down = True

    def cadre_filter(self, user):
        # A cadre sees published selections of their organ (and, through published_down, those above).
        return models.Q(org_unit__path__startswith=user.scope_root.path, status=SelectionStatus.PUBLISHED)

    def published_filter(self, user):
        return super().published_filter(user) & models.Q(status=SelectionStatus.PUBLISHED)


class ExemplarSelection(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="评选单位", on_delete=models.PROTECT,
                                 related_name="exemplar_selections")
    title = models.CharField("评选名称", max_length=100)
    start = models.DateField("积分起始日")
    end = models.DateField("积分截止日")
    quota = models.PositiveSmallIntegerField("评选名额", default=10)
    status = models.CharField("状态", max_length=10, choices=SelectionStatus.choices, default=SelectionStatus.DRAFT)
    note = models.TextField("评选说明", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发起人", null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("发起时间", auto_now_add=True)
    submitted_at = models.DateTimeField("提交审核时间", null=True, blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发布人", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    objects = SelectionQuerySet.as_manager()

    class Meta:
        verbose_name = "学习标兵评选"
        verbose_name_plural = "学习标兵评选"
        ordering = ["-end", "-id"]

    def __str__(self) -> str:
        return self.title


class NomineeQuerySet(ScopedQuerySet):
    actions = {"change": "learning.manage"}
    scope_field = "selection__org_unit"
    published_down = True

    def cadre_filter(self, user):
        return models.Q(selection__org_unit__path__startswith=user.scope_root.path,
                        selection__status=SelectionStatus.PUBLISHED, decision=NomineeDecision.APPROVED)

    def published_filter(self, user):
        return super().published_filter(user) & models.Q(selection__status=SelectionStatus.PUBLISHED,
                                                         decision=NomineeDecision.APPROVED)


class ExemplarNominee(models.Model):
    selection = models.ForeignKey(ExemplarSelection, verbose_name="评选", on_delete=models.CASCADE,
                                  related_name="nominees")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="被提名人", on_delete=models.PROTECT,
                             related_name="+")
    points = models.IntegerField("提名时积分")
    rank = models.PositiveIntegerField("提名时排名")
    reason = models.CharField("推荐理由", max_length=300, blank=True)
    decision = models.CharField("审核意见", max_length=10, choices=NomineeDecision.choices,
                                default=NomineeDecision.PENDING)
    comment = models.CharField("审核说明", max_length=300, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)

    objects = NomineeQuerySet.as_manager()

    class Meta:
        verbose_name = "标兵提名"
        verbose_name_plural = "标兵提名"
        ordering = ["selection", "rank", "id"]
        constraints = [models.UniqueConstraint(fields=["selection", "user"], name="nominee_once",
                                               violation_error_message="此人已被提名。")]

    def __str__(self) -> str:
        return f"{self.selection} · {self.user}"

