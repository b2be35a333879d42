"""Pages of the outlets part."""

urlpatterns: list = []
