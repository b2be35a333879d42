from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.home, name="home"),
    path("office/", views.office, name="office"),
    path("progress/", views.progress, name="progress"),
    path("me/", views.me, name="me"),
    path("counties/", views.counties, name="counties"),
]
