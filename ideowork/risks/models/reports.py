"""Reaching down and reporting up between the city office and its county bureaus.

``Guidance`` (指导意见) is sent by an organ to the county bureaus under it, with files stored as core
``Attachment``s; each recipient is a ``GuidanceRecipient`` row (its county's, scoped there) that
records when the county first read it. A county sees the guidance sent to it and no other county's.
``UpwardReport`` is what a county bureau reports to the organ above it: an early sign (苗头性、倾向性
问题) the city acknowledges, or important information reported at once (信息报送); every first
reading by someone of the receiving organ is an ``UpwardReportRead`` row, the report's read timeline.
Written only by ``risks.actions.reports``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from ideowork.core.choices import Role
from ideowork.core.models import person_field
from ideowork.core.scoping import ORGAN, Allow

from ..choices import RiskArea, UpwardKind, UpwardStatus
from .scoping import MANAGE, RisksQuerySet

__all__ = ["Guidance", "GuidanceRecipient", "GuidanceFile", "UpwardReport", "UpwardReportRead"]


class GuidanceQuerySet(RisksQuerySet):
    """The sender's organ sees its guidance as any record of its subtree; a county bureau also sees
    the guidance addressed to it (and only that), through its recipient row."""

    actions = {"change": Allow(MANAGE, within=ORGAN)}

    def published_filter(self, user) -> Q:
        root = user.scope_root
        if user.role == Role.CADRE or root is None:
            return Q(pk__in=[])
        return Q(pk__in=GuidanceRecipient.objects.filter(org_unit__path__startswith=root.path).values("guidance_id"))


class Guidance(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="发文单位", on_delete=models.PROTECT,
                                 related_name="risk_guidance")
    title = models.CharField("标题", max_length=120)
    body = models.TextField("指导意见")
    sent_at = models.DateTimeField("下发时间", auto_now_add=True)
    sent_by = person_field("下发人")

    objects = GuidanceQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "指导意见"
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("risks:guidance_detail", args=[self.pk])


class GuidanceRecipient(models.Model):
    guidance = models.ForeignKey(Guidance, verbose_name="指导意见", on_delete=models.CASCADE, related_name="recipients")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="接收单位", on_delete=models.PROTECT, related_name="+")
    read_at = models.DateTimeField("首次阅读时间", null=True, blank=True)
    read_by = person_field("首次阅读人")

    objects = RisksQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "指导意见接收单位"
        ordering = ["guidance", "org_unit__path"]
        constraints = [models.UniqueConstraint(fields=["guidance", "org_unit"], name="risks_guidance_recipient_once",
                                               violation_error_message="该单位已在接收范围内。")]

    def __str__(self) -> str:
        return f"{self.guidance.title} → {self.org_unit.display_name}"


class GuidanceFile(models.Model):
    guidance = models.ForeignKey(Guidance, verbose_name="指导意见", on_delete=models.CASCADE, related_name="files")
    attachment = models.ForeignKey("core.Attachment", verbose_name="附件", on_delete=models.PROTECT, related_name="+")

    objects = RisksQuerySet.through("guidance").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "指导意见附件"
        ordering = ["guidance", "id"]

    def __str__(self) -> str:
        return self.attachment.original_name


class UpwardReportQuerySet(RisksQuerySet):
    # Reported by the county's own staff; acknowledged by the risk staff above it (the service asks
    # that the acknowledging organ is not the reporting one).
    actions = {"change": Allow(MANAGE, within=ORGAN), "acknowledge": Allow(MANAGE)}


class UpwardReport(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="报告单位", on_delete=models.PROTECT,
                                 related_name="risk_upward_reports")
    kind = models.CharField("类别", max_length=12, choices=UpwardKind.choices)
    area = models.CharField("所属领域", max_length=16, choices=RiskArea.choices)
    title = models.CharField("标题", max_length=120)
    body = models.TextField("具体情况")
    measures = models.TextField("已采取的措施", blank=True)
    status = models.CharField("状态", max_length=14, choices=UpwardStatus.choices, default=UpwardStatus.REPORTED)
    reported_at = models.DateTimeField("报告时间", auto_now_add=True)
    reported_by = person_field("报告人")
    acknowledged_at = models.DateTimeField("确认时间", null=True, blank=True)
    acknowledged_by = person_field("确认人")
    reply = models.TextField("上级意见", blank=True)

    objects = UpwardReportQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "向上报告"
        ordering = ["-reported_at", "-id"]
        indexes = [models.Index(fields=["status", "kind"], name="risks_upward_status_kind")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("risks:upward_detail", args=[self.pk])


class UpwardReportRead(models.Model):
    report = models.ForeignKey(UpwardReport, verbose_name="向上报告", on_delete=models.CASCADE, related_name="reads")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="阅读人", on_delete=models.PROTECT,
                               related_name="+")
    read_at = models.DateTimeField("阅读时间", auto_now_add=True)

    objects = RisksQuerySet.through("report").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "报告阅读记录"
        ordering = ["report", "read_at", "id"]
        constraints = [models.UniqueConstraint(fields=["report", "reader"], name="risks_upward_read_once",
                                               violation_error_message="已记录该人员的阅读。")]

    def __str__(self) -> str:
        return f"{self.reader} {self.read_at:%Y-%m-%d %H:%M}"
