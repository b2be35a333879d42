"""Queued and periodic work of the risks area, on the Huey task queue (`ideowork run_huey`)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_periodic_task(crontab(hour="7", minute="10"))
def screening_daily():
    """Every morning: open the quarter's scheduled screening campaigns, and remind the units that have
    not reported in the days around a deadline (once a day per person)."""
    from .actions.schedules import open_due_campaigns, remind_before_deadlines

    opened = open_due_campaigns()
    return {"opened": len(opened), "reminded": remind_before_deadlines()}


@db_task()
def remind_campaign(campaign_id: int):
    """The organiser's 提醒报送, sent off the request: notify the units that have not reported."""
    from .actions.campaigns import send_campaign_reminders
    from .models import ScreeningCampaign

    campaign = ScreeningCampaign.objects.filter(pk=campaign_id).first()
    return 0 if campaign is None else send_campaign_reminders(campaign)
