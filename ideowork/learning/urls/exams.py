from django.urls import path

from ..views import exams

urlpatterns = [
    path("exams/", exams.exam_list, name="exam_list"),
    path("exams/new/", exams.exam_create, name="exam_create"),
    path("exams/<int:pk>/", exams.exam_detail, name="exam_detail"),
    path("exams/<int:pk>/edit/", exams.exam_edit, name="exam_edit"),
    path("exams/<int:pk>/questions/add/", exams.exam_question_add, name="exam_question_add"),
    path("exams/questions/<int:pk>/remove/", exams.exam_question_remove, name="exam_question_remove"),
    path("exams/<int:pk>/rules/add/", exams.exam_rule_add, name="exam_rule_add"),
    path("exams/rules/<int:pk>/remove/", exams.exam_rule_remove, name="exam_rule_remove"),
    path("exams/<int:pk>/publish/", exams.exam_publish, name="exam_publish"),
    path("exams/<int:pk>/close/", exams.exam_close, name="exam_close"),
    path("exams/<int:pk>/start/", exams.exam_start, name="exam_start"),
    path("exams/<int:pk>/grading/", exams.exam_grading, name="exam_grading"),
    path("exams/<int:pk>/results/", exams.exam_results_view, name="exam_results"),
    path("exams/<int:pk>/results/export/", exams.exam_results_export, name="exam_results_export"),
    path("exams/attempts/<int:pk>/", exams.attempt_take, name="attempt_take"),
    path("exams/attempts/<int:pk>/answer/", exams.attempt_answer, name="attempt_answer"),
    path("exams/attempts/<int:pk>/submit/", exams.attempt_submit, name="attempt_submit"),
    path("exams/attempts/<int:pk>/result/", exams.attempt_result, name="attempt_result"),
    path("exams/answers/<int:pk>/grade/", exams.answer_grade, name="answer_grade"),
]
