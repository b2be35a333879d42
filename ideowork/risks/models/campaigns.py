"""Screening campaigns (风险隐患排查活动): an organ asks its sections, and its county bureaus when it
sends the campaign down, to screen their work for ideological risks by a deadline.

``ScreeningCampaign`` is the organiser's record (its organ's, scoped there): title, quarter, focus
areas, deadline, the organiser's matrix copy fixed when it opened, and the ledger activity it counts
as. ``CampaignReturn`` is one target unit's return, scoped to that unit — so a county bureau sees its
own return and nothing of another's — holding the matrix copy of the unit's organ fixed at opening
(the risks it reports are assessed on it) or the nil return (无风险报告: who checked, and how).
``CampaignSchedule`` is an organ's standing order to open a campaign every quarter by itself.
Written only by ``risks.actions.campaigns``.
"""

from datetime import datetime, time, timedelta

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import person_field
from ideowork.core.scoping import ORGAN, Allow

from ..choices import CampaignStatus, ReturnStatus
from .scoping import MANAGE, RisksQuerySet

__all__ = ["ScreeningCampaign", "CampaignReturn", "CampaignSchedule", "quarter_label"]

# A campaign is run (opened, reminded, closed) by the organiser organ's own risk staff.
RUN = Allow(MANAGE, within=ORGAN)


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}年第{'一二三四'[quarter - 1]}季度"


class CampaignQuerySet(RisksQuerySet):
    actions = {"change": RUN}

    def fixing_matrix_of(self, organ):
        """Open campaigns that fixed ``organ``'s matrix: the organiser's, or a target unit's organ's."""
        return self.filter(Q(matrix__org_unit=organ) | Q(returns__matrix__org_unit=organ),
                           status=CampaignStatus.OPEN).distinct()


class ScreeningCampaign(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="组织单位", on_delete=models.PROTECT,
                                 related_name="risk_campaigns")
    title = models.CharField("活动名称", max_length=120)
    year = models.PositiveSmallIntegerField("年度")
    quarter = models.PositiveSmallIntegerField("季度")
    focus_areas = models.JSONField("排查重点领域", default=list)
    instructions = models.TextField("工作要求", blank=True)
    deadline = models.DateField("报送截止日期")
    status = models.CharField("状态", max_length=8, choices=CampaignStatus.choices, default=CampaignStatus.OPEN)
    matrix = models.ForeignKey("risks.MatrixSnapshot", verbose_name="风险矩阵", on_delete=models.PROTECT,
                               related_name="campaigns")
    item = models.ForeignKey("plans.PlanItem", verbose_name="对应要点", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    activity = models.ForeignKey("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    schedule = models.ForeignKey("risks.CampaignSchedule", verbose_name="定期排查安排", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="campaigns")
    opened_at = models.DateTimeField("开始时间", default=timezone.now)
    opened_by = person_field("发起人")
    closed_at = models.DateTimeField("结束时间", null=True, blank=True)
    closed_by = person_field("结束人")
    summary = models.TextField("排查总结", blank=True)
    # A campaign held before the office used the platform, recorded afterwards (补录): its dates, and
    # its returns' dates, are the ones stated; a live campaign's are always the moment of the action.
    recorded_later = models.BooleanField("补录", default=False)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "风险排查活动"
        ordering = ["-year", "-quarter", "-id"]
        indexes = [models.Index(fields=["org_unit", "status"], name="risks_campaign_organ_status")]
        constraints = [
            models.CheckConstraint(condition=models.Q(quarter__gte=1, quarter__lte=4), name="risks_campaign_quarter",
                                   violation_error_message="季度须为1至4。"),
            models.UniqueConstraint(fields=["schedule", "year", "quarter"], name="risks_campaign_once_per_quarter",
                                    violation_error_message="该季度的定期排查已经开展。"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("risks:campaign_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == CampaignStatus.OPEN

    @property
    def quarter_label(self) -> str:
        return quarter_label(self.year, self.quarter)

    @property
    def deadline_end(self) -> datetime:
        """The end of the deadline day (local time): a return that day is on time."""
        return timezone.make_aware(datetime.combine(self.deadline + timedelta(days=1), time.min))

    def is_past_deadline(self, now=None) -> bool:
        return (now or timezone.now()) >= self.deadline_end


class CampaignReturnQuerySet(RisksQuerySet):
    # A return is filled in by the risk staff of the unit's own organ: a county bureau's by the
    # county's, never by the city that sent the campaign down.
    actions = {"change": Allow(MANAGE, within=ORGAN)}

    def pending(self):
        return self.filter(status=ReturnStatus.PENDING)


class CampaignReturn(models.Model):
    campaign = models.ForeignKey(ScreeningCampaign, verbose_name="排查活动", on_delete=models.CASCADE,
                                 related_name="returns")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="报送单位", on_delete=models.PROTECT,
                                 related_name="risk_campaign_returns")
    matrix = models.ForeignKey("risks.MatrixSnapshot", verbose_name="风险矩阵", on_delete=models.PROTECT,
                               related_name="campaign_returns")
    status = models.CharField("报送状态", max_length=8, choices=ReturnStatus.choices, default=ReturnStatus.PENDING)
    reported_at = models.DateTimeField("报送时间", null=True, blank=True)
    reported_by = person_field("报送人")
    checked_by = models.CharField("排查人员", max_length=200, blank=True)
    method = models.TextField("排查方式", blank=True)
    note = models.TextField("情况说明", blank=True)
    reminded_at = models.DateTimeField("最近提醒时间", null=True, blank=True)

    objects = CampaignReturnQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "排查报送"
        ordering = ["campaign", "org_unit__path"]
        constraints = [models.UniqueConstraint(fields=["campaign", "org_unit"], name="risks_return_once_per_unit",
                                               violation_error_message="该单位已在本次排查的报送范围内。")]

    def __str__(self) -> str:
        return f"{self.campaign.title} · {self.org_unit.display_name}"

    def get_absolute_url(self) -> str:
        return reverse("risks:return_detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == ReturnStatus.PENDING

    @property
    def is_late(self) -> bool:
        return bool(self.reported_at and self.reported_at >= self.campaign.deadline_end)


class CampaignSchedule(models.Model):
    """An organ's quarterly screening, opened by the task queue on ``open_day`` of each quarter's first
    month with a deadline ``days_given`` later."""

    org_unit = models.OneToOneField("core.OrgUnit", verbose_name="组织单位", on_delete=models.CASCADE,
                                    related_name="risk_campaign_schedule")
    is_active = models.BooleanField("启用", default=True)
    focus_areas = models.JSONField("排查重点领域", default=list)
    units = models.ManyToManyField("core.OrgUnit", verbose_name="报送单位", related_name="+")
    open_day = models.PositiveSmallIntegerField("每季度首月开始日", default=1)
    days_given = models.PositiveSmallIntegerField("报送期限（天）", default=20)
    instructions = models.TextField("工作要求", blank=True)
    updated_by = person_field("设置人")
    updated_at = models.DateTimeField("设置时间", auto_now=True)

    objects = RisksQuerySet.declare(actions={"change": RUN}).as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "定期排查安排"
        ordering = ["org_unit"]
        constraints = [
            models.CheckConstraint(condition=models.Q(open_day__gte=1, open_day__lte=28),
                                   name="risks_schedule_open_day", violation_error_message="开始日须在1至28日之间。"),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit.display_name}定期排查安排"
