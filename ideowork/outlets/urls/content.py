"""Pages of the content part."""

urlpatterns: list = []
