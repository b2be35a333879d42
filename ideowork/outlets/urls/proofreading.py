"""Pages of the proofreading part: the online checker and the rules the publicity staff maintain."""

from django.urls import path

from ..views import proofreading

urlpatterns = [
    path("proofread/", proofreading.proofread_page, name="proofread"),
    path("proofread/rules/", proofreading.rule_list, name="rule_list"),
    path("proofread/rules/new/", proofreading.rule_create, name="rule_create"),
    path("proofread/rules/import/", proofreading.rule_import, name="rule_import"),
    path("proofread/rules/export/", proofreading.rule_export, name="rule_export"),
    path("proofread/rules/template/", proofreading.rule_template, name="rule_template"),
    path("proofread/rules/<int:pk>/edit/", proofreading.rule_edit, name="rule_edit"),
    path("proofread/rules/<int:pk>/toggle/", proofreading.rule_toggle, name="rule_toggle"),
    path("proofread/rules/<int:pk>/delete/", proofreading.rule_delete, name="rule_delete"),
    path("proofread/rules/<int:pk>/reset/", proofreading.rule_reset, name="rule_reset"),
]
