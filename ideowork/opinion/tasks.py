"""Work of the opinion area on the Huey task queue (``ideowork run_huey`` runs the consumer): feed
polling, the retention purge, the hourly spike check, the warnings' sending sweep, the overdue handling
reminders and the daily and weekly briefings (periodic), a scheme's back-run (queued by its page), and
a new warning's e-mails and webhooks (queued on commit)."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from ideowork.core.models import User
from ideowork.core.notify import notify
from ideowork.core.system import system_actor

from .actions.briefings import generate_periodic_briefings
from .actions.deliveries import deliver, deliver_due
from .actions.feeds import do_poll_feed, due_feed_sources
from .actions.events import do_assign_events
from .actions.matching import match_items
from .actions.retention import do_purge_item_texts
from .actions.warnings import do_check_spikes
from .choices import BriefingKind
from .models import Item, ItemMatch, Scheme

BATCH = 500


@db_task()
def backrun_scheme(scheme_id: int, start: str, end: str, actor_id: int) -> int:
    """Run one scheme back over the stored items in its reach that arrived on the days ``start`` to
    ``end`` (ISO dates, inclusive, in the local time zone), in
    batches of ``BATCH`` (one transaction each, so a long run holds no lock for long), then tell the
    one who asked. Returns how many items it matched."""
    scheme = Scheme.objects.select_related("org_unit").filter(pk=scheme_id).first()
    if scheme is None:  # deleted while queued
        return 0
    unit = scheme.org_unit
    first, last_day = date.fromisoformat(start), date.fromisoformat(end)
    zone = timezone.get_current_timezone()
    since = datetime.combine(first, time.min, tzinfo=zone)
    until = datetime.combine(last_day + timedelta(days=1), time.min, tzinfo=zone)
    # The items in the scheme's reach (actions/matching.py): its subtree's sources and those above it.
    reach = Q(org_unit__path__startswith=unit.path) | Q(org_unit_id__in=[int(p) for p in unit.path.split(".") if p])
    items = (Item.objects.filter(reach, arrived_at__gte=since, arrived_at__lt=until)
             .only("pk", "org_unit_id", "title", "text", "arrived_at", "published_at", "signature").order_by("pk"))
    scanned = matched = 0
    last = 0
    while batch := list(items.filter(pk__gt=last)[:BATCH]):
        with transaction.atomic():
            matched += match_items(batch, scheme_ids=[scheme.pk])
            # What the back-run matched joins the unit's events, as an arriving item's match does.
            do_assign_events(ItemMatch.objects.filter(scheme=scheme, item__in=batch, event__isnull=True),
                             actor=User.objects.filter(pk=actor_id).first(), items=batch)
        scanned += len(batch)
        last = batch[-1].pk
    actor = User.objects.filter(pk=actor_id, is_active=True).first()
    if actor is not None:
        from .actions.schemes import scheme_url

        notify(actor, f"监测方案“{scheme.name}”回溯完成：检查{scanned}条，命中{matched}条",
               body=f"接收时间{first:%Y年%m月%d日}至{last_day:%Y年%m月%d日}的信息已检查，命中的信息列在方案页。", url=scheme_url(scheme))
    return matched


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


@db_task()
def send_deliveries(ids: list[int]) -> list[str]:
    """A new warning's e-mails and webhooks, sent after its transaction committed (never inside
    the ingestion's); a failure is kept on the delivery and retried by ``send_due_warnings``."""
    return [deliver(pk) for pk in ids]


@db_periodic_task(crontab(minute="*"))
def send_due_warnings():
    """Every minute: send the deliveries held through quiet hours once they end, and the retries due."""
    return deliver_due()


@db_periodic_task(crontab(minute="2"))
def check_spikes():
    """Each hour: the spike rules on every scheme they watch, for the hour just ended."""
    return {"warnings": do_check_spikes()}


@db_periodic_task(crontab(minute="5"))
def handling_overdue() -> int:
    """Every hour: remind the handlers of events past their handling deadline (once per deadline)."""
    from .actions.handling import remind_overdue

    return remind_overdue()


# The queue's clock is UTC (Huey's default): 00:00 UTC is 08:00 in Asia/Shanghai.
@db_periodic_task(crontab(hour="0", minute="0"))
def daily_briefings():
    """Every morning at 8: each watching unit's daily briefing of the day before, as a draft to issue."""
    return generate_periodic_briefings(BriefingKind.DAILY, timezone.localdate() - timedelta(days=1))


@db_periodic_task(crontab(day_of_week="1", hour="0", minute="0"))
def weekly_briefings():
    """Every Monday at 8: each watching unit's weekly briefing of the week before."""
    return generate_periodic_briefings(BriefingKind.WEEKLY, timezone.localdate() - timedelta(days=7))
