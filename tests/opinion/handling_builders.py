"""Events for the handling tests, written straight to the tables (clustering items into events is
another part's): ``make_event(unit, title)`` makes an event of the unit's scheme with matched items."""

from itertools import count

from django.utils import timezone

from ideowork.opinion.models import Event, ItemMatch, Scheme

from .factories import make_item, make_scheme, make_source

_keys = count(1)


def make_event(unit, title: str = "某小区违建整治引发居民关注", *, grade: str = "2", sentiment: str = "negative",
               items: int = 2, arrived_at=None) -> Event:
    scheme = Scheme.objects.filter(org_unit=unit).first() or make_scheme(unit, name=f"{unit.name}监测")
    source = unit.opinion_sources.first() or make_source(unit)
    n = next(_keys)
    event = Event.objects.create(org_unit=unit, key=f"e{n:04x}", title=title, grade=grade, sentiment=sentiment,
                                 first_source_name=source.name, item_count=items, outlet_count=1)
    for i in range(items):
        item = make_item(source, f"{title}（{n}-{i}）", f"{title}的第{i + 1}条报道。",
                         arrived_at=arrived_at or timezone.now())
        ItemMatch.objects.create(item=item, scheme=scheme, org_unit=unit, arrived_at=item.arrived_at, event=event)
    return event
