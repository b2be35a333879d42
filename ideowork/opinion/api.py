"""Opinion's endpoints on the HTTP API (``core/api``): ``POST /api/v1/opinion/items`` — an upstream
collector pushes items into one of its unit's sources, through the one ingestion service."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Schema

from ideowork.core.access import access
from ideowork.core.api.auth import ApiRefusal, require_capability

from .actions.ingest import do_ingest_items
from .models import Source

__all__ = ["router"]

router = Router(tags=["舆情监测"])


class IngestIn(Schema):
    source: int
    # Any JSON per item: the ingestion service names a malformed one by its index and keeps the rest.
    items: list[Any]


class IngestError(Schema):
    index: int
    detail: str


class IngestOut(Schema):
    created: int
    duplicates: int
    errors: list[IngestError]


@router.post("/items", response=IngestOut, summary="推送舆情信息（每次至多500条）", url_name="opinion_ingest")
def ingest_items(request, payload: IngestIn):
    require_capability(request, "opinion.ingest")
    limit = settings.OPINION_API_MAX_ITEMS
    if len(payload.items) > limit:
        raise ApiRefusal(413, f"每次至多推送{limit}条信息，本次{len(payload.items)}条，请分批推送。")
    try:
        source = access(Source.objects.select_related("org_unit"), request.auth, payload.source, "ingest",
                        "该接口客户端无权向此信息来源推送信息。")
    except Http404:
        raise ApiRefusal(404, f"信息来源{payload.source}不存在或不属于本客户端的单位。") from None
    except PermissionDenied as exc:
        raise ApiRefusal(403, str(exc)) from None
    try:
        result = do_ingest_items(request.auth, source, payload.items, first_row=0)
    except ValueError as exc:
        raise ApiRefusal(409, str(exc)) from None
    return {"created": result.created, "duplicates": result.duplicates,
            "errors": [{"index": index, "detail": message} for index, message in result.errors]}
