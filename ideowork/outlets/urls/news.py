"""Pages of the news part: press conferences, the expert library, policy interpretation, public questions."""

from django.urls import path

from ..views import news as views

urlpatterns = [
    path("press/", views.press_list, name="press_list"),
    path("press/new/", views.press_create, name="press_create"),
    path("press/<int:pk>/", views.press_detail, name="press_detail"),
    path("press/<int:pk>/edit/", views.press_edit, name="press_edit"),
    path("press/<int:pk>/delete/", views.press_delete, name="press_delete"),
    path("experts/", views.expert_list, name="expert_list"),
    path("experts/new/", views.expert_create, name="expert_create"),
    path("experts/<int:pk>/edit/", views.expert_edit, name="expert_edit"),
    path("experts/<int:pk>/delete/", views.expert_delete, name="expert_delete"),
    path("interpretations/", views.interpretation_list, name="interpretation_list"),
    path("interpretations/new/", views.interpretation_create, name="interpretation_create"),
    path("interpretations/<int:pk>/edit/", views.interpretation_edit, name="interpretation_edit"),
    path("interpretations/<int:pk>/delete/", views.interpretation_delete, name="interpretation_delete"),
    path("questions/", views.question_list, name="question_list"),
    path("questions/new/", views.question_create, name="question_create"),
    path("questions/<int:pk>/", views.question_detail, name="question_detail"),
    path("questions/<int:pk>/answer/", views.question_answer, name="question_answer"),
    path("questions/<int:pk>/delete/", views.question_delete, name="question_delete"),
]
