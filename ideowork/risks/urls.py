"""The risks area's pages (namespace ``risks``)."""

from django.urls import path

from .views import matrix, register, risks

app_name = "risks"

urlpatterns = [
    path("", register.register, name="register"),
    path("export/", register.register_export, name="register_export"),
    path("heatmap/", register.heatmap, name="heatmap"),
    path("as-of/", register.as_of, name="asof"),
    path("matrix/", matrix.matrix_edit, name="matrix"),
    path("new/", risks.risk_create, name="create"),
    path("<int:pk>/", risks.risk_detail, name="detail"),
    path("<int:pk>/edit/", risks.risk_edit, name="edit"),
    path("<int:pk>/progress/", risks.risk_progress, name="progress"),
    path("<int:pk>/closeout/", risks.risk_closeout, name="closeout"),
    path("<int:pk>/accept/", risks.risk_accept, name="accept"),
    path("<int:pk>/reopen/", risks.risk_reopen, name="reopen"),
    path("evidence/<int:pk>/", risks.evidence_download, name="evidence_download"),
]
