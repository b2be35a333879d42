"""Merging, splitting and naming events by hand (合并、拆分舆情事件，修改事件名称).

Who may: the holders of ``opinion.handle`` whose scope holds the event's unit (the policy's
``change`` on ``Event``). A merge takes events of one unit into one of them: their matches move to
it, they keep their rows with ``merged_into`` set (and what was merged into them before now points
to it too). A split moves chosen items of an event into a new event of the same unit. Both check
their input first (a Chinese message, nothing changed), recompute the figures of the events left,
write one audit event, and raise the unit's ``opinion.events`` version so that every worker's index
is rebuilt with the new grouping (``actions/events.py``). A rename gives the event the name its
handlers know it by (the events service names it after its first item's headline).
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction

from ideowork.core.access import require_can
from ideowork.core.audit import record
from ideowork.core.models import User

from ..choices import EventJoin, EventStatus
from ..models import Event, ItemMatch
from .event_figures import refresh_event_figures
from .events import events_changed

__all__ = ["do_merge_events", "do_split_event", "do_rename_event", "MERGE_MAX", "TITLE_MAX"]

MERGE_MAX = 50
TITLE_MAX = 500


def _locked_live(event: Event) -> Event:
    """The event again, its row locked; refused when it has been merged into another meanwhile."""
    event = Event.objects.select_for_update(of=("self",)).select_related("org_unit").get(pk=event.pk)
    if event.merged_into_id:
        raise ValidationError("该事件已并入其他事件，请在合并后的事件中操作。")
    return event


def _ids(values, what: str) -> list[int]:
    try:
        return sorted({int(getattr(value, "pk", value)) for value in values})
    except (TypeError, ValueError):
        raise ValidationError(f"所选{what}有误，请重新选择。") from None


def do_merge_events(actor: User, target: Event, others) -> Event:
    """Merge ``others`` (events, or their ids) into ``target``; returns ``target`` with its new figures."""
    require_can(actor, "change", target, "您无权合并该舆情事件。")
    ids = [pk for pk in _ids(others, "事件") if pk != target.pk]
    if not ids:
        raise ValidationError("请选择要并入本事件的其他事件。")
    if len(ids) > MERGE_MAX:
        raise ValidationError(f"一次最多合并{MERGE_MAX}个事件。")
    with transaction.atomic():
        target = _locked_live(target)
        found = list(Event.objects.visible_to(actor, "change").select_for_update(of=("self",)).filter(pk__in=ids)
                     .select_related("org_unit"))
        if len(found) != len(ids):
            raise ValidationError("所选事件中有不存在或您无权处置的事件。")
        for other in found:
            if other.org_unit_id != target.org_unit_id:
                raise ValidationError(f"事件“{other.title[:30]}”属于{other.org_unit.display_name}，"
                                      f"只能合并同一单位（{target.org_unit.display_name}）的事件。")
            if other.merged_into_id:
                raise ValidationError(f"事件“{other.title[:30]}”已并入其他事件。")
            if other.status == EventStatus.CLOSED:
                raise ValidationError(f"事件“{other.title[:30]}”已销号，不能再并入其他事件。")
        moved = ItemMatch.objects.filter(event_id__in=ids).update(event=target)
        Event.objects.filter(merged_into_id__in=ids).update(merged_into=target)
        Event.objects.filter(pk__in=ids).update(merged_into=target, updated_by=actor)
        refresh_event_figures([target.pk])
        target.refresh_from_db()
        record("opinion.event.merge", target, actor=actor,
               new={"merged": [{"id": o.pk, "title": o.title} for o in found], "matches_moved": moved,
                    "item_count": target.item_count})
        events_changed([target.org_unit_id])
    return target


def do_split_event(actor: User, event: Event, item_ids, title: str = "") -> Event:
    """Move the items ``item_ids`` of ``event`` into a new event of its unit; returns the new event."""
    require_can(actor, "change", event, "您无权拆分该舆情事件。")
    chosen = _ids(item_ids, "信息")
    title = (title or "").strip()
    if not chosen:
        raise ValidationError("请勾选要拆分出去的信息。")
    if len(title) > TITLE_MAX:
        raise ValidationError(f"新事件名称不能超过{TITLE_MAX}个字。")
    with transaction.atomic():
        event = _locked_live(event)
        own = set(ItemMatch.objects.filter(event=event).values_list("item_id", flat=True))
        if not set(chosen) <= own:
            raise ValidationError("所选信息中有不属于该事件的信息。")
        if set(chosen) == own:
            raise ValidationError("不能把全部信息拆分出去：至少要在原事件中留下一条信息。")
        new = Event.objects.create(org_unit=event.org_unit, key=f"s{uuid.uuid4().hex[:20]}", title=title,
                                   updated_by=actor)
        moved = ItemMatch.objects.filter(event=event, item_id__in=chosen).update(event=new, joined=EventJoin.MOVED)
        refresh_event_figures([event.pk, new.pk])
        new.refresh_from_db()
        record("opinion.event.split", event, actor=actor,
               new={"new_event": new.pk, "title": new.title, "items": chosen, "matches_moved": moved})
        events_changed([event.org_unit_id])
    return new


def do_rename_event(actor: User, event: Event, title: str) -> Event:
    """Name the event ``title`` (the page, the 台账, briefings and notifications show it)."""
    require_can(actor, "change", event, "您无权修改该舆情事件。")
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": "请填写事件名称。"})
    if len(title) > TITLE_MAX:
        raise ValidationError({"title": f"事件名称不能超过{TITLE_MAX}个字。"})
    with transaction.atomic():
        event = _locked_live(event)
        old = event.title
        if title == old:
            return event
        event.title, event.updated_by = title, actor
        event.save(update_fields=["title", "updated_by", "updated_at"])
        record("opinion.event.rename", event, actor=actor, old={"title": old}, new={"title": title})
        events_changed([event.org_unit_id])
    return event
