"""URLs of the intake pages: sources, their import, and items."""

from django.urls import path

from ..views import imports, items, sources

urlpatterns = [
    path("sources/", sources.source_list, name="source_list"),
    path("sources/new/", sources.source_create, name="source_create"),
    path("sources/<int:pk>/", sources.source_detail, name="source_detail"),
    path("sources/<int:pk>/edit/", sources.source_edit, name="source_edit"),
    path("sources/<int:pk>/deactivate/", sources.source_deactivate, name="source_deactivate"),
    path("sources/<int:pk>/activate/", sources.source_activate, name="source_activate"),
    path("sources/<int:pk>/import/", imports.source_import, name="source_import"),
    path("items/", items.item_list, name="item_list"),
    path("items/<int:pk>/", items.item_detail, name="item_detail"),
]
