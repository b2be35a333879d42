"""Creating notifications. Periodic reminders pass a ``dedup_key`` so a reminder exists once."""

from django.db import IntegrityError, transaction

from .choices import Role
from .models import Notification, User

__all__ = ["notify", "notify_secadmins"]


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


def notify_secadmins(title: str, body: str, *, url: str) -> None:
    """Tell every active 安全管理员 of something waiting for them (a role to grant, a reset to confirm)."""
    for secadmin in User.objects.filter(role=Role.SECADMIN, is_active=True):
        notify(secadmin, title, body=body, url=url, kind="security")
