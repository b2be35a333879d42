"""URLs of handling: the event's handling page and its actions, the 舆情台账, the patrol, the deadlines."""

from django.urls import path

from ..views import handling

urlpatterns = [
    path("events/<int:pk>/handling/", handling.event_handling, name="event_handling"),
    *(path(f"events/<int:pk>/{name}/", handling.event_act, {"name": name}, name=f"event_{name}")
      for name in handling.ACTIONS),
    path("handling/files/<int:pk>/", handling.step_attachment, name="handling_attachment"),
    path("ledger/", handling.event_ledger, name="event_ledger"),
    path("ledger/export/", handling.event_ledger_export, name="event_ledger_export"),
    path("patrol/", handling.patrol, name="patrol"),
    path("patrol/record/", handling.patrol_record, name="patrol_record"),
    path("handling/deadlines/", handling.handling_deadlines, name="handling_deadlines"),
]
