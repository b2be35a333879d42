"""Pages of the publicity part."""

urlpatterns: list = []
