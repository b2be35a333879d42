"""API clients (接口客户端), kept by the 系统管理员: create (the token is returned once) and revoke."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..api.tokens import new_token, token_digest
from ..audit import record
from ..capabilities import UnknownCapability, get_capability
from ..models import ApiClient, OrgUnit
from ..permissions import require

__all__ = ["IssuedToken", "api_clients_for", "do_create_api_client", "do_revoke_api_client"]


@dataclass(frozen=True)
class IssuedToken:
    client: ApiClient
    token: str


def _check_addresses(text: str) -> str:
    import ipaddress

    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for line in lines:
        try:
            ipaddress.ip_network(line, strict=False)
        except ValueError:
            raise ValidationError({"allowed_addresses": f"“{line}”不是有效的地址或网段。"}) from None
    return "\n".join(lines)


def do_create_api_client(actor, *, name: str, org_unit: OrgUnit, capabilities, expires_at=None,
                         allowed_addresses: str = "") -> IssuedToken:
    require(actor.is_sysadmin, "只有系统管理员可以管理接口客户端。")
    codes = sorted(set(capabilities))
    for code in codes:
        try:
            get_capability(code)
        except UnknownCapability:
            raise ValidationError({"capabilities": f"权限“{code}”不存在。"}) from None
    if ApiClient.objects.filter(name=name).exists():
        raise ValidationError({"name": "已有同名的接口客户端。"})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": "有效期须晚于现在。"})
    addresses = _check_addresses(allowed_addresses)
    token, prefix = new_token()
    with transaction.atomic():
        client = ApiClient.objects.create(
            name=name, org_unit=org_unit, capabilities=codes, token_prefix=prefix, token_digest=token_digest(token),
            allowed_addresses=addresses, expires_at=expires_at, created_by=actor)
        record("core.api_client.create", client, actor=actor, unit=org_unit,
               new={"name": name, "unit": org_unit.name, "capabilities": codes, "token_prefix": prefix,
                    "expires_at": expires_at, "allowed_addresses": addresses})
    return IssuedToken(client, token)


def api_clients_for(user):
    """The clients ``user`` manages: a 系统管理员's, those of the units they keep (none for anyone else)."""
    if not user.is_sysadmin:
        return ApiClient.objects.none()
    return ApiClient.objects.filter(org_unit__in=OrgUnit.objects.visible_to(user))


def do_revoke_api_client(actor, client: ApiClient) -> ApiClient:
    require(actor.is_sysadmin, "只有系统管理员可以管理接口客户端。")
    with transaction.atomic():
        locked = api_clients_for(actor).select_for_update().get(pk=client.pk)
        if not locked.is_active:
            raise ValidationError("该接口客户端已被吊销。")
        locked.is_active = False
        locked.revoked_at = timezone.now()
        locked.revoked_by = actor
        locked.save(update_fields=["is_active", "revoked_at", "revoked_by"])
        record("core.api_client.revoke", locked, actor=actor, unit=locked.org_unit,
               old={"is_active": True}, new={"is_active": False, "token_prefix": locked.token_prefix})
    return locked
