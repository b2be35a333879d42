"""Periodic work of opinion monitoring, on the Huey task queue (``ideowork run_huey`` runs the consumer)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from ideowork.core.system import system_actor

from .actions.feeds import do_poll_feed, due_feed_sources
from .actions.retention import do_purge_item_texts


@db_periodic_task(crontab(minute="*"))
def poll_feeds():
    """Every minute: poll the feed sources whose interval has passed, as the system actor."""
    actor = system_actor()
    outcomes = {source.pk: do_poll_feed(actor, source) for source in due_feed_sources()}
    return {"polled": len(outcomes), "failed": sum("error" in o for o in outcomes.values())}


@db_periodic_task(crontab(hour="3", minute="40"))
def purge_item_texts():
    """Every night: purge the text of items older than the retention period (the rows stay)."""
    return {"purged": do_purge_item_texts(system_actor())}
