"""Learning points (积分): rules per action, an append-only ledger, and running totals for rankings.

``PointsEntry`` is the ledger: one row per award, never updated or deleted; ``(user, action, ref)``
is unique, so the same action can never earn twice. ``PointsTotal`` and ``UnitPointsTotal`` are
derived running totals per week, month and year (``period`` + ``key`` such as ``2026-W47``,
``2026-11``, ``2026``), maintained in the same transaction as the entry, so that a ranking of
50,000 people is an index scan, not an aggregate over millions of entries.
Everything here is written by ``learning.actions.points`` only.
"""

from django.conf import settings
from django.db import models

from ideowork.core.models import UpdatedAt, person_field
from ideowork.core.scoping import ScopedQuerySet

from ..choices import PointsAction, RankingPeriod

__all__ = ["PointsRule", "PointsEntry", "PointsTotal", "UnitPointsTotal"]


class PointsRule(UpdatedAt, models.Model):
    action = models.CharField("积分行为", max_length=16, choices=PointsAction.choices, unique=True)
    points = models.PositiveSmallIntegerField("每次积分", default=1)
    daily_cap = models.PositiveSmallIntegerField("每日上限", null=True, blank=True, help_text="留空表示不设上限。")
    weekly_cap = models.PositiveSmallIntegerField("每周上限", null=True, blank=True, help_text="留空表示不设上限。")
    is_active = models.BooleanField("启用", default=True)
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "积分规则"
        ordering = ["action"]

    def __str__(self) -> str:
        return self.get_action_display()


class PointsEntryQuerySet(ScopedQuerySet):
    actions = {"change": "learning.manage"}
    def cadre_filter(self, user):
        return models.Q(user=user)


class PointsEntry(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="人员", on_delete=models.PROTECT,
                             related_name="points_entries")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    action = models.CharField("积分行为", max_length=16, choices=PointsAction.choices)
    ref = models.CharField("来源记录", max_length=64, help_text="同一行为同一来源只计一次。")
    points = models.SmallIntegerField("积分")
    date = models.DateField("日期")
    note = models.CharField("说明", max_length=200, blank=True)
    created_by = person_field("操作人")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    objects = PointsEntryQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "积分记录"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "action", "date"], name="points_cap_idx"),
                   models.Index(fields=["user", "created_at"], name="points_user_idx")]
        constraints = [models.UniqueConstraint(fields=["user", "action", "ref"], name="points_once",
                                               violation_error_message="该行为已计过积分。")]

    def __str__(self) -> str:
        return f"{self.user} {self.get_action_display()} {self.points:+d}"


class PointsTotalQuerySet(ScopedQuerySet):
    actions = {"change": "learning.manage"}
    def cadre_filter(self, user):
        # Rankings are public within the organ: a cadre sees their organ's table.
        return models.Q(org_unit__path__startswith=user.scope_root.path)


class PointsTotal(models.Model):
    """A person's points in one week, month or year. The unit, its organ and the top of its tree
    are stored with the total, so that each ranking scope is one index range in points order."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="人员", on_delete=models.CASCADE,
                             related_name="points_totals")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    organ = models.ForeignKey("core.OrgUnit", verbose_name="机关", on_delete=models.CASCADE, related_name="+")
    root = models.ForeignKey("core.OrgUnit", verbose_name="所属系统", on_delete=models.CASCADE, related_name="+")
    period = models.CharField("周期", max_length=8, choices=RankingPeriod.choices)
    key = models.CharField("周期标识", max_length=10)
    points = models.IntegerField("积分", default=0)

    objects = PointsTotalQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "积分合计"
        ordering = ["period", "key", "-points", "user_id"]
        indexes = [
            models.Index(fields=["period", "key", "root", "-points", "user"], name="points_rank_root_idx"),
            models.Index(fields=["period", "key", "organ", "-points", "user"], name="points_rank_organ_idx"),
            models.Index(fields=["period", "key", "org_unit", "-points", "user"], name="points_rank_unit_idx"),
        ]
        constraints = [models.UniqueConstraint(fields=["user", "period", "key"], name="points_total_unique",
                                               violation_error_message="合计重复。")]


class UnitPointsTotal(models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    period = models.CharField("周期", max_length=8, choices=RankingPeriod.choices)
    key = models.CharField("周期标识", max_length=10)
    points = models.IntegerField("积分", default=0)
    learners = models.PositiveIntegerField("得分人数", default=0)

    objects = PointsTotalQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "单位积分合计"
        ordering = ["period", "key", "-points"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "period", "key"], name="unit_points_total_unique",
                                               violation_error_message="合计重复。")]
