"""The checks every ledger service runs before it writes."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from ideowork.core.models import OrgUnit, User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in
from ideowork.core.system import is_system_actor
from ideowork.plans.models import PlanItem, Target

__all__ = ["EARLIEST_DATE", "latest_date", "check_activity_date", "require_can_record", "check_item",
           "check_participants", "check_targets"]

EARLIEST_DATE = date(2000, 1, 1)


def latest_date() -> date:
    """Activities may be entered up to a year ahead (planned sessions are recorded in advance)."""
    return timezone.localdate() + timedelta(days=365)


def check_activity_date(day: date) -> None:
    latest = latest_date()
    if not EARLIEST_DATE <= day <= latest:
        raise ValidationError({"date": f"活动日期须在{EARLIEST_DATE:%Y年%m月%d日}至{latest:%Y年%m月%d日}之间。"})


def require_can_record(user: User, unit: OrgUnit) -> None:
    """The user may record activities, and ``unit`` lies within the part of the tree they work in.

    The system actor (work of the task queue, e.g. closing an exam) records for any unit.
    """
    if is_system_actor(user):
        return
    require(user.is_active and user.has_capability("ledger.record"), "您没有登记工作台账的权限。")
    require(can_act_in(user, unit), f"您无权为“{unit.name}”登记工作台账。")


def check_item(user: User, unit: OrgUnit, item: PlanItem | None) -> None:
    if item is None:
        return
    require(is_system_actor(user) or PlanItem.objects.visible_to(user).filter(pk=item.pk).exists(),
            "您无权使用该要点条目。")
    plan_unit = item.plan.org_unit
    if not unit.is_within(plan_unit):
        raise ValidationError({"item": f"“{unit.name}”不属于“{plan_unit.name}”，不能计入其工作要点条目。"})


def check_participants(user: User, participants: list[User]) -> None:
    if is_system_actor(user):
        return
    ids = {p.pk for p in participants}
    visible = set(User.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    require(ids <= visible, "参加人员中有您无权选择的人员。")


def check_targets(user: User, unit: OrgUnit, day: date, targets: list[Target]) -> list[Target]:
    """Return the targets, re-read with their plans; refuse any the activity cannot count toward.

    A target counts activities of units inside its plan's unit (the city's plan counts its
    sections' and counties' work), and only within the plan's year.
    """
    ids = {t.pk for t in targets}
    usable = Target.objects.all() if is_system_actor(user) else Target.objects.visible_to(user)
    fresh = list(usable.filter(pk__in=ids).select_related("item__plan__org_unit"))
    require(len(fresh) == len(ids), "计入指标中有您无权使用的指标。")
    errors = []
    for target in fresh:
        plan = target.item.plan
        if not unit.is_within(plan.org_unit):
            errors.append(f"“{unit.name}”不属于“{plan.org_unit.name}”，不能计入指标“{target.text}”。")
        elif plan.year != day.year:
            errors.append(f"指标“{target.text}”属于{plan.year}年度工作要点，与活动日期的年度不符。")
    if errors:
        raise ValidationError({"targets": errors})
    return fresh
