"""Pages of the news part."""

urlpatterns: list = []
