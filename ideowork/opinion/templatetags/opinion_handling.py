"""An event's handling state as the project's status badge."""

from django import template

from ideowork.core.templatetags.ideowork import status_badge

from ..choices import EventStatus

register = template.Library()

# Where each handling state stands, in the colours every status badge uses.
_TONE = {EventStatus.JUDGING: "behind", EventStatus.HANDLING: "ontrack", EventStatus.RESPONDING: "ontrack",
         EventStatus.CLOSING: "ontrack", EventStatus.CLOSED: "done", EventStatus.DISMISSED: "none"}


@register.simple_tag
def event_status(event):
    return status_badge(_TONE.get(event.status, "none"), event.get_status_display())
