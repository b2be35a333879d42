"""Fetching opinion's records authorised in one step (see ``core/access.py``)."""

from django.http import Http404

from ideowork.core.access import access, accessor

from .models import Item, ItemMatch, Source

__all__ = ["access_source", "access_item"]

# Intake (sources and items).
access_source = accessor(Source, "org_unit", message="您无权管理该信息来源。")


def access_item(user, pk, action: str = "view") -> Item:
    """An item the user sees: one of their units' sources, or one their units' schemes matched
    (seen through its match; only "view" is asked that way)."""
    items = Item.objects.select_related("source", "org_unit")
    try:
        return access(items, user, pk, action)
    except Http404:
        if action != "view" or not ItemMatch.objects.visible_to(user).filter(item_id=pk).exists():
            raise
    return items.get(pk=pk)
