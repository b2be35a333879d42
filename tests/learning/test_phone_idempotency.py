"""What a phone does to the learning services: a double tap, a retry after a lost reply, the same quiz
in two tabs. Each answer counts once per question; a repeat shows the answer that counts and changes
nothing, and the points of a quiz, a match or a sign-in are earned once."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.learning.actions.matches import do_answer_match, do_create_match, do_join_match
from ideowork.learning.actions.quizzes import AlreadyAnswered, do_answer_quiz, do_start_quiz, next_question
from ideowork.learning.actions.sessions import do_save_group, do_schedule_session, do_sign_in
from ideowork.learning.models import Attendance, MatchAnswer, PointsEntry, QuizAnswer, QuizKind

from .test_quizzes import make_questions

pytestmark = pytest.mark.django_db


def test_a_repeated_answer_shows_the_first_and_changes_nothing(org):
    make_questions(org.city, 8)
    run = do_start_quiz(org.cadre, QuizKind.DAILY)
    item = next_question(run)
    first = do_answer_quiz(org.cadre, run, item.position, "B")
    with pytest.raises(AlreadyAnswered) as repeat:  # the second tap, with another choice: the first counts
        do_answer_quiz(org.cadre, run, item.position, "A")
    assert repeat.value.answer == first and not repeat.value.answer.is_correct
    run.refresh_from_db()
    assert run.answered_count == 1 and run.correct_count == 0
    assert QuizAnswer.objects.filter(quiz_question__run=run).count() == 1


def test_the_same_quiz_in_two_tabs_earns_its_points_once(org):
    make_questions(org.city, 8)
    tab_one = do_start_quiz(org.cadre, QuizKind.DAILY)
    tab_two = do_start_quiz(org.cadre, QuizKind.DAILY)
    assert tab_one.pk == tab_two.pk
    positions = list(tab_one.questions.order_by("position").values_list("position", flat=True))
    for n, position in enumerate(positions):
        do_answer_quiz(org.cadre, tab_one if n % 2 else tab_two, position, "A")
    # The last answer arrives again from the other tab after the run has finished.
    with pytest.raises(AlreadyAnswered, match="已经结束"):
        do_answer_quiz(org.cadre, tab_one, positions[-1], "A")
    tab_one.refresh_from_db()
    assert tab_one.is_finished and tab_one.correct_count == 5 and tab_one.points == 5
    assert list(PointsEntry.objects.filter(user=org.cadre, action="quiz").values_list("points", flat=True)) == [5]
    # A question never answered is still refused plainly once the run is over.
    with pytest.raises(ValidationError) as refused:
        do_answer_quiz(org.cadre, tab_one, 99, "A")
    assert not isinstance(refused.value, AlreadyAnswered)


def test_the_answer_page_shows_a_repeat_as_the_answer_that_counts(org, login):
    make_questions(org.city, 8)
    client = login(org.cadre)
    run = do_start_quiz(org.cadre, QuizKind.DAILY)
    item = next_question(run)
    url = reverse("learning:quiz_answer", args=[run.pk])
    first = client.post(url, {"position": item.position, "answer": "A"}, HTTP_HX_REQUEST="true")
    again = client.post(url, {"position": item.position, "answer": "B"}, HTTP_HX_REQUEST="true")
    assert first.status_code == again.status_code == 200
    page = again.content.decode()
    assert "回答正确" in page and "按第一次的答案计分" in page
    assert "按第一次的答案计分" not in first.content.decode()
    assert QuizAnswer.objects.filter(quiz_question__run=run).count() == 1


def test_a_match_answer_sent_twice_counts_once(org, login):
    make_questions(org.city, 8)
    match = do_join_match(org.staff, do_create_match(org.cadre, 2))
    first = do_answer_match(org.cadre, match, 0, "A")
    with pytest.raises(AlreadyAnswered) as repeat:
        do_answer_match(org.cadre, match, 0, "B")
    assert repeat.value.answer == first
    player = match.players.get(user=org.cadre)
    assert player.score == first.score and player.correct_count == 1
    # Through the page: a retry whose first reply was lost is answered like the first, not as an error.
    client = login(org.cadre)
    reply = client.post(reverse("learning:match_answer", args=[match.pk]), {"position": 0, "answer": "A"})
    assert reply.status_code == 200
    assert reply.json()["repeat"] is True and reply.json()["correct"] is True
    assert MatchAnswer.objects.filter(player=player).count() == 1
    player.refresh_from_db()
    assert player.score == first.score


def test_signing_in_twice_counts_once(org, login):
    group = do_save_group(org.staff, name="秘书科党支部", kind="branch", org_unit=org.office,
                          secretary=org.section_chief, members=[org.cadre])
    session = do_schedule_session(org.staff, group=group, kind="study", title="专题学习", date=timezone.localdate(),
                                  start_time=time(0, 0), host="王科长", agenda=[("学习全会公报", True, "王科长")])
    assert do_sign_in(org.cadre, session.sign_in_code) == (session, True)
    assert do_sign_in(org.cadre, session.sign_in_code) == (session, False)
    client = login(org.cadre)
    reply = client.post(reverse("learning:sign_in"), {"code": session.sign_in_code}, follow=True)
    assert "无需重复签到" in reply.content.decode()
    assert Attendance.objects.filter(session=session, user=org.cadre).count() == 1
    assert PointsEntry.objects.filter(user=org.cadre, action="session").count() == 1
