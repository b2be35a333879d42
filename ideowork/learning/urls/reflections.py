from django.urls import path

from ..views import reflections as views

urlpatterns = [
    path("reflections/", views.reflection_list, name="reflection_list"),
    path("reflections/new/", views.reflection_create, name="reflection_create"),
    path("reflections/<int:pk>/", views.reflection_detail, name="reflection_detail"),
    path("reflections/<int:pk>/edit/", views.reflection_edit, name="reflection_edit"),
    path("reflections/<int:pk>/file/", views.reflection_download, name="reflection_download"),
]
