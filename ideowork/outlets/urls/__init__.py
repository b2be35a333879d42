"""The outlets area's pages, one URL module per part (all in the ``outlets`` namespace)."""

from . import briefings, content, news, outlets, proofreading, publicity

app_name = "outlets"

urlpatterns = [
    *outlets.urlpatterns,
    *content.urlpatterns,
    *proofreading.urlpatterns,
    *briefings.urlpatterns,
    *publicity.urlpatterns,
    *news.urlpatterns,
]
