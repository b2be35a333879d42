"""Signals the learning area listens to: a business user's first login of the day earns points.

The award goes through the task queue: on exam morning a thousand people sign in within a minute,
and the points bookkeeping (about 25 statements) need not hold up anyone's sign-in. The day is the
day of the login, not of the moment the queue gets to it.
"""

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone


@receiver(user_logged_in, dispatch_uid="learning.login_points")
def award_login_points(sender, request, user, **kwargs):
    if getattr(user, "is_business", False):
        from .tasks import login_points

        day = timezone.localdate().isoformat()
        transaction.on_commit(lambda: login_points(user.pk, day))
