"""What an account must do before anything else, checked on every request (a middleware of its own,
beside ``core/middleware.py``):

- a session whose password has expired (flagged at login, ``core/sessions.py``) reaches only the
  change-password page until the password is changed;
- an account still waiting for its role (待授权) reaches only its personal pages;
- a browser whose session was ended by the concurrent-session limit is told so, once.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone

from .choices import SessionEnd
from .models import UserSession
from .passwords import password_expired
from .sessions import PASSWORD_EXPIRED_KEY

__all__ = ["AccountLifecycleMiddleware", "PERSONAL_PAGES"]

# Pages an account may open while it owes something (a new password, a role).
PERSONAL_PAGES = frozenset({"core:login", "core:logout", "core:password_change", "core:activate",
                            "core:account_pending", "core:notifications", "core:notification_open",
                            "core:notification_read_all"})
PASSWORD_PAGES = frozenset({"core:login", "core:logout", "core:password_change", "core:activate"})


class AccountLifecycleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a session that is gone can have been ended by the limit: a live one (a sign-in waiting
        # for its second step) is not looked for, so its requests write nothing. The session is read
        # already (the user was looked up in it).
        if (not request.user.is_authenticated and request.COOKIES.get(settings.SESSION_COOKIE_NAME)
                and not request.session.keys()):
            self._tell_ended_session(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        name = request.resolver_match.view_name if request.resolver_match else ""
        if request.session.get(PASSWORD_EXPIRED_KEY):
            if not password_expired(user):
                del request.session[PASSWORD_EXPIRED_KEY]
            elif name not in PASSWORD_PAGES:
                messages.warning(request, "您的密码已过期，请先修改密码后再继续使用。", fail_silently=True)
                return redirect("core:password_change")
        if user.is_pending and name not in PERSONAL_PAGES:
            return redirect("core:account_pending")
        return None

    @staticmethod
    def _tell_ended_session(request):
        key = request.COOKIES[settings.SESSION_COOKIE_NAME]
        told = UserSession.objects.filter(session_key=key, end_reason=SessionEnd.LIMIT, told_at__isnull=True
                                          ).update(told_at=timezone.now())
        if told:
            messages.warning(request, "您的账号已在其他地点登录，超出同时在线的会话数上限，本会话已结束。"
                             "如非本人操作，请重新登录后立即修改密码。", fail_silently=True)
