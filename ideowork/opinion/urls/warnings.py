"""Pages of the warnings (预警信息, 预警规则)."""

from django.urls import path

from ..views import warning_rules as rules, warnings

urlpatterns = [
    path("warnings/", warnings.warning_list, name="warning_list"),
    path("warnings/<int:pk>/", warnings.warning_detail, name="warning_detail"),
    path("warnings/<int:pk>/acknowledge/", warnings.warning_acknowledge, name="warning_acknowledge"),
    path("warnings/<int:pk>/close/", warnings.warning_close, name="warning_close"),
    path("warnings/raise/item/<int:pk>/", warnings.warning_raise_item, name="warning_raise_item"),
    path("warnings/raise/event/<int:pk>/", warnings.warning_raise_event, name="warning_raise_event"),
    path("warning-rules/", rules.warning_rules, name="warning_rules"),
    path("warning-rules/new/", rules.warning_rule_create, name="warning_rule_create"),
    path("warning-rules/<int:pk>/edit/", rules.warning_rule_edit, name="warning_rule_edit"),
    path("warning-rules/<int:pk>/toggle/", rules.warning_rule_toggle, name="warning_rule_toggle"),
    path("warning-rules/<int:pk>/delete/", rules.warning_rule_delete, name="warning_rule_delete"),
    path("warning-rules/recipients/<int:pk>/", rules.warning_recipients, name="warning_recipients"),
    path("warning-rules/recipients/remove/<int:pk>/", rules.warning_recipient_remove, name="warning_recipient_remove"),
    path("warning-rules/quiet-hours/", rules.warning_quiet_hours, name="warning_quiet_hours"),
]
