"""The daily patrol (每日巡查): one record per person per day that they went through the day's queue of
new matched items, with its counts. It enters the ledger as one activity of kind ``opinion_patrol``
(``actions/patrol.py``), so it counts toward the plan's daily-patrol target once."""

from django.conf import settings
from django.db import models

from .scoping import OpinionQuerySet

__all__ = ["Patrol"]


class PatrolQuerySet(OpinionQuerySet):
    actions = {"change": "opinion.monitor"}
    owner_field = "person"


class Patrol(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="巡查人", on_delete=models.PROTECT,
                               related_name="opinion_patrols")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT, related_name="+")
    day = models.DateField("巡查日期")
    items_seen = models.PositiveIntegerField("浏览信息数", default=0)
    events_judged = models.PositiveIntegerField("研判事件数", default=0)
    activity = models.ForeignKey("ledger.Activity", verbose_name="台账记录", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("首次登记", auto_now_add=True)
    updated_at = models.DateTimeField("最近登记", auto_now=True)

    objects = PatrolQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "每日巡查"
        ordering = ["-day", "org_unit__path", "id"]
        constraints = [models.UniqueConstraint(fields=["person", "day"], name="opinion_patrol_person_day_unique",
                                               violation_error_message="今天已登记过巡查。")]
        indexes = [models.Index(fields=["org_unit", "-day"], name="opinion_patrol_unit_day")]

    def __str__(self) -> str:
        return f"{self.person}{self.day:%Y-%m-%d}巡查"
