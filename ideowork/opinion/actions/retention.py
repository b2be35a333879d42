"""Retention: an item's text is kept ``OPINION_RETENTION_DAYS`` (180 by default) after it arrived,
then emptied (``text_purged_at`` set); the row, its title, figures and matches stay, so events and
counts keep their numbers. Privacy by design: raw text about people does not pile up."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ideowork.core.audit import record
from ideowork.core.system import is_system_actor

from ..models import Item

__all__ = ["do_purge_item_texts"]

CHUNK = 2000


def do_purge_item_texts(actor, now=None) -> int:
    """Empty the text of every item older than the retention period; one audit event per run
    (when anything was purged). The system actor only. Returns how many items were purged."""
    if not is_system_actor(actor):
        raise PermissionDenied("只有系统定时任务可以清理过期舆情正文。")
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.OPINION_RETENTION_DAYS)
    purged = 0
    with transaction.atomic():
        stale = Item.objects.filter(arrived_at__lt=cutoff, text_purged_at__isnull=True)
        while True:
            ids = list(stale.order_by().values_list("pk", flat=True)[:CHUNK])
            if not ids:
                break
            purged += Item.objects.filter(pk__in=ids).update(text="", text_purged_at=now)
        if purged:
            record("opinion.item.purge_text", None, actor=actor, subject_repr="过期舆情正文",
                   new={"purged": purged, "before": cutoff, "retention_days": settings.OPINION_RETENTION_DAYS})
    return purged
