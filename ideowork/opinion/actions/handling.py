"""Handling an event to closure: 研判 → 处置 → 回应 → 销号, with joint handling, reporting upward,
escalation to a risk and overdue reminders.

- ``do_judge_event``: the grade confirmed or changed (a change needs a reason); the event is then being
  handled by its own unit with the deadline its organ sets for the grade. ``do_dismiss_event``: 无需处置,
  with a reason.
- ``do_assign_event``: the handling unit and its deadline (by grade unless given) — the city assigns to
  its county bureaus; ``do_report_event``: a county bureau reports its event upward (``reported_at``).
- ``do_respond_event``: the response; one to be published becomes an outlets content item submitted to
  its review (三审三校, with the proofreader), and 销号 waits until it is published.
- ``do_record_joint``: joint handling with another department (who, what, when).
- ``do_request_closeout``: the result, then core's 销号 review; ``close_event`` / ``refuse_closeout``
  are its outcomes (``models/handling.py: HandlingMixin``). A closed event enters the ledger once, as an
  activity of kind ``opinion_response``.
- ``do_escalate_event``: 转为风险 through risks' own ``do_create_risk``.

Every service checks the event's policy ("change": the watching unit's handling staff; "handle": also
those of the unit it is assigned to), locks the event, writes a timeline step and an audit event, and
raises the unit's ``opinion.events`` version (``_save``).
"""

from collections.abc import Iterable
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.actions.reviews import do_submit_for_review, is_locked
from ideowork.core.audit import record
from ideowork.core.models import OrgUnit, User
from ideowork.core.notify import notify
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in
from ideowork.core.uploads import EVIDENCE_KINDS, check_pasted_text, check_upload, store_attachment
from ideowork.ledger.actions import do_sync_activity
from ideowork.ledger.actions.evidence import files_discarded_on_error
from ideowork.outlets.actions.content import do_create_content, do_submit_content
from ideowork.outlets.choices import ContentKind, ContentStatus
from ideowork.risks.actions.risks import do_create_risk
from ideowork.risks.choices import RiskSource
from ideowork.risks.models import Risk

from ..choices import OPEN_EVENT_STATUSES, EventStatus, Grade, HandlingStepKind as Step
from ..models import DeadlinePolicy, Event, Handling, HandlingStep
from ..models.handling import DEFAULT_DEADLINE_HOURS
from .events import events_changed

__all__ = ["WORKING", "deadline_for", "handlers_of", "closeout_blockers", "escalated_risk", "do_judge_event",
           "do_dismiss_event", "do_assign_event", "do_report_event", "do_respond_event", "do_record_joint",
           "do_request_closeout", "close_event", "refuse_closeout", "do_escalate_event", "remind_overdue"]

UNPUBLISHED_RESPONSE = "公开回应稿尚未发布：须经审核发布后才能销号。"


# --- reading ----------------------------------------------------------------------------------------
def deadline_for(event: Event, grade: str, start: datetime | None = None) -> datetime:
    """When handling an event of ``grade`` is due: its organ's 处置时限, else the defaults."""
    start = start or timezone.now()
    organ = event.org_unit.organ or event.org_unit
    policy = DeadlinePolicy.objects.filter(org_unit=organ).first() or DeadlinePolicy(org_unit=organ)
    return start + policy.limit(grade or Grade.GENERAL)


def handlers_of(unit: OrgUnit) -> list[User]:
    """The people of ``unit``'s organ who handle opinion events: who is told of an assignment."""
    organ = unit.organ or unit
    people = User.objects.filter(is_active=True, org_unit__organ=organ).select_related("org_unit")
    return [person for person in people if person.is_business and person.has_capability("opinion.handle")]


def closeout_blockers(event: Event, stage=None) -> list[str]:
    """Why 销号 may not be approved now (the workflow's blocker, asked before a request too)."""
    handling = Handling.objects.filter(event=event).select_related("response_content").first()
    content = handling.response_content if handling is not None else None
    if content is not None and content.status != ContentStatus.PUBLISHED:
        return [UNPUBLISHED_RESPONSE]
    return []


def escalated_risk(event: Event) -> Risk | None:
    """The risk this event was turned into, if any (risks points back through its source fields)."""
    return Risk.objects.filter(source_type=ContentType.objects.get_for_model(Event), source_id=event.pk).first()


# --- the pieces every service shares ----------------------------------------------------------------
def _locked(event: Event) -> Event:
    return Event.objects.select_for_update(of=("self",)).select_related("org_unit", "assigned_unit").get(pk=event.pk)


def _handling(event: Event) -> Handling:
    handling, _ = Handling.objects.select_for_update().get_or_create(event=event)
    return handling


def _state(event: Event) -> dict:
    return {"status": event.status, "grade": event.grade, "assigned_unit": event.assigned_unit_id,
            "deadline": event.deadline.isoformat() if event.deadline else None,
            "reported_at": event.reported_at.isoformat() if event.reported_at else None}


def _required(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    check_pasted_text(value)
    return value


def _expect(event: Event, statuses, action: str) -> None:
    if event.merged_into_id:
        raise ValidationError("该事件已并入其他事件，请在并入的事件上处置。")
    if event.status not in statuses:
        raise ValidationError(f"该事件{event.get_status_display()}，不能{action}。")


# While an event is being handled — and after its 销号 request was returned — its handling goes on.
WORKING = (EventStatus.HANDLING, EventStatus.RESPONDING, EventStatus.CLOSING)


def _expect_working(event: Event, action: str) -> None:
    _expect(event, WORKING, action)
    if is_locked(event):
        raise ValidationError("该事件正在销号审核中，审核结束或退回后才能继续处置。")


def _save(event: Event, actor: User, handling: Handling | None = None) -> None:
    """Save the event (and its handling) and raise its unit's events version, in the caller's
    transaction: the opinion card's figures (``panels.py``) are cached under it."""
    event.updated_by = actor
    event.save()
    events_changed([event.org_unit_id])
    if handling is not None:
        handling.revision += 1
        handling.save()


def _step(event: Event, kind: str, actor: User, **fields) -> HandlingStep:
    return HandlingStep.objects.create(event=event, kind=kind, actor=actor, at=timezone.now(), **fields)


def _attach(step: HandlingStep, checked, stored: list, actor: User, unit: OrgUnit) -> list[str]:
    names = []
    for uploaded, kind in checked:
        attachment = store_attachment(uploaded, kind=kind, unit=unit, user=actor)
        stored.append(attachment.file)
        step.attachments.add(attachment)
        names.append(attachment.original_name)
    return names


def _tell(people: Iterable[User], actor: User, title: str, event: Event) -> None:
    url = event.get_absolute_url()
    for person in people:
        if person.pk != actor.pk:
            notify(person, title, url=url, kind="opinion")


# --- 研判 ---------------------------------------------------------------------------------------------
def do_judge_event(actor: User, event: Event, *, grade: str, reason: str = "") -> Event:
    """Confirm or change the event's grade; its own unit then handles it, due by the grade's deadline."""
    require_can(actor, "change", event, "您无权研判该舆情事件。")
    if grade not in Grade.values:
        raise ValidationError({"grade": "请选择事件等级。"})
    reason = (reason or "").strip()
    with transaction.atomic():
        event = _locked(event)
        _expect(event, (EventStatus.JUDGING,), "再研判")
        if grade != event.grade and not reason:
            raise ValidationError({"reason": f"调整等级（系统判定为{event.get_grade_display() or '未定级'}）须写明理由。"})
        if reason:
            check_pasted_text(reason)
        old = _state(event)
        handling = _handling(event)
        handling.analysed_grade, handling.judgement = event.grade, reason or "确认系统判定等级"
        handling.judged_by, handling.judged_at = actor, timezone.now()
        event.grade, event.status = grade, EventStatus.HANDLING
        event.assigned_unit, event.deadline = event.org_unit, deadline_for(event, grade)
        _save(event, actor, handling)
        _step(event, Step.JUDGE, actor, text=handling.judgement, grade=grade, unit=event.assigned_unit,
              deadline=event.deadline)
        record("opinion.event.judge", event, actor=actor, old=old, new={**_state(event), "reason": handling.judgement})
    return event


def do_dismiss_event(actor: User, event: Event, *, reason: str) -> Event:
    """无需处置: the event ends here, with the reason."""
    require_can(actor, "change", event, "您无权研判该舆情事件。")
    reason = _required(reason, "reason", "请写明无需处置的理由。")
    with transaction.atomic():
        event = _locked(event)
        _expect(event, (EventStatus.JUDGING, EventStatus.HANDLING), "研判为无需处置")
        old = _state(event)
        handling = _handling(event)
        handling.judgement, handling.judged_by, handling.judged_at = reason, actor, timezone.now()
        handling.result = f"无需处置：{reason}"
        event.status, event.deadline = EventStatus.DISMISSED, None
        _save(event, actor, handling)
        _step(event, Step.DISMISS, actor, text=reason)
        record("opinion.event.dismiss", event, actor=actor, old=old, new={**_state(event), "reason": reason})
    return event


# --- 处置 ---------------------------------------------------------------------------------------------
def do_assign_event(actor: User, event: Event, *, unit: OrgUnit, instructions: str = "",
                    deadline: datetime | None = None) -> Event:
    """Assign handling to ``unit`` (a unit of the actor's own tree: the city to a county bureau), due by
    ``deadline`` or, when none is given, by the grade's deadline from now."""
    require_can(actor, "change", event, "您无权交办该舆情事件。")
    if unit is None or not unit.is_active or not can_act_in(actor, unit):
        raise ValidationError({"unit": "只能交办给本单位或下级单位。"})
    now = timezone.now()
    if deadline is not None and deadline <= now:
        raise ValidationError({"deadline": "处置时限须晚于现在。"})
    instructions = (instructions or "").strip()
    if instructions:
        check_pasted_text(instructions)
    with transaction.atomic():
        event = _locked(event)
        if event.status == EventStatus.JUDGING:
            raise ValidationError("请先研判该事件，再交办处置。")
        _expect_working(event, "交办")
        old = _state(event)
        handling = _handling(event)
        if instructions:
            handling.measures = instructions
        event.assigned_unit, event.deadline = unit, deadline or deadline_for(event, event.grade, now)
        event.status = EventStatus.HANDLING
        _save(event, actor, handling)
        _step(event, Step.ASSIGN, actor, text=instructions, unit=unit, deadline=event.deadline)
        record("opinion.event.assign", event, actor=actor, old=old, new={**_state(event), "instructions": instructions})
        if unit.organ_id != actor.scope_root.pk:
            _tell(handlers_of(unit), actor, f"舆情事件交办：{event.title}（{timezone.localtime(event.deadline):%m月%d日%H:%M}前处置）", event)
    return event


def do_report_event(actor: User, event: Event, *, note: str = "") -> Event:
    """A county bureau reports its event to the organ above (上报): the city sees it flagged and may
    assign it."""
    require_can(actor, "change", event, "您无权上报该舆情事件。")
    organ = event.org_unit.organ or event.org_unit
    if organ.parent_id is None:
        raise ValidationError("本单位没有上级单位，无需上报。")
    note = (note or "").strip()
    if note:
        check_pasted_text(note)
    with transaction.atomic():
        event = _locked(event)
        _expect(event, (EventStatus.JUDGING, EventStatus.HANDLING, EventStatus.RESPONDING), "上报")
        if event.reported_at is not None:
            raise ValidationError(f"该事件已于{timezone.localtime(event.reported_at):%Y-%m-%d %H:%M}上报。")
        old = _state(event)
        event.reported_at = timezone.now()
        _save(event, actor)
        above = organ.parent.organ or organ.parent
        _step(event, Step.REPORT, actor, text=note, unit=above)
        record("opinion.event.report", event, actor=actor, old=old, new={**_state(event), "note": note})
        _tell(handlers_of(above), actor, f"{organ.display_name}上报舆情事件：{event.title}", event)
    return event


# --- 回应 and joint handling -------------------------------------------------------------------------
def _checked_files(files) -> list:
    return [(f, check_upload(f, allowed=EVIDENCE_KINDS)) for f in files]


def do_respond_event(actor: User, event: Event, *, text: str, publish: bool = False, files: Iterable = ()) -> Event:
    """Record the response. ``publish``: it is also written as a press release of the handling unit
    and submitted to its 发布审核 (三审三校, proofread); 销号 then waits for its publication."""
    require_can(actor, "handle", event, "您无权回应该舆情事件。")
    text = _required(text, "text", "请填写回应内容。")
    checked = _checked_files(files)
    with files_discarded_on_error() as stored, transaction.atomic():
        event = _locked(event)
        _expect_working(event, "回应")
        old = _state(event)
        handling = _handling(event)
        handling.response = text
        if publish:
            content = do_create_content(actor, org_unit=event.assigned_unit, kind=ContentKind.PRESS_RELEASE,
                                        title=f"关于“{event.title[:80]}”的回应", body=text, note="舆情回应")
            do_submit_content(actor, content)
            handling.response_content = content
        event.status = EventStatus.RESPONDING
        _save(event, actor, handling)
        step = _step(event, Step.RESPOND, actor, text=text, unit=event.assigned_unit)
        names = _attach(step, checked, stored, actor, event.assigned_unit)
        record("opinion.event.respond", event, actor=actor, old=old,
               new={**_state(event), "publish": bool(publish), "files": names})
    return event


def do_record_joint(actor: User, event: Event, *, department: str, text: str, on: date | None = None,
                    files: Iterable = ()) -> HandlingStep:
    """Record what another department did in handling the event (联合处置), on which day."""
    require_can(actor, "handle", event, "您无权登记该事件的处置情况。")
    department = _required(department, "department", "请填写协同处置的部门。")[:100]
    text = _required(text, "text", "请填写该部门的处置情况。")
    today = timezone.localdate()
    on = on or today
    if on > today:
        raise ValidationError({"on": "处置日期不能晚于今天。"})
    checked = _checked_files(files)
    with files_discarded_on_error() as stored, transaction.atomic():
        event = _locked(event)
        _expect_working(event, "登记联合处置")
        handling = _handling(event)
        _save(event, actor, handling)
        step = _step(event, Step.JOINT, actor, text=text, department=department, happened_on=on,
                     unit=event.assigned_unit)
        names = _attach(step, checked, stored, actor, event.assigned_unit)
        record("opinion.event.joint", event, actor=actor,
               new={"department": department, "text": text, "on": on.isoformat(), "files": names})
    return step


# --- 销号 ---------------------------------------------------------------------------------------------
def do_request_closeout(actor: User, event: Event, *, result: str):
    """Ask for 销号 with the handling's result: the event waits (待销号) while its organ's 销号 flow runs.
    A request that was returned is resubmitted where it was returned."""
    require_can(actor, "handle", event, "您无权申请该事件销号。")
    result = _required(result, "result", "请填写处置结果。")
    with transaction.atomic():
        event = _locked(event)
        if event.status == EventStatus.HANDLING:
            raise ValidationError("该事件尚未回应，回应后才能申请销号。")
        if is_locked(event):
            raise ValidationError("该事件已在销号审核中，不能重复申请。")
        _expect(event, (EventStatus.RESPONDING, EventStatus.CLOSING), "申请销号")
        blockers = closeout_blockers(event)
        if blockers:
            raise ValidationError(blockers)
        old = _state(event)
        handling = _handling(event)
        handling.result, handling.closeout_requested_by = result, actor
        event.status = EventStatus.CLOSING
        _save(event, actor, handling)
        review = do_submit_for_review(actor, event)
        _step(event, Step.REQUEST_CLOSEOUT, actor, text=result)
        record("opinion.event.request_closeout", event, actor=actor, old=old, new={**_state(event), "result": result})
    return review


def close_event(event: Event, review, actor: User) -> None:
    """The 销号 flow approved (inside the workflow's transaction): the event is closed and enters the
    ledger once, for the unit that handled it."""
    event = _locked(event)
    old = _state(event)
    handling = _handling(event)
    handling.closed_at = timezone.now()
    event.status = EventStatus.CLOSED
    _save(event, actor, handling)
    _step(event, Step.CLOSE, actor, text=f"经{review.flow_name}审核同意销号")
    record("opinion.event.close", event, actor=actor, old=old, new=_state(event))
    do_sync_activity(actor, source=event, kind="opinion_response", title=f"舆情处置：{event.title}",
                     date=timezone.localdate(handling.closed_at), org_unit=event.assigned_unit or event.org_unit,
                     summary=handling.result)


def refuse_closeout(event: Event, review, actor: User) -> None:
    """The 销号 flow refused: handling goes on."""
    event = _locked(event)
    old = _state(event)
    event.status = EventStatus.RESPONDING
    _save(event, actor, _handling(event))
    _step(event, Step.CLOSEOUT_REFUSED, actor)
    record("opinion.event.closeout_refused", event, actor=actor, old=old, new=_state(event))


# --- 转为风险 -----------------------------------------------------------------------------------------
def do_escalate_event(actor: User, event: Event, *, area: str, likelihood: int, impact: int, title: str = "",
                      description: str = "", measures: str = ""):
    """Register the event in the risk register through risks' own service (source 舆情事件, linked back to
    the event); an event is escalated once."""
    require_can(actor, "change", event, "您无权将该事件转为风险。")
    with transaction.atomic():
        event = _locked(event)
        if escalated_risk(event) is not None:
            raise ValidationError("该事件已转为风险隐患。")
        risk = do_create_risk(actor, org_unit=event.org_unit, area=area, title=(title or event.title)[:200],
                              description=description or f"由舆情事件“{event.title}”转入。", likelihood=likelihood,
                              impact=impact, measures=measures, source=RiskSource.OPINION, source_record=event)
        _step(event, Step.ESCALATE, actor, text=risk.title, risk_id=risk.pk)
        record("opinion.event.escalate", event, actor=actor, new={"risk": risk.pk, "title": risk.title})
    return risk


# --- overdue ------------------------------------------------------------------------------------------
def remind_overdue(now: datetime | None = None) -> int:
    """Tell the handlers of every event past its deadline and still open, once per deadline; returns
    how many events were reminded (the queue runs this every hour)."""
    now = now or timezone.now()
    events = (Event.objects.live().filter(status__in=OPEN_EVENT_STATUSES, deadline__lt=now)
              .select_related("org_unit", "assigned_unit"))
    reminded = 0
    for event in events:
        unit = event.assigned_unit or event.org_unit
        people = {p.pk: p for p in handlers_of(unit) + handlers_of(event.org_unit)}.values()
        key = f"opinion-overdue-{event.pk}-{event.deadline:%Y%m%d%H%M}"
        title = f"舆情事件处置逾期：{event.title}（时限{timezone.localtime(event.deadline):%m月%d日%H:%M}）"
        sent = [notify(person, title, url=event.get_absolute_url(), kind="opinion", dedup_key=key) for person in people]
        reminded += any(sent)
    return reminded
