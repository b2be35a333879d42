"""Security administration (安全管理员 only): releasing locked accounts."""

from axes.utils import reset as axes_reset
from django.db import transaction

from ..audit import record
from ..lockouts import failed_logins
from ..models import User
from ..permissions import require

__all__ = ["do_unlock_username"]


def do_unlock_username(actor, username: str) -> int:
    """Clear the failed-login record of ``username`` so it may sign in again; return rows removed."""
    require(actor.is_secadmin, "只有安全管理员可以解锁账号。")
    before = next((f for f in failed_logins() if f.username == username), None)
    with transaction.atomic():
        removed = axes_reset(username=username)
        account = User.objects.filter(username=username).first()
        record("core.security.unlock", account, actor=actor, subject_repr=username,
               old={"username": username, "failures": before.failures if before else 0,
                    "locked": bool(before and before.locked)},
               new={"username": username, "failures": 0, "locked": False})
    return removed
