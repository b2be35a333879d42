"""Suggested targets: what an activity of this kind, date, unit and item should count toward."""

from datetime import date

import pytest
from django.urls import reverse

from ideowork.ledger.counting import counted_targets
from ideowork.ledger.suggestions import merge_checked
from ideowork.plans.models import PlanItem
from tests.factories import make_plan


def texts(targets):
    return [t.text for t in targets]


def suggest_targets(user, **kwargs):
    return [s.target for s in counted_targets(user, **kwargs)]


def test_study_session_suggests_the_study_targets(org, targets):
    suggested = suggest_targets(org.staff, kind="study", day=date(2026, 3, 10), unit=org.office)
    assert texts(suggested) == ["每月开展1次集中学习研讨", "全年集中学习不少于12次"]


def test_no_suggestions_for_another_year_or_kind(org, targets):
    assert suggest_targets(org.staff, kind="study", day=date(2025, 3, 10), unit=org.office) == []
    assert suggest_targets(org.staff, kind="meeting", day=date(2026, 3, 10), unit=org.office) == []


def test_chosen_item_comes_first(org, plan, targets):
    item3 = PlanItem.objects.get(plan=plan, number=3)
    item3.targets.update(activity_kinds=["drill", "study"])
    suggested = suggest_targets(org.staff, kind="study", day=date(2026, 3, 10), unit=org.office, item=item3)
    assert texts(suggested)[0] == "每年组织不少于1次意识形态应急处置演练"


def test_county_activity_is_suggested_for_the_county_plan_not_the_city(org, targets):
    make_plan(org.county_a, title="2026年甲县工作要点")
    suggested = suggest_targets(org.principal, kind="study", day=date(2026, 3, 10), unit=org.county_a)
    assert {t.item.plan.org_unit for t in suggested} == {org.county_a}
    # The county cannot see the city's plan at all.
    suggested = suggest_targets(org.county_staff, kind="study", day=date(2026, 3, 10), unit=org.county_a)
    assert {t.item.plan.org_unit for t in suggested} == {org.county_a}


def test_user_decisions_survive_a_change_of_suggestions():
    # Suggested {1, 2}; the user unchecked 2 and checked 5; the kind changes and {2, 3} are suggested.
    assert merge_checked({2, 3}, previous_suggested={1, 2}, checked={1, 5}) == {3, 5}


def test_htmx_endpoint_renders_the_checkboxes(org, login, targets):
    client = login(org.staff)
    response = client.get(reverse("ledger:target_suggestions"),
                          {"kind": "study", "date": "2026-03-10", "org_unit": org.office.pk},
                          HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert f'value="{targets["monthly_study"].pk}" checked' in page
    assert f'value="{targets["drill"].pk}" checked' not in page and f'value="{targets["drill"].pk}"' in page
    assert login(org.cadre).get(reverse("ledger:target_suggestions")).status_code == 403


@pytest.mark.clock("2026-03-10T10:00")  # the form's date is today: a day in the 2026 plan's year
def test_create_form_prechecks_suggestions_for_a_preset_kind(org, login, targets):
    page = login(org.staff).get(reverse("ledger:create"), {"kind": "study"}).content.decode()
    assert f'value="{targets["monthly_study"].pk}" checked' in page


def test_edit_form_shows_the_activity_own_targets(org, login, record, targets):
    activity = record(targets=[targets["yearly_study"]])
    page = login(org.staff).get(reverse("ledger:edit", args=[activity.pk])).content.decode()
    assert f'value="{targets["yearly_study"].pk}" checked' in page
    assert f'value="{targets["monthly_study"].pk}" checked' not in page
