"""The responsibility list (责任清单): who leads each item, who is responsible, by when."""

from django.conf import settings
from django.db import models

from ideowork.core.models import UpdatedAt
from ideowork.core.scoping import ScopedQuerySet

__all__ = ["Assignment"]


class AssignmentQuerySet(ScopedQuerySet):
    actions = {"change": "plans.edit"}
    scope_field = "item__plan__org_unit"

    def cadre_filter(self, user):
        return models.Q(item__plan__org_unit=user.scope_root)


class Assignment(UpdatedAt, models.Model):
    item = models.OneToOneField("plans.PlanItem", verbose_name="要点条目", on_delete=models.CASCADE,
                                related_name="assignment")
    lead_unit = models.ForeignKey("core.OrgUnit", verbose_name="牵头单位", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="led_assignments")
    cooperating_units = models.ManyToManyField("core.OrgUnit", verbose_name="配合单位", blank=True,
                                               related_name="cooperating_assignments")
    first_responsible = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="第一责任人", null=True,
                                          blank=True, on_delete=models.PROTECT, related_name="+")
    direct_responsible = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="直接责任人", null=True,
                                           blank=True, on_delete=models.PROTECT, related_name="+")
    specific_responsible = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="具体责任人", null=True,
                                             blank=True, on_delete=models.PROTECT,
                                             related_name="specific_assignments")
    measures = models.TextField("具体措施", blank=True)
    deadline = models.DateField("完成时限", null=True, blank=True)
    progress_note = models.TextField("进展情况", blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "责任分工"
        ordering = ["item"]

    def __str__(self) -> str:
        return f"{self.item} — {self.lead_unit or '未分配'}"
