"""Reading django-axes' record of failed logins: who is locked out now, and until when."""

from dataclasses import dataclass
from datetime import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

__all__ = ["FailedLogin", "failed_logins", "cool_off_minutes"]


@dataclass(frozen=True)
class FailedLogin:
    username: str
    failures: int
    last_attempt: datetime
    ip_addresses: tuple[str, ...]
    locked: bool
    unlocks_at: datetime
    display_name: str = ""


def cool_off_minutes() -> int:
    return int(get_cool_off().total_seconds() // 60)


def failed_logins() -> list[FailedLogin]:
    """Usernames with failures inside the cool-off window, locked ones first.

    Counts the way axes does with ``AXES_LOCKOUT_PARAMETERS = ["username"]``: the sum of
    ``failures_since_start`` over the username's attempt rows newer than now − cool-off.
    """
    from .models import User

    cool_off = get_cool_off()
    threshold = timezone.now() - cool_off
    recent = AccessAttempt.objects.filter(attempt_time__gte=threshold).exclude(username__isnull=True)
    totals = recent.order_by().values("username").annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    ips: dict[str, set[str]] = {}
    for username, ip in recent.values_list("username", "ip_address"):
        if ip:
            ips.setdefault(username, set()).add(ip)
    names = dict(User.objects.filter(username__in=[t["username"] for t in totals])
                 .values_list("username", "display_name"))
    rows = [
        FailedLogin(username=t["username"], failures=t["failures"], last_attempt=t["last"],
                    ip_addresses=tuple(sorted(ips.get(t["username"], ()))),
                    locked=t["failures"] >= settings.AXES_FAILURE_LIMIT, unlocks_at=t["last"] + cool_off,
                    display_name=names.get(t["username"], ""))
        for t in totals
    ]
    return sorted(rows, key=lambda r: (not r.locked, -r.last_attempt.timestamp()))
