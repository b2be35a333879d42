"""The opinion demo builder: sources of the city and 城关区, items stored once through the ingestion service."""

from datetime import date

import pytest

from ideowork.demo import opinion, opinion_stream, people
from ideowork.demo.context import DemoContext
from ideowork.opinion.models import Item, Source

pytestmark = pytest.mark.django_db


def test_the_demo_brings_sources_and_a_few_hundred_items():
    ctx = DemoContext(today=date(2026, 12, 3))
    people.build(ctx, lambda _: None)
    opinion.build(ctx, lambda _: None)
    assert Source.objects.count() == len(opinion.SOURCES)
    stories = sum(len(story.reports) for story in opinion.opinion_work.STORIES)
    assert 250 <= Item.objects.count() <= opinion_stream.BACKGROUND_ITEMS + stories
    county = Item.objects.filter(org_unit=ctx.units["county:0"])
    assert county.exists() and not Item.objects.filter(text="").exists()


def test_the_demos_items_are_analysed_and_grouped_into_events():
    from ideowork.opinion.models import Event, ItemMatch

    ctx = DemoContext(today=date(2026, 12, 3))
    people.build(ctx, lambda _: None)
    opinion.build(ctx, lambda _: None)
    assert not Item.objects.filter(sentiment="").exists() and Item.objects.filter(sentiment="negative").exists()
    assert not ItemMatch.objects.filter(event__isnull=True).exists()
    for unit in (ctx.units["city"], ctx.units["county:0"]):
        events = Event.objects.filter(org_unit=unit)
        assert 3 <= events.count() < ItemMatch.objects.filter(org_unit=unit).count()
        assert events.filter(item_count__gt=1).exists()


# A real organ's stream over three weeks is many small local stories — most told once, some carried by
# a reprint, a post, a hotline call and the department's reply — and a few big ones (the demo's
# handled stories). Grouped, each event is one story, and a local story stays a handful of items.
LARGEST_BACKGROUND_EVENT = 6


def _story(url: str) -> str:
    incident = opinion_stream.incident_of(url)
    return f"incident {incident}" if incident is not None else url.rsplit("/", 1)[0]


def test_the_background_stream_groups_into_small_events_of_one_story_each():
    from ideowork.opinion.models import Event, ItemMatch

    ctx = DemoContext(today=date(2026, 12, 3))
    people.build(ctx, lambda _: None)
    opinion.build(ctx, lambda _: None)
    for unit in (ctx.units["city"], ctx.units["county:0"]):
        held: dict[int, set[tuple[str, int]]] = {}
        for event_id, item_id, url in (ItemMatch.objects.filter(org_unit=unit, event__in=Event.objects.live())
                                       .values_list("event_id", "item_id", "item__url")):
            held.setdefault(event_id, set()).add((_story(url), item_id))
        background = {event_id: items for event_id, items in held.items()
                      if any(story.startswith("incident") for story, _ in items)}
        titles = dict(Event.objects.filter(pk__in=background).values_list("pk", "title"))
        for event_id, items in background.items():
            assert len({story for story, _ in items}) == 1, (unit.name, titles[event_id], sorted(items))
        sizes = sorted((len(items) for items in background.values()), reverse=True)
        assert sizes[0] <= LARGEST_BACKGROUND_EVENT, (unit.name, sizes[:5])
        assert sizes.count(1) * 2 >= len(sizes), (unit.name, sizes)
        # a story several outlets carried is one event, not one per outlet
        events_of: dict[str, set[int]] = {}
        for event_id, items in background.items():
            for story, _ in items:
                events_of.setdefault(story, set()).add(event_id)
        told_often = [story for story, events in events_of.items()
                      if sum(len(items) for event_id, items in background.items() if event_id in events) > 1]
        split = [story for story in told_often if len(events_of[story]) > 1]
        assert len(split) * 10 <= len(told_often), (unit.name, split)
    # an event was last seen when its last item arrived (a collector's backfill), not when the demo ran
    for event in Event.objects.live():
        assert event.last_seen_at == max(event.matches.values_list("arrived_at", flat=True)), event.title
