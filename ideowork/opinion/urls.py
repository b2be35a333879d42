"""The opinion area's pages (all in the ``opinion`` namespace), one URL module per part."""

from . import intake_urls

app_name = "opinion"

urlpatterns = [
    *intake_urls.urlpatterns,
]
