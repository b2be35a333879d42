"""Bearer authentication of API clients, their rate limit, and capability checks in endpoints."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from ninja.security import HttpBearer

from ..context import client_ip
from ..models import ApiClient
from .actor import ApiActor
from .ratelimit import take_call
from .tokens import TokenRefused, check_token

__all__ = ["ClientTokenAuth", "ApiRefusal", "require_capability"]

# last_used_at is rewritten once it is a minute old, not on every call.
LAST_USED_EVERY = timedelta(minutes=1)


class ApiRefusal(Exception):
    """A refusal the API answers with ``{"detail": message}`` and ``status`` (and ``headers``)."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class ClientTokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``: the request then acts as the client's ``ApiActor``
    (``request.auth``); the client is also kept on ``request.api_client`` for the audit."""

    def __call__(self, request):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        token = token.strip()
        address = client_ip(request)
        if scheme.lower() != "bearer" or not token:  # no guess made: not counted against the address
            raise ApiRefusal(401, "缺少访问令牌：请在 Authorization 请求头中以 Bearer 方式提供。",
                             {"WWW-Authenticate": "Bearer"})
        try:
            client = check_token(token, address)
        except TokenRefused as exc:
            _refuse(address, exc.status, str(exc))
        request.api_client = client
        wait = take_call(f"client:{client.pk}")
        if wait is not None:
            raise ApiRefusal(429, f"调用过于频繁，请{wait}秒后再试。", {"Retry-After": str(wait)})
        now = timezone.now()
        if client.last_used_at is None or now - client.last_used_at >= LAST_USED_EVERY:
            ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
        return ApiActor(client)

    def authenticate(self, request, token):  # pragma: no cover  (__call__ does the work)
        raise NotImplementedError


def _refuse(address: str, status: int, message: str):
    """Refuse a call whose token is wrong; past ``API_REFUSED_LIMIT`` such calls from one address
    in the window, refuse them with 429 instead, so that tokens cannot be guessed at speed."""
    wait = take_call(f"refused:{address}", settings.API_REFUSED_LIMIT)
    if wait is not None:
        raise ApiRefusal(429, f"无效令牌的调用过于频繁，请{wait}秒后再试。", {"Retry-After": str(wait)})
    raise ApiRefusal(status, message, {"WWW-Authenticate": "Bearer"} if status == 401 else {})


def require_capability(request, code: str) -> None:
    """Refuse (403, in Chinese) a client that does not hold ``code``."""
    if not request.auth.has_capability(code):
        raise ApiRefusal(403, "该接口客户端没有执行此操作的权限。")
