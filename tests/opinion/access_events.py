"""Records for the access walk (tests/test_access.py): an event of the city office."""

from ideowork.opinion.models import Event

from .event_builders import forget_worker_caches, ingest_floods, watched_floods

# A county's or the other organ's staff may neither see nor change the city's events.
CITY_RECORD_PAGES = {"opinion:event_detail", "opinion:event_merge", "opinion:event_split", "opinion:event_rename"}


def objects(org) -> dict:
    forget_worker_caches()   # the walk's tests are outside tests/opinion, whose fixture does this
    _scheme, source = watched_floods(org, name="检查用")
    ingest_floods(org, source)
    event = Event.objects.filter(org_unit=org.city).order_by("pk").first()
    return {name: event.pk for name in CITY_RECORD_PAGES}
