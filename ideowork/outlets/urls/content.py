"""Pages of the content part: items, versions, the review page, publishing."""

from django.urls import path

from ..views import content as views

urlpatterns = [
    path("content/", views.content_list, name="content_list"),
    path("content/new/", views.content_create, name="content_create"),
    path("content/<int:pk>/", views.content_detail, name="content_detail"),
    path("content/<int:pk>/edit/", views.content_edit, name="content_edit"),
    path("content/<int:pk>/versions/", views.content_versions, name="content_versions"),
    path("content/<int:pk>/compare/", views.content_compare, name="content_compare"),
    path("content/<int:pk>/submit/", views.content_submit, name="content_submit"),
    path("content/<int:pk>/waive/", views.content_waive, name="content_waive"),
    path("content/<int:pk>/publish/", views.content_publish, name="content_publish"),
    path("content/<int:pk>/withdraw/", views.content_withdraw, name="content_withdraw"),
]
