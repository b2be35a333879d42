"""Records for the access walk (tests/test_access.py): a daily briefing of the city office."""

from django.utils import timezone

from ideowork.opinion.actions.briefings import do_generate_briefing

# A county's or the other organ's staff may neither see, issue nor regenerate the city's briefing.
CITY_RECORD_PAGES = {"opinion:briefing_detail", "opinion:briefing_download", "opinion:briefing_issue",
                     "opinion:briefing_regenerate", "opinion:briefing_basis"}


def objects(org) -> dict:
    briefing = do_generate_briefing(org.staff, org.city, "daily", timezone.localdate())
    return {name: briefing.pk for name in CITY_RECORD_PAGES}
