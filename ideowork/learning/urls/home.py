from django.urls import path

from ..views import home

urlpatterns = [
    path("", home.home, name="home"),
    path("overview/", home.overview, name="overview"),
]
