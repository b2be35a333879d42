"""The API's gate, a middleware for ``/api/v1/``: it refuses a body over the limit (413) and a body
that is not JSON (415) before anything parses them, answers every error as ``{"detail": "…"}`` in
Chinese (Django's own 404, 405 and 500 pages included), and audits every call — the client, the
method, the path and the status, never the body."""

import json

from django.conf import settings
from django.http import JsonResponse

from ..audit import record
from .actor import ApiActor

__all__ = ["ApiGatewayMiddleware", "API_PREFIX"]

API_PREFIX = "/api/v1/"
BODY_METHODS = {"POST", "PUT", "PATCH"}
MESSAGES = {
    400: "请求有误。", 401: "未认证。", 403: "没有权限。", 404: "接口或记录不存在。", 405: "不支持该请求方法。",
    413: "请求内容过大。", 415: "只接受 JSON 格式的请求内容。", 422: "请求内容不符合要求。", 429: "调用过于频繁。",
}


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})


def _refuse_early(request):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _error(400, "请求头 Content-Length 无效。")
    limit = settings.API_MAX_BODY_BYTES
    if length > limit:
        return _error(413, f"请求内容超过上限（{limit // 1024} KB）。")
    if request.method in BODY_METHODS and length:
        content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            return _error(415, "只接受 JSON 格式的请求内容（Content-Type: application/json）。")
    return None


def _as_json(response):
    if response.status_code < 400 or response.get("Content-Type", "").startswith("application/json"):
        return response
    message = MESSAGES.get(response.status_code, "服务器内部错误。" if response.status_code >= 500 else "请求失败。")
    converted = _error(response.status_code, message)
    for header in ("Allow", "Retry-After", "WWW-Authenticate"):
        if header in response:
            converted[header] = response[header]
    return converted


class ApiGatewayMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        response = _refuse_early(request) or _as_json(self.get_response(request))
        response["Cache-Control"] = "no-store"
        self.audit(request, response)
        return response

    @staticmethod
    def audit(request, response) -> None:
        client = getattr(request, "api_client", None)
        details = {"client": client.name if client else "", "method": request.method, "path": request.path,
                   "status": response.status_code}
        if response.status_code >= 400:
            try:
                details["detail"] = json.loads(response.content).get("detail")
            except (ValueError, AttributeError):
                pass
            if not isinstance(details.get("detail"), str):
                details.pop("detail", None)
        actor = ApiActor(client) if client is not None else None
        record("core.api.call", client, actor=actor, new=details, unit=client.org_unit if client else None)
