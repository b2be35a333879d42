from django.urls import path

from ..views import materials

urlpatterns = [
    path("materials/", materials.material_list, name="material_list"),
    path("materials/new/", materials.material_create, name="material_create"),
    path("materials/overview/", materials.study_overview, name="study_overview"),
    path("materials/<int:pk>/", materials.material_detail, name="material_detail"),
    path("materials/<int:pk>/edit/", materials.material_edit, name="material_edit"),
    path("materials/<int:pk>/file/", materials.material_file, name="material_file"),
    path("materials/<int:pk>/heartbeat/", materials.material_heartbeat, name="material_heartbeat"),
    path("materials/<int:pk>/progress/", materials.material_progress, name="material_progress"),
    path("topics/", materials.topic_list, name="topic_list"),
    path("topics/new/", materials.topic_create, name="topic_create"),
    path("topics/<int:pk>/", materials.topic_detail, name="topic_detail"),
    path("topics/<int:pk>/edit/", materials.topic_edit, name="topic_edit"),
    path("courses/", materials.course_list, name="course_list"),
    path("courses/new/", materials.course_create, name="course_create"),
    path("courses/<int:pk>/", materials.course_detail, name="course_detail"),
    path("courses/<int:pk>/progress/", materials.course_progress, name="course_progress"),
    path("courses/<int:pk>/edit/", materials.course_edit, name="course_edit"),
    path("courses/<int:pk>/lessons/", materials.course_item_add, name="course_item_add"),
    path("courses/lessons/<int:pk>/move/", materials.course_item_move, name="course_item_move"),
    path("courses/lessons/<int:pk>/remove/", materials.course_item_remove, name="course_item_remove"),
]
