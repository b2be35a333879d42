"""Builders of the briefing tests: items a unit's scheme matched (with sentiment and arrival time),
and events made of them — written straight to the tables, as the events service would leave them."""

from datetime import timedelta

from django.utils import timezone

from ideowork.opinion.models import Event, ItemMatch

from .factories import make_item, make_scheme, make_source


def _earlier_today(seconds: int):
    """A moment ``seconds`` before now, but not before today began (Beijing time): "today's" items
    stay today's when a test runs just after midnight."""
    now = timezone.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(now - timedelta(seconds=seconds), midnight)


class Watch:
    """A unit's scheme and source, and ``item(...)`` to add an item the scheme matched."""

    def __init__(self, unit, name="编办舆情"):
        self.unit = unit
        self.scheme = make_scheme(unit, name=name, expression="编办")
        self.source = make_source(unit, f"{unit.name}来源")
        self.count = 0

    def item(self, title="编办工作动态", *, sentiment="neutral", arrived_at=None, outlet="市日报", level=None):
        self.count += 1
        item = make_item(self.source, f"{title}（{self.count}）", "编办相关报道正文。", outlet_name=outlet,
                         arrived_at=arrived_at or _earlier_today(self.count),
                         url=f"https://news.example.cn/{self.unit.pk}/{self.count}.html")
        item.sentiment = sentiment
        item.save(update_fields=["sentiment"])
        ItemMatch.objects.create(item=item, scheme=self.scheme, org_unit=self.unit, arrived_at=item.arrived_at)
        return item


def make_event(unit, items, *, title="编办咨询电话变更", status="judging", grade="2", deadline=None, assigned=None,
               sentiment="negative") -> Event:
    first = min(items, key=lambda i: i.arrived_at)
    event = Event.objects.create(org_unit=unit, key=f"e{first.pk}", title=title, first_item=first,
                                 first_source_name=first.outlet_name, first_seen_at=first.arrived_at,
                                 last_seen_at=max(i.arrived_at for i in items), item_count=len(items),
                                 outlet_count=len({i.outlet_name for i in items}), sentiment=sentiment, grade=grade,
                                 status=status, deadline=deadline, assigned_unit=assigned)
    ItemMatch.objects.filter(item__in=items, org_unit=unit).update(event=event)
    return event
