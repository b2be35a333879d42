"""The daily patrol (每日巡查): the day's queue of new matched items and the "patrolled" action.

``patrol_queue(user, day)`` is what a person goes through: the items their units' schemes matched that
arrived that day, newest first, and the events still waiting for a judgement. ``do_record_patrol``
records — once per person per day, updated when they patrol again — how many items the queue held and
how many events they judged that day, and keeps the one ledger activity of kind ``opinion_patrol`` in
step with it (``do_sync_activity``), so the plan's daily-patrol target counts each day once per person.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from ideowork.core.audit import record
from ideowork.core.models import User
from ideowork.core.permissions import require
from ideowork.ledger.actions import do_sync_activity

from ..choices import EventStatus, HandlingStepKind
from ..models import Event, HandlingStep, ItemMatch, Patrol

__all__ = ["PatrolQueue", "patrol_queue", "do_record_patrol", "QUEUE_SHOWN"]

QUEUE_SHOWN = 50  # items listed on the page; the count covers the whole day


@dataclass
class PatrolQueue:
    day: date
    item_count: int
    matches: list
    waiting_events: list
    judged: int
    patrol: Patrol | None


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def _judged(user: User, day: date) -> int:
    start, end = _day_bounds(day)
    return (HandlingStep.objects.filter(actor=user, kind__in=(HandlingStepKind.JUDGE, HandlingStepKind.DISMISS),
                                        at__gte=start, at__lt=end).values("event").distinct().count())


def _day_matches(user: User, day: date):
    start, end = _day_bounds(day)
    return ItemMatch.objects.visible_to(user).filter(arrived_at__gte=start, arrived_at__lt=end)


def patrol_queue(user: User, day: date | None = None) -> PatrolQueue:
    day = day or timezone.localdate()
    matches = _day_matches(user, day)
    shown = list(matches.select_related("item__source", "scheme", "event").order_by("-arrived_at", "-id")[:QUEUE_SHOWN])
    waiting = list(Event.objects.visible_to(user).live().filter(status=EventStatus.JUDGING)
                   .select_related("org_unit").order_by("-grade", "-last_seen_at")[:20])
    return PatrolQueue(day=day, item_count=matches.values("item").distinct().count(), matches=shown,
                       waiting_events=waiting, judged=_judged(user, day),
                       patrol=Patrol.objects.filter(person=user, day=day).first())


def do_record_patrol(actor: User) -> Patrol:
    """"今日已巡查": today's record for the actor (made, or brought up to date), and its ledger activity."""
    require(actor.is_active and actor.has_capability("opinion.monitor") and actor.org_unit_id is not None,
            "您没有舆情巡查的权限。")
    day = timezone.localdate()
    items, judged = _day_matches(actor, day).values("item").distinct().count(), _judged(actor, day)
    with transaction.atomic():
        patrol, created = Patrol.objects.select_for_update().get_or_create(
            person=actor, day=day, defaults={"org_unit": actor.org_unit, "items_seen": items, "events_judged": judged})
        old = None if created else {"items_seen": patrol.items_seen, "events_judged": patrol.events_judged}
        patrol.items_seen, patrol.events_judged = items, judged
        patrol.save()
        do_sync_activity(actor, source=patrol, kind="opinion_patrol", title=f"舆情巡查（{actor.name}）", date=day,
                         org_unit=patrol.org_unit, participants=[actor],
                         summary=f"浏览当日新增命中信息{items}条，研判舆情事件{judged}件。")
        record("opinion.patrol.record", patrol, actor=actor, old=old,
               new={"day": day.isoformat(), "items_seen": items, "events_judged": judged})
    return patrol
