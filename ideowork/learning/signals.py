"""Signals the learning area listens to: a business user's first login of the day earns points."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from .actions.points import do_award_points
from .choices import PointsAction


@receiver(user_logged_in, dispatch_uid="learning.login_points")
def award_login_points(sender, request, user, **kwargs):
    if getattr(user, "is_business", False):
        do_award_points(user, PointsAction.LOGIN, ref=f"login:{timezone.localdate().isoformat()}")
