"""Pages of the monitoring schemes."""

from django.urls import path

from ..views import schemes

urlpatterns = [
    path("schemes/", schemes.scheme_list, name="scheme_list"),
    path("schemes/new/", schemes.scheme_create, name="scheme_create"),
    path("schemes/trial/", schemes.scheme_trial, name="scheme_trial"),
    path("schemes/<int:pk>/", schemes.scheme_detail, name="scheme_detail"),
    path("schemes/<int:pk>/edit/", schemes.scheme_edit, name="scheme_edit"),
    path("schemes/<int:pk>/toggle/", schemes.scheme_toggle, name="scheme_toggle"),
    path("schemes/<int:pk>/delete/", schemes.scheme_delete, name="scheme_delete"),
    path("schemes/<int:pk>/backrun/", schemes.scheme_backrun, name="scheme_backrun"),
]
