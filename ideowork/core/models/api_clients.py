"""API clients (接口客户端): the programs that call the HTTP API, each acting for one unit.

A client's token is shown once when it is made; only its visible prefix and a keyed digest
(HMAC-SHA256 with the server's secret, ``core/api/tokens.py``) are stored. See "HTTP API" in
docs/architecture.md.
"""

from django.db import models
from django.utils import timezone

from .bookkeeping import person_field

__all__ = ["ApiClient"]


class ApiClient(models.Model):
    name = models.CharField("名称", max_length=100, unique=True)
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="api_clients")
    # Codes of registered capabilities (core/capabilities.py) the client holds: nothing else.
    capabilities = models.JSONField("权限", default=list, blank=True)
    token_prefix = models.CharField("令牌前缀", max_length=16, unique=True)
    token_digest = models.CharField("令牌摘要", max_length=64)
    # One address or network (CIDR) per line; empty: any address.
    allowed_addresses = models.TextField("允许的来源地址", blank=True)
    expires_at = models.DateTimeField("有效期至", null=True, blank=True)
    is_active = models.BooleanField("有效", default=True)
    created_by = person_field("创建人")
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)
    revoked_by = person_field("吊销人")
    last_used_at = models.DateTimeField("最近调用", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "接口客户端"
        ordering = ["-is_active", "name"]

    def __str__(self) -> str:
        return self.name

    def is_expired(self, now=None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())

    @property
    def address_list(self) -> list[str]:
        return [line.strip() for line in self.allowed_addresses.splitlines() if line.strip()]

    def capability_labels(self) -> list[str]:
        from ..capabilities import get_capability, UnknownCapability

        labels = []
        for code in self.capabilities:
            try:
                labels.append(get_capability(code).label)
            except UnknownCapability:
                labels.append(code)
        return labels
