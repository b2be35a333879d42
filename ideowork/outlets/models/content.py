"""Content published through the outlets: every version kept, reviewed through the core workflow.

A ``ContentItem`` (an article, a briefing issue, a press release, an interview request, an outward
material) has numbered ``ContentVersion`` rows; editing makes a new version, never changes one.
The item is registered with the core workflow (purpose 发布审核, ``outlets/apps.py``): each decision
is tied to a version's number and digest, the item is locked while under review, and the
proofreader's errors must be fixed or waived (``FindingWaiver``) before the signing step (a
registered blocker). The item keeps only its own publication state (``publication``: 草稿, 已发布,
已撤稿); its ``status`` as people see it (审核中, 退回修改, 待发布 …) is read from its review.
Publishing records when and where it appeared and creates the ledger activity. Written only by
``outlets.actions.content``.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import CreatedAt, UpdatedAt, person_field
from ideowork.core.scoping import Allow, ScopedQuerySet

from ..choices import ContentKind, ContentStatus

__all__ = ["ContentItem", "ContentVersion", "FindingWaiver", "version_digest"]


# Kinds whose approval is the end of the office's part: an interview request, material sent out.
APPROVED_ONLY_KINDS = frozenset({ContentKind.INTERVIEW, ContentKind.EXTERNAL})


def version_digest(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n\x00\n{body}".encode("utf-8")).hexdigest()


OWN_STATES = (ContentStatus.DRAFT, ContentStatus.PUBLISHED, ContentStatus.WITHDRAWN)


def status_from_review(publication: str, review_status: str | None, review_version, current_version: int) -> str:
    """What people see: the item's own publication state once published, else its review's state."""
    if publication != ContentStatus.DRAFT:
        return publication
    if review_status in (ContentStatus.IN_REVIEW, ContentStatus.RETURNED):
        return review_status
    if review_status == ContentStatus.APPROVED and review_version == current_version:
        return ContentStatus.APPROVED
    return ContentStatus.DRAFT


class ContentQuerySet(ScopedQuerySet):
    # Publishing (and withdrawing) an approved item records it in the ledger: the publicity staff of
    # a unit it belongs to who also record the ledger.
    actions = {"change": "outlets.publish", "publish": Allow(("outlets.publish", "ledger.record"))}
    owner_field = "author"
    def cadre_filter(self, user):
        return models.Q(author=user)

    def with_status(self):
        """Each item annotated with ``state``, its status as people see it, for listing and filtering."""
        from ideowork.core.actions.reviews import with_review_state

        when = models.When
        return with_review_state(self).annotate(state=models.Case(
            when(~models.Q(publication=ContentStatus.DRAFT), then=models.F("publication")),
            when(review_status__in=[ContentStatus.IN_REVIEW, ContentStatus.RETURNED], then=models.F("review_status")),
            when(review_status=ContentStatus.APPROVED, review_version=models.F("current_version"),
                 then=models.Value(ContentStatus.APPROVED)),
            default=models.Value(ContentStatus.DRAFT), output_field=models.CharField()))


class ContentItem(CreatedAt, UpdatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    outlet = models.ForeignKey("outlets.Outlet", verbose_name="发布阵地", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="contents")
    kind = models.CharField("类型", max_length=16, choices=ContentKind.choices, default=ContentKind.ARTICLE)
    title = models.CharField("标题", max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="作者", on_delete=models.PROTECT,
                               related_name="contents")
    publication = models.CharField("发布状态", max_length=16, default=ContentStatus.DRAFT,
                                   choices=[(c.value, c.label) for c in OWN_STATES])
    current_version = models.PositiveIntegerField("当前版本号", default=1)
    item = models.ForeignKey("plans.PlanItem", verbose_name="对应工作要点", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_where = models.CharField("发布位置/链接", max_length=300, blank=True)
    published_version = models.PositiveIntegerField("发布版本号", null=True, blank=True)
    published_by = person_field("发布人")
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="content_item")

    objects = ContentQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "宣传稿件"
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["org_unit", "publication"], name="content_unit_status_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("outlets:content_detail", args=[self.pk])

    @property
    def status(self) -> str:
        """The status people see; read from the review unless the item is published or withdrawn."""
        if self.publication != ContentStatus.DRAFT:
            return self.publication
        if "review_status" in self.__dict__:
            return status_from_review(self.publication, self.review_status, self.review_version,
                                      self.current_version)
        from ideowork.core.actions.reviews import latest_review

        review = latest_review(self) if self.pk else None
        return status_from_review(self.publication, review and review.status, review and review.version,
                                  self.current_version)

    @status.setter
    def status(self, value: str) -> None:
        if value not in OWN_STATES:
            raise ValueError(f"a content item's own state is one of {OWN_STATES}, not {value!r}")
        self.publication = value

    def get_status_display(self) -> str:
        return ContentStatus(self.status).label

    @property
    def status_css(self) -> str:
        return {ContentStatus.PUBLISHED: "done", ContentStatus.APPROVED: "done", ContentStatus.RETURNED: "behind",
                ContentStatus.WITHDRAWN: "none", ContentStatus.DRAFT: "future"}.get(self.status, "ontrack")

    @property
    def status_label(self) -> str:
        """The status as shown to people. An approved interview request or outward material is not
        published by the office itself, so it reads 已批准 rather than 待发布."""
        if self.status == ContentStatus.APPROVED and self.kind in APPROVED_ONLY_KINDS:
            return "已批准"
        return self.get_status_display()

    @property
    def latest(self) -> "ContentVersion":
        return self.versions.get(number=self.current_version)

    # --- the Reviewable protocol of core.actions.review_registry ----------------------------
    def review_title(self) -> str:
        return self.title

    def review_author(self):
        return self.author

    def review_owners(self) -> list:
        return []

    def review_version(self) -> tuple[int, str]:
        latest = self.latest
        return latest.number, latest.digest

    def on_review_approved(self, review, actor) -> None:
        """Nothing to do: the item reads 待发布 from its approved review until someone publishes it."""

    def on_review_rejected(self, review, actor) -> None:
        """Publishing does not reject outright (the purpose returns for changes instead)."""


class ContentVersion(models.Model):
    item = models.ForeignKey(ContentItem, verbose_name="稿件", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文")
    note = models.CharField("修改说明", max_length=300, blank=True)
    digest = models.CharField("内容摘要", max_length=64)
    source = models.ForeignKey("core.Attachment", verbose_name="来源文件", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    # The proofreader's findings for this version, and the rule-set revision they were made with;
    # recomputed when the rules change.
    findings = models.JSONField("校对结果", default=list, blank=True)
    findings_revision = models.CharField("校对规则版本", max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="修改人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("时间", auto_now_add=True)

    objects = ScopedQuerySet.through("item").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "稿件版本"
        ordering = ["item", "number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="content_version_unique",
                                               violation_error_message="版本号重复。")]

    def __str__(self) -> str:
        return f"{self.item} 第{self.number}版"


class FindingWaiver(models.Model):
    """A proofreading finding the reviewers accept as it is, with the reason: the rule and the text."""

    item = models.ForeignKey(ContentItem, verbose_name="稿件", on_delete=models.CASCADE, related_name="waivers")
    rule = models.CharField("规则", max_length=120)
    text = models.CharField("原文", max_length=200)
    reason = models.CharField("理由", max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="确认人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("时间", auto_now_add=True)

    objects = ScopedQuerySet.through("item").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "校对豁免"
        ordering = ["item", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["item", "rule", "text"], name="finding_waiver_unique",
                                               violation_error_message="该问题已确认保留。")]

    def __str__(self) -> str:
        return f"{self.rule}: {self.text}"
