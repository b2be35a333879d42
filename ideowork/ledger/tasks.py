"""Periodic work of the ledger, on the Huey task queue (`ideowork run_huey` runs the consumer)."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .reminders import send_target_reminders


@db_periodic_task(crontab(hour="8", minute="0"))
def target_reminders():
    """Every morning: remind owners of targets about to fall short and of periods missed."""
    return send_target_reminders(timezone.localdate()).total


@db_task()
def target_reminders_now():
    """The same, on demand (the notification centre's "refresh" and the demo use it)."""
    return send_target_reminders(timezone.localdate()).total
