"""The opinion area's pages, one URL module per part (all in the ``opinion`` namespace)."""

from . import schemes

app_name = "opinion"

urlpatterns = [
    *schemes.urlpatterns,
]
