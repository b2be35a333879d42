"""Panels the reports add to pages of the areas below them (registered through ``core.panels``)."""

from django.urls import reverse
from django.utils.html import format_html

from ideowork.core.panels import register_panel


def my_targets_link(request, obj) -> str:
    """Under a learner's year of study: where their own per-person targets stand."""
    return format_html('<p class="small"><a href="{}">查看我的个人指标完成情况 →</a></p>', reverse("reports:me"))


register_panel("learning.home.studied", my_targets_link)
