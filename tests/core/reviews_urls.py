"""A URLconf for the workflow's service tests: core's pages and a stand-in for the subject's page, so
the services' tests do not depend on every area's URLs importing cleanly while they are built."""

from django.http import HttpResponse
from django.urls import include, path

content_urls = ([path("content/<int:pk>/", lambda request, pk: HttpResponse(), name="content_detail")], "outlets")

urlpatterns = [
    path("", include("ideowork.core.urls")),
    path("outlets/", include(content_urls)),
]
