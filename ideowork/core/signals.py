"""Logins, failed logins and logouts go to the audit trail."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .audit import record
from .middleware import mark_active


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs):
    record("core.auth.login", user, actor=user, unit=user.org_unit)


@receiver(user_logged_in)
def start_idle_clock(sender, request, user, **kwargs):
    """The idle limit counts from the sign-in itself, not from the first page after it."""
    if request is not None and hasattr(request, "session"):
        mark_active(request)


@receiver(user_logged_out)
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record("core.auth.logout", user, actor=user, unit=user.org_unit)


@receiver(user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username", "")
    record("core.auth.fail_login", None, subject_repr=username, new={"username": username})
