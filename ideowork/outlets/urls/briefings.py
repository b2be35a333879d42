"""Pages of the briefings part."""

urlpatterns: list = []
