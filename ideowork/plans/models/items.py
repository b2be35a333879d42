"""A numbered item of a work plan."""

from django.db import models

from ideowork.core.scoping import ScopedQuerySet

__all__ = ["PlanItem"]


class PlanItemQuerySet(ScopedQuerySet):
    actions = {"change": "plans.edit"}
    scope_field = "plan__org_unit"

    def cadre_filter(self, user):
        return models.Q(plan__org_unit=user.scope_root)


class PlanItem(models.Model):
    plan = models.ForeignKey("plans.WorkPlan", verbose_name="工作要点", on_delete=models.CASCADE,
                             related_name="items")
    section = models.ForeignKey("plans.PlanSection", verbose_name="部分", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="items")
    number = models.PositiveSmallIntegerField("序号")
    title = models.CharField("工作任务", max_length=300)
    text = models.TextField("具体内容", blank=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "要点条目"
        ordering = ["plan", "order", "number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "section", "number"], name="planitem_unique_number",
                                    violation_error_message="同一部分中条目序号不能重复。"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"
