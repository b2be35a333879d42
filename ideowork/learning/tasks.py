"""Periodic work of the learning area, on the Huey task queue (`ideowork run_huey` runs the consumer)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .actions.competitions import close_due_competitions
from .actions.exams import close_due_exams, close_expired_attempts


@db_periodic_task(crontab(minute="*"))
def exam_time_outs():
    """Every minute: hand in the attempts whose time is up (the server's time limit)."""
    total = done = close_expired_attempts()
    while done:
        done = close_expired_attempts()
        total += done
    return total


@db_periodic_task(crontab(minute="*/5"))
def exams_close():
    """Every five minutes: close exams whose window has ended, so that each reaches the ledger."""
    return close_due_exams()


@db_periodic_task(crontab(minute="*/5"))
def competitions_close():
    """Every five minutes: archive competitions whose window has passed, into the ledger."""
    return close_due_competitions()
