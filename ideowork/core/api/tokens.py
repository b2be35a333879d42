"""Client tokens: ``iwk_<prefix>_<secret>``, shown once; the database keeps the prefix (to find the
client and to show which token it is) and a keyed digest (HMAC-SHA256 with the server's secret, as
the recovery codes are kept). The check always computes and compares a digest in constant time,
whether or not the prefix names a client."""

import hmac
import ipaddress
import secrets

from django.utils import timezone
from django.utils.crypto import salted_hmac

from ..models import ApiClient

__all__ = ["new_token", "token_digest", "token_prefix", "check_token", "TokenRefused", "address_allowed"]

SCHEME = "iwk"
_SALT = "ideowork.core.api.token"
_NO_CLIENT_DIGEST = "0" * 64


class TokenRefused(Exception):
    def __init__(self, message: str, status: int = 401):
        super().__init__(message)
        self.status = status


def new_token() -> tuple[str, str]:
    """A fresh ``(token, prefix)``."""
    prefix = secrets.token_hex(4)
    return f"{SCHEME}_{prefix}_{secrets.token_urlsafe(32)}", prefix


def token_prefix(token: str) -> str:
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != SCHEME or not parts[2]:
        return ""
    return parts[1]


def token_digest(token: str) -> str:
    return salted_hmac(_SALT, token, algorithm="sha256").hexdigest()


def address_allowed(client: ApiClient, address: str | None) -> bool:
    allowed = client.address_list
    if not allowed:
        return True
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    for entry in allowed:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def check_token(token: str, address: str | None) -> ApiClient:
    """The active client the token belongs to, or ``TokenRefused`` with a Chinese message."""
    prefix = token_prefix(token)
    client = (ApiClient.objects.select_related("org_unit", "org_unit__organ").filter(token_prefix=prefix).first()
              if prefix else None)
    matches = hmac.compare_digest(client.token_digest if client else _NO_CLIENT_DIGEST, token_digest(token))
    if client is None or not matches:
        raise TokenRefused("访问令牌无效。")
    if not client.is_active:
        raise TokenRefused("访问令牌已被吊销。")
    if client.is_expired(timezone.now()):
        raise TokenRefused("访问令牌已过期。")
    if not address_allowed(client, address):
        raise TokenRefused("该接口客户端不允许从此地址调用。", status=403)
    return client
