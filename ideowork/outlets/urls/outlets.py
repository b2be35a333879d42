"""Pages of the outlet register (阵地管理台账)."""

from django.urls import path

from ..views import outlets as views

urlpatterns = [
    path("", views.outlet_list, name="outlet_list"),
    path("new/", views.outlet_create, name="outlet_create"),
    path("export/", views.outlet_export, name="outlet_export"),
    path("<int:pk>/", views.outlet_detail, name="outlet_detail"),
    path("<int:pk>/edit/", views.outlet_edit, name="outlet_edit"),
    path("<int:pk>/update/", views.outlet_update, name="outlet_update"),
    path("<int:pk>/inspect/", views.outlet_inspect, name="outlet_inspect"),
    path("<int:pk>/flag/", views.outlet_flag, name="outlet_flag"),
    path("<int:pk>/unflag/", views.outlet_unflag, name="outlet_unflag"),
    path("<int:pk>/close/", views.outlet_close, name="outlet_close"),
    path("<int:pk>/reopen/", views.outlet_reopen, name="outlet_reopen"),
    path("inspections/<int:pk>/rectify/", views.inspection_rectify, name="inspection_rectify"),
]
