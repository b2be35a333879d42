"""Pages of the publicity part: articles placed in outside media."""

from django.urls import path

from ..views import publicity as views

urlpatterns = [
    path("publicity/", views.placement_list, name="placement_list"),
    path("publicity/export/", views.placement_export, name="placement_export"),
    path("publicity/new/", views.placement_create, name="placement_create"),
    path("publicity/<int:pk>/", views.placement_detail, name="placement_detail"),
    path("publicity/<int:pk>/edit/", views.placement_edit, name="placement_edit"),
    path("publicity/<int:pk>/delete/", views.placement_delete, name="placement_delete"),
]
