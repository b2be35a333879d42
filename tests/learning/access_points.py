"""Records for the access walk (tests/test_access.py): points, rankings and the 学习标兵 selection."""

from datetime import date

from ideowork.learning.actions.exemplars import do_add_nominee, do_create_selection
from ideowork.learning.actions.points import do_award_points

CITY_RECORD_PAGES = {"learning:exemplar_detail", "learning:exemplar_nominate", "learning:exemplar_submit",
                     "learning:exemplar_publish", "learning:exemplar_decide",
                     "learning:exemplar_nominee_remove"}


def objects(org) -> dict:
    do_award_points(org.cadre, "read", ref="material:1")
    selection = do_create_selection(org.staff, title="2026年学习标兵", start=date(2026, 1, 1), end=date(2026, 12, 31),
                                    quota=3)
    nominee = do_add_nominee(org.staff, selection, org.cadre, reason="学习积极")
    return {
        "learning:points_rule_edit": "read",
        "learning:exemplar_detail": selection.pk, "learning:exemplar_nominate": selection.pk,
        "learning:exemplar_submit": selection.pk,
        "learning:exemplar_publish": selection.pk, "learning:exemplar_decide": nominee.pk,
        "learning:exemplar_nominee_remove": nominee.pk,
    }
