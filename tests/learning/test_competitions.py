"""Knowledge competitions: audience, attempts, live ranking by person and unit, archiving to the ledger."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import AuditEvent
from ideowork.learning.actions.competitions import (close_due_competitions, do_close_competition,
                                                    do_create_competition, person_ranking, unit_ranking)
from ideowork.learning.actions.quizzes import do_answer_quiz, do_start_quiz
from ideowork.learning.models import PointsEntry, QuizKind, QuizRun
from ideowork.ledger.models import Activity

from .test_quizzes import make_questions

pytestmark = pytest.mark.django_db


def open_competition(org, *, unit=None, attempts=1, count=4, actor=None):
    make_questions(org.city, 8)
    now = timezone.now()
    return do_create_competition(actor or org.staff, org_unit=unit or org.city, title="党的二十届三中全会精神知识竞赛",
                                 question_count=count, max_attempts=attempts,
                                 starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(days=2))


def take(user, competition, wrong=0):
    run = do_start_quiz(user, QuizKind.COMPETITION, competition=competition)
    for item in run.questions.order_by("position"):
        do_answer_quiz(user, run, item.position, "B" if item.position <= wrong else "A")
    run.refresh_from_db()
    return run


def test_create_checks_role_scope_and_questions(org):
    make_questions(org.city, 3)
    now = timezone.now()
    window = {"starts_at": now, "ends_at": now + timedelta(days=1)}
    with pytest.raises(PermissionDenied):
        do_create_competition(org.cadre, org_unit=org.city, title="x", question_count=2, **window)
    with pytest.raises(PermissionDenied):
        do_create_competition(org.county_staff, org_unit=org.city, title="x", question_count=2, **window)
    with pytest.raises(ValidationError) as err:
        do_create_competition(org.staff, org_unit=org.city, title="", question_count=5, starts_at=now, ends_at=now)
    assert {"title", "question_count", "ends_at"} <= set(err.value.error_dict)
    competition = do_create_competition(org.staff, org_unit=org.city, title="竞赛", question_count=2, **window)
    assert AuditEvent.objects.filter(event_type="learning.competition.create", subject_id=str(competition.pk)).exists()


def test_only_the_units_subtree_may_enter(org):
    competition = open_competition(org, unit=org.county_a, actor=org.staff)
    take(org.county_staff, competition)
    with pytest.raises(PermissionDenied, match="参赛范围"):
        do_start_quiz(org.cadre, QuizKind.COMPETITION, competition=competition)
    with pytest.raises(PermissionDenied):
        do_start_quiz(org.other_county_staff, QuizKind.COMPETITION, competition=competition)


def test_attempts_best_counts_and_ranking_by_person_and_unit(org):
    competition = open_competition(org, attempts=2)
    first = take(org.cadre, competition, wrong=2)
    second = take(org.cadre, competition, wrong=0)
    assert (first.attempt, second.attempt) == (1, 2)
    with pytest.raises(ValidationError, match="次数已用完"):
        do_start_quiz(org.cadre, QuizKind.COMPETITION, competition=competition)
    take(org.county_staff, competition, wrong=1)
    take(org.staff, competition, wrong=1)
    standings = person_ranking(competition)
    assert [(s.user, s.correct, s.attempts) for s in standings][0] == (org.cadre, 4, 2)
    assert {s.user for s in standings[1:]} == {org.county_staff, org.staff}
    assert [s.rank for s in standings] == [1, 2, 3]
    units = unit_ranking(standings)
    assert units[0].unit_name == org.office.display_name and units[0].entrants == 2 and units[0].average == 3.5
    assert units[1].unit_name == org.county_a.display_name
    # Competition points are awarded once per competition, whatever the attempts.
    assert PointsEntry.objects.filter(user=org.cadre, action="competition").count() == 1


def test_ties_are_broken_by_time_used(org):
    competition = open_competition(org)
    slow, fast = take(org.cadre, competition), take(org.staff, competition)
    QuizRun.objects.filter(pk=slow.pk).update(seconds_used=90)
    QuizRun.objects.filter(pk=fast.pk).update(seconds_used=30)
    assert [s.user for s in person_ranking(competition)] == [org.staff, org.cadre]


def test_close_archives_once_into_the_ledger(org):
    competition = open_competition(org)
    take(org.cadre, competition)
    take(org.county_staff, competition, wrong=1)
    with pytest.raises(PermissionDenied):
        do_close_competition(org.cadre, competition)
    with pytest.raises(PermissionDenied):
        do_close_competition(org.county_staff, competition)
    cut_short = do_start_quiz(org.section_chief, QuizKind.COMPETITION, competition=competition)
    do_answer_quiz(org.section_chief, cut_short, 1, "A")
    closed = do_close_competition(org.staff, competition)
    cut_short.refresh_from_db()
    assert cut_short.is_finished and cut_short.correct_count == 1
    activity = Activity.objects.get(source="learning", source_ref=f"competition:{competition.pk}")
    assert closed.activity == activity and activity.org_unit == org.city
    assert set(activity.participants.all()) == {org.cadre, org.county_staff, org.section_chief}
    assert "孙干部" in activity.summary
    with pytest.raises(ValidationError, match="已经归档"):
        do_close_competition(org.staff, competition)
    with pytest.raises(ValidationError, match="已经结束"):
        do_start_quiz(org.staff, QuizKind.COMPETITION, competition=competition)
    assert AuditEvent.objects.filter(event_type="learning.competition.close").count() == 1


def test_due_competitions_close_by_themselves(org):
    competition = open_competition(org)
    take(org.cadre, competition)
    assert close_due_competitions() == 0
    type(competition).objects.filter(pk=competition.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    assert close_due_competitions() == 1
    assert Activity.objects.filter(source_ref=f"competition:{competition.pk}").count() == 1
    assert close_due_competitions() == 0


def test_pages_and_the_ranking_fragment(org, login):
    competition = open_competition(org)
    take(org.cadre, competition)
    client = login(org.county_staff)
    page = client.get(reverse("learning:competition_detail", args=[competition.pk])).content.decode()
    assert "开始竞赛" in page
    fragment = client.get(reverse("learning:competition_ranking", args=[competition.pk]), HTTP_HX_REQUEST="true")
    body = fragment.content.decode()
    assert "孙干部" in body and "单位排名" in body and "<html" not in body
    assert login(org.gov_staff).get(reverse("learning:competition_ranking", args=[competition.pk])).status_code == 404


def test_create_page_publishes(org, login):
    make_questions(org.city, 5)
    client = login(org.staff)
    response = client.post(reverse("learning:competition_create"), {
        "title": "理论知识竞赛", "org_unit": org.city.pk, "question_count": 3, "max_attempts": 1,
        "starts_at": "2026-01-01T08:00", "ends_at": "2030-01-01T08:00", "category": ""})
    assert response.status_code == 302
    bad = client.post(reverse("learning:competition_create"), {
        "title": "理论知识竞赛", "org_unit": org.city.pk, "question_count": 30, "max_attempts": 1,
        "starts_at": "2026-01-01T08:00", "ends_at": "2030-01-01T08:00", "category": ""})
    assert "少于题量" in bad.content.decode()
    assert login(org.cadre).get(reverse("learning:competition_create")).status_code == 403
