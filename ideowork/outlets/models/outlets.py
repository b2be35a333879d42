"""The register of publicity outlets (阵地) and the inspections made of them.

An outlet has an owner unit, a responsible person and a required update frequency; an update (a
published item, a board refresh) moves ``last_updated_on``. An outlet that goes past its frequency
is overdue and raises reminders; one long past it is flagged 长期未更新 for rectification.
Written only by ``outlets.actions.outlets``.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models

from ideowork.core.models import CreatedAt, RecordedBy
from ideowork.core.scoping import ORGAN, Allow, ScopedQuerySet

from ..choices import InspectionResult, OutletKind, OutletStatus, UpdateFrequency

__all__ = ["Outlet", "OutletInspection"]


class OutletQuerySet(ScopedQuerySet):
    actions = {"change": "outlets.publish", "inspect": "outlets.inspect",
               # Compiling a new issue of a briefing series (编发简报): the publicity staff of the
               # series' own organ, as for its issues.
               "compile": Allow("outlets.publish", within=ORGAN, where=models.Q(kind=OutletKind.BRIEFING))}
    def cadre_filter(self, user):
        # Every cadre of an organ reads its outlet register (they write for these outlets), not the
        # county bureaus' under it.
        return models.Q(org_unit__organ=user.org_unit.organ_id)


class Outlet(CreatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="主管单位", on_delete=models.PROTECT,
                                 related_name="outlets")
    name = models.CharField("阵地名称", max_length=100)
    kind = models.CharField("阵地类型", max_length=16, choices=OutletKind.choices)
    account = models.CharField("账号/网址/位置", max_length=200, blank=True)
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="责任人", on_delete=models.PROTECT,
                                    related_name="outlets_responsible")
    frequency_days = models.PositiveSmallIntegerField("更新频次要求", choices=UpdateFrequency.choices,
                                                      default=UpdateFrequency.MONTHLY)
    last_updated_on = models.DateField("最近更新", null=True, blank=True)
    status = models.CharField("运行状态", max_length=16, choices=OutletStatus.choices, default=OutletStatus.NORMAL)
    flag_reason = models.CharField("整改原因", max_length=300, blank=True)
    review_flow = models.ForeignKey("core.ReviewFlow", verbose_name="审核流程", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="outlets")
    item = models.ForeignKey("plans.PlanItem", verbose_name="对应工作要点", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="outlets")
    description = models.TextField("说明", blank=True)

    objects = OutletQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "宣传阵地"
        ordering = ["org_unit__path", "kind", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "name"], name="outlet_unit_name_unique",
                                               violation_error_message="本单位已有同名阵地。")]

    def __str__(self) -> str:
        return self.name

    def next_due(self) -> date | None:
        """The day by which the next update is due; None when it has never been updated."""
        if self.last_updated_on is None:
            return None
        return self.last_updated_on + timedelta(days=self.frequency_days)

    def is_overdue(self, today: date | None = None) -> bool:
        if self.status == OutletStatus.CLOSED:
            return False
        due = self.next_due()
        today = today or date.today()
        return due is None or due < today

    @property
    def status_css(self) -> str:
        return {OutletStatus.NORMAL: "done", OutletStatus.DORMANT: "overdue", OutletStatus.RECTIFYING: "behind",
                OutletStatus.CLOSED: "none"}.get(self.status, "none")


class InspectionQuerySet(ScopedQuerySet):
    actions = {"change": "outlets.publish", "inspect": "outlets.inspect"}
    scope_field = "outlet__org_unit"

    def cadre_filter(self, user):
        return models.Q(outlet__org_unit__organ=user.org_unit.organ_id)


class OutletInspection(RecordedBy, models.Model):
    outlet = models.ForeignKey(Outlet, verbose_name="阵地", on_delete=models.PROTECT, related_name="inspections")
    date = models.DateField("检查日期")
    inspector = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="检查人", on_delete=models.PROTECT,
                                  related_name="+")
    result = models.CharField("检查结论", max_length=16, choices=InspectionResult.choices)
    findings = models.TextField("发现问题", blank=True)
    rectification = models.TextField("整改要求", blank=True)
    rectify_by = models.DateField("整改期限", null=True, blank=True)
    rectified_on = models.DateField("整改完成日期", null=True, blank=True)
    rectification_note = models.TextField("整改情况", blank=True)
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="outlet_inspection")

    objects = InspectionQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "阵地检查"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.outlet} {self.date:%Y-%m-%d} 检查"

    @property
    def needs_rectification(self) -> bool:
        return self.result != InspectionResult.PASSED and self.rectified_on is None
