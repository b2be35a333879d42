"""Core's own endpoint: ``GET /api/v1/whoami`` — the calling client, its unit and its capabilities."""

from ninja import Router, Schema

__all__ = ["router"]

router = Router(tags=["基础"])


class UnitOut(Schema):
    id: int
    name: str


class WhoAmIOut(Schema):
    name: str
    token_prefix: str
    unit: UnitOut
    capabilities: list[str]


@router.get("/whoami", response=WhoAmIOut, summary="当前接口客户端", url_name="whoami")
def whoami(request):
    client = request.auth.client
    return {"name": client.name, "token_prefix": client.token_prefix,
            "unit": {"id": client.org_unit_id, "name": client.org_unit.name},
            "capabilities": sorted(client.capabilities)}
