from django.urls import path

from ..views import questions

urlpatterns = [
    path("questions/", questions.question_list, name="question_list"),
    path("questions/new/", questions.question_create, name="question_create"),
    path("questions/import/", questions.question_import, name="question_import"),
    path("questions/import/template/", questions.question_import_template, name="question_import_template"),
    path("questions/<int:pk>/edit/", questions.question_edit, name="question_edit"),
    path("questions/<int:pk>/toggle/", questions.question_toggle, name="question_toggle"),
]
