"""The monthly 工作简报: numbered issues of a briefing series, compiled from ledger activities and notes.

A briefing series is an ``Outlet`` of kind 工作简报; each ``BriefingIssue`` of it carries a 期号
(``number``, counted within the year) and a 总期号 (``serial``, counted over the series' whole life),
both unique and allocated when the issue is created. The issue's text is a ``ContentItem`` of kind
briefing, so it is versioned, reviewed (三审三校) and published (印发) like any content; the
``BriefingEntry`` rows are the pieces it is compiled from. Written only by ``outlets.actions.briefings``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from ideowork.core.models import CreatedAt
from ideowork.core.scoping import ORGAN, Allow, ScopedQuerySet

from ..choices import ContentStatus

__all__ = ["BriefingIssue", "BriefingEntry"]


# An organ's briefing issues are compiled, changed, submitted and issued by that organ's publicity
# staff only: the city office does not edit a county bureau's briefing (nor the reverse).
MANAGED_BY_ORGAN = Allow("outlets.publish", within=ORGAN)


class BriefingIssueQuerySet(ScopedQuerySet):
    actions = {"change": MANAGED_BY_ORGAN}
    scope_field = "series__org_unit"

    def cadre_filter(self, user):
        # A cadre reads the issues their organ has sent out (印发), and any they compiled themselves.
        organ_id = user.org_unit.organ_id if user.org_unit_id else None
        return (Q(series__org_unit__organ=organ_id) & Q(content__publication=ContentStatus.PUBLISHED)) | Q(created_by=user)


class BriefingIssue(CreatedAt, models.Model):
    series = models.ForeignKey("outlets.Outlet", verbose_name="简报", on_delete=models.PROTECT,
                               related_name="briefing_issues")
    content = models.OneToOneField("outlets.ContentItem", verbose_name="稿件", on_delete=models.PROTECT,
                                   related_name="briefing_issue")
    year = models.PositiveSmallIntegerField("年度")
    number = models.PositiveSmallIntegerField("期号")
    serial = models.PositiveIntegerField("总期号")
    month = models.PositiveSmallIntegerField("反映月份")
    issue_date = models.DateField("印发日期")
    editor = models.CharField("编印单位", max_length=100)
    signer = models.CharField("签发人", max_length=50, blank=True)
    report_to = models.CharField("报", max_length=300, blank=True)
    copy_to = models.CharField("送", max_length=300, blank=True)
    distribute_to = models.CharField("发", max_length=300, blank=True)
    copies = models.PositiveSmallIntegerField("印数（份）", default=30)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="编辑人", on_delete=models.PROTECT,
                                   related_name="+")

    objects = BriefingIssueQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "工作简报"
        ordering = ["series", "-year", "-number", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["series", "year", "number"], name="briefing_issue_number_unique",
                                    violation_error_message="本年度已有该期号的简报。"),
            models.UniqueConstraint(fields=["series", "serial"], name="briefing_issue_serial_unique",
                                    violation_error_message="该总期号已被使用。"),
            models.CheckConstraint(condition=Q(month__gte=1) & Q(month__lte=12), name="briefing_issue_month_valid",
                                   violation_error_message="月份须在1至12之间。"),
        ]

    def __str__(self) -> str:
        return f"{self.series.name}{self.year}年第{self.number}期"

    def get_absolute_url(self) -> str:
        return reverse("outlets:briefing_detail", args=[self.pk])

    @property
    def number_label(self) -> str:
        return f"第{self.number}期（总第{self.serial}期）"

    @property
    def is_issued(self) -> bool:
        return self.content.status == ContentStatus.PUBLISHED

    @property
    def status_label(self) -> str:
        """The content's status in a briefing's words: a published issue is 已印发."""
        return "已印发" if self.is_issued else self.content.get_status_display()

    def distribution(self) -> list[tuple[str, str]]:
        """The 报/送/发 lines that are filled in, in that order."""
        lines = [("报", self.report_to), ("送", self.copy_to), ("发", self.distribute_to)]
        return [(label, text) for label, text in lines if text.strip()]


class BriefingEntryQuerySet(ScopedQuerySet):
    actions = {"change": MANAGED_BY_ORGAN}
    scope_field = "issue__series__org_unit"


class BriefingEntry(models.Model):
    issue = models.ForeignKey(BriefingIssue, verbose_name="简报", on_delete=models.CASCADE, related_name="entries")
    order = models.PositiveSmallIntegerField("顺序")
    heading = models.CharField("标题", max_length=200)
    text = models.TextField("正文")
    activity = models.ForeignKey("ledger.Activity", verbose_name="来源台账活动", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="briefing_entries")

    objects = BriefingEntryQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "简报条目"
        ordering = ["issue", "order", "id"]

    def __str__(self) -> str:
        return self.heading

    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]
