"""URLs of the briefings (舆情简报)."""

from django.urls import path

from ..views import briefings

urlpatterns = [
    path("briefings/", briefings.briefing_list, name="briefing_list"),
    path("briefings/new/", briefings.briefing_generate, name="briefing_generate"),
    path("briefings/<int:pk>/", briefings.briefing_detail, name="briefing_detail"),
    path("briefings/<int:pk>/document/", briefings.briefing_download, name="briefing_download"),
    path("briefings/<int:pk>/issue/", briefings.briefing_issue, name="briefing_issue"),
    path("briefings/<int:pk>/regenerate/", briefings.briefing_regenerate, name="briefing_regenerate"),
    path("briefings/<int:pk>/basis/", briefings.briefing_basis, name="briefing_basis"),
]
