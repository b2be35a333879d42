from django.urls import path

from .views import activities, evidence, targets

app_name = "ledger"

urlpatterns = [
    path("", activities.activity_list, name="list"),
    path("new/", activities.activity_create, name="create"),
    path("export/", activities.activity_export, name="export"),
    path("target-suggestions/", targets.target_suggestions, name="target_suggestions"),
    path("<int:pk>/", activities.activity_detail, name="detail"),
    path("<int:pk>/edit/", activities.activity_edit, name="edit"),
    path("<int:pk>/delete/", activities.activity_delete, name="delete"),
    path("<int:pk>/evidence/", evidence.evidence_add, name="evidence_add"),
    path("evidence/<int:pk>/", evidence.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/remove/", evidence.evidence_remove, name="evidence_remove"),
]
