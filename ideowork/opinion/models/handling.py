"""Handling an event to closure (研判 → 处置 → 回应 → 销号): the handling record, its timeline and the
deadlines an organ sets by grade. Written only by ``opinion.actions.handling``.

``Handling`` is one row per event holding where its handling stands in words — the judgement, the
measures, the response and the result — which the 舆情台账 lists; ``HandlingStep`` is the timeline:
who did what, when, with which files (stored through ``core.uploads``). Joint handling with another
department is a step of its own kind naming the department and the day. Both are scoped through their
event, so they are seen exactly where the event is.

``HandlingMixin`` is what an ``Event`` offers the review workflow (销号 goes through core's 销号
purpose, registered in ``opinion/reviews.py``), kept here beside the rest of handling.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import EditedBy, person_field
from ideowork.core.scoping import ORGAN, Allow

from ..choices import Grade, HandlingStepKind
from .scoping import OpinionQuerySet

__all__ = ["HandlingMixin", "Handling", "HandlingStep", "DeadlinePolicy", "DEFAULT_DEADLINE_HOURS"]

# Handling deadlines by grade when an organ has set none: 特别重大 2 hours, 重大 24 hours, 较大 3 days,
# 一般 7 days.
DEFAULT_DEADLINE_HOURS = {Grade.GRAVE: 2, Grade.MAJOR: 24, Grade.LARGE: 72, Grade.GENERAL: 168}


class HandlingMixin:
    """The review workflow's ``Reviewable`` protocol for an ``Event`` (its 销号)."""

    def get_absolute_url(self) -> str:
        return reverse("opinion:event_handling", args=[self.pk])

    def review_title(self) -> str:
        return f"舆情事件销号：{self.title}"

    def _handling(self):
        return Handling.objects.filter(event=self).first()

    def review_author(self):
        handling = self._handling()
        return handling.closeout_requested_by if handling is not None else None

    def review_version(self) -> tuple[int, str]:
        handling = self._handling()
        if handling is None:
            return 0, hashlib.sha256(b"").hexdigest()
        text = "\x1f".join(str(v) for v in (self.grade, self.assigned_unit_id, handling.measures, handling.response,
                                            handling.result))
        return handling.revision, hashlib.sha256(text.encode()).hexdigest()

    def review_owners(self):
        return []

    def on_review_approved(self, review, actor) -> None:
        from ..actions.handling import close_event

        close_event(self, review, actor)

    def on_review_rejected(self, review, actor) -> None:
        from ..actions.handling import refuse_closeout

        refuse_closeout(self, review, actor)


class Handling(models.Model):
    event = models.OneToOneField("opinion.Event", verbose_name="舆情事件", primary_key=True, on_delete=models.CASCADE,
                                 related_name="handling")
    analysed_grade = models.CharField("系统判定等级", max_length=1, choices=Grade.choices, blank=True)
    judgement = models.TextField("研判意见", blank=True)
    judged_by = person_field("研判人")
    judged_at = models.DateTimeField("研判时间", null=True, blank=True)
    measures = models.TextField("处置措施", blank=True)
    response = models.TextField("回应内容", blank=True)
    # A response to be published goes through outlets' review (三审三校) and proofreader as a content item.
    response_content = models.ForeignKey("outlets.ContentItem", verbose_name="公开回应稿", null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="+")
    result = models.TextField("处置结果", blank=True)
    closeout_requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="销号申请人", null=True,
                                              blank=True, on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField("销号时间", null=True, blank=True)
    last_reminded_at = models.DateTimeField("最近逾期提醒", null=True, blank=True)
    # The version a 销号 review is tied to: raised by every change of the handling.
    revision = models.PositiveIntegerField("版本", default=1)

    objects = OpinionQuerySet.through("event").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "舆情处置"
        ordering = ["event"]

    def __str__(self) -> str:
        return str(self.event)


class HandlingStep(models.Model):
    event = models.ForeignKey("opinion.Event", verbose_name="舆情事件", on_delete=models.CASCADE,
                              related_name="handling_steps")
    kind = models.CharField("环节", max_length=20, choices=HandlingStepKind.choices)
    actor = person_field("经办人")
    at = models.DateTimeField("时间")
    text = models.TextField("内容", blank=True)
    grade = models.CharField("等级", max_length=1, choices=Grade.choices, blank=True)
    unit = models.ForeignKey("core.OrgUnit", verbose_name="处置单位", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    deadline = models.DateTimeField("处置时限", null=True, blank=True)
    # Joint handling: the other department and the day it acted.
    department = models.CharField("协同部门", max_length=100, blank=True)
    happened_on = models.DateField("处置日期", null=True, blank=True)
    risk_id = models.PositiveBigIntegerField("风险隐患", null=True, blank=True)
    attachments = models.ManyToManyField("core.Attachment", verbose_name="附件", blank=True, related_name="+")

    objects = OpinionQuerySet.through("event").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "处置记录"
        ordering = ["event", "at", "id"]
        indexes = [models.Index(fields=["event", "at"], name="opinion_step_event_at"),
                   models.Index(fields=["actor", "kind", "at"], name="opinion_step_actor_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.event}"


class DeadlinePolicyQuerySet(OpinionQuerySet):
    # An organ's deadlines are set by its own handling staff, not by the city for a county bureau.
    actions = {"change": Allow("opinion.handle", within=ORGAN)}


class DeadlinePolicy(EditedBy, models.Model):
    """An organ's handling deadlines by grade (处置时限), in hours."""

    org_unit = models.OneToOneField("core.OrgUnit", verbose_name="单位", on_delete=models.CASCADE,
                                    related_name="opinion_deadline_policy")
    grave_hours = models.PositiveIntegerField("特别重大（小时）", default=DEFAULT_DEADLINE_HOURS[Grade.GRAVE])
    major_hours = models.PositiveIntegerField("重大（小时）", default=DEFAULT_DEADLINE_HOURS[Grade.MAJOR])
    large_hours = models.PositiveIntegerField("较大（小时）", default=DEFAULT_DEADLINE_HOURS[Grade.LARGE])
    general_hours = models.PositiveIntegerField("一般（小时）", default=DEFAULT_DEADLINE_HOURS[Grade.GENERAL])

    objects = DeadlinePolicyQuerySet.as_manager()

    FIELDS = {Grade.GRAVE: "grave_hours", Grade.MAJOR: "major_hours", Grade.LARGE: "large_hours",
              Grade.GENERAL: "general_hours"}

    class Meta:
        verbose_name = verbose_name_plural = "舆情处置时限"
        ordering = ["org_unit"]

    def __str__(self) -> str:
        return f"{self.org_unit}处置时限"

    def hours(self, grade: str) -> int:
        return getattr(self, self.FIELDS.get(grade, "general_hours"))

    def limit(self, grade: str) -> timedelta:
        return timedelta(hours=self.hours(grade))
