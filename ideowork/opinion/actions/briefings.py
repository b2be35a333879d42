"""Briefings (舆情简报): generating a unit's daily, weekly or special briefing, and issuing it.

``do_generate_briefing`` computes the figures (``briefing_figures.compile_figures``), writes the Word
document (``briefing_docx``) and stores both on the ``Briefing``; generating the same briefing again
(the same unit, kind and period, or the same event and day) refreshes a draft under its number and is
refused once it is issued. Who may generate: the holders of ``opinion.monitor`` in the unit's organ, or
the queue's system actor (``tasks.daily_briefings`` / ``weekly_briefings``). ``do_issue_briefing``
publishes a draft to its unit (the organ's leaders and monitoring staff are notified); only a holder
of ``opinion.handle`` of the same organ may (the policy's ``issue``). Both are audited.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record
from ideowork.core.capabilities import get_capability
from ideowork.core.models import OrgUnit, User
from ideowork.core.notify import notify
from ideowork.core.scoping import can_act_in
from ideowork.core.system import is_system_actor

from ..briefing_docx import briefing_docx
from ..briefing_figures import briefing_window, compile_figures
from ..choices import BriefingKind, BriefingStatus
from ..models import Briefing, Event

__all__ = ["do_generate_briefing", "do_issue_briefing", "generate_periodic_briefings", "briefing_title", "briefing_url", "can_generate_briefings",
           "briefing_filename"]


def briefing_url(briefing: Briefing) -> str:
    return reverse("opinion:briefing_detail", args=[briefing.pk])


def briefing_filename(briefing: Briefing) -> str:
    return f"{briefing.get_kind_display()}{briefing.number_label}.docx"


def can_generate_briefings(user, unit: OrgUnit | None = None) -> bool:
    unit = unit if unit is not None else getattr(user, "scope_root", None)
    return unit is not None and can_act_in(user, unit, "opinion.monitor") and user.scope_root == unit


def briefing_title(kind: str, start: date, end: date, event: Event | None = None) -> str:
    if kind == BriefingKind.SPECIAL and event is not None:
        return f"关于“{event.title}”舆情的专报"
    if kind == BriefingKind.WEEKLY:
        return f"{start.year}年{start.month}月{start.day}日至{end.month}月{end.day}日舆情监测周报"
    return f"{end.year}年{end.month}月{end.day}日舆情监测日报"


def _check(actor, unit: OrgUnit, kind: str, event: Event | None) -> None:
    if not is_system_actor(actor) and not can_generate_briefings(actor, unit):
        raise PermissionDenied("只有本单位舆情监测人员可以编发本单位的舆情简报。")
    if kind not in BriefingKind.values:
        raise ValidationError({"kind": "请选择简报类型。"})
    if kind == BriefingKind.SPECIAL:
        if event is None:
            raise ValidationError({"event": "专报须选择一个舆情事件。"})
        if not event.org_unit.path.startswith(unit.path):
            raise ValidationError({"event": "只能为本单位及下级单位的舆情事件编发专报。"})
        if event.merged_into_id:
            raise ValidationError({"event": "该事件已并入其他事件，请为合并后的事件编发专报。"})
    elif event is not None:
        raise ValidationError({"event": "日报、周报不针对单个事件。"})


def do_generate_briefing(actor, unit: OrgUnit, kind: str, day: date, *, event: Event | None = None) -> Briefing:
    """Generate (or refresh, while a draft) the ``kind`` briefing of ``unit`` for ``day``'s period.

    ``event`` (a special report's) was fetched through the policy by the caller."""
    _check(actor, unit, kind, event)
    start, end = briefing_window(kind, day, event)
    if day > timezone.localdate():
        raise ValidationError({"day": "日期不能晚于今天。"})
    now = timezone.now()
    with transaction.atomic():
        # One numbering per unit at a time: two generations never take the same number.
        list(OrgUnit.objects.select_for_update().filter(pk=unit.pk).values_list("pk", flat=True))
        same = Briefing.objects.select_for_update().filter(org_unit=unit, kind=kind)
        same = same.filter(event=event, period_end=end) if event is not None else \
            same.filter(event__isnull=True, period_start=start, period_end=end)
        briefing = same.first()
        if briefing is not None and briefing.issued:
            raise ValidationError(f"{briefing.get_kind_display()}{briefing.number_label}已签发，不能重新生成。")
        figures = compile_figures(unit, kind, start, end, event=event, now=now)
        if briefing is None:
            year = end.year
            last = Briefing.objects.filter(org_unit=unit, kind=kind, year=year).aggregate(n=Max("number"))["n"] or 0
            briefing = Briefing(org_unit=unit, kind=kind, event=event, year=year, number=last + 1, created_by=actor)
            old_file = None
        else:
            old_file = briefing.document.name or None
        briefing.period_start, briefing.period_end = start, end
        briefing.title = briefing_title(kind, start, end, event)
        briefing.figures = figures
        briefing.generated_at = now
        data = briefing_docx(name=BriefingKind(kind).label, title=briefing.title, number_label=f"第{briefing.number}期",
                             editor=unit.display_name, day=timezone.localdate(now), figures=figures)
        briefing.document.save(briefing_filename(briefing), ContentFile(data), save=False)
        briefing.save()
        record("opinion.briefing.generate", briefing, actor=actor, unit=unit,
               new={"kind": kind, "period": [start.isoformat(), end.isoformat()], "number": briefing.number,
                    "event": event.pk if event else None, "items": figures["totals"]["total"],
                    "events": len(figures["events"]), "regenerated": old_file is not None})
        if old_file:
            storage = briefing.document.storage
            transaction.on_commit(lambda: storage.delete(old_file))
    return briefing


def _readers(unit: OrgUnit) -> list[User]:
    """The organ's leaders and monitoring staff: those a briefing is issued to."""
    roles = get_capability("opinion.monitor").roles
    return list(User.objects.filter(Q(org_unit=unit) | Q(org_unit__organ=unit), role__in=roles, is_active=True)
                .order_by("pk"))


def do_issue_briefing(actor, briefing: Briefing) -> Briefing:
    """Issue (签发) a draft to its unit; the caller fetched it through the policy."""
    require_can(actor, "issue", briefing, "只有本单位舆情处置负责人员可以签发简报。")
    with transaction.atomic():
        briefing = Briefing.objects.select_for_update().select_related("org_unit").get(pk=briefing.pk)
        if briefing.issued:
            raise ValidationError(f"{briefing.get_kind_display()}{briefing.number_label}已于"
                                  f"{timezone.localtime(briefing.issued_at):%Y-%m-%d %H:%M}签发。")
        briefing.status = BriefingStatus.ISSUED
        briefing.issued_at, briefing.issued_by = timezone.now(), actor
        briefing.save(update_fields=["status", "issued_at", "issued_by"])
        record("opinion.briefing.issue", briefing, actor=actor, unit=briefing.org_unit,
               old={"status": BriefingStatus.DRAFT}, new={"status": BriefingStatus.ISSUED, "number": briefing.number})
        for reader in _readers(briefing.org_unit):
            if reader.pk != actor.pk:
                notify(reader, f"{briefing.get_kind_display()}{briefing.number_label}已签发：{briefing.title}",
                       url=briefing_url(briefing), dedup_key=f"opinion-briefing-issued-{briefing.pk}")
    return briefing


def generate_periodic_briefings(kind: str, day: date) -> dict:
    """The queue's daily or weekly run: for every unit with an active scheme, its ``kind`` briefing for
    ``day`` as the system actor (one transaction each; one already issued is left as it is), and its
    monitoring staff told that a draft waits to be checked and issued."""
    from ideowork.core.system import system_actor

    from ..models import Scheme

    actor, made, skipped = system_actor(), 0, 0
    for unit in OrgUnit.objects.filter(pk__in=Scheme.objects.filter(active=True).values("org_unit_id")).order_by("pk"):
        try:
            briefing = do_generate_briefing(actor, unit, kind, day)
        except ValidationError:
            skipped += 1
            continue
        made += 1
        for reader in _readers(unit):
            notify(reader, f"{briefing.get_kind_display()}{briefing.number_label}已生成，待核对签发",
                   body=briefing.title, url=briefing_url(briefing),
                   dedup_key=f"opinion-briefing-generated-{briefing.pk}-{briefing.generated_at:%Y%m%d}")
    return {"generated": made, "skipped": skipped}
