"""Periodic work of the outlets area, on the Huey task queue (`ideowork run_huey` runs the consumer)."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from .actions.outlets import do_flag_dormant_outlets
from .upkeep import send_outlet_reminders


@db_periodic_task(crontab(hour="7", minute="30"))
def outlet_upkeep():
    """Every morning: flag outlets long past their update frequency (长期未更新), then remind the
    responsible people of overdue outlets and of rectification deadlines passed."""
    today = timezone.localdate()
    flagged = do_flag_dormant_outlets(today)
    sent = send_outlet_reminders(today)
    return {"dormant": len(flagged), "reminders": sent.total}
