from django.urls import path

from .views import imports, items, plans, responsibility, targets

app_name = "plans"

urlpatterns = [
    path("", plans.plan_list, name="list"),
    path("<int:pk>/", plans.plan_detail, name="plan"),
    path("import/", imports.import_start, name="import"),
    path("import/<str:token>/", imports.import_preview, name="import_preview"),
    path("import/<str:token>/discard/", imports.import_discard, name="import_discard"),
    path("items/<int:pk>/", items.item_detail, name="item"),
    path("items/<int:pk>/edit/", items.item_edit, name="item_edit"),
    path("items/<int:pk>/assign/", items.item_assign, name="assign"),
    path("items/<int:item_pk>/targets/add/", targets.target_add, name="target_add"),
    path("targets/<int:pk>/edit/", targets.target_edit, name="target_edit"),
    path("targets/<int:pk>/delete/", targets.target_delete, name="target_delete"),
    path("responsibility/", responsibility.responsibility_list, name="responsibility"),
    path("responsibility/<int:pk>/bulk-assign/", responsibility.bulk_assign, name="bulk_assign"),
    path("responsibility/<int:pk>/export.xlsx", responsibility.export_excel, name="responsibility_xlsx"),
    path("responsibility/<int:pk>/export.docx", responsibility.export_word, name="responsibility_docx"),
]
