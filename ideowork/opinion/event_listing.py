"""The unit's event list (舆情事件), read fast at any size of the store.

Events not merged into another, most recently active first. Read per unit from the index written for
it — the live events' ``Event(org_unit, -last_seen_at, -id) WHERE merged_into IS NULL``, or
``(org_unit, status, -last_seen_at)`` when filtered by status — one query per unit that has events,
each ``LIMIT``-ed to a page plus one, merged here. The units are found first, in one query that reads
no event but one per unit (``_units``): the reader's subtree's units that have a live event, and the
units whose events were assigned into the subtree from outside it (``ASSIGNED_AWAY``, indexed apart).
Paging is by keyset (the last row's last-seen time and id, the item list's cursor), never by offset,
and nothing counts the whole store. The period keeps the events last seen in it (a range of the
index's own column).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q

from ideowork.core.models import OrgUnit

from .listing import PAGE_SIZE, after_cursor, cursor_for, days_between
from .models import Event
from .models.events import ASSIGNED_AWAY, LIVE

__all__ = ["EventPage", "event_page"]


@dataclass
class EventPage:
    events: list[Event]
    next_cursor: str | None


def _units(user) -> list[int]:
    """The units whose live events ``user`` may see (a superset: each unit's page is asked through
    ``visible_to``): the events of the user's subtree, and those assigned into it (``Event.viewable_by``)."""
    root = user.scope_root if user.is_authenticated else None
    if root is None:
        return []
    subtree = OrgUnit.objects.filter(path__startswith=root.path)
    own = subtree.filter(Exists(Event.objects.filter(LIVE, org_unit=OuterRef("pk")))).values_list("pk")
    away = (Event.objects.filter(LIVE & ASSIGNED_AWAY, assigned_unit__in=subtree.values("pk"))
            .values_list("org_unit_id"))
    return sorted(pk for (pk,) in own.order_by().union(away.order_by()))


def _filter(status: str, grade: str, sentiment: str, since, until, before) -> Q:
    q = LIVE & days_between("last_seen_at", since, until)
    if status:
        q &= Q(status=status)
    if grade:
        q &= Q(grade=grade)
    if sentiment:
        q &= Q(sentiment=sentiment)
    if before:
        q &= after_cursor("last_seen_at", "id", before)
    return q


def event_page(user, *, status: str = "", grade: str = "", sentiment: str = "", since=None, until=None,
               before: tuple[datetime, int] | None = None) -> EventPage:
    """A page of the live events ``user`` sees, most recently active first."""
    take = PAGE_SIZE + 1
    condition = _filter(status, grade, sentiment, since, until, before)
    visible = Event.objects.visible_to(user)
    found: list[Event] = []
    for unit_id in _units(user):
        found += (visible.filter(condition, org_unit_id=unit_id).select_related("org_unit")
                  .defer("analysis").order_by("-last_seen_at", "-id")[:take])
    found.sort(key=lambda e: (e.last_seen_at, e.pk), reverse=True)
    events = found[:PAGE_SIZE]
    next_cursor = cursor_for(events[-1].last_seen_at, events[-1].pk) if len(found) > PAGE_SIZE else None
    return EventPage(events=events, next_cursor=next_cursor)
