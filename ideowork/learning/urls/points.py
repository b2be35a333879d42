from django.urls import path

from ..views import exemplars, points

urlpatterns = [
    path("points/", points.my_points, name="points_mine"),
    path("rankings/", points.ranking, name="rankings"),
    path("points/rules/", points.rules, name="points_rules"),
    path("points/rules/<str:action>/", points.rule_edit, name="points_rule_edit"),
    path("points/adjust/", points.adjust, name="points_adjust"),
    path("exemplars/", exemplars.selection_list, name="exemplar_list"),
    path("exemplars/new/", exemplars.selection_create, name="exemplar_create"),
    path("exemplars/<int:pk>/", exemplars.selection_detail, name="exemplar_detail"),
    path("exemplars/<int:pk>/nominate/", exemplars.nominate, name="exemplar_nominate"),
    path("exemplars/<int:pk>/submit/", exemplars.submit, name="exemplar_submit"),
    path("exemplars/<int:pk>/publish/", exemplars.publish, name="exemplar_publish"),
    path("exemplars/nominees/<int:pk>/decide/", exemplars.decide, name="exemplar_decide"),
    path("exemplars/nominees/<int:pk>/remove/", exemplars.remove_nominee, name="exemplar_nominee_remove"),
]
