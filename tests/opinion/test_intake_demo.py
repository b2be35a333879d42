"""The opinion demo builder: sources of the city and 城关区, items stored once through the ingestion service."""

from datetime import date

import pytest

from ideowork.demo import opinion, people
from ideowork.demo.context import DemoContext
from ideowork.opinion.models import Item, Source

pytestmark = pytest.mark.django_db


def test_the_demo_brings_sources_and_a_few_hundred_items():
    ctx = DemoContext(today=date(2026, 12, 3))
    people.build(ctx, lambda _: None)
    opinion.build(ctx, lambda _: None)
    assert Source.objects.count() == len(opinion.SOURCES)
    stories = sum(len(story.reports) for story in opinion.opinion_work.STORIES)
    assert 250 <= Item.objects.count() <= len(opinion.SOURCES) * opinion.ITEMS_PER_SOURCE + stories
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
