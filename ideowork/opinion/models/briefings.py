"""Briefings (舆情简报): a unit's daily and weekly briefings and the special report (专报) on one event.

A briefing is generated from the unit's matched items and events of its period (``actions/briefings.py``)
and keeps what it was built from: ``figures`` holds every number and every statement the document
says, each statement with the conditions that select the items behind it, so that the web view links
each statement to its items and the figures never move after the fact. ``document`` is the Word file
made from those figures. A draft can be generated again; an issued briefing never changes.

The number (期号) runs per unit, kind and year.
"""

from django.db import models
from django.db.models import Q

from ideowork.core.models import person_field
from ideowork.core.scoping import ORGAN, Allow

from ..choices import BriefingKind, BriefingStatus
from .scoping import OpinionQuerySet

__all__ = ["Briefing"]


class BriefingQuerySet(OpinionQuerySet):
    # An organ's briefings are its own staff's to compile and issue, not the city's for a county bureau.
    actions = {"change": Allow("opinion.monitor", within=ORGAN), "issue": Allow("opinion.handle", within=ORGAN)}


class Briefing(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="编发单位", on_delete=models.PROTECT,
                                 related_name="opinion_briefings")
    kind = models.CharField("类型", max_length=8, choices=BriefingKind.choices)
    # The days the briefing covers, both inclusive (one day, a Monday-to-Sunday week, or the event's days).
    period_start = models.DateField("起始日期")
    period_end = models.DateField("截止日期")
    event = models.ForeignKey("opinion.Event", verbose_name="专报事件", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="briefings")
    year = models.PositiveSmallIntegerField("年度")
    number = models.PositiveIntegerField("期号")
    title = models.CharField("标题", max_length=300)
    figures = models.JSONField("生成依据", default=dict)
    document = models.FileField("简报文件", upload_to="opinion/briefings/%Y/", blank=True)
    status = models.CharField("状态", max_length=8, choices=BriefingStatus.choices, default=BriefingStatus.DRAFT)
    generated_at = models.DateTimeField("生成时间")
    created_by = person_field("编发人")
    issued_at = models.DateTimeField("签发时间", null=True, blank=True)
    issued_by = person_field("签发人")

    objects = BriefingQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "舆情简报"
        ordering = ["-period_end", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "kind", "year", "number"], name="opinion_briefing_number_unique",
                                    violation_error_message="本单位本年度已有该期号的简报。"),
            # One daily or weekly briefing per unit and period; special reports are per event and day.
            models.UniqueConstraint(fields=["org_unit", "kind", "period_start", "period_end"],
                                    condition=Q(event__isnull=True), name="opinion_briefing_period_unique",
                                    violation_error_message="本单位该时段的简报已经生成。"),
            models.UniqueConstraint(fields=["org_unit", "event", "period_end"], condition=Q(event__isnull=False),
                                    name="opinion_briefing_event_day_unique",
                                    violation_error_message="该事件当日的专报已经生成。"),
        ]
        indexes = [models.Index(fields=["org_unit", "-period_end"], name="opinion_briefing_unit_end")]

    def __str__(self) -> str:
        return self.title

    @property
    def number_label(self) -> str:
        return f"{self.year}年第{self.number}期"

    @property
    def issued(self) -> bool:
        return self.status == BriefingStatus.ISSUED
