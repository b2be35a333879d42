from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from ideowork.core.api.site import api_urls

urlpatterns = [
    # Browsers ask for /favicon.ico on pages that name no icon (a file shown inline, say).
    path("favicon.ico", RedirectView.as_view(url=static("ideowork/favicon.svg"), permanent=True)),
    path("", include("ideowork.reports.urls")),
    path("", include("ideowork.core.urls")),
    path("plans/", include("ideowork.plans.urls")),
    path("ledger/", include("ideowork.ledger.urls")),
    path("learning/", include("ideowork.learning.urls")),
    path("outlets/", include("ideowork.outlets.urls")),
    path("opinion/", include("ideowork.opinion.urls")),
    # The HTTP API (core/api): token-authenticated, JSON only; areas add routers in their ready().
    path("api/v1/", api_urls()),
]

handler403 = "ideowork.core.views.errors.permission_denied"
handler404 = "ideowork.core.views.errors.not_found"
