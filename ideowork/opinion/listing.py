"""The unit's item list (舆情信息), read fast at any size of the store.

A unit sees the items of its sources and the items its schemes matched. Both are read newest first
from the indexes written for it — ``Item(org_unit, -arrived_at, -id)`` and ``ItemMatch(org_unit,
-arrived_at)`` (``Item(source, …)`` and ``ItemMatch(scheme, …)`` when the list is filtered by one) —
one query per unit that has sources or schemes, each ``LIMIT``-ed to a page plus one, merged here.
Paging is by keyset (the last row's arrival time and id), never by offset, and nothing counts the
whole store: a page says whether there is a next one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone as dt_timezone
from zoneinfo import ZoneInfo

from django.db.models import Q

from .models import Item, ItemMatch, Scheme, Source

__all__ = ["PAGE_SIZE", "ItemPage", "item_page", "parse_cursor", "cursor_for", "days_between", "after_cursor"]

PAGE_SIZE = 50
SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass
class ItemPage:
    items: list[Item]
    next_cursor: str | None
    matched: dict[int, list[str]]   # item id → names of the user's schemes that matched it


def parse_cursor(value: str | None) -> tuple[datetime, int] | None:
    """``"<arrival in microseconds since the epoch>_<id>"`` → (arrived_at, id); anything else is the
    first page. (Digits only: an ISO time's ``+08:00`` would turn into a space in a query string.)"""
    micros, _, pk = (value or "").partition("_")
    if not (micros.isdigit() and pk.isdigit()) or len(micros) > 18:
        return None
    return datetime.fromtimestamp(0, dt_timezone.utc) + timedelta(microseconds=int(micros)), int(pk)


def cursor_for(arrived_at: datetime, pk: int) -> str:
    """The keyset cursor of the page after the item (``arrived_at``, ``pk``)."""
    delta = arrived_at - datetime.fromtimestamp(0, dt_timezone.utc)
    return f"{(delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds}_{pk}"


def days_between(field: str, since, until) -> Q:
    """``field`` within the days ``since`` to ``until`` (either may be None), Beijing time."""
    q = Q()
    if since:
        q &= Q(**{f"{field}__gte": datetime.combine(since, time.min, SHANGHAI)})
    if until:
        q &= Q(**{f"{field}__lt": datetime.combine(until, time.max, SHANGHAI)})
    return q


def after_cursor(field: str, key: str, before: tuple[datetime, int]) -> Q:
    """The rows after the keyset cursor ``before`` in ``(-field, -key)`` order."""
    moment, pk = before
    # The plain bound first: with only the OR, neither database starts the index scan at the cursor.
    return Q(**{f"{field}__lte": moment}) & (Q(**{f"{field}__lt": moment}) | Q(**{field: moment, f"{key}__lt": pk}))


def _item_filter(prefix: str, sentiment: str, grade: str, since, until, before) -> Q:
    q = days_between("arrived_at", since, until)
    if sentiment:
        q &= Q(**{f"{prefix}sentiment": sentiment})
    if grade:
        q &= Q(**{f"{prefix}grade": grade})
    if before:
        q &= after_cursor("arrived_at", "item_id" if prefix else "id", before)
    return q


def item_page(user, *, source: Source | None = None, scheme: Scheme | None = None, sentiment: str = "",
              grade: str = "", since=None, until=None, before: tuple[datetime, int] | None = None) -> ItemPage:
    """A page of the items ``user`` sees, newest first. ``source`` and ``scheme`` were fetched through
    the policy by the caller."""
    take = PAGE_SIZE + 1
    on_item = _item_filter("", sentiment, grade, since, until, before)
    on_match = _item_filter("item__", sentiment, grade, since, until, before)
    keys: set[tuple[datetime, int]] = set()

    def from_items(qs):
        keys.update(qs.filter(on_item).order_by("-arrived_at", "-id").values_list("arrived_at", "id")[:take])

    def from_matches(qs):
        keys.update(qs.filter(on_match).order_by("-arrived_at", "-item_id").values_list("arrived_at", "item_id")[:take])

    if scheme is not None:
        from_matches(ItemMatch.objects.visible_to(user).filter(scheme=scheme))
    elif source is not None:
        from_items(Item.objects.visible_to(user).filter(source=source))
    else:
        for unit_id in set(Source.objects.visible_to(user).values_list("org_unit_id", flat=True)):
            from_items(Item.objects.visible_to(user).filter(org_unit_id=unit_id))
        for unit_id in set(Scheme.objects.visible_to(user).values_list("org_unit_id", flat=True)):
            from_matches(ItemMatch.objects.visible_to(user).filter(org_unit_id=unit_id))
    ordered = sorted(keys, reverse=True)[:take]
    ids = [pk for _, pk in ordered]
    # The ids came from the scoped queries above; an item another unit's source brought in is seen
    # here through the user's own scheme's match.
    by_id = Item.objects.select_related("source").defer("text", "analysis").in_bulk(ids[:PAGE_SIZE])
    items = [by_id[pk] for pk in ids[:PAGE_SIZE] if pk in by_id]
    matched: dict[int, list[str]] = {}
    for item_id, name in (ItemMatch.objects.visible_to(user).filter(item_id__in=[i.pk for i in items])
                          .order_by("scheme__name").values_list("item_id", "scheme__name")):
        matched.setdefault(item_id, []).append(name)
    next_cursor = cursor_for(items[-1].arrived_at, items[-1].pk) if len(ordered) > PAGE_SIZE and items else None
    return ItemPage(items=items, next_cursor=next_cursor, matched=matched)
