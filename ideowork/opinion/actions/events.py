"""Events on arrival: each new match of a scheme joins an event of the scheme's unit (舆情事件).

``do_assign_events(matches)`` runs after matching, in the caller's transaction (the ingestion
service's, a back-run's batch). For each unit whose schemes matched, the unit's ``EventIndex``
(``analysis/events.py``: exact reprints, near-duplicates, the same incident in other words) gives
each newly matched item its event; an item two schemes of one unit matched joins one event. The
Event rows are created or updated and their figures recomputed (``event_figures``); one audit event
is written per batch.

The index of a unit is rebuilt from the items' stored signatures (``Item.signature``, computed when a
scheme first matches the item) over the last ``INDEX_DAYS`` days, and kept per worker. It stays in
step through the unit's ``opinion.events`` data version, which every change of the unit's events
raises in its transaction (a batch here, a merge or split by hand, a handling step — the opinion card's
figures are cached under it too, ``panels.py``; after a handling step the next batch rebuilds the
index, a cost paid at the pace people handle events): a batch raises it first — which
also makes two batches of one unit wait for each other — and uses its cached index only when that
was built at the version just below; otherwise it rebuilds. The index goes back into the cache when
the transaction commits; a batch that rolls back leaves none behind.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from ideowork.core import audit
from ideowork.core.versions import bump_versions, read_versions

from ..analysis import EventIndex, Signature
from ..analysis.events import signature_of_normalised
from ..matching import normalise
from ..models import Event, Item, ItemMatch
from .event_figures import refresh_event_figures

__all__ = ["EVENTS_TOPIC", "INDEX_DAYS", "do_assign_events", "events_changed", "item_signature", "live_event_ids"]

EVENTS_TOPIC = "opinion.events"
INDEX_DAYS = 62          # the items an index is rebuilt from: an incident's reports come within weeks
CHUNK = 500
SHANGHAI = ZoneInfo("Asia/Shanghai")
EPOCH = date(1970, 1, 1)

_lock = threading.Lock()
_indexes: dict[int, tuple[int, EventIndex]] = {}


def _signature_json(sig: Signature) -> dict:
    return {"x": sig.exact, "s": list(sig.sketch), "f": list(sig.features), "d": sig.day}


def _signature(data: dict) -> Signature:
    return Signature(data["x"], tuple(data["s"]), tuple(data["f"]), data.get("d"))


def item_signature(item: Item) -> Signature:
    """The item's signature: the stored one, or computed now (and set on ``item.signature``, for the
    caller to save). The ingestion service leaves the normalised title and text on the row it made
    (``item.normalised``), so nothing is normalised twice."""
    if item.signature:
        return _signature(item.signature)
    title_n, text_n = getattr(item, "normalised", None) or (normalise(item.title or ""), normalise(item.text or ""))
    moment = timezone.localtime(item.published_at or item.arrived_at, SHANGHAI)
    sig = signature_of_normalised(title_n, text_n, (moment.date() - EPOCH).days)
    item.signature = _signature_json(sig)
    return sig


def events_changed(unit_ids) -> None:
    """Inside the transaction of a change to these units' events (a batch, merges, splits, handling):
    every worker's index of them and every opinion card that shows them are stale."""
    bump_versions(EVENTS_TOPIC, unit_ids)


def _rebuilt(unit_id: int) -> EventIndex:
    index = EventIndex()
    since = timezone.now() - timedelta(days=INDEX_DAYS)
    seen: set[int] = set()
    rows = (ItemMatch.objects.filter(org_unit_id=unit_id, event__isnull=False, arrived_at__gte=since,
                                     item__signature__isnull=False)
            .order_by("arrived_at", "item_id").values_list("item_id", "event__key", "item__signature"))
    for item_id, key, data in rows.iterator(chunk_size=2000):
        if item_id not in seen:
            seen.add(item_id)
            index.restore(key, _signature(data))
    return index


def _index_in_step(unit_id: int) -> tuple[int, EventIndex]:
    """The unit's index at the version this transaction has just raised it to (see the docstring)."""
    events_changed([unit_id])
    version = read_versions(EVENTS_TOPIC, [unit_id])[0][1]
    with _lock:
        cached = _indexes.pop(unit_id, None)
    index = cached[1] if cached is not None and cached[0] == version - 1 else _rebuilt(unit_id)

    def keep():
        with _lock:
            _indexes[unit_id] = (version, index)

    transaction.on_commit(keep)
    return version, index


def live_event_ids(ids) -> dict[int, int]:
    """``{event id: the live event it stands for}``: itself, or the event it was merged into."""
    found = {}
    for pk, target in Event.objects.filter(pk__in=list(ids)).values_list("pk", "merged_into_id"):
        live, seen = pk, {pk}
        while target is not None and target not in seen:   # merges re-point their events: rarely a step
            seen.add(target)
            live, target = target, Event.objects.filter(pk=target).values_list("merged_into_id", flat=True).first()
        found[pk] = live
    return found


def _moment(item: Item):
    return item.published_at or item.arrived_at


def do_assign_events(matches, *, actor=None, items=()) -> int:
    """Give each of ``matches`` (stored ``ItemMatch`` rows, or a queryset of them) that has no event
    one; ``items``: the matched ``Item`` rows the caller holds already. Returns how many items joined
    an event. The caller holds the transaction."""
    matches = [m for m in matches if m.event_id is None]
    if not matches:
        return 0
    known = {item.pk: item for item in items}
    wanted = {m.item_id for m in matches} - set(known)
    for start in range(0, len(wanted), CHUNK):
        chunk = sorted(wanted)[start:start + CHUNK]
        known.update(Item.objects.only("pk", "title", "text", "published_at", "arrived_at", "signature")
                     .in_bulk(chunk))
    unsigned = [known[pk] for pk in {m.item_id for m in matches} if not known[pk].signature]
    by_unit: dict[int, dict[int, list[ItemMatch]]] = {}
    for match in matches:
        by_unit.setdefault(match.org_unit_id, {}).setdefault(match.item_id, []).append(match)
    signatures = {pk: item_signature(known[pk]) for pk in {m.item_id for m in matches}}
    if unsigned:
        Item.objects.bulk_update(unsigned, ["signature"], batch_size=CHUNK)
    created = touched = 0
    event_ids: set[int] = set()
    for unit_id, by_item in sorted(by_unit.items()):
        _version, index = _index_in_step(unit_id)
        order = sorted(by_item, key=lambda pk: (_moment(known[pk]), pk))
        assigned = {pk: index.add(signatures[pk]) for pk in order}
        keys = {a.key for a in assigned.values()}
        events = {e.key: e for e in Event.objects.filter(org_unit_id=unit_id, key__in=keys)}
        fresh = []
        for pk in order:
            key = assigned[pk].key
            if key not in events:
                item = known[pk]
                events[key] = Event(org_unit_id=unit_id, key=key, title=item.title[:500], first_item=item,
                                    first_seen_at=_moment(item), last_seen_at=item.arrived_at)
                fresh.append(events[key])
        Event.objects.bulk_create(fresh)
        created += len(fresh)
        live = live_event_ids(e.pk for e in events.values())
        for pk, assignment in assigned.items():
            event_id = live[events[assignment.key].pk]
            event_ids.add(event_id)
            for match in by_item[pk]:
                match.event_id, match.joined = event_id, assignment.how
        touched += len(by_item)
    ItemMatch.objects.bulk_update(matches, ["event", "joined"], batch_size=CHUNK)
    refresh_event_figures(event_ids)
    audit.record("opinion.event.cluster", actor=actor,
                 new={"items": touched, "events": len(event_ids), "new_events": created})
    return touched
