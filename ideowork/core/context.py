"""The request being served, for code that records who did something and from where."""

from contextvars import ContextVar

current_request: ContextVar = ContextVar("ideowork_current_request", default=None)


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None
