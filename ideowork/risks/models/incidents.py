"""Incidents (意识形态突发事件) and their handling timeline.

An incident is opened from an emergency plan's current approved version (kept on the incident, so a
later revision of the plan does not change what was activated), at one of that version's response
levels, with the leader who leads the response (a 第一/直接责任人 of the organ). Its timeline runs from
the activation through each response action and report to the summary; it is closed only with a
summary. It may come from a record of another area (an opinion event), linked through ``FromSource``.
Written only by ``risks.actions.incidents``.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import RecordedBy

from ..choices import IncidentStatus, TimelineKind
from .scoping import ManagedQuerySet, RisksQuerySet
from .sources import FromSource

__all__ = ["Incident", "IncidentEntry"]


class Incident(RecordedBy, FromSource):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="处置单位", on_delete=models.PROTECT,
                                 related_name="incidents")
    title = models.CharField("事件名称", max_length=200)
    description = models.TextField("事件概况")
    occurred_at = models.DateTimeField("发生时间")
    plan = models.ForeignKey("risks.EmergencyPlan", verbose_name="启动预案", on_delete=models.PROTECT,
                             related_name="incidents")
    plan_version = models.ForeignKey("risks.PlanVersion", verbose_name="预案版本", on_delete=models.PROTECT,
                                     related_name="incidents")
    level = models.CharField("响应级别", max_length=40)
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="牵头领导", on_delete=models.PROTECT,
                             related_name="incidents_led")
    status = models.CharField("状态", max_length=8, choices=IncidentStatus.choices, default=IncidentStatus.OPEN)
    summary = models.TextField("处置总结", blank=True)
    closed_at = models.DateTimeField("结束时间", null=True, blank=True)

    objects = ManagedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "突发事件"
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["source_type", "source_id"], name="risks_incident_source")]
        constraints = [models.CheckConstraint(
            condition=models.Q(status=IncidentStatus.OPEN) | ~models.Q(summary=""),
            name="risks_incident_closed_summary",
            violation_error_message="事件结束须填写处置总结。")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("risks:incident", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == IncidentStatus.OPEN


class IncidentEntry(models.Model):
    incident = models.ForeignKey(Incident, verbose_name="突发事件", on_delete=models.CASCADE, related_name="entries")
    at = models.DateTimeField("时间")
    kind = models.CharField("事项", max_length=12, choices=TimelineKind.choices)
    text = models.TextField("内容")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT,
                              related_name="+")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = RisksQuerySet.through("incident").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "处置记录"
        ordering = ["incident", "at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.text[:30]}"
