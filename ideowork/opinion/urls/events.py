"""URLs of the event pages and of the unit's word lists."""

from django.urls import path

from ..views import events, lexicon

urlpatterns = [
    path("events/", events.event_list, name="event_list"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/<int:pk>/merge/", events.event_merge, name="event_merge"),
    path("events/<int:pk>/split/", events.event_split, name="event_split"),
    path("events/<int:pk>/rename/", events.event_rename, name="event_rename"),
    path("word-lists/", lexicon.word_lists, name="word_lists"),
]
