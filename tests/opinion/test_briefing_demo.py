"""The opinion demo's monitoring work: schemes that match its items, each story on its own event walked
through the handling services to its stage, and a daily (issued), a weekly and a special briefing."""

import pytest

from ideowork.demo import opinion, people
from ideowork.demo.context import DemoContext
from django.utils import timezone

from ideowork.core.actions.reviews import latest_review
from ideowork.core.models import AuditEvent, Notification
from ideowork.ledger.models import Activity
from ideowork.opinion.actions.handling import deadline_for
from ideowork.opinion.choices import OPEN_EVENT_STATUSES, EventStatus
from ideowork.opinion.models import Briefing, Event, Handling, HandlingStep, Item, ItemMatch, Scheme

pytestmark = pytest.mark.django_db


# The timeline each story's walk leaves, in order (the services' step kinds).
WALKS = {
    "demo-exam": [],
    "demo-renovation": ["report", "judge", "assign"],
    "demo-property": ["judge", "assign", "respond"],
    "demo-levee": ["judge", "assign", "respond", "joint", "request_closeout"],
    "demo-phone": ["judge", "assign", "respond", "request_closeout", "close"],
    "demo-startup": ["dismiss"],
}


@pytest.fixture
def demo():
    ctx = DemoContext(today=timezone.localdate())   # the demo is built for the day it runs on
    people.build(ctx, lambda _: None)
    opinion.build(ctx, lambda _: None)
    return ctx


def test_every_story_is_found_under_its_title_on_its_own_event_with_its_own_items(demo):
    stories = opinion.opinion_work.STORIES
    own = {story.key: set(Item.objects.filter(url__contains=f"/story/{story.key}/").values_list("pk", flat=True))
           for story in stories}
    events = set()
    for story in stories:
        assert own[story.key], story.key
        event = Event.objects.get(title=story.title)   # one event of that name, not merged into another
        assert not event.merged_into_id
        assert event.org_unit == demo.units[story.unit] and event.status == story.status, story.title
        items = set(ItemMatch.objects.filter(event=event).values_list("item_id", flat=True))
        assert items == own[story.key], story.title
        assert event.item_count == len(items)
        events.add(event.pk)
    assert len(events) == len(stories)


def test_the_stories_events_carry_their_real_handling_records(demo):
    now = timezone.now()
    for story in opinion.opinion_work.STORIES:
        event = Event.objects.live().get(title=story.title)
        steps = list(HandlingStep.objects.filter(event=event).order_by("at", "pk").values_list("kind", flat=True))
        assert steps == WALKS[story.key], story.title
        audited = set(AuditEvent.objects.filter(subject_type="opinion.event", subject_id=str(event.pk))
                      .values_list("event_type", flat=True))
        assert {f"opinion.event.{kind}" for kind in steps} <= audited, story.title
        if story.status != EventStatus.JUDGING:
            handling = Handling.objects.get(event=event)
            assert handling.judged_by is not None and handling.judgement
        if story.assigned and story.status not in (EventStatus.JUDGING, EventStatus.DISMISSED):
            assert event.assigned_unit == demo.units[story.assigned] and event.grade == story.grade
    levee = Event.objects.live().get(title="网传青山县河段堤防出现险情")
    assert Notification.objects.filter(recipient=demo.users["qs_staff"], title__contains=levee.title).exists()
    renovation = Event.objects.live().get(title="东关街道老旧小区改造施工扰民")
    assert renovation.reported_at is not None and renovation.reported_at < now - timezone.timedelta(days=1)
    assert Notification.objects.filter(recipient=demo.users["zhoujie"], title__contains="上报舆情事件").exists()
    overdue = {story.key for story in opinion.opinion_work.STORIES
               if Event.objects.live().filter(title=story.title, status__in=OPEN_EVENT_STATUSES, deadline__lt=now)}
    assert overdue == {"demo-renovation"}   # past its 72 hours (较大) since yesterday, still being handled
    phone = Event.objects.live().get(title="机构改革后部分咨询电话变更")
    assert Handling.objects.get(event=phone).closed_at is not None
    assert Activity.objects.filter(kind="opinion_response", title__contains=phone.title).count() == 1


def test_the_demo_watches_handles_and_briefs(demo):
    ctx = demo
    assert Scheme.objects.count() == len(opinion.SCHEMES) + len(opinion.opinion_work.SCHEMES)
    # The schemes match the demo's items on arrival, the city's and 城关区's alike.
    for scheme in Scheme.objects.all():
        assert ItemMatch.objects.filter(scheme=scheme).count() >= 5, scheme.name
    statuses = set(Event.objects.values_list("status", flat=True))
    assert statuses == set(EventStatus.values)
    assert Event.objects.filter(org_unit=ctx.units["county:0"]).exists()
    for event in Event.objects.live():
        assert event.item_count == event.matches.values("item").distinct().count(), event.title
    staged = Event.objects.live().exclude(status=EventStatus.JUDGING)
    assert staged.count() >= len(EventStatus.values) - 1
    for event in staged:
        assert event.matches.count() >= 2, event.title
    kinds = dict(Briefing.objects.filter(org_unit=ctx.units["city"]).values_list("kind", "status"))
    assert kinds == {"daily": "issued", "weekly": "draft", "special": "draft"}
    weekly = Briefing.objects.get(kind="weekly")
    assert weekly.figures["totals"]["total"] > 20 and weekly.figures["events"]
    assert weekly.figures["totals"]["negative"] > 0


def test_each_storys_timeline_takes_the_days_the_story_took(demo):
    """The services stamp what they do with the moment they run; the demo's stories took hours and days:
    each timeline runs in the order it was walked, from after the event was first seen to before now,
    its deadlines those of its grade, and a closed story's handling spans more than a day."""
    now = timezone.now()
    spans = {}
    for story in opinion.opinion_work.STORIES:
        event = Event.objects.live().get(title=story.title)
        steps = list(HandlingStep.objects.filter(event=event).order_by("pk"))   # in the order they were taken
        times = [step.at for step in steps]
        assert times == sorted(times) and len(set(times)) == len(times), story.title
        assert all(event.first_seen_at < moment <= now for moment in times), story.title
        for step in steps:
            if step.deadline is not None:
                assert step.deadline == deadline_for(event, step.grade or event.grade, step.at), story.title
        if event.deadline is not None:
            assert event.deadline == [step.deadline for step in steps if step.deadline][-1], story.title
        handling = Handling.objects.filter(event=event).first()
        if handling is not None and handling.judged_at is not None:
            assert handling.judged_at in times, story.title
        if "request_closeout" in story.hours:
            review = latest_review(event)
            requested = next(step.at for step in steps if step.kind == "request_closeout")
            decided = sorted(review.stages.exclude(decided_at=None).values_list("decided_at", flat=True))
            assert review.submitted_at == requested and all(requested < moment <= now for moment in decided)
            if story.status == EventStatus.CLOSED:
                assert review.finished_at == decided[-1] == handling.closed_at == times[-1], story.title
                activity = Activity.objects.get(kind="opinion_response", title__contains=event.title)
                assert activity.date == timezone.localdate(handling.closed_at)
        if times:
            spans[story.key] = times[-1] - times[0]
    closed = [story.key for story in opinion.opinion_work.STORIES if story.status == EventStatus.CLOSED]
    assert closed and all(spans[key] > timezone.timedelta(days=1) for key in closed), spans
    assert len({moment.date() for moment in HandlingStep.objects.values_list("at", flat=True)}) > 3
