"""How a warning reaches people: one ``Delivery`` per channel and recipient, made when the warning is
raised, never again for the merges of its window.

In-app notifications (``core.notify``) are written in the warning's own transaction. E-mail (Django's
mail backend, SMTP in production) and webhooks (``webhooks.py``) are sent from the task queue after
the commit, so ingestion never waits for a mail server or a gateway: a sending is claimed by a
conditional update (two workers never send it twice), tried within a timeout, and on failure retried
after ``BACKOFF`` up to ``MAX_ATTEMPTS`` times, its Chinese error kept on the row. In the unit's
quiet hours (``WarningSettings``) e-mail and webhook deliveries are held, except for 特别重大
warnings, and the periodic ``deliver_due`` sends them when the quiet hours end.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import User
from ideowork.core.notify import notify

from ..choices import Channel, DeliveryState, Grade
from ..models import Delivery, Warning, WarningRecipient, WarningSettings
from ..webhooks import WebhookError, mask_webhook_url, message, post_message

__all__ = ["SendError", "MAX_ATTEMPTS", "BACKOFF", "create_deliveries", "deliver", "deliver_due", "quiet_until",
           "release_held", "settings_for", "warning_url", "DUE_STATES"]

MAX_ATTEMPTS = 4
# Waits after the 1st, 2nd and 3rd failure.
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30))
# A claimed sending that never reported back (its worker died) is tried again after this.
LEASE = timedelta(minutes=5)
DUE_STATES = (DeliveryState.PENDING, DeliveryState.HELD, DeliveryState.RETRYING)
DUE_BATCH = 200


class SendError(Exception):
    """A sending that failed; the message is Chinese and kept on the delivery."""


def warning_url(warning: Warning) -> str:
    return reverse("opinion:warning_detail", args=[warning.pk])


def settings_for(unit) -> WarningSettings:
    """The quiet hours of ``unit`` (its own, else its organ's; the defaults when neither set any)."""
    ids = [unit.pk, unit.organ_id] if unit.organ_id and unit.organ_id != unit.pk else [unit.pk]
    found = {s.org_unit_id: s for s in WarningSettings.objects.filter(org_unit_id__in=ids)}
    return found.get(unit.pk) or found.get(unit.organ_id) or WarningSettings(org_unit=unit)


def quiet_until(quiet: WarningSettings, moment: datetime) -> datetime | None:
    """When the quiet hours holding ``moment`` end, or None when ``moment`` is not in them."""
    if not quiet.quiet_enabled or quiet.quiet_start == quiet.quiet_end:
        return None
    local = timezone.localtime(moment)
    now, start, end = local.time(), quiet.quiet_start, quiet.quiet_end
    inside = start <= now < end if start < end else (now >= start or now < end)
    if not inside:
        return None
    day = local.date() if now < end else local.date() + timedelta(days=1)
    return datetime.combine(day, end, tzinfo=local.tzinfo)


def _people(warning: Warning, recipients: list[WarningRecipient]) -> list[User]:
    people = [r.user for r in recipients if r.user_id and r.user.is_active]
    if people or warning.scheme_id is None:
        return people
    # A scheme nobody was named for: the unit's people who handle opinion, in-app, so that no warning
    # goes unseen.
    from ideowork.core.scoping import can_act_in

    unit = warning.org_unit
    return [user for user in User.objects.filter(is_active=True, org_unit__path__startswith=unit.path)
            if user.has_capability("opinion.handle") and can_act_in(user, unit)]


def _title(warning: Warning) -> str:
    return f"【舆情预警·{warning.get_grade_display()}】{warning.title}"


def create_deliveries(warning: Warning, channels, now: datetime) -> list[int]:
    """Inside the warning's transaction: the in-app notifications, and the e-mail and webhook
    deliveries (held in quiet hours unless the warning is 特别重大). Returns the ids to send now."""
    recipients = list(WarningRecipient.objects.filter(scheme_id=warning.scheme_id).select_related("user")) \
        if warning.scheme_id else []
    rows = []
    people = _people(warning, recipients)
    if Channel.IN_APP in channels:
        for person in people:
            notify(person, _title(warning), body=warning.reason, url=warning_url(warning), kind="warning",
                   dedup_key=f"opinion.warning.{warning.pk}")
            rows.append(Delivery(warning=warning, channel=Channel.IN_APP, user=person, target=person.display_name,
                                 state=DeliveryState.SENT, attempts=1, sent_at=now))
    held = None if warning.grade == Grade.GRAVE else quiet_until(settings_for(warning.org_unit), now)
    state = DeliveryState.HELD if held else DeliveryState.PENDING
    if Channel.EMAIL in channels:
        rows += [Delivery(warning=warning, channel=Channel.EMAIL, user=person, target=person.email,
                          state=state, next_attempt_at=held or now) for person in people if person.email]
    if Channel.WEBHOOK in channels:
        rows += [Delivery(warning=warning, channel=Channel.WEBHOOK, recipient=r,
                          target=f"{r.label or r.get_webhook_kind_display()}（{mask_webhook_url(r.webhook_url)}）",
                          state=state, next_attempt_at=held or now) for r in recipients if r.webhook_url]
    Delivery.objects.bulk_create(rows)
    return [] if held else [row.pk for row in rows if row.state == DeliveryState.PENDING]


def release_held(warning: Warning, now: datetime) -> list[int]:
    """A held warning that became 特别重大: its held deliveries leave now."""
    held = list(warning.deliveries.filter(state=DeliveryState.HELD).values_list("pk", flat=True))
    Delivery.objects.filter(pk__in=held).update(state=DeliveryState.PENDING, next_attempt_at=now)
    return held


def queue_sending(ids: list[int]) -> None:
    """After the commit, send ``ids`` from the task queue."""
    if ids:
        from ..tasks import send_deliveries

        transaction.on_commit(lambda: send_deliveries(ids))


def _lines(warning: Warning) -> list[str]:
    link = f"{settings.SITE_URL}{warning_url(warning)}"
    return [f"等级：{warning.get_grade_display()}　方案：{warning.scheme_name or '—'}",
            f"信息数：{warning.item_count}　最近：{timezone.localtime(warning.last_at):%m月%d日 %H:%M}",
            warning.reason, f"查看：{link}"]


def _send(delivery: Delivery) -> None:
    warning = delivery.warning
    if delivery.channel == Channel.EMAIL:
        if not delivery.user_id or not delivery.user.email:
            raise SendError("接收人没有电子邮箱。")
        try:
            send_mail(_title(warning), "\n".join(_lines(warning)), None, [delivery.user.email], fail_silently=False)
        except Exception as exc:  # any SMTP or socket failure is a failed sending, recorded in Chinese
            raise SendError(f"邮件发送失败：{type(exc).__name__} {str(exc)[:120]}") from None
    elif delivery.channel == Channel.WEBHOOK:
        endpoint = delivery.recipient
        if endpoint is None:
            raise SendError("该群机器人已被删除。")
        try:
            post_message(endpoint.webhook_url, message(endpoint.webhook_kind, _title(warning), _lines(warning)),
                         secret=endpoint.webhook_secret, timeout=settings.OPINION_WEBHOOK_TIMEOUT)
        except WebhookError as exc:
            raise SendError(str(exc)) from None


def deliver(pk: int) -> str:
    """Send one delivery if it is due and nobody else took it; return its state afterwards."""
    now = timezone.now()
    delivery = Delivery.objects.filter(pk=pk).select_related("warning", "recipient", "user").first()
    if delivery is None or delivery.state not in (DeliveryState.PENDING, DeliveryState.RETRYING):
        return delivery.state if delivery else ""
    claimed = Delivery.objects.filter(pk=pk, state=delivery.state, attempts=delivery.attempts).update(
        attempts=F("attempts") + 1, next_attempt_at=now + LEASE)
    if not claimed:
        return delivery.state
    attempts = delivery.attempts + 1
    try:
        _send(delivery)
    except SendError as exc:
        failed = attempts >= MAX_ATTEMPTS
        Delivery.objects.filter(pk=pk).update(
            state=DeliveryState.FAILED if failed else DeliveryState.RETRYING, last_error=str(exc)[:300],
            next_attempt_at=None if failed else timezone.now() + BACKOFF[attempts - 1])
        return DeliveryState.FAILED if failed else DeliveryState.RETRYING
    Delivery.objects.filter(pk=pk).update(state=DeliveryState.SENT, sent_at=timezone.now(), last_error="",
                                          next_attempt_at=None)
    return DeliveryState.SENT


def deliver_due(now: datetime | None = None) -> dict:
    """The periodic sweep: release held deliveries whose quiet hours are over, then send what is due
    (retries, releases, and anything queued that a lost task never sent)."""
    now = now or timezone.now()
    held = (Delivery.objects.filter(state=DeliveryState.HELD, next_attempt_at__lte=now)
            .select_related("warning__org_unit"))
    quiet: dict[int, WarningSettings] = {}
    released = []
    for delivery in held[:DUE_BATCH]:
        unit = delivery.warning.org_unit
        if unit.pk not in quiet:
            quiet[unit.pk] = settings_for(unit)
        if not quiet_until(quiet[unit.pk], now):
            released.append(delivery.pk)
    Delivery.objects.filter(pk__in=released, state=DeliveryState.HELD).update(state=DeliveryState.PENDING)
    due = list(Delivery.objects.filter(Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True),
                                       state__in=[DeliveryState.PENDING, DeliveryState.RETRYING])
               .order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:DUE_BATCH])
    outcomes = [deliver(pk) for pk in due]
    return {"released": len(released), "sent": outcomes.count(DeliveryState.SENT),
            "failed": len(outcomes) - outcomes.count(DeliveryState.SENT)}
