"""django-axes' record of failed logins: who is locked out now, and until when.

A lock lasts the cool-off from the moment it was set, whatever happens meanwhile: axes is told not to
record attempts on a locked username (``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False``), and
``LockoutHandler`` dates all of the username's counted failures from the locking one, so that rows
from other addresses or browsers cannot expire earlier and end the lock before its time.
"""

from dataclasses import dataclass
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

__all__ = ["FailedLogin", "failed_logins", "cool_off_minutes", "LockoutHandler"]


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler whose cool-off runs from the moment of locking (``AXES_HANDLER``).

    A sign-in whose username had no counted failure when it was checked has nothing to reset, so it
    skips axes' clean-up and reset (four statements of every exam-morning sign-in); expired rows are
    still cleaned at the username's next failure, as axes does."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        if request is not None and credentials and credentials.get("username"):
            request.ideowork_failures_checked = failures
        return failures

    def user_logged_in(self, sender, request, user, **kwargs):
        if getattr(request, "ideowork_failures_checked", None) == 0:
            return
        super().user_logged_in(sender, request, user, **kwargs)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        already_locked = bool(getattr(request, "axes_locked_out", False))
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or already_locked or not getattr(request, "axes_locked_out", False):
            return
        username = get_client_username(request, credentials)
        locked_at = request.axes_attempt_time
        AccessAttempt.objects.filter(username=username, attempt_time__gte=locked_at - get_cool_off(request)) \
            .update(attempt_time=locked_at)
        from .audit import record

        record("core.auth.lock_out", None, subject_repr=username or "",
               new={"username": username, "failures": request.axes_failures_since_start,
                    "unlocks_at": (locked_at + get_cool_off(request)).isoformat()})


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
