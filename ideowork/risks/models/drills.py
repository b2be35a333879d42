"""Emergency drills (应急演练): scenario, date, the plan exercised, participants, the evaluation, and
improvement items (``FollowUpTask``) tracked until done. A drill is one ledger activity of kind
演练 (``do_sync_activity``), counting toward 每年不少于1次演练 through the counting rules
(``risks/counting.py``). Written only by ``risks.actions.drills``.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import RecordedBy

from .scoping import ManagedQuerySet

__all__ = ["Drill"]



class Drill(RecordedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="组织单位", on_delete=models.PROTECT,
                                 related_name="drills")
    title = models.CharField("演练名称", max_length=200)
    scenario = models.TextField("演练场景")
    held_on = models.DateField("演练日期")
    plan = models.ForeignKey("risks.EmergencyPlan", verbose_name="检验预案", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="drills")
    plan_version = models.ForeignKey("risks.PlanVersion", verbose_name="预案版本", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="drills")
    participants = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="参演人员", blank=True,
                                          related_name="risk_drills")
    other_participants = models.CharField("其他参演单位和人员", max_length=300, blank=True)
    evaluation = models.TextField("演练评估", blank=True)
    item = models.ForeignKey("plans.PlanItem", verbose_name="对应工作要点", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="risk_drill")

    objects = ManagedQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "应急演练"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("risks:drill", args=[self.pk])
