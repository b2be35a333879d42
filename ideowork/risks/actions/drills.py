"""Drills: recording one (scenario, date, the plan exercised, participants, evaluation) keeps its one
ledger activity of kind 演练 in step; improvement items are ``followups``."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.access import require_can
from ideowork.core.audit import snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.ledger.actions import do_sync_activity
from ideowork.ledger.choices import ActivityKind
from ideowork.plans.models import PlanItem

from ..models import Drill, EmergencyPlan
from .members import check_not_future, require_can_record_in, required_text
from .saving import record_saved

__all__ = ["do_save_drill", "DRILL_FIELDS"]

DRILL_FIELDS = ["org_unit", "title", "scenario", "held_on", "plan", "plan_version", "participants",
                "other_participants", "evaluation", "item"]


def do_save_drill(actor: User, drill: Drill | None = None, *, org_unit: OrgUnit, title: str, scenario: str,
                  held_on: date, plan: EmergencyPlan | None = None, participants: Iterable[User] = (),
                  other_participants: str = "", evaluation: str = "", item: PlanItem | None = None) -> Drill:
    """Record (``drill`` None) or change a drill held on ``held_on``; it exercises ``plan``'s version
    in force then. Its ledger activity (kind 演练) follows, counting where the counting rules say."""
    if drill is not None:
        require_can(actor, "change", drill, "您无权修改该演练记录。")
    require_can_record_in(actor, org_unit, "登记应急演练")
    title = required_text(title, "title", "请填写演练名称。", limit=200)
    scenario = required_text(scenario, "scenario", "请填写演练场景。")
    held_on = check_not_future(held_on, "held_on", "演练日期")
    if plan is not None:
        require_can(actor, "view", plan, "您无权使用该预案。")
        if plan.current_version_id is None:
            raise ValidationError({"plan": "所选预案尚无经批准的版本。"})
    participants = list(participants)
    with transaction.atomic():
        before = snapshot(drill, DRILL_FIELDS) if drill is not None else None
        drill = drill or Drill(created_by=actor)
        drill.org_unit, drill.title, drill.scenario, drill.held_on = org_unit, title, scenario, held_on
        if plan is None or plan.pk != drill.plan_id:
            drill.plan, drill.plan_version = plan, plan.current_version if plan is not None else None
        drill.other_participants = (other_participants or "").strip()[:300]
        drill.evaluation, drill.item = (evaluation or "").strip(), item
        drill.save()
        drill.participants.set(participants)
        record_saved(actor, drill, DRILL_FIELDS, "risks.drill", before)
        do_sync_activity(actor, source=drill, kind=ActivityKind.DRILL, title=title, date=held_on, item=item,
                         summary=_summary(drill), participants=participants, org_unit=org_unit)
    return drill


def _summary(drill: Drill) -> str:
    parts = [f"演练场景：{drill.scenario}"]
    if drill.plan_version_id:
        parts.append(f"检验预案：{drill.plan_version}")
    if drill.other_participants:
        parts.append(f"其他参演：{drill.other_participants}")
    if drill.evaluation:
        parts.append(f"演练评估：{drill.evaluation}")
    return "\n".join(parts)
