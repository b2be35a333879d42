"""Records for the access walk (tests/test_access.py): a monitoring scheme of the city office."""

from ideowork.opinion.actions.schemes import do_create_scheme

# A county's or the other organ's staff may neither see nor change the city's scheme.
CITY_RECORD_PAGES = {"opinion:scheme_detail", "opinion:scheme_edit", "opinion:scheme_toggle", "opinion:scheme_delete",
                     "opinion:scheme_backrun"}


def objects(org) -> dict:
    scheme = do_create_scheme(org.staff, org_unit=org.city, name="市委编办舆情", subject_words="编办\n机构编制",
                              event_words="投诉")
    return {name: scheme.pk for name in CITY_RECORD_PAGES}
