"""Shared builders of the warning tests: a city scheme with its rules and recipients, and items arriving
as the ingestion service would store them with the analyser's sentiment and grade already on them
(the analyser on ingest is a colleague's part: here the tests set both themselves)."""

from django.db import transaction
from django.utils import timezone

from ideowork.opinion.actions.matching import match_items
from ideowork.opinion.actions.warning_rules import do_add_warning_recipient, do_create_warning_rule
from ideowork.opinion.actions.warnings import do_evaluate_warnings
from ideowork.opinion.choices import Channel
from ideowork.opinion.models import Event, Item, ItemMatch

from .factories import make_item, make_scheme, make_source

__all__ = ["city_watch", "grade_rule", "arrive", "arrive_many", "event_of"]


def city_watch(org, expression="城管|违建"):
    """The city office's source and scheme, the staff named to receive its warnings."""
    source = make_source(org.city, "市融媒体中心")
    scheme = make_scheme(org.city, "城市管理", expression)
    do_add_warning_recipient(org.staff, scheme, user=org.staff)
    return source, scheme


def grade_rule(org, scheme=None, *, min_grade="3", channels=(Channel.IN_APP,), name="重大以上舆情", **fields):
    return do_create_warning_rule(org.staff, org_unit=org.city, scheme=scheme, name=name, kind="grade",
                                  min_grade=min_grade, channels=list(channels), **fields)


def arrive(source, title, text="", *, grade="", sentiment="", event=None, **fields) -> Item:
    """One item stored, matched and evaluated in one transaction, as ``do_ingest_items`` does."""
    return arrive_many(source, [(title, text)], grade=grade, sentiment=sentiment, event=event, **fields)[0]


def arrive_many(source, texts, *, grade="", sentiment="", event=None, arrived_at=None) -> list[Item]:
    with transaction.atomic():
        items = [make_item(source, title, text, arrived_at=arrived_at or timezone.now()) for title, text in texts]
        Item.objects.filter(pk__in=[i.pk for i in items]).update(grade=grade, sentiment=sentiment)
        for item in items:
            item.grade, item.sentiment = grade, sentiment
        match_items(items)
        if event is not None:  # the events service's part, done by hand here
            ItemMatch.objects.filter(item__in=items).update(event=event)
        do_evaluate_warnings(items)
    return items


def event_of(unit, key, title) -> Event:
    return Event.objects.create(org_unit=unit, key=key, title=title)
