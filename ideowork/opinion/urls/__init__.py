"""The opinion area's pages, one URL module per part (all in the ``opinion`` namespace)."""

from . import briefings, events, handling, intake, schemes, warnings

app_name = "opinion"

urlpatterns = [
    *intake.urlpatterns,
    *schemes.urlpatterns,
    *events.urlpatterns,
    *warnings.urlpatterns,
    *handling.urlpatterns,
    *briefings.urlpatterns,
]
