"""The figures an event row carries, recomputed from its matches whenever they change.

Items are counted once however many schemes of the unit matched them. ``item_count`` the items,
``reprint_count`` those that joined as an exact or near-duplicate, ``outlet_count`` the distinct
outlets (the source's name where an item names none); first seen is the earliest publication (or
arrival) and its item and outlet are the event's first item and 首发来源; last seen the latest
arrival. The sentiment is the one most of its items carry (a tie goes to the graver: negative, then
neutral); the name, once given, stays; the grade is the rules' grade of the lead item (its highest-graded, earliest) with the
event's sentiment, its summed reach and its outlets — kept with its reasons in ``Event.analysis``.
Callers hold the transaction.
"""

from __future__ import annotations

from django.db.models import Count, Max, Min, Q, Sum, Value
from django.db.models.functions import Coalesce, NullIf

from ..analysis import grade
from ..choices import EventJoin, Sentiment
from ..models import Event, Item, ItemMatch

__all__ = ["refresh_event_figures"]

CHUNK = 500
SEEN = Coalesce("item__published_at", "arrived_at")
OUTLET = Coalesce(NullIf("item__outlet_name", Value("")), "item__source__name")
REACH = ("reads", "reposts", "comments", "likes")
# Ties go to the graver sentiment.
GRAVITY = {Sentiment.NEGATIVE: 3, Sentiment.NEUTRAL: 2, Sentiment.POSITIVE: 1}
FIELDS = ["title", "first_item", "first_source_name", "first_seen_at", "last_seen_at", "item_count", "reprint_count",
          "outlet_count", "sentiment", "grade", "analysis"]


def _dominant(counts: dict[str, int]) -> str:
    counts = {k: n for k, n in counts.items() if k}
    return max(counts, key=lambda k: (counts[k], GRAVITY.get(k, 0))) if counts else ""


def refresh_event_figures(event_ids) -> None:
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), CHUNK):
        _refresh(ids[start:start + CHUNK])


def _refresh(ids: list[int]) -> None:
    matches = ItemMatch.objects.filter(event_id__in=ids).order_by()
    totals = {row["event_id"]: row for row in matches.values("event_id").annotate(
        items=Count("item_id", distinct=True), outlets=Count(OUTLET, distinct=True),
        reprints=Count("item_id", distinct=True, filter=Q(joined__in=[EventJoin.EXACT, EventJoin.NEAR])),
        first=Min(SEEN), last=Max("arrived_at"))}
    moods: dict[int, dict[str, int]] = {}
    for event_id, mood, n in (matches.values("event_id", "item__sentiment")
                              .annotate(n=Count("item_id", distinct=True)).values_list("event_id", "item__sentiment", "n")):
        moods.setdefault(event_id, {})[mood] = n
    events = list(Event.objects.filter(pk__in=ids))
    for event in events:
        figures = totals.get(event.pk)
        if figures is None:   # no matches left (merged away): the row keeps its last figures
            continue
        own = ItemMatch.objects.filter(event_id=event.pk)
        first = (own.annotate(seen=SEEN).order_by("seen", "item_id")
                 .values("item_id", "item__title", outlet=OUTLET).first())
        lead = (own.annotate(seen=SEEN).order_by("-item__grade", "seen", "item_id")
                .values("item_id", "item__title", "item__analysis", "item__source__level").first())
        reach = Item.objects.filter(pk__in=own.values("item_id")).aggregate(**{f: Sum(f) for f in REACH})
        if not event.title:   # named after its first item when made; a name given by hand stays
            event.title = first["item__title"][:500]
        event.first_item_id = first["item_id"]
        event.first_source_name = first["outlet"][:200]
        event.first_seen_at, event.last_seen_at = figures["first"], figures["last"]
        event.item_count, event.outlet_count = figures["items"], figures["outlets"]
        event.reprint_count = figures["reprints"]
        event.sentiment = _dominant(moods.get(event.pk, {}))
        sensitive = tuple(tuple(s) for s in (lead["item__analysis"] or {}).get("sensitive", ()))
        graded = grade(lead["item__title"], "", sentiment=event.sentiment or Sentiment.NEUTRAL,
                       source_level=lead["item__source__level"], reach={k: v or 0 for k, v in reach.items()},
                       outlets=event.outlet_count, sensitive=sensitive)
        event.grade = graded.code
        event.analysis = {"lead_item": lead["item_id"], "lead_title": lead["item__title"], "points": graded.points,
                          "reasons": list(graded.reasons)}
    Event.objects.bulk_update(events, FIELDS, batch_size=CHUNK)
