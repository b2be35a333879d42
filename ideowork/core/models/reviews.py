"""The one review workflow: configurable step sequences and the reviews that run through them.

A ``ReviewFlow`` is a named sequence of ``ReviewFlowStep`` rows an organ keeps for one *purpose*
(content publishing 发布审核, close-out 销号, sign-off 签批, one-step approval 审批 …); each organ has
one default flow per purpose (created from the purpose's registered steps the first time it is
needed, then edited like any other), and a record may name another (an outlet names the flow its
content goes through). Submitting a record
for review creates a ``Review`` and copies the flow's steps into ``ReviewStage`` rows, so a later
change to the flow never alters a review already running. Every decision is a ``ReviewDecision``
row tied to the exact version of the record it was made on.

The record under review (the *subject*) is any model registered with
``core.actions.review_registry.register_reviewable`` against its ``Reviewable`` protocol (so ``core``
never imports an area). Written only by ``core.actions.reviews``.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from ..choices import Role
from ..scoping import ScopedQuerySet
from .bookkeeping import CreatedAt, person_field

__all__ = ["StepKind", "ReviewStatus", "StageStatus", "Decision", "ReviewFlow", "ReviewFlowStep", "Review",
           "ReviewStage", "ReviewDecision", "OWNER", "STEP_ROLE_CHOICES"]


class StepKind(models.TextChoices):
    REVIEW = "review", "审核"
    PROOFREAD = "proofread", "校对"


class ReviewStatus(models.TextChoices):
    IN_REVIEW = "in_review", "审核中"
    RETURNED = "returned", "退回修改"
    APPROVED = "approved", "审核通过"
    REJECTED = "rejected", "未通过"
    WITHDRAWN = "withdrawn", "已撤回"


class StageStatus(models.TextChoices):
    WAITING = "waiting", "未开始"
    ACTIVE = "active", "办理中"
    APPROVED = "approved", "已通过"
    RETURNED = "returned", "已退回"
    SKIPPED = "skipped", "免办理"


class Decision(models.TextChoices):
    SUBMIT = "submit", "提交审核"
    APPROVE = "approve", "通过"
    RETURN_AUTHOR = "return_author", "退回作者"
    RETURN_STEP = "return_step", "退回上一环节"
    REJECT = "reject", "不同意"
    WITHDRAW = "withdraw", "撤回"


# A step without a role or a named person is decided by the record's own deciders (the organiser
# of a study session for a leave request), as the subject's ``review_owners()`` names them.
OWNER = "owner"
STEP_ROLE_CHOICES = [*Role.choices, (OWNER, "事项负责人")]


class ReviewFlow(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="review_flows")
    purpose = models.CharField("用途", max_length=32, default="publish")
    name = models.CharField("流程名称", max_length=100)
    description = models.CharField("说明", max_length=300, blank=True)
    # The flow a record of this purpose takes when nothing names another one; one per organ and purpose.
    is_default = models.BooleanField("默认流程", default=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "审核流程"
        ordering = ["org_unit__path", "purpose", "-is_default", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "purpose"], condition=models.Q(is_default=True),
                                               name="review_flow_one_default",
                                               violation_error_message="每种用途只能有一个默认流程。")]

    def __str__(self) -> str:
        return self.name


class ReviewFlowStep(models.Model):
    flow = models.ForeignKey(ReviewFlow, verbose_name="审核流程", on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField("顺序")
    name = models.CharField("环节名称", max_length=30)
    kind = models.CharField("环节类型", max_length=16, choices=StepKind.choices, default=StepKind.REVIEW)
    role = models.CharField("办理角色", max_length=20, choices=STEP_ROLE_CHOICES, blank=True)
    # A named person overrides the role (a small office may name its proofreader).
    assignee = person_field("指定办理人")
    due_days = models.PositiveSmallIntegerField("办理时限（工作日）", default=2)
    signs = models.BooleanField("签发环节", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "审核环节"
        ordering = ["flow", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["flow", "order"], name="review_flow_step_order_unique",
                                               violation_error_message="同一流程的环节顺序不能重复。")]

    def __str__(self) -> str:
        return f"{self.flow}·{self.name}"


class ReviewQuerySet(ScopedQuerySet):
    # A cadre sees what they submitted and the reviews with a stage naming them as its decider.
    cadre_needs_distinct = True

    def cadre_filter(self, user):
        return models.Q(author=user) | models.Q(stages__assignee=user)

    def active(self):
        return self.filter(status=ReviewStatus.IN_REVIEW)


class Review(models.Model):
    """One run of a subject through a flow; a subject may have several over its life (one at a time)."""

    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    subject_type = models.ForeignKey(ContentType, verbose_name="审核对象类型", on_delete=models.PROTECT,
                                     related_name="+")
    subject_id = models.PositiveBigIntegerField("审核对象编号")
    title = models.CharField("标题", max_length=200)
    purpose = models.CharField("用途", max_length=32, default="publish")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="提交人", on_delete=models.PROTECT,
                               related_name="reviews_submitted")
    flow_name = models.CharField("流程名称", max_length=100)
    status = models.CharField("状态", max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.IN_REVIEW)
    # The version of the subject under review now: set on submission and on each resubmission.
    version = models.PositiveIntegerField("当前版本号")
    version_digest = models.CharField("版本摘要", max_length=64)
    submitted_at = models.DateTimeField("提交时间")
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    signed_by = person_field("签发人")

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "审核"
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "status"], name="review_subject_idx"),
                   models.Index(fields=["status", "org_unit"], name="review_status_unit_idx")]
        constraints = [models.UniqueConstraint(
            fields=["subject_type", "subject_id"], condition=models.Q(status__in=["in_review", "returned"]),
            name="review_one_open_per_subject", violation_error_message="该内容已在审核中。")]

    def __str__(self) -> str:
        return self.title

    @property
    def subject(self):
        """The record under review (any model implementing the ``Reviewable`` protocol)."""
        if not hasattr(self, "_subject"):
            self._subject = self.subject_type.get_object_for_this_type(pk=self.subject_id)
        return self._subject

    @property
    def is_open(self) -> bool:
        return self.status in (ReviewStatus.IN_REVIEW, ReviewStatus.RETURNED)

    @property
    def status_css(self) -> str:
        return {ReviewStatus.APPROVED: "done", ReviewStatus.RETURNED: "behind", ReviewStatus.REJECTED: "overdue",
                ReviewStatus.WITHDRAWN: "none"}.get(self.status, "ontrack")


class ReviewStage(models.Model):
    review = models.ForeignKey(Review, verbose_name="审核", on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField("顺序")
    name = models.CharField("环节名称", max_length=30)
    kind = models.CharField("环节类型", max_length=16, choices=StepKind.choices)
    role = models.CharField("办理角色", max_length=20, choices=STEP_ROLE_CHOICES, blank=True)
    # When nobody holds the flow's role for this record, the stage falls back to the organ's leaders;
    # the role the flow named is kept here so the page can say why someone else decides.
    planned_role = models.CharField("原定办理角色", max_length=20, choices=STEP_ROLE_CHOICES, blank=True)
    # For a section chief's step: the section whose chief decides (the record's, else the author's).
    unit = models.ForeignKey("core.OrgUnit", verbose_name="办理科室", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    # For a step of role ``OWNER``: the record's own deciders, fixed on submission.
    deciders = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="事项负责人", blank=True,
                                      related_name="+")
    assignee = person_field("指定办理人")
    due_days = models.PositiveSmallIntegerField("办理时限（工作日）", default=2)
    signs = models.BooleanField("签发环节", default=False)
    status = models.CharField("状态", max_length=16, choices=StageStatus.choices, default=StageStatus.WAITING)
    activated_at = models.DateTimeField("开始办理时间", null=True, blank=True)
    due_at = models.DateTimeField("办理期限", null=True, blank=True)
    decided_by = person_field("办理人")
    decided_at = models.DateTimeField("办理时间", null=True, blank=True)
    decided_version = models.PositiveIntegerField("通过的版本号", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "审核环节记录"
        ordering = ["review", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["review", "order"], name="review_stage_order_unique",
                                               violation_error_message="同一审核的环节顺序不能重复。")]
        indexes = [models.Index(fields=["status", "due_at"], name="review_stage_due_idx")]

    def __str__(self) -> str:
        return f"{self.review}·{self.name}"


class ReviewDecision(models.Model):
    """Append-only: who decided what, on which version, with which comment."""

    review = models.ForeignKey(Review, verbose_name="审核", on_delete=models.CASCADE, related_name="decisions")
    stage = models.ForeignKey(ReviewStage, verbose_name="环节", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="decisions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="办理人", null=True,
                              on_delete=models.SET_NULL, related_name="+")
    decision = models.CharField("意见", max_length=16, choices=Decision.choices)
    comment = models.TextField("意见说明", blank=True)
    version = models.PositiveIntegerField("版本号")
    version_digest = models.CharField("版本摘要", max_length=64)
    returned_to = models.ForeignKey(ReviewStage, verbose_name="退回至环节", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "审核意见"
        ordering = ["review", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.review} {self.get_decision_display()}"
