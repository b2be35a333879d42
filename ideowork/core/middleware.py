"""Request-wide concerns: the request context for auditing, idle timeout, no-store caching."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from .context import current_request

__all__ = ["RequestContextMiddleware", "IdleTimeoutMiddleware", "NoStoreMiddleware"]

LAST_SEEN_KEY = "_ideowork_last_seen"


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)


class IdleTimeoutMiddleware:
    """Ends a session that has been idle longer than ``SESSION_IDLE_SECONDS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_SECONDS:
                from .audit import record

                record("core.session.time_out", request.user, actor=request.user)
                logout(request)
                messages.warning(request, "您长时间未操作，会话已超时，请重新登录。")
                return redirect(f"{reverse('core:login')}?next={request.path}")
            # Writing the session on every request costs a query; a minute's resolution is enough.
            if last_seen is None or now - last_seen >= 60:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages shown to a signed-in user must not be kept by the browser or a proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response
