"""Periodic work of core, on the Huey task queue (`ideowork run_huey` runs the consumer)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .actions.reviews import notify_overdue_stages


@db_periodic_task(crontab(hour="8", minute="30"))
def overdue_review_reminders():
    """Every morning: tell deciders and authors about review stages past their due time."""
    return notify_overdue_stages()
