"""Quantified targets (量化指标) of a plan item: 全年不少于12次, 每季度1次, 每月1期 …"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from ideowork.core.periods import PERIODS_PER_YEAR, PeriodKind
from ideowork.core.scoping import ScopedQuerySet

from ..choices import Comparator, MediaLevel, Per
from ..qualifiers import required_media_level

__all__ = ["Target"]


class TargetQuerySet(ScopedQuerySet):
    actions = {"change": "plans.edit"}
    scope_field = "item__plan__org_unit"

    def cadre_filter(self, user):
        return models.Q(item__plan__org_unit=user.scope_root)


class Target(models.Model):
    item = models.ForeignKey("plans.PlanItem", verbose_name="要点条目", on_delete=models.CASCADE,
                             related_name="targets")
    text = models.CharField("指标原文", max_length=300)
    count = models.PositiveIntegerField("数量", validators=[MinValueValidator(1), MaxValueValidator(100000)])
    unit = models.CharField("单位", max_length=10, default="次")
    period = models.CharField("周期", max_length=10, choices=PeriodKind.choices, default=PeriodKind.YEAR)
    comparator = models.CharField("比较", max_length=2, choices=Comparator.choices, default=Comparator.AT_LEAST)
    per = models.CharField("计数方式", max_length=8, choices=Per.choices, default=Per.ORG)
    explicit = models.BooleanField("数量明示", default=True,
                                   help_text="原文写明了数量；否则为“每日巡查”等频次要求，按每周期1次计。")
    # Activity kinds that count toward this target by default (the ledger suggests these).
    activity_kinds = models.JSONField("计入的活动类型", default=list, blank=True)
    # Read from the phrase when the target is saved (plans.qualifiers): 市级以上媒体 → municipal.
    media_level = models.CharField("媒体级别要求", max_length=16, choices=MediaLevel.choices, blank=True,
                                   help_text="指标要求的最低媒体级别，由指标原文识别。")
    # For per-person targets: whose count is tracked (e.g. the members of the study group).
    persons = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="考核人员", blank=True,
                                     related_name="personal_targets")
    order = models.PositiveSmallIntegerField("排序", default=0)

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "量化指标"
        ordering = ["item", "order", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(count__gte=1), name="target_count_positive",
                                   violation_error_message="数量须为正整数。"),
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        # Read once here, whoever creates or edits the target (import, form, demo), never on counting.
        self.media_level = required_media_level(self.text)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "text" in update_fields:
            kwargs["update_fields"] = {*update_fields, "media_level"}
        super().save(*args, **kwargs)

    @property
    def summary(self) -> str:
        """A normalised reading of the target, e.g. "每季度不少于1次（按人）"."""
        per = "（按人）" if self.per == Per.PERSON else ""
        comparator = "" if self.comparator == Comparator.EXACTLY else self.get_comparator_display()
        return f"{self.get_period_display()}{comparator}{self.count}{self.unit}{per}"

    @property
    def yearly_count(self) -> int:
        """The count this target requires over a whole year (per organisation or per person)."""
        return self.count * PERIODS_PER_YEAR.get(self.period, 365 if self.period == "day" else 1)
