"""The one ``NinjaAPI`` at ``/api/v1/``: the routers the areas registered, bearer authentication on
every operation, the OpenAPI schema at ``/api/v1/openapi.json`` and errors as ``{"detail": "…"}``
in Chinese. There is no docs page: django-ninja's loads Swagger UI from a CDN, which the CSP (and
the intranet) forbid; the schema opens in any OpenAPI viewer."""

from functools import cache

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from .auth import ApiRefusal, ClientTokenAuth
from .registry import registered_routers

__all__ = ["api", "api_urls"]

NAMESPACE = "api"


def _build() -> NinjaAPI:
    site = NinjaAPI(title="意识形态工作管理平台接口", version="1", urls_namespace=NAMESPACE, docs_url=None,
                    auth=ClientTokenAuth(),
                    description="内网接口。每个接口客户端代表一个单位，按其权限调用；令牌以 Bearer 方式提供。")

    def answer(request, message, status, headers=None):
        response = site.create_response(request, {"detail": message}, status=status)
        for name, value in (headers or {}).items():
            response[name] = value
        return response

    @site.exception_handler(ApiRefusal)
    def refused(request, exc):
        return answer(request, str(exc), exc.status, exc.headers)

    @site.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return answer(request, "访问令牌无效。", 401, {"WWW-Authenticate": "Bearer"})

    @site.exception_handler(Http404)
    def not_found(request, exc):
        return answer(request, "记录不存在或您无权查看。", 404)

    @site.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return answer(request, str(exc) or "没有权限。", 403)

    @site.exception_handler(ValidationError)
    def invalid(request, exc):
        response = site.create_response(request, {"detail": "请求内容不符合要求。", "errors": exc.errors}, status=422)
        return response

    @site.exception_handler(HttpError)
    def http_error(request, exc):
        return answer(request, str(exc), exc.status_code)

    for prefix, router in registered_routers():
        site.add_router(prefix, router)
    return site


@cache
def api() -> NinjaAPI:
    """Built once, after every app registered its router (the URLconf is read after ``ready``)."""
    return _build()


def api_urls():
    return api().urls
