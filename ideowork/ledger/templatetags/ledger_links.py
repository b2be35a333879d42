"""Links to ledger entries from other areas' pages, shown only where the reader may open them.

A record of another area (a placement, a session, an exam …) may be visible to someone who cannot
see its ledger activity (a cadre sees the organ's placements, not every activity behind them): for
them the label is plain text rather than a link that answers 404.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from ..models import Activity

register = template.Library()


def visible_activity_ids(user, ids) -> set[int]:
    """The ids among ``ids`` of activities ``user`` may open: one query for a whole list page."""
    ids = {i for i in ids if i}
    if not ids:
        return set()
    return set(Activity.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


@register.simple_tag(takes_context=True)
def activity_link(context, activity_id, label, css="", title=""):
    """``{% activity_link record.activity_id "查看台账记录" %}``: a link if the user may open the entry,
    else the label as plain text. A page listing many passes ``visible_activity_ids`` in its context."""
    if not activity_id:
        return ""
    visible = context.get("visible_activity_ids")
    if visible is None:
        visible = visible_activity_ids(context["request"].user, [activity_id])
    if activity_id in visible:
        return format_html('<a class="{}" href="{}" title="{}">{}</a>', css,
                           reverse("ledger:detail", args=[activity_id]), title, label)
    return format_html('<span class="{}" title="{}">{}</span>', css, title, label)
