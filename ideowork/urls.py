from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("", include("ideowork.reports.urls")),
    path("", include("ideowork.core.urls")),
    path("plans/", include("ideowork.plans.urls")),
    path("ledger/", include("ideowork.ledger.urls")),
    path("learning/", include("ideowork.learning.urls")),
    path("outlets/", include("ideowork.outlets.urls")),
]

handler403 = "ideowork.core.views.errors.permission_denied"
handler404 = "ideowork.core.views.errors.not_found"
