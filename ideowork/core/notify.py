"""Creating notifications. Periodic reminders pass a ``dedup_key`` so a reminder exists once."""

from django.db import IntegrityError, transaction

from .models import Notification

__all__ = ["notify"]


def notify(recipient, title: str, *, body: str = "", url: str = "", kind: str = "info",
           dedup_key: str = "") -> Notification | None:
    """Create a notification; return None when one with the same ``dedup_key`` already exists."""
    if dedup_key and Notification.objects.filter(recipient=recipient, dedup_key=dedup_key).exists():
        return None
    try:
        with transaction.atomic():
            return Notification.objects.create(
                recipient=recipient, title=title[:200], body=body, url=url, kind=kind, dedup_key=dedup_key[:200]
            )
    except IntegrityError:  # a concurrent worker created it first
        return None
