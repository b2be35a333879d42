"""Incidents: opened from a plan's current approved version at one of its response levels, led by a
leader of the organ; the timeline of the response; closed only with a summary."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record, snapshot
from ideowork.core.models import User
from ideowork.core.notify import notify

from ..choices import IncidentStatus, TimelineKind
from ..models import EmergencyPlan, Incident, IncidentEntry
from ..sources import check_source, source_fields
from .members import check_member, check_not_future, require_can_record_in, required_text

__all__ = ["do_open_incident", "do_add_entry", "do_close_incident", "INCIDENT_FIELDS", "ENTRY_KINDS"]

INCIDENT_FIELDS = ["title", "occurred_at", "level", "lead", "status", "summary"]
# What may be added to the timeline by hand: activation opens it, the summary closes it.
ENTRY_KINDS = (TimelineKind.ACTION, TimelineKind.REPORT, TimelineKind.LEVEL)


def do_open_incident(actor: User, plan: EmergencyPlan, *, title: str, description: str, occurred_at: datetime,
                     level: str, lead: User | None, source=None) -> Incident:
    """Activate ``plan``'s current version for an incident: the first timeline entry is the activation.
    ``source`` is the record the incident came from (the opinion area opening one from an event), which
    the actor must be able to view; the incident links back to it. Refused when the plan has no approved
    version, the level is not one of it, or the lead is not a leader of the organ."""
    require_can(actor, "view", plan, "您无权使用该预案。")
    require_can_record_in(actor, plan.org_unit, "启动应急响应")
    check_source(actor, source)
    version = plan.current_version
    if version is None:
        raise ValidationError("该预案尚无经批准的版本，不能据此启动应急响应。")
    title = required_text(title, "title", "请填写事件名称。", limit=200)
    description = required_text(description, "description", "请填写事件概况。")
    occurred_at = check_not_future(occurred_at, "occurred_at", "发生时间")
    if level not in version.level_names():
        raise ValidationError({"level": f"响应级别须为预案第{version.number}版规定的级别："
                                        f"{'、'.join(version.level_names())}。"})
    if lead is None:
        raise ValidationError({"lead": "请指定牵头处置的领导。"})
    check_member(plan.org_unit, lead, "lead", "牵头领导", leader=True)
    with transaction.atomic():
        incident = Incident.objects.create(org_unit=plan.org_unit, title=title, description=description,
                                           occurred_at=occurred_at, plan=plan, plan_version=version, level=level,
                                           lead=lead, created_by=actor, **source_fields(source))
        IncidentEntry.objects.create(incident=incident, at=timezone.now(), kind=TimelineKind.ACTIVATION, actor=actor,
                                     text=f"启动《{plan.title}》（第{version.number}版）{level}，由{lead.name}牵头处置。")
        record("risks.incident.open", incident, actor=actor,
               new={**snapshot(incident, INCIDENT_FIELDS), "plan": str(version),
                    **({"source": f"{source._meta.verbose_name}：{source}"} if source is not None else {})})
        transaction.on_commit(lambda: notify(lead, f"请牵头处置：{title}", kind="warning",
                                             body=f"已启动{level}应急响应。", url=incident.get_absolute_url()))
    return incident


def do_add_entry(actor: User, incident: Incident, *, kind: str, text: str, at: datetime | None = None) -> IncidentEntry:
    """Add a response action, a report upward or a change of level to an open incident's timeline."""
    require_can(actor, "change", incident, "您无权登记该事件的处置情况。")
    if kind not in ENTRY_KINDS:
        raise ValidationError({"kind": "请选择处置措施、信息报送或调整响应级别。"})
    text = required_text(text, "text", "请填写处置情况。")
    at = check_not_future(at or timezone.now(), "at", "时间")
    with transaction.atomic():
        incident = Incident.objects.select_for_update().select_related("plan_version").get(pk=incident.pk)
        if not incident.is_open:
            raise ValidationError("该事件已结束，不能再登记处置情况。")
        if at < incident.occurred_at:
            raise ValidationError({"at": "处置时间不能早于事件发生时间。"})
        entry = IncidentEntry.objects.create(incident=incident, at=at, kind=kind, text=text, actor=actor)
        record("risks.incident.add_entry", incident, actor=actor,
               new={"kind": entry.get_kind_display(), "at": at.isoformat(), "text": text})
    return entry


def do_close_incident(actor: User, incident: Incident, *, summary: str) -> Incident:
    """End the response; the summary is required and is the timeline's last entry."""
    require_can(actor, "change", incident, "您无权结束该事件的处置。")
    summary = required_text(summary, "summary", "请填写处置总结：没有总结的事件不能结束。")
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        if not incident.is_open:
            raise ValidationError("该事件已结束。")
        old = snapshot(incident, INCIDENT_FIELDS)
        now = timezone.now()
        incident.status, incident.summary, incident.closed_at = IncidentStatus.CLOSED, summary, now
        incident.save()
        IncidentEntry.objects.create(incident=incident, at=now, kind=TimelineKind.SUMMARY, text=summary, actor=actor)
        record("risks.incident.close", incident, actor=actor, old=old, new=snapshot(incident, INCIDENT_FIELDS))
    return incident
