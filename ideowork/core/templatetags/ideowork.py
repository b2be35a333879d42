"""Template helpers shared by every area."""

from django import template
from django.utils.html import format_html

from ..panels import render_panels

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot, obj):
    """Render the panels other apps registered for ``slot`` (see core.panels)."""
    return render_panels(slot, context.get("request"), obj)


@register.simple_tag
def status_badge(status, label):
    return format_html('<span class="status status-{}">{}</span>', status, label)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()
