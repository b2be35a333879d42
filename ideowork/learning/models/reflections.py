"""Reflections (心得体会) and research reports (调研报告) members write, reviewed by whoever runs the group.

The body is plain text kept as typed (paragraphs separated by blank lines) and rendered escaped, so
no markup a member pastes can ever run. Its review (审阅) runs through the core workflow
(``learning/reviews.py``): the state (待审阅, 已退回, 已通过) is read from the reflection's review,
never kept here, and every decision is a ``core.ReviewDecision``. An accepted reflection is the
ledger ``Activity`` in ``activity`` (kind reflection, the author as its one participant), so the
per-person targets (每人每年不少于4篇) count it. Written only by ``learning.actions.reflections``.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import CreatedAt
from ideowork.core.scoping import Allow, ScopedQuerySet

__all__ = ["ReflectionKind", "ReflectionStatus", "Reflection", "REFLECTION_YEARLY_TARGET"]

# Each member writes at least this many reflections or research reports a year (the seed documents).
REFLECTION_YEARLY_TARGET = 4


class ReflectionKind(models.TextChoices):
    INSIGHT = "insight", "心得体会"
    RESEARCH = "research", "调研报告"


class ReflectionStatus(models.TextChoices):
    """A reflection's state as its review says it (the values are ``core.ReviewStatus`` values)."""

    SUBMITTED = "in_review", "待审阅"
    RETURNED = "returned", "已退回"
    ACCEPTED = "approved", "已通过"
    WITHDRAWN = "withdrawn", "已撤回"


class ReflectionQuerySet(ScopedQuerySet):
    # Revising a returned reflection and submitting it again is its author's alone: its reviewers
    # ("change") decide it, they do not rewrite it.
    actions = {"change": "learning.manage", "resubmit": Allow(people=("author",))}
    owner_field = "author"
    cadre_needs_distinct = True

    def cadre_filter(self, user):
        return models.Q(author=user) | models.Q(group__secretary=user)


class Reflection(CreatedAt, models.Model):
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
    year = models.PositiveSmallIntegerField("年度", db_index=True)
    # Raised on each resubmission: the workflow ties every decision to the version it was made on.
    version = models.PositiveIntegerField("版本号", default=1)
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="reflection")
    submitted_at = models.DateTimeField("提交时间")

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "心得体会/调研报告"
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["author", "year"], name="reflection_author_year_idx")]

    def __str__(self) -> str:
        return self.title

    # --- the state, read from the review (lists annotate it with ``with_review_state``) ---------------
    @property
    def status(self) -> str:
        """A ``ReflectionStatus`` value: the annotation of a list, else one query for the review."""
        if "review_status" in self.__dict__:
            return self.review_status or ReflectionStatus.SUBMITTED
        from ideowork.core.actions.review_queries import review_state

        return review_state(self) or ReflectionStatus.SUBMITTED

    def get_status_display(self) -> str:
        return ReflectionStatus(self.status).label if self.status in ReflectionStatus.values else self.status

    @property
    def status_css(self) -> str:
        return {ReflectionStatus.ACCEPTED: "done", ReflectionStatus.RETURNED: "behind",
                ReflectionStatus.WITHDRAWN: "none"}.get(self.status, "ontrack")

    @property
    def is_editable(self) -> bool:
        """Returned to its author or withdrawn by them: the author may revise and submit it again."""
        return self.status in (ReflectionStatus.RETURNED, ReflectionStatus.WITHDRAWN)

    # --- the Reviewable protocol: a reflection's 审阅 is a review of the core workflow ----------------
    def get_absolute_url(self) -> str:
        return reverse("learning:reflection_detail", args=[self.pk])

    def review_title(self) -> str:
        return f"{self.get_kind_display()}：{self.title}"

    def review_author(self):
        return self.author

    def review_version(self) -> tuple[int, str]:
        text = "\x1f".join([self.kind, self.title, self.body, str(self.attachment_id or ""), str(self.session_id or "")])
        return self.version, hashlib.sha256(text.encode()).hexdigest()

    def review_owners(self) -> list:
        """Whoever runs the group reviews: its secretary and the organ's learning managers."""
        from ..actions.sessions import group_managers

        return group_managers(self.group)

    def on_review_approved(self, review, actor) -> None:
        from ..actions.reflections import accept_reflection

        accept_reflection(self, actor)

    def on_review_rejected(self, review, actor) -> None:
        """Never called: the 审阅 purpose returns a reflection for changes, it does not refuse it."""

