"""The one ingestion service: every item arrives through ``do_ingest_items`` — feeds, file imports,
the HTTP API and the demo alike.

Each record is checked on its own (``intake.records.clean_record``): a bad one is reported by its
row and the good ones are kept. The same item twice — the same URL, or the same normalised title and
text from the same source — is stored once, within the batch and against what is stored. The batch
is one transaction: each new item analysed (sentiment and grade with the lexicon of the source's
unit, ``actions/lexicon.py``; the normalised text the fingerprint needed is reused), bulk inserts,
the new items matched against every active scheme (``match_items``) and the matched ones assigned
to their units' events (``do_assign_events``), one audit event with the counts, and the
``opinion.items`` data version raised.
Two batches racing with the same items meet the unique constraints: the insert is retried in a
savepoint after reading again what the other one stored, so nothing is stored twice or half.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from ideowork.core import audit
from ideowork.core.access import can
from ideowork.core.inserts import insert_objects
from ideowork.core.system import is_system_actor
from ideowork.core.versions import bump_versions

from ..analysis import Lexicon, analyse_normalised
from ..intake.records import CleanRecord, RecordError, clean_record
from ..models import Item, ItemMatch, Source
from .events import do_assign_events
from .lexicon import lexicon_for_unit
from .matching import match_items
from .warnings import do_evaluate_warnings

__all__ = ["IngestResult", "do_ingest_items", "ITEMS_TOPIC", "require_can_ingest"]

ITEMS_TOPIC = "opinion.items"
# Keys looked up per query (SQLite allows 999 parameters by default in older builds).
LOOKUP_CHUNK = 500
RACE_RETRIES = 3


@dataclass
class IngestResult:
    created: int = 0
    duplicates: int = 0
    # (row number as the caller counts rows, Chinese message)
    errors: list[tuple[int, str]] = field(default_factory=list)
    matches: int = 0
    events: int = 0
    items: list[Item] = field(default_factory=list, repr=False)


def require_can_ingest(actor, source: Source) -> None:
    """People who monitor the source's unit ("change"), a client holding ``opinion.ingest`` for it
    ("ingest"), or the system actor (feeds); anyone else gets the Chinese 403."""
    if is_system_actor(actor):
        return
    if can(actor, "change", source) or can(actor, "ingest", source):
        return
    raise PermissionDenied("您无权向该信息来源写入舆情信息。")


def _existing(source: Source, field_name: str, keys: set[str]) -> set[str]:
    keys = sorted(k for k in keys if k)
    stored = Item.objects.filter(source=source).order_by()
    if field_name == "url_key":
        # Say the partial unique index's condition, so that SQLite and PostgreSQL use that index
        # (neither can prove it from a long IN list) instead of reading every item of the source.
        stored = stored.exclude(url_key="")
    found: set[str] = set()
    for start in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[start:start + LOOKUP_CHUNK]
        found.update(stored.filter(**{f"{field_name}__in": chunk}).values_list(field_name, flat=True))
    return found


def _fresh(source: Source, cleaned: list[CleanRecord]) -> tuple[list[CleanRecord], int]:
    """The records neither stored already nor repeated earlier in the batch, and how many were dropped."""
    stored_urls = _existing(source, "url_key", {r.url_key for r in cleaned})
    stored_contents = _existing(source, "content_key", {r.content_key for r in cleaned})
    fresh = []
    for record in cleaned:
        if (record.url_key and record.url_key in stored_urls) or record.content_key in stored_contents:
            continue
        if record.url_key:
            stored_urls.add(record.url_key)
        stored_contents.add(record.content_key)
        fresh.append(record)
    return fresh, len(cleaned) - len(fresh)


def _analysis(source: Source, record: CleanRecord, lexicon: Lexicon) -> tuple[str, str, dict]:
    """The item's sentiment and grade, and why (for the item page), from its normalised text."""
    reach = {"reads": record.reads, "reposts": record.reposts, "comments": record.comments, "likes": record.likes}
    found = analyse_normalised(record.title_n, record.text_n, source_level=source.level, reach=reach,
                               lexicon=lexicon, with_signature=False)
    return found.sentiment.label, found.grade.code, {
        "sentiment_score": found.sentiment.score, "grade_points": found.grade.points,
        "grade_reasons": list(found.grade.reasons), "sensitive": [list(s) for s in found.sentiment.sensitive]}


def _rows(source: Source, records: list[CleanRecord], now) -> list[Item]:
    lexicon = lexicon_for_unit(source.org_unit)
    rows = []
    for r in records:
        sentiment, grade, analysis = _analysis(source, r, lexicon)
        item = Item(source=source, org_unit_id=source.org_unit_id, outlet_name=r.outlet_name, url=r.url,
                    url_key=r.url_key, content_key=r.content_key, title=r.title, text=r.text,
                    published_at=r.published_at, arrived_at=now, reads=r.reads, reposts=r.reposts,
                    comments=r.comments, likes=r.likes, sentiment=sentiment, grade=grade, analysis=analysis)
        item.normalised = (r.title_n, r.text_n)   # for the event signature of a matched item
        rows.append(item)
    return rows


def _store(source: Source, cleaned: list[CleanRecord], now) -> tuple[list[Item], int]:
    """Insert what is new; on a unique-constraint clash with a batch that committed meanwhile, read
    again and retry (inside a savepoint, so the transaction stays usable)."""
    for attempt in range(RACE_RETRIES):
        fresh, duplicates = _fresh(source, cleaned)
        try:
            items = _rows(source, fresh, now)
            with transaction.atomic():
                insert_objects(items)   # plain INSERTs: the ORM's bulk_create cost a fifth of the intake
            return items, duplicates
        except IntegrityError:
            if attempt == RACE_RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def _assign_events(actor, items: list[Item]) -> int:
    ids = [item.pk for item in items]
    matches = []
    for start in range(0, len(ids), LOOKUP_CHUNK):
        matches += ItemMatch.objects.filter(item_id__in=ids[start:start + LOOKUP_CHUNK], event__isnull=True)
    return do_assign_events(matches, actor=actor, items=items)


def do_ingest_items(actor, source: Source, records, *, first_row: int = 1,
                    row_numbers: list[int] | None = None) -> IngestResult:
    """Store ``records`` (dicts, see ``intake.records``) as items of ``source``, each once.

    Bad records are reported as ``(row, message)`` where ``row`` counts from ``first_row`` (a file's
    first data row, an API call's index 0), or is the record's entry in ``row_numbers`` (a file with
    blank lines skipped); good ones are kept. Raises ``PermissionDenied`` when the
    actor may not write to the source and ``ValueError`` (Chinese) when the source is inactive."""
    require_can_ingest(actor, source)
    if not source.active:
        raise ValueError(f"信息来源“{source.name}”已停用，不能接收信息。")
    result = IngestResult()
    records = list(records)
    if not records:
        return result
    cleaned: list[CleanRecord] = []
    for offset, record in enumerate(records):
        try:
            cleaned.append(clean_record(record))
        except RecordError as exc:
            row = row_numbers[offset] if row_numbers is not None else first_row + offset
            result.errors.append((row, str(exc)))
    now = timezone.now()
    with transaction.atomic():
        items, result.duplicates = _store(source, cleaned, now)
        result.created, result.items = len(items), items
        if items:
            result.matches = match_items(items)
            if result.matches:
                result.events = _assign_events(actor, items)
            do_evaluate_warnings(items)
            bump_versions(ITEMS_TOPIC, [source.org_unit.organ_id or source.org_unit_id])
        audit.record("opinion.item.ingest", source, actor=actor,
                     new={"created": result.created, "duplicates": result.duplicates, "errors": len(result.errors),
                          "matches": result.matches, "events": result.events})
    return result
