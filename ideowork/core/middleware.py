"""Request-wide concerns: the request context for auditing, idle timeout, no-store caching, the
Permissions-Policy header, the client's address behind the reverse proxy."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from .context import current_request

__all__ = ["RequestContextMiddleware", "IdleTimeoutMiddleware", "NoStoreMiddleware", "mark_active",
           "PermissionsPolicyMiddleware", "ProxiedClientMiddleware"]

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


# The stamp is rewritten when it is at least this old: a session write on every request cost an
# exam morning's answer saves a second write transaction each (SQLite serialises them all; see
# docs/performance.md, exam spike). A session may so end up to a minute early, never late.
STAMP_EVERY_SECONDS = 60


def mark_active(request, *, force: bool = True) -> None:
    """Stamp the session as used now; the sign-in stamps it (``core.signals``), so does every request
    once the stamp is ``STAMP_EVERY_SECONDS`` old."""
    now = int(time.time())
    if force or now - request.session.get(LAST_SEEN_KEY, 0) >= STAMP_EVERY_SECONDS:
        request.session[LAST_SEEN_KEY] = now


class IdleTimeoutMiddleware:
    """Ends a session that has been idle longer than ``SESSION_IDLE_SECONDS``.

    Every signed-in request counts as activity and moves the stamp, written at most once a minute
    (``STAMP_EVERY_SECONDS``): the idle limit is measured from the stamp, so it can only end a
    session early by less than a minute, never let it outlive the limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            last_seen = request.session.get(LAST_SEEN_KEY)
            if last_seen is not None and int(time.time()) - last_seen > settings.SESSION_IDLE_SECONDS:
                from .audit import record

                record("core.session.time_out", request.user, actor=request.user)
                logout(request)
                messages.warning(request, "您长时间未操作，会话已超时，请重新登录。")
                return redirect(f"{reverse('core:login')}?next={request.path}")
            mark_active(request, force=False)
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


class PermissionsPolicyMiddleware:
    """Switches off the browser features no page uses (``PERMISSIONS_POLICY``), on every response:
    a page that is made to run someone else's script still cannot reach the camera or microphone."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class ProxiedClientMiddleware:
    """Behind nginx (``BEHIND_PROXY``) the connection comes from the proxy: the client's address is
    the ``X-Real-IP`` header nginx sets (overwriting any the client sent). Runs first, so the audit
    trail and the login lockout see the client, not the proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        address = request.META.get("HTTP_X_REAL_IP", "").strip()
        if address:
            request.META["REMOTE_ADDR"] = address
        return self.get_response(request)
