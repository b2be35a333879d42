"""Polling feeds: the queue's periodic task polls each active feed source that is due, as the system
actor, through the one ingestion service; each source keeps the state of its last poll (time, last
success, the last error in Chinese, consecutive failures), which its page shows."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.system import is_system_actor

from ..choices import SourceKind
from ..feeds import FeedError, fetch_feed, parse_feed
from ..models import Source
from .ingest import do_ingest_items

__all__ = ["due_feed_sources", "do_poll_feed"]


def due_feed_sources(now=None) -> list[Source]:
    now = now or timezone.now()
    sources = Source.objects.filter(active=True, kind=SourceKind.FEED).exclude(feed_url="").select_related("org_unit")
    return [s for s in sources if s.polled_at is None or s.polled_at + timedelta(minutes=s.poll_minutes) <= now]


def do_poll_feed(actor, source: Source) -> dict:
    """Fetch and ingest ``source``'s feed once. Returns {"created", "duplicates", "errors", "not_modified"}
    or {"error": message}; the source's poll state is saved either way."""
    if not is_system_actor(actor):
        require_can(actor, "change", source, "您无权抓取该信息来源。")
    now = timezone.now()
    state = {"polled_at": now}
    outcome: dict
    try:
        response = fetch_feed(source.feed_url, etag=source.etag, last_modified=source.last_modified,
                              timeout=settings.OPINION_FEED_TIMEOUT, max_bytes=settings.OPINION_FEED_MAX_BYTES)
        if response.not_modified:
            outcome = {"created": 0, "duplicates": 0, "errors": 0, "not_modified": True}
        else:
            records = parse_feed(response.body)
            result = do_ingest_items(actor, source, records)
            outcome = {"created": result.created, "duplicates": result.duplicates, "errors": len(result.errors),
                       "not_modified": False}
            state.update(etag=response.etag, last_modified=response.last_modified)
        state.update(succeeded_at=now, last_error="", failures=0)
    except (FeedError, ValueError) as exc:
        outcome = {"error": str(exc)}
        state.update(last_error=str(exc)[:500])
    with transaction.atomic():
        fresh = Source.objects.select_for_update(of=("self",)).get(pk=source.pk)
        for name, value in state.items():
            setattr(fresh, name, value)
        if "error" in outcome:
            fresh.failures += 1
        fresh.save(update_fields=[*state, "failures"])
    return outcome
