"""Joint meetings on risk judgement: recording one (units and people, conclusions) keeps its one
ledger activity of kind 研判 in step; follow-up tasks are ``followups``."""

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

from ..choices import MeetingKind
from ..models import JointMeeting
from .members import check_member, check_not_future, require_can_record_in, required_text
from .saving import record_saved

__all__ = ["do_save_meeting", "MEETING_FIELDS"]

MEETING_FIELDS = ["org_unit", "kind", "title", "held_on", "chair", "units", "other_units", "participants",
                  "situation", "conclusions", "item"]


def do_save_meeting(actor: User, meeting: JointMeeting | None = None, *, org_unit: OrgUnit, kind: str, title: str,
                    held_on: date, conclusions: str, chair: User | None = None, units: Iterable[OrgUnit] = (),
                    other_units: str = "", participants: Iterable[User] = (), situation: str = "",
                    item: PlanItem | None = None) -> JointMeeting:
    """Record (``meeting`` None) or change a joint meeting. Its ledger activity (kind 研判) counts
    under ``item``, the plan item the user names; without one it is recorded but counts nowhere."""
    if meeting is not None:
        require_can(actor, "change", meeting, "您无权修改该会议记录。")
    require_can_record_in(actor, org_unit, "登记联席会议")
    if kind not in MeetingKind.values:
        raise ValidationError({"kind": "请选择会议类型。"})
    title = required_text(title, "title", "请填写会议名称。", limit=200)
    held_on = check_not_future(held_on, "held_on", "召开日期")
    conclusions = required_text(conclusions, "conclusions", "请填写会议结论。")
    check_member(org_unit, chair, "chair", "主持人")
    units, participants = list(units), list(participants)
    if not units and not (other_units or "").strip() and not participants:
        raise ValidationError({"units": "请填写参会单位或参会人员。"})
    with transaction.atomic():
        before = snapshot(meeting, MEETING_FIELDS) if meeting is not None else None
        meeting = meeting or JointMeeting(created_by=actor)
        meeting.org_unit, meeting.kind, meeting.title, meeting.held_on = org_unit, kind, title, held_on
        meeting.chair, meeting.other_units = chair, (other_units or "").strip()[:300]
        meeting.situation, meeting.conclusions, meeting.item = (situation or "").strip(), conclusions, item
        meeting.save()
        meeting.units.set(units)
        meeting.participants.set(participants)
        record_saved(actor, meeting, MEETING_FIELDS, "risks.meeting", before)
        do_sync_activity(actor, source=meeting, kind=ActivityKind.ANALYSIS, title=title, date=held_on, item=item,
                         summary=f"会议结论：{conclusions}", host=chair.name if chair else "",
                         participants=participants, org_unit=org_unit)
    return meeting
