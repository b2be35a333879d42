"""Archiving the audit trail: a date range exported with its chain, verifiable offline.

An archive is JSON lines: first a manifest (the range, the first and last sequence numbers, the
count, and the anchor — the MAC of the event before the first — itself protected by an HMAC with
the chain's key), then one line per event with every chained field, its MAC and algorithm.
``ideowork verify_audit --file ARCHIVE`` checks it without the database.
"""

from __future__ import annotations

import hmac
import json
from datetime import date, datetime, time, timedelta
from typing import Iterator

from django.utils import timezone

from .audit_chain import audit_key, default_algorithm, utc_text
from .audit_verify import CHAIN_COLUMNS, chain_rows

__all__ = ["archive_range", "archive_lines", "seq_archive_lines", "manifest_mac", "archive_filename", "FORMAT"]

FORMAT = "ideowork-audit-archive"


def manifest_mac(manifest: dict, key: bytes | None = None) -> str:
    body = json.dumps({k: v for k, v in manifest.items() if k != "manifest_mac"}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":")).encode()
    return hmac.digest(audit_key() if key is None else key, body, "sha256").hex()


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def archive_range(date_from: date, date_to: date, using: str = "default") -> tuple[int, int]:
    """The sequence numbers ``(first, last)`` of the events written from ``date_from`` to ``date_to``
    (local days, inclusive), as one unbroken run of the chain; ``first > last`` when there are none."""
    from .models import AuditEvent

    events = AuditEvent.objects.using(using)
    first = (events.filter(created_at__gte=_start(date_from)).order_by("seq").values_list("seq", flat=True).first())
    last = (events.filter(created_at__lt=_start(date_to + timedelta(days=1))).order_by("-seq")
            .values_list("seq", flat=True).first())
    if first is None or last is None or first > last:
        return 1, 0
    return first, last


def _anchor(first: int, using: str) -> dict:
    from .models import AuditChainHead, AuditEvent

    before = AuditEvent.objects.using(using).filter(seq=first - 1).values_list("mac", flat=True).first()
    if before is not None:
        return {"seq": first - 1, "mac": before}
    head = AuditChainHead.objects.using(using).filter(pk=1).first()
    if head is not None and head.anchor_seq == first - 1:
        return {"seq": first - 1, "mac": head.anchor_mac}
    return {"seq": first - 1, "mac": "" if first == 1 else None}


def archive_lines(date_from: date, date_to: date, using: str = "default") -> Iterator[str]:
    """The archive of a date range, line by line (each ending in a newline), read in batches."""
    first, last = archive_range(date_from, date_to, using)
    return seq_archive_lines(first, last, date_from, date_to, using)


def seq_archive_lines(first: int, last: int, date_from: date, date_to: date, using: str = "default",
                      batch: int = 5000) -> Iterator[str]:
    """The archive of the events numbered ``first`` to ``last`` (the dates name the range)."""
    manifest = {"format": FORMAT, "version": 1, "from": date_from.isoformat(), "to": date_to.isoformat(),
                "first_seq": first, "last_seq": last, "rows": max(0, last - first + 1),
                "anchor": _anchor(first, using), "fields": CHAIN_COLUMNS,
                "algorithm": default_algorithm(), "exported_at": utc_text(timezone.now())}
    manifest["manifest_mac"] = manifest_mac(manifest)
    yield json.dumps(manifest, ensure_ascii=False) + "\n"
    for row in chain_rows(using, first, last, batch):
        data = dict(zip(CHAIN_COLUMNS, row))
        data["created_at"] = utc_text(data["created_at"])
        yield json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def archive_filename(date_from: date, date_to: date) -> str:
    return f"审计归档_{date_from:%Y%m%d}-{date_to:%Y%m%d}.jsonl"
