"""A year's work plan (工作要点) of one organ, and its sections."""

from django.db import models

from ideowork.core.models import UpdatedAt, person_field
from ideowork.core.scoping import ScopedQuerySet

from ..choices import PlanStatus

__all__ = ["WorkPlan", "PlanSection"]


class WorkPlanQuerySet(ScopedQuerySet):
    actions = {"change": "plans.edit"}
    def cadre_filter(self, user):
        # Every cadre may read the programme of their own organ.
        return models.Q(org_unit=user.scope_root)


class WorkPlan(UpdatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="work_plans")
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("标题", max_length=200)
    issuer = models.CharField("发文机关", max_length=100, blank=True)
    doc_number = models.CharField("文号", max_length=60, blank=True)
    preamble = models.TextField("导语", blank=True)
    source_name = models.CharField("来源文件", max_length=255, blank=True)
    source_text = models.TextField("原文", blank=True)
    status = models.CharField("状态", max_length=16, choices=PlanStatus.choices, default=PlanStatus.ACTIVE)
    created_by = person_field("导入人")
    created_at = models.DateTimeField("导入时间", auto_now_add=True)

    objects = WorkPlanQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "工作要点"
        ordering = ["-year", "org_unit__path", "id"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "year", "title"], name="workplan_unique_title",
                                    violation_error_message="该单位本年度已有同名工作要点。"),
            models.CheckConstraint(condition=models.Q(year__gte=2000, year__lte=2100), name="workplan_year_range",
                                   violation_error_message="年度须在2000至2100之间。"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def label(self) -> str:
        """The title with the year in front, unless the title already names it (the pickers' group label)."""
        year = f"{self.year}年"
        return self.title if year in self.title else f"{year} {self.title}"


class PlanSectionQuerySet(ScopedQuerySet):
    actions = {"change": "plans.edit"}
    scope_field = "plan__org_unit"

    def cadre_filter(self, user):
        return models.Q(plan__org_unit=user.scope_root)


class PlanSection(models.Model):
    plan = models.ForeignKey(WorkPlan, verbose_name="工作要点", on_delete=models.CASCADE, related_name="sections")
    number = models.CharField("序号", max_length=8, blank=True)
    title = models.CharField("标题", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    objects = PlanSectionQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "部分"
        ordering = ["plan", "order", "id"]

    def __str__(self) -> str:
        return f"{self.number}、{self.title}" if self.number else (self.title or "（未分部分）")
