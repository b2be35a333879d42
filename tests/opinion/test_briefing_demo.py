"""The opinion demo's monitoring work: schemes that match its items, events at every handling stage,
and a daily (issued), a weekly and a special briefing."""

from datetime import date

import pytest

from ideowork.demo import opinion, people
from ideowork.demo.context import DemoContext
from ideowork.opinion.choices import EventStatus
from ideowork.opinion.models import Briefing, Event, ItemMatch, Scheme

pytestmark = pytest.mark.django_db


def test_the_demo_watches_handles_and_briefs():
    ctx = DemoContext(today=date(2026, 12, 3))
    people.build(ctx, lambda _: None)
    opinion.build(ctx, lambda _: None)
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
