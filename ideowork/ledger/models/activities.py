"""Ledger activities (台账) and how they count toward targets.

An activity is recorded once, by whichever area it happened in, and counts wherever it applies:
``ActivityTarget`` says which targets it counts toward; ``TargetCredit`` is the derived tally the
progress engine reads — one row per activity and target, or, for a per-person target, one row per
person credited. Credits are rebuilt by ``ledger.actions`` whenever an activity changes; nothing
else writes them.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from ideowork.core.activity_kinds import activity_kind_choices
from ideowork.core.models import EnteredBy, UpdatedAt
from ideowork.core.scoping import ScopedQuerySet

from ..choices import ActivitySource, source_label

__all__ = ["Activity", "ActivityTarget", "TargetCredit"]


class ActivityQuerySet(ScopedQuerySet):
    actions = {"change": "ledger.record"}
    cadre_needs_distinct = True

    def cadre_filter(self, user):
        # A cadre sees their own unit's activities and any they took part in or recorded.
        return models.Q(org_unit=user.org_unit_id) | models.Q(participants=user) | models.Q(created_by=user)

    def for_source(self, record):
        """The activities an area's record entered into the ledger (one, except an outlet's updates)."""
        return self.filter(source_type=ContentType.objects.get_for_model(record), source_id=record.pk)

    def from_model(self, model):
        return self.filter(source_type=ContentType.objects.get_for_model(model))


class Activity(EnteredBy, UpdatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT,
                                 related_name="activities")
    kind = models.CharField("活动类型", max_length=20, choices=activity_kind_choices, db_index=True)
    title = models.CharField("活动名称", max_length=200)
    date = models.DateField("日期", db_index=True)
    place = models.CharField("地点", max_length=200, blank=True)
    summary = models.TextField("内容摘要", blank=True)
    host = models.CharField("主持人/主讲人", max_length=100, blank=True)
    participants = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="参加人员", blank=True,
                                          related_name="activities")
    extra_participants = models.PositiveIntegerField("其他参加人数", default=0,
                                                     help_text="系统外人员人数，不计入个人指标。")
    item = models.ForeignKey("plans.PlanItem", verbose_name="对应要点", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="activities")
    targets = models.ManyToManyField("plans.Target", verbose_name="计入指标", blank=True,
                                     through="ActivityTarget", related_name="activities")
    # The area that entered it: "ledger"/"import" by hand, else the app label of the area's record.
    source = models.CharField("来源", max_length=16, default=ActivitySource.LEDGER)
    # The area's record this activity stands for (a study session, a placement …), set by
    # ``ledger.actions.do_sync_activity``; empty for activities recorded by hand.
    source_type = models.ForeignKey(ContentType, verbose_name="来源记录类型", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField("来源记录编号", null=True, blank=True)
    source_record = GenericForeignKey("source_type", "source_id")
    source_record.verbose_name = "来源记录"

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "台账活动"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["org_unit", "date"], name="activity_unit_date_idx"),
                   models.Index(fields=["source_type", "source_id"], name="activity_source_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(source_type__isnull=True, source_id__isnull=True)
                                   | models.Q(source_type__isnull=False, source_id__isnull=False),
                                   name="activity_source_complete", violation_error_message="来源记录不完整。"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_source_display(self) -> str:
        return source_label(self.source)

    @property
    def participant_total(self) -> int:
        return self.participants.count() + self.extra_participants


class ActivityTarget(models.Model):
    activity = models.ForeignKey(Activity, verbose_name="活动", on_delete=models.CASCADE,
                                 related_name="target_links")
    target = models.ForeignKey("plans.Target", verbose_name="指标", on_delete=models.CASCADE,
                               related_name="activity_links")

    objects = ScopedQuerySet.through("activity").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "计入指标"
        ordering = ["activity", "target"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "target"], name="activitytarget_unique",
                                    violation_error_message="该活动已计入此指标。"),
        ]


class TargetCredit(models.Model):
    """One unit of progress toward a target, on a date; ``person`` set for per-person targets."""

    target = models.ForeignKey("plans.Target", verbose_name="指标", on_delete=models.CASCADE,
                               related_name="credits")
    activity = models.ForeignKey(Activity, verbose_name="活动", on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="人员", null=True, blank=True,
                               on_delete=models.CASCADE, related_name="+")
    date = models.DateField("日期")
    # The month of ``date``, stored so that monthly aggregates are index-only scans on every
    # database (written with the date by ``rebuild_credits``).
    month = models.PositiveSmallIntegerField("月份")

    objects = ScopedQuerySet.through("activity").as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "指标计数"
        ordering = ["target", "date"]
        indexes = [
            models.Index(fields=["target", "date", "person"], name="credit_target_date_idx"),
            models.Index(fields=["target", "month", "person", "date"], name="credit_target_month_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(month__gte=1, month__lte=12), name="credit_month_range",
                                   violation_error_message="月份须在1至12之间。"),
            models.UniqueConstraint(fields=["activity", "target"], condition=models.Q(person__isnull=True),
                                    name="credit_unique_org", violation_error_message="重复计数。"),
            models.UniqueConstraint(fields=["activity", "target", "person"], condition=models.Q(person__isnull=False),
                                    name="credit_unique_person", violation_error_message="重复计数。"),
        ]
