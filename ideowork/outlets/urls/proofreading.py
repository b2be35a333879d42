"""Pages of the proofreading part."""

urlpatterns: list = []
