"""Fetching opinion's records authorised in one step (see ``core/access.py``): 404 when a record is
not visible, a Chinese 403 when it is visible but the action is not allowed."""

from django.http import Http404

from ideowork.core.access import access, accessor

from .models import (Briefing, Event, HandlingStep, Item, ItemMatch, Scheme, Source, Warning, WarningRecipient,
                     WarningRule)

__all__ = ["access_scheme", "access_source", "access_item", "access_event", "access_step_attachment", "access_warning",
           "access_warning_rule", "access_warning_recipient", "access_briefing"]

# Monitoring schemes: a unit sees its subtree's; the holders of opinion.monitor there change them.
access_scheme = accessor(Scheme, "org_unit", "created_by", message="您无权修改该监测方案。")

# Events: a unit sees its subtree's and those assigned to a unit below it; the holders of opinion.handle
# in the watching unit's subtree merge, split, judge and assign them, the assigned unit handles them
# (the policy's "change" and "handle", models/events.py). Warnings raised by hand on one ask the same.
access_event = accessor(Event, "org_unit", "assigned_unit", "merged_into", message="您无权处置该舆情事件。")

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


# Warnings: a unit sees its subtree's; the holders of opinion.handle there acknowledge and close them.
# Rules are the monitoring staff's (opinion.monitor).
access_warning = accessor(Warning, "org_unit", "scheme", "event", message="您无权处理该预警。")
access_warning_rule = accessor(WarningRule, "org_unit", "scheme", message="您无权修改该预警规则。")
access_warning_recipient = accessor(WarningRecipient, "scheme", "scheme__org_unit", "user",
                                    message="您无权设置该方案的预警接收人。")


def access_step_attachment(user, pk):
    """A file of a handling step and the step, where the user sees its event; 404 otherwise."""
    links = HandlingStep.attachments.through.objects.filter(attachment_id=pk)
    step = access(HandlingStep.objects.all(), user, links.values_list("handlingstep_id", flat=True).first())
    return step, step.attachments.get(pk=pk)
# Briefings: seen in the unit's subtree; compiled and issued by the unit's own organ.
access_briefing = accessor(Briefing, "org_unit", "event", "issued_by", "created_by", message="您无权编发或签发该简报。")
