"""Learning points: once per action and source, within the caps, totals and rankings follow."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import AuditEvent
from ideowork.learning import rankings
from ideowork.learning.actions.points import (do_adjust_points, do_award_points, do_save_points_rule,
                                              ensure_default_rules)
from ideowork.learning.models import PointsEntry, PointsRule, PointsTotal, UnitPointsTotal

DAY = date(2026, 11, 18)  # a Wednesday


def test_the_same_action_earns_once(org):
    assert do_award_points(org.cadre, "read", ref="material:1", when=DAY).points == 1
    assert do_award_points(org.cadre, "read", ref="material:1", when=DAY) is None
    assert PointsEntry.objects.filter(user=org.cadre).count() == 1
    assert PointsTotal.objects.get(user=org.cadre, period="month").points == 1


def test_daily_cap_stops_points_and_the_next_day_starts_again(org):
    ensure_default_rules()  # read: 1 point, at most 6 a day
    earned = [do_award_points(org.cadre, "read", ref=f"material:{n}", when=DAY) for n in range(10)]
    assert sum(1 for e in earned if e) == 6
    assert do_award_points(org.cadre, "read", ref="material:99", when=DAY + timedelta(days=1)).points == 1
    assert PointsTotal.objects.get(user=org.cadre, period="week").points == 7


def test_a_partial_award_fills_the_cap_exactly(org):
    PointsRule.objects.create(action="quiz", points=5, daily_cap=8)
    assert do_award_points(org.cadre, "quiz", ref="daily:1", when=DAY).points == 5
    assert do_award_points(org.cadre, "quiz", ref="daily:2", when=DAY).points == 3
    assert do_award_points(org.cadre, "quiz", ref="daily:3", when=DAY) is None


def test_weekly_cap(org):
    PointsRule.objects.create(action="weekly_quiz", points=5, weekly_cap=5)
    assert do_award_points(org.cadre, "weekly_quiz", ref="week:a", when=DAY)
    assert do_award_points(org.cadre, "weekly_quiz", ref="week:b", when=DAY + timedelta(days=2)) is None
    assert do_award_points(org.cadre, "weekly_quiz", ref="week:c", when=DAY + timedelta(days=7))


def test_switched_off_rule_and_system_roles_earn_nothing(org):
    PointsRule.objects.create(action="login", points=1, is_active=False)
    assert do_award_points(org.cadre, "login", ref="login:x", when=DAY) is None
    assert do_award_points(org.sysadmin, "read", ref="material:1", when=DAY) is None


def test_unit_totals_count_learners_once(org):
    do_award_points(org.cadre, "read", ref="material:1", when=DAY)
    do_award_points(org.cadre, "read", ref="material:2", when=DAY)
    unit = UnitPointsTotal.objects.get(org_unit=org.cadre.org_unit, period="year")
    assert (unit.points, unit.learners) == (2, 1)


def test_login_earns_once_a_day(org, client, password, django_capture_on_commit_callbacks):
    """The award is queued when the sign-in commits (tests run the queue inline)."""
    with django_capture_on_commit_callbacks(execute=True) as queued:
        client.post(reverse("core:login"), {"username": org.cadre.username, "password": password})
    assert len(queued) == 1
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("core:login"), {"username": org.cadre.username, "password": password})
    assert PointsEntry.objects.filter(user=org.cadre, action="login").count() == 1
    assert PointsEntry.objects.get(user=org.cadre, action="login").ref == f"login:{timezone.localdate().isoformat()}"


def test_login_points_of_a_deactivated_person_are_not_awarded(org):
    from ideowork.learning.tasks import login_points

    org.cadre.is_active = False
    org.cadre.save(update_fields=["is_active"])
    assert login_points.call_local(org.cadre.pk, "2026-03-05") is None
    assert not PointsEntry.objects.filter(user=org.cadre).exists()


def test_adjustment_is_a_new_audited_entry(org):
    entry = do_adjust_points(org.staff, org.cadre, -3, note="重复计分更正")
    assert entry.points == -3 and entry.created_by == org.staff
    assert AuditEvent.objects.filter(event_type="learning.points.adjust").exists()
    with pytest.raises(ValidationError):
        do_adjust_points(org.staff, org.cadre, 5, note=" ")
    with pytest.raises(PermissionDenied):
        do_adjust_points(org.cadre, org.cadre, 100, note="给自己加分")
    with pytest.raises(PermissionDenied):  # a county's staff cannot touch the city's people
        do_adjust_points(org.county_staff, org.cadre, 1, note="x")


def test_rules_are_set_at_the_city_office_and_validated(org):
    rule = do_save_points_rule(org.staff, "read", points=2, daily_cap=10, weekly_cap=None)
    assert rule.points == 2 and AuditEvent.objects.filter(event_type="learning.points_rule.save").exists()
    with pytest.raises(ValidationError):
        do_save_points_rule(org.staff, "read", points=5, daily_cap=3, weekly_cap=None)
    with pytest.raises(PermissionDenied):
        do_save_points_rule(org.county_staff, "read", points=9, daily_cap=None, weekly_cap=None)
    assert PointsRule.objects.get(action="read").points == 2


def test_person_ranking_shares_ranks_on_equal_points(org):
    for user, n in ((org.cadre, 3), (org.staff, 3), (org.section_chief, 1)):
        for i in range(n):
            do_award_points(user, "read", ref=f"m:{i}", when=DAY)
    do_award_points(org.county_staff, "read", ref="m:1", when=DAY)  # another organ: not in the city office's table
    city = rankings.organ_scope(org.staff)
    rows, total = rankings.person_ranking("month", DAY, city)
    assert total == 3
    assert [(rank, row.user) for rank, row in rows] == [(1, org.staff), (1, org.cadre), (3, org.section_chief)] or \
        [(rank, row.user) for rank, row in rows] == [(1, org.cadre), (1, org.staff), (3, org.section_chief)]
    assert rankings.rank_of(org.section_chief, "month", DAY, city) == (3, 1)
    everyone = next(s for s in rankings.scopes_for(org.cadre) if s.code == "all")
    assert rankings.person_ranking("month", DAY, everyone)[1] == 4
    # The second page starts with the right rank.
    rows, _ = rankings.person_ranking("month", DAY, city, offset=2, limit=1)
    assert rows[0][0] == 3


def test_unit_ranking_per_member(org):
    do_award_points(org.county_staff, "read", ref="m:1", when=DAY)
    everyone = next(s for s in rankings.scopes_for(org.cadre) if s.code == "all")
    rows = rankings.unit_ranking("month", DAY, everyone)
    top = rows[0]
    assert top.unit == org.county_staff.org_unit and top.points == 1 and top.learners == 1


def test_ranking_pages(org, login):
    do_award_points(org.cadre, "read", ref="m:1")
    client = login(org.cadre)
    page = client.get(reverse("learning:rankings"))
    assert page.status_code == 200 and org.cadre.name in page.content.decode()
    assert client.get(reverse("learning:rankings") + "?view=units&period=year").status_code == 200
    assert client.get(reverse("learning:rankings") + "?page=abc").status_code == 200
    assert client.get(reverse("learning:points_mine")).status_code == 200
    assert client.get(reverse("learning:home")).status_code == 200
    assert client.get(reverse("learning:points_rules")).status_code == 403
    assert login(org.sysadmin).get(reverse("learning:rankings")).status_code == 403
