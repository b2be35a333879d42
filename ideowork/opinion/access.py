"""Fetching opinion's records authorised in one step (see ``core/access.py``): 404 when a record is
not visible, a Chinese 403 when it is visible but the action is not allowed."""

from django.http import Http404

from ideowork.core.access import access, accessor

from .models import Briefing, Event, Item, ItemMatch, Scheme, Source

__all__ = ["access_scheme", "access_source", "access_item", "access_event", "access_briefing"]

# Monitoring schemes: a unit sees its subtree's; the holders of opinion.monitor there change them.
access_scheme = accessor(Scheme, "org_unit", "created_by", message="您无权修改该监测方案。")

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


# Events: a unit sees its subtree's; the holders of opinion.handle there change them.
access_event = accessor(Event, "org_unit", "assigned_unit", message="您无权处置该舆情事件。")

# Briefings: seen in the unit's subtree; compiled and issued by the unit's own organ.
access_briefing = accessor(Briefing, "org_unit", "event", "issued_by", "created_by", message="您无权编发或签发该简报。")
