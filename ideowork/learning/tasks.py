"""Periodic and queued work of the learning area, on the Huey task queue (`ideowork run_huey` runs the consumer)."""

from datetime import date

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from ideowork.core.models import User

from .actions.competitions import close_due_competitions
from .actions.exams import close_due_exams, close_expired_attempts
from .actions.points import do_award_points
from .choices import PointsAction


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


@db_task()
def login_points(user_id: int, day: str):
    """The points for a day's first login (``learning.signals``), awarded off the sign-in request."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    entry = do_award_points(user, PointsAction.LOGIN, ref=f"login:{day}", when=date.fromisoformat(day))
    return entry is not None
