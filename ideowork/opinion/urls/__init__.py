"""The opinion area's pages, one URL module per part (all in the ``opinion`` namespace)."""

from . import briefings, intake, schemes

app_name = "opinion"

urlpatterns = [
    *intake.urlpatterns,
    *schemes.urlpatterns,
    *briefings.urlpatterns,
]
