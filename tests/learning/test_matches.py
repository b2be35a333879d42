"""Matches: colleagues of one organ, same questions, server-side clock, answers counted once."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import User
from ideowork.core.choices import Role
from ideowork.learning.actions.matches import (do_answer_match, do_create_match, do_join_match, do_leave_match,
                                               do_quick_match, do_sync_match, match_state)
from ideowork.learning.models import Match, MatchAnswer, MatchStatus, PointsEntry

from .test_quizzes import make_questions

pytestmark = pytest.mark.django_db


def expire_question(match, seconds=25):
    Match.objects.filter(pk=match.pk).update(question_started_at=timezone.now() - timedelta(seconds=seconds))


def test_a_two_player_match_starts_when_full_and_is_played_to_the_end(org):
    make_questions(org.city, 8)
    match = do_create_match(org.cadre, 2)
    assert match.status == MatchStatus.WAITING and match.questions.count() == 5
    match = do_join_match(org.staff, match)
    assert match.status == MatchStatus.RUNNING and match.current_index == 0
    for position in range(5):
        do_answer_match(org.cadre, match, position, "A")
        with pytest.raises(ValidationError):  # the question is still open for the other player
            do_answer_match(org.cadre, match, position, "A")
        do_answer_match(org.staff, match, position, "B" if position < 2 else "A")
        match.refresh_from_db()
    assert match.status == MatchStatus.FINISHED
    cadre, staff = match.players.get(user=org.cadre), match.players.get(user=org.staff)
    assert cadre.correct_count == 5 and staff.correct_count == 3
    assert cadre.rank == 1 and staff.rank == 2 and cadre.score > staff.score
    assert PointsEntry.objects.filter(action="match", ref=f"match:{match.pk}").count() == 2
    with pytest.raises(ValidationError, match="未在进行中"):
        do_answer_match(org.cadre, match, 4, "A")


def test_answers_only_to_the_current_question_once(org):
    make_questions(org.city, 8)
    match = do_join_match(org.staff, do_create_match(org.cadre, 2))
    with pytest.raises(ValidationError, match="本题已经结束"):
        do_answer_match(org.cadre, match, 3, "A")
    do_answer_match(org.cadre, match, 0, "A")
    with pytest.raises(ValidationError, match="已经作答"):
        do_answer_match(org.cadre, match, 0, "A")
    assert MatchAnswer.objects.count() == 1
    with pytest.raises(PermissionDenied):
        do_answer_match(org.section_chief, match, 0, "A")


def test_a_question_times_out_and_absent_players_are_not_waited_for(org):
    make_questions(org.city, 8)
    match = do_join_match(org.staff, do_create_match(org.cadre, 2))
    do_answer_match(org.cadre, match, 0, "A")
    match.refresh_from_db()
    assert match.current_index == 0  # the staff is present: wait for them
    expire_question(match)
    match = do_sync_match(match)
    assert match.current_index == 1
    # Nobody looks for a long while: the match still ends, with the missed questions scoring nothing.
    Match.objects.filter(pk=match.pk).update(question_started_at=timezone.now() - timedelta(minutes=5))
    match = do_sync_match(match)
    assert match.status == MatchStatus.FINISHED
    assert match.players.get(user=org.cadre).rank == 1
    # Only the one who answered earns points.
    assert list(PointsEntry.objects.filter(action="match").values_list("user", flat=True)) == [org.cadre.pk]


def test_players_come_from_one_organ(org):
    make_questions(org.city, 8)
    make_questions(org.gov, 8, prefix="政府题")
    match = do_create_match(org.cadre, 2)
    with pytest.raises(PermissionDenied, match="本机关"):
        do_join_match(org.gov_staff, match)
    with pytest.raises(PermissionDenied):
        do_join_match(org.county_staff, match)  # a county bureau is an organ of its own
    with pytest.raises(ValidationError):
        do_create_match(org.cadre, 3)


def test_quick_match_pairs_colleagues_and_four_players_start_together(org):
    make_questions(org.city, 8)
    first = do_quick_match(org.cadre, 2)
    assert first.status == MatchStatus.WAITING
    assert do_quick_match(org.cadre, 2).pk == first.pk  # not a second open match of one's own
    paired = do_quick_match(org.staff, 2)
    assert paired.pk == first.pk and paired.status == MatchStatus.RUNNING
    four = do_create_match(org.principal, 4)
    for user in (org.deputy, org.section_chief):
        four = do_join_match(user, four)
        assert four.status == MatchStatus.WAITING
    four = do_join_match(org.supervisor, four)
    assert four.status == MatchStatus.RUNNING and four.players.count() == 4
    with pytest.raises(ValidationError, match="不能加入"):
        do_join_match(User.objects.create(username="late", role=Role.CADRE, org_unit=org.theory,
                                          display_name="迟到者"), four)


def test_leaving_a_waiting_match_cancels_it(org):
    make_questions(org.city, 8)
    match = do_create_match(org.cadre, 2)
    do_leave_match(org.cadre, match)
    match.refresh_from_db()
    assert match.status == MatchStatus.CANCELLED


def test_the_state_never_carries_an_open_questions_answer(org):
    make_questions(org.city, 8)
    match = do_join_match(org.staff, do_create_match(org.cadre, 2))
    state = match_state(match, org.cadre)
    assert "answer" not in state["question"] and "previous" not in state
    assert all("answer" not in o for o in state["question"]["options"])
    do_answer_match(org.cadre, match, 0, "A")
    do_answer_match(org.staff, match, 0, "A")
    match.refresh_from_db()
    state = match_state(match, org.cadre)
    assert state["index"] == 1 and state["previous"]["answer"] == "A"
    # A manager who is not a player sees the scoreboard but no question.
    assert "question" not in match_state(match, org.principal)


def test_match_pages_are_for_players_and_managers(org, login):
    make_questions(org.city, 8)
    match = do_join_match(org.staff, do_create_match(org.cadre, 2))
    other_cadre = User.objects.create(username="c2", role=Role.CADRE, org_unit=org.office, display_name="另一干部")
    assert login(other_cadre).get(reverse("learning:match_detail", args=[match.pk])).status_code == 404
    assert login(org.gov_staff).get(reverse("learning:match_detail", args=[match.pk])).status_code == 404
    assert login(org.principal).get(reverse("learning:match_detail", args=[match.pk])).status_code == 200
    client = login(org.cadre)
    state = client.post(reverse("learning:match_poll", args=[match.pk])).json()
    assert state["status"] == "running" and state["question"]["position"] == 0
    reply = client.post(reverse("learning:match_answer", args=[match.pk]), {"position": 0, "answer": "A"}).json()
    assert reply["correct"] is True and reply["score"] >= 10
    again = client.post(reverse("learning:match_answer", args=[match.pk]), {"position": 0, "answer": "B"})
    # Sent again (a double tap, a retry): the first answer is what counts, shown again, not an error.
    assert again.status_code == 200 and again.json()["repeat"] is True and again.json()["correct"] is True
