"""The daily patrol: the day's queue of new matched items, the "patrolled" action recorded once per person
per day, and its one ledger activity counting toward the plan's daily-patrol target."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ideowork.ledger.models import Activity
from ideowork.opinion.actions.handling import do_judge_event
from ideowork.opinion.actions.patrol import do_record_patrol, patrol_queue
from ideowork.opinion.models import Patrol
from ideowork.plans.models import Target
from tests.factories import make_plan

from .handling_builders import make_event


def patrol_target(org):
    plan = make_plan(org.city, year=timezone.localdate().year, title="舆情工作要点")
    plan.status = "active"
    plan.save()
    item = plan.items.get(number=2)
    return Target.objects.create(item=item, text="每日巡查主流媒体、社交平台", count=1, unit="次", period="day",
                                 activity_kinds=["opinion_patrol"], order=9)


def test_the_queue_holds_todays_matched_items_of_the_users_units_only(org):
    make_event(org.city, items=3)
    make_event(org.city, items=2, arrived_at=timezone.now() - timedelta(days=2))
    make_event(org.county_b, title="乙县的事件", items=4)
    queue = patrol_queue(org.staff)
    assert queue.item_count == 3 + 4  # the city sees its county bureaus' matches too
    assert patrol_queue(org.county_staff).item_count == 0
    assert len(queue.waiting_events) == 3


def test_patrolling_is_recorded_once_a_day_with_its_counts_and_counts_in_the_ledger_once(org):
    target = patrol_target(org)
    event = make_event(org.city, items=2)
    do_judge_event(org.staff, event, grade="2")
    patrol = do_record_patrol(org.staff)
    assert (patrol.items_seen, patrol.events_judged) == (2, 1)
    make_event(org.city, title="又一条", items=1)
    patrol = do_record_patrol(org.staff)  # patrolled again later the same day: the same record, updated
    assert Patrol.objects.filter(person=org.staff).count() == 1 and patrol.items_seen == 3
    activity = Activity.objects.for_source(patrol).get()
    assert activity.kind == "opinion_patrol" and list(activity.participants.all()) == [org.staff]
    assert list(activity.target_links.values_list("target_id", flat=True)) == [target.pk]
    assert Activity.objects.filter(kind="opinion_patrol").count() == 1


def test_a_cadre_does_not_patrol(org):
    with pytest.raises(PermissionDenied):
        do_record_patrol(org.cadre)
    assert not Patrol.objects.exists()
