"""The HMAC chain over the audit trail: appending a link, and the canonical form a MAC covers.

Each event's MAC is ``HMAC(key, canonical(event) + "|" + previous event's MAC)``; the canonical form
is the JSON array of ``CHAIN_FIELDS`` (keys sorted, no spaces, UTF-8, time in UTC to the
microsecond). HMAC-SM3 (GB/T 32905) where the platform's OpenSSL provides SM3, else HMAC-SHA-256;
each event names the algorithm it was chained with (``mac_alg``), so a chain may mix both.

The key never lives in the database: ``IDEOWORK_AUDIT_KEY`` (the key itself) or
``IDEOWORK_AUDIT_KEY_FILE`` (a file holding it). Without either, a key is derived from the secret
key — for development only; ``ideowork check`` warns when that happens with DEBUG off.

Appending locks the chain's head row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite allows one
writer at a time), inside the caller's transaction: of two appends one waits for the other's
commit, and an append that is rolled back takes its sequence number back with it.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from datetime import datetime, timezone as dt_timezone
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

__all__ = ["CHAIN_FIELDS", "ALGORITHMS", "default_algorithm", "audit_key", "audit_key_source", "canonical",
           "link_mac", "append", "locked_head", "rechain_from", "utc_text", "normalise_json"]

CHAIN_FIELDS = ("seq", "created_at", "actor_id", "actor_name", "event_type", "subject_type", "subject_id",
                "subject_repr", "org_unit_id", "old", "new", "ip")
ALGORITHMS = {"HMAC-SM3": "sm3", "HMAC-SHA256": "sha256"}
_DUMPS = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def default_algorithm() -> str:
    return "HMAC-SM3" if "sm3" in hashlib.algorithms_available else "HMAC-SHA256"


@functools.cache
def _key(secret: str, key: str, key_file: str) -> tuple[bytes, str]:
    if key:
        return key.encode(), "env"
    if key_file:
        return Path(key_file).read_bytes().strip(), "file"
    return hmac.digest(secret.encode(), b"ideowork audit chain", "sha256"), "derived"


def audit_key() -> bytes:
    """The chain's key: ``AUDIT_KEY``, else the contents of ``AUDIT_KEY_FILE``, else (development)
    derived from ``SECRET_KEY``."""
    return _key(settings.SECRET_KEY, settings.AUDIT_KEY, settings.AUDIT_KEY_FILE)[0]


def audit_key_source() -> str:
    """Where the key comes from: "env", "file" or "derived"."""
    return _key(settings.SECRET_KEY, settings.AUDIT_KEY, settings.AUDIT_KEY_FILE)[1]


def utc_text(moment: datetime) -> str:
    """``2026-12-03T06:14:10.123456Z``: UTC, always to the microsecond."""
    if moment.tzinfo is not dt_timezone.utc:
        moment = moment.astimezone(dt_timezone.utc)
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"  # strftime is 5× slower


def canonical(values) -> bytes:
    """The bytes a MAC covers: the values of ``CHAIN_FIELDS`` in order (``created_at`` as a
    datetime or as its ``utc_text``)."""
    values = list(values)
    if isinstance(values[1], datetime):
        values[1] = utc_text(values[1])
    return _DUMPS(values).encode()


def link_mac(key: bytes, algorithm: str, values, prev_mac: str) -> str:
    return hmac.digest(key, canonical(values) + b"|" + prev_mac.encode(), ALGORITHMS[algorithm]).hex()


def _number(text: str):
    value = float(text)
    return int(value) if value.is_integer() else value


def normalise_json(value):
    """``value`` as any database gives it back: JSON types only, whole floats as integers (PostgreSQL's
    jsonb turns 1e20 into an integer), so the MAC made on writing is the one checked on reading."""
    if value is None:
        return None
    return json.loads(json.dumps(value), parse_float=_number)


def _values(event) -> list:
    return [getattr(event, name) for name in CHAIN_FIELDS]


def locked_head(using: str):
    """The chain's head row, locked until the caller's transaction ends (the caller is inside
    ``transaction.atomic``); made from the last event when it is missing."""
    from .models import AuditChainHead, AuditEvent

    head = AuditChainHead.objects.using(using).select_for_update().filter(pk=1).first()
    if head is None:  # a database made without migrations, or flushed by a test
        last = AuditEvent.objects.using(using).order_by("-seq").values_list("seq", "mac").first() or (0, "")
        AuditChainHead.objects.using(using).get_or_create(pk=1, defaults={"last_seq": last[0], "last_mac": last[1]})
        head = AuditChainHead.objects.using(using).select_for_update().get(pk=1)
    return head


def append(event, using: str, insert) -> None:
    """Give ``event`` the next sequence number, the time and its MAC, and ``insert()`` it; the head
    moves in the same transaction."""
    from .models import AuditChainHead

    ip_field = event._meta.get_field("ip")
    event.ip = ip_field.get_prep_value(event.ip) or None
    event.old, event.new = normalise_json(event.old), normalise_json(event.new)
    key = audit_key()
    with transaction.atomic(using=using):
        head = locked_head(using)
        event.seq = head.last_seq + 1
        event.created_at = timezone.now()
        event.mac_alg = default_algorithm()
        event.mac = link_mac(key, event.mac_alg, _values(event), head.last_mac)
        insert()
        AuditChainHead.objects.using(using).filter(pk=1).update(last_seq=event.seq, last_mac=event.mac)


def rechain_from(AuditEvent, AuditChainHead, first_seq: int, batch: int = 2000) -> int:
    """Recompute the MACs of every event from ``first_seq`` on (the model classes are passed so that
    migrations can use their historical ones). Only a data migration that rewrites stored events
    (renaming event types) calls this; it returns the number of events rechained."""
    key = audit_key()
    head = AuditChainHead.objects.filter(pk=1).first()
    anchor_seq, anchor_mac = (head.anchor_seq, head.anchor_mac) if head else (0, "")
    before = (AuditEvent.objects.filter(seq__lt=first_seq, seq__gt=anchor_seq).order_by("-seq")
              .values_list("mac", flat=True).first())
    prev = before if before is not None else anchor_mac
    count, last, last_seq = 0, None, first_seq - 1
    while True:
        rows = list(AuditEvent.objects.filter(seq__gt=last_seq).order_by("seq")[:batch])
        if not rows:
            break
        for event in rows:
            algorithm = event.mac_alg or default_algorithm()
            mac = link_mac(key, algorithm, _values(event), prev)
            event.mac, event.mac_alg, prev = mac, algorithm, mac
        # QuerySet.bulk_update, not the model's save (which refuses changes): a migration's rewrite.
        AuditEvent.objects.bulk_update(rows, ["mac", "mac_alg"])
        count += len(rows)
        last, last_seq = rows[-1], rows[-1].seq
    if last is not None:
        AuditChainHead.objects.update_or_create(pk=1, defaults={"last_seq": last.seq, "last_mac": last.mac})
    return count

