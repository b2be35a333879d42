"""The 学习标兵 selection: nominated from the points rankings, signed off by a leader, published.

A selection belongs to the organ that runs it and covers a period of the points rankings (a month,
a quarter or the year). Nominees carry the points they had when nominated, so the published list
shows what the decision was based on even if points change later. Its sign-off is a review of the
core workflow (``learning/reviews.py``): whether it is under review, returned or approved is read
from that review; the selection keeps only its own publication state.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import person_field
from ideowork.core.scoping import ORGAN, Allow, ScopedQuerySet

__all__ = ["ExemplarSelection", "ExemplarNominee"]


class SelectionStatus(models.TextChoices):
    """The selection's publication state; its review says whether a draft is under review."""

    DRAFT = "draft", "提名中"
    PUBLISHED = "published", "已发布"


# What the page says of a selection, from its publication state and its review's state.
STAGE_LABELS = {"in_review": ("ontrack", "待审核"), "approved": ("ontrack", "已审定，待发布"),
                "returned": ("behind", "已退回修改"), "rejected": ("behind", "未通过审核")}


class NomineeDecision(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "同意"
    REJECTED = "rejected", "不同意"


class SelectionQuerySet(ScopedQuerySet):
    # Organised by the learning managers of its unit's subtree; decided (signed off, each nominee
    # judged) and published by the leaders of its own organ.
    actions = {"change": "learning.manage", "decide": Allow(leaders=True, within=ORGAN)}
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
    status = models.CharField("发布状态", max_length=10, choices=SelectionStatus.choices,
                              default=SelectionStatus.DRAFT)
    note = models.TextField("评选说明", blank=True)
    # Raised on each resubmission: the workflow ties every decision to the version it was made on.
    version = models.PositiveIntegerField("版本号", default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发起人", null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("发起时间", auto_now_add=True)
    submitted_at = models.DateTimeField("提交审核时间", null=True, blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = person_field("发布人")

    objects = SelectionQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "学习标兵评选"
        ordering = ["-end", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def sign_off(self) -> str:
        """The state of the selection's review (``core.ReviewStatus``; "" if never submitted): the
        ``review_status`` annotation of a list, else one query."""
        if "review_status" in self.__dict__:
            return self.review_status or ""
        from ideowork.core.actions.review_queries import review_state

        return review_state(self)

    @property
    def stage(self) -> tuple[str, str]:
        """(css, label) of where the selection stands: 提名中, 待审核, 已审定，待发布, 已退回修改, 已发布."""
        if self.status == SelectionStatus.PUBLISHED:
            return "done", SelectionStatus.PUBLISHED.label
        return STAGE_LABELS.get(self.sign_off, ("future", SelectionStatus.DRAFT.label))

    # --- the Reviewable protocol: the selection's sign-off is a one-step 审批 by the organ's leaders ----
    def get_absolute_url(self) -> str:
        return reverse("learning:exemplar_detail", args=[self.pk])

    def review_title(self) -> str:
        return f"学习标兵评选：{self.title}"

    def review_author(self):
        return self.created_by

    def review_version(self) -> tuple[int, str]:
        nominees = self.nominees.order_by("user_id").values_list("user_id", "reason")
        text = "\x1f".join([self.title, str(self.quota), *(f"{pk}:{reason}" for pk, reason in nominees)])
        return self.version, hashlib.sha256(text.encode()).hexdigest()

    def review_owners(self):
        """The organ's leaders (第一责任人, 直接责任人) decide, as they always have."""
        from ideowork.core.choices import LEADER_ROLES
        from ideowork.core.models import User

        return User.objects.business().filter(role__in=LEADER_ROLES, org_unit__organ=self.org_unit)

    def on_review_approved(self, review, actor) -> None:
        """Nothing changes here: the approval is what ``do_publish_selection`` asks for."""

    def on_review_rejected(self, review, actor) -> None:
        """Nothing changes here: a refused selection is a draft again (its state is read from the review)."""


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
    decided_by = person_field("审核人")
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)

    objects = NomineeQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "标兵提名"
        ordering = ["selection", "rank", "id"]
        constraints = [models.UniqueConstraint(fields=["selection", "user"], name="nominee_once",
                                               violation_error_message="此人已被提名。")]

    def __str__(self) -> str:
        return f"{self.selection} · {self.user}"

