"""Exam morning (bench/exam_spike.py): the paper from cached question data, queries on the hot paths,
double taps and reconnects, a failed-login storm behind one gateway address, the Argon2 parameters."""

import json
import re
from datetime import datetime

import pytest
from argon2 import PasswordHasher
from axes.models import AccessAttempt
from django.contrib.auth.hashers import check_password, identify_hasher
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ideowork.core.models import AuditEvent, User
from ideowork.learning.actions.exams import do_save_answer, do_start_attempt, paper_for_taking
from ideowork.learning.actions.questions import do_update_question
from ideowork.learning.models import Answer, Attempt, PointsEntry

from .access_exams import make_exam

pytestmark = pytest.mark.django_db
PAPER_RE = re.compile(r'<script id="paper-data" type="application/json">(.*?)</script>', re.S)


def paper_in(response) -> list[dict]:
    return json.loads(PAPER_RE.search(response.content.decode()).group(1))["questions"]


def by_kind(paper):
    return {q["kind"]: q for q in paper}


# --- the paper --------------------------------------------------------------------------------------
def test_the_paper_follows_the_persons_order_and_never_carries_the_key(org, exam, bank, login):
    attempt = do_start_attempt(org.cadre, exam)
    client = login(org.cadre)
    paper = paper_in(client.get(f"/learning/exams/attempts/{attempt.pk}/"))
    rows = list(attempt.paper.order_by("order").values_list("question_id", "option_order"))
    assert [q["id"] for q in paper] == [qid for qid, _ in rows]
    for q, (_, option_order) in zip(paper, rows):
        assert [o["value"] for o in q["options"]] == option_order
        assert [o["label"] for o in q["options"]] == list("ABCDEFGH"[:len(option_order)])
    blob = json.dumps(paper, ensure_ascii=False)
    for question in bank:
        assert question.explanation not in blob
    assert "answer" not in {k for q in paper for k in q}
    assert by_kind(paper)["blank"]["blanks"] == len(next(q for q in bank if q.kind == "blank").answer)


def test_the_question_cache_never_serves_an_edited_question_stale(org, exam, bank):
    attempt = do_start_attempt(org.cadre, exam)
    with CaptureQueriesContext(connection) as drawn:
        fresh = paper_for_taking(attempt)  # the paper the start drew: nothing read back
    with CaptureQueriesContext(connection) as warm:
        first = paper_for_taking(attempt)
    assert len(drawn) == 0 and len(warm) == 2  # the paper rows, the answers (the start cached the questions)
    assert first == fresh
    single = next(q for q in bank if q.kind == "single")
    do_update_question(org.staff, single, kind="single", stem="改过的题干：意识形态工作是党的一项极端重要的工作。",
                       option_texts=["甲", "乙", "丙", "丁"], answer="A", category_name="党的创新理论",
                       tag_names=[], difficulty=3, explanation="", source="")
    again = by_kind(paper_for_taking(attempt))["single"]
    assert by_kind(first)["single"]["stem"] != again["stem"]
    assert again["stem"].startswith("改过的题干")
    assert {o["text"] for o in again["options"]} == {"甲", "乙", "丙", "丁"}


# --- queries on the hot paths -------------------------------------------------------------------------
def test_start_take_save_and_submit_make_a_bounded_number_of_queries(org, bank, login, django_assert_max_num_queries):
    exam = make_exam(org.staff, org.city, bank)
    client = login(org.cadre)
    with CaptureQueriesContext(connection) as start:  # the paper's rows in one INSERT, whatever its length
        response = client.post(f"/learning/exams/{exam.pk}/start/")
    attempt = Attempt.objects.get(user=org.cadre)
    assert response.status_code == 200 and [q["id"] for q in paper_in(response)] == list(
        attempt.paper.order_by("order").values_list("question_id", flat=True))  # 开始答题 answers with the paper
    assert len(start) <= 22, [q["sql"] for q in start.captured_queries]
    assert not [q for q in start.captured_queries if 'FROM "learning_attemptquestion"' in q["sql"]]  # not read back
    with django_assert_max_num_queries(10):
        client.get(f"/learning/exams/attempts/{attempt.pk}/")
    question = attempt.paper.first().question_id
    with CaptureQueriesContext(connection) as save:
        reply = client.post(f"/learning/exams/attempts/{attempt.pk}/answer/", json.dumps(
            {"question": question, "response": None}), content_type="application/json")
    assert reply.json()["ok"]
    statements = [q["sql"] for q in save.captured_queries if not q["sql"].startswith(("BEGIN", "COMMIT", "SAVEPOINT",
                                                                                        "RELEASE"))]
    # session, user, the paper row, the guard, the upsert, the session's idle stamp
    assert len(statements) <= 6, statements
    with django_assert_max_num_queries(30):
        client.post(f"/learning/exams/attempts/{attempt.pk}/submit/")


def test_start_writes_the_paper_in_one_statement(org, bank):
    exam = make_exam(org.staff, org.city, bank)
    with CaptureQueriesContext(connection) as start:
        attempt = do_start_attempt(org.cadre, exam)
    inserts = [q["sql"] for q in start.captured_queries  # a multi-row INSERT, or COPY on PostgreSQL
               if q["sql"].startswith(('INSERT INTO "learning_attemptquestion"', 'COPY "learning_attemptquestion"'))]
    assert len(inserts) == 1 and attempt.paper.count() == len(bank)


# --- double taps and reconnects -------------------------------------------------------------------------
def test_a_double_submitted_answer_is_stored_once(org, exam, login):
    attempt = do_start_attempt(org.cadre, exam)
    client = login(org.cadre)
    question = attempt.paper.get(question__kind="judge").question_id
    body = json.dumps({"question": question, "response": True})
    url = f"/learning/exams/attempts/{attempt.pk}/answer/"
    first, second = (client.post(url, body, content_type="application/json") for _ in range(2))
    assert first.json()["ok"] and second.json()["ok"]
    assert list(Answer.objects.filter(attempt=attempt).values_list("question_id", "response")) == [(question, True)]


def test_a_double_tapped_hand_in_submits_once_and_both_taps_show_the_result(org, exam, bank, login):
    attempt = do_start_attempt(org.cadre, exam)
    right = {"single": None, "multiple": ["C", "A", "B"], "judge": True, "blank": ["极其重要"]}
    for question in bank:
        if question.kind in right:
            do_save_answer(org.cadre, attempt.pk, question.pk, right[question.kind] or question.answer)
    client = login(org.cadre)
    url = f"/learning/exams/attempts/{attempt.pk}/submit/"
    first = client.post(url, follow=True)
    second = client.post(url, follow=True)
    for response in (first, second):
        assert response.redirect_chain[-1][0] == f"/learning/exams/attempts/{attempt.pk}/result/"
        assert 'data-testid="score"' in response.content.decode()
    assert "交卷成功" in first.content.decode()
    assert "答卷此前已提交" in second.content.decode()
    attempt.refresh_from_db()
    assert AuditEvent.objects.filter(event_type="learning.exam.submit_attempt", subject_id=str(attempt.pk)).count() == 1
    earned = sum(a.score or 0 for a in attempt.answers.all())
    assert attempt.score == earned and earned > 0
    assert PointsEntry.objects.filter(user=org.cadre, ref=f"exam:{exam.pk}").count() <= 1


def test_reopening_the_paper_shows_the_saved_answers_and_the_time_left(org, exam, login):
    attempt = do_start_attempt(org.cadre, exam)
    client = login(org.cadre)
    paper = by_kind(paper_in(client.get(f"/learning/exams/attempts/{attempt.pk}/")))
    chosen = [o["value"] for o in paper["multiple"]["options"]][:2]
    do_save_answer(org.cadre, attempt.pk, paper["multiple"]["id"], chosen)
    do_save_answer(org.cadre, attempt.pk, paper["blank"]["id"], ["极其重要"])
    second_tab = Client()
    second_tab.force_login(org.cadre, backend="django.contrib.auth.backends.ModelBackend")
    for tab in (client, second_tab):
        response = tab.get(f"/learning/exams/attempts/{attempt.pk}/")
        again = by_kind(paper_in(response))
        assert sorted(again["multiple"]["response"]) == sorted(chosen) and again["multiple"]["saved"]
        assert again["blank"]["response"] == ["极其重要"]
        assert again["single"]["response"] is None and not again["single"]["saved"]
        html = response.content.decode()
        shown = datetime.fromisoformat(re.search(r'data-deadline="([^"]+)"', html).group(1).replace("&#x2B;", "+"))
        assert abs((shown - attempt.deadline).total_seconds()) < 1  # the page counts down to the server's deadline
        assert 'data-testid="answered-count">2<' in html


# --- a failed-login storm behind one gateway address -----------------------------------------------------
def test_a_failed_login_storm_from_one_address_locks_out_no_one_else(org, password, settings):
    """Every examinee comes through the organ's gateway: one address. Locks are kept per username."""
    names = ["principal", "deputy", "section_chief", "staff", "supervisor"]
    for name in names:  # four mistakes each, 20 failures from one address: no lock
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert Client(REMOTE_ADDR="10.1.1.1").post("/login/", {"username": name, "password": "x"}).status_code == 200
    for _ in range(settings.AXES_FAILURE_LIMIT):  # one person keeps trying: that username only is locked
        Client(REMOTE_ADDR="10.1.1.1").post("/login/", {"username": "cadre", "password": "x"})
    assert Client(REMOTE_ADDR="10.1.1.1").post("/login/", {"username": "cadre", "password": password}).status_code == 429
    for name in [*names, "county_staff"]:
        response = Client(REMOTE_ADDR="10.1.1.1").post("/login/", {"username": name, "password": password})
        assert response.status_code == 302, name
    assert AccessAttempt.objects.filter(username="cadre").exists()


# --- Argon2 parameters ------------------------------------------------------------------------------------
def test_passwords_hash_at_owasp_argon2id_minimum_and_old_hashes_upgrade_on_login(org, password):
    from ideowork.core.hashers import IdeoworkArgon2PasswordHasher

    user = User.objects.get(pk=org.deputy.pk)
    assert isinstance(identify_hasher(user.password), IdeoworkArgon2PasswordHasher)
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    # A hash made with Django's former default parameters (100 MiB, t=2, p=8) still verifies ...
    old = "argon2" + PasswordHasher(time_cost=2, memory_cost=102400, parallelism=8).hash(password)
    User.objects.filter(pk=user.pk).update(password=old)
    assert check_password(password, old)
    # ... and is re-hashed with the current parameters at the next successful login.
    assert Client().post("/login/", {"username": "deputy", "password": password}).status_code == 302
    user.refresh_from_db()
    assert user.password != old and user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert check_password(password, user.password)


# --- two first logins of a section at the same moment ---------------------------------------------------
def test_two_first_awards_of_a_unit_at_the_same_moment_both_count(org, monkeypatch):
    """The bench found it: the second login of a section in a new week failed with a duplicate key."""
    from django.db.models.query import QuerySet
    from django.utils import timezone

    from ideowork.learning.actions.points import do_award_points, period_key
    from ideowork.learning.choices import PointsAction, RankingPeriod
    from ideowork.learning.models import UnitPointsTotal

    period = RankingPeriod.values[0]
    key = period_key(period, timezone.localdate())
    update = QuerySet.update
    raced = []

    def racing_update(self, **fields):
        if self.model is UnitPointsTotal and not raced:
            raced.append(True)  # a colleague's login creates the unit's row between this UPDATE and INSERT
            UnitPointsTotal.objects.create(org_unit_id=org.cadre.org_unit_id, period=period, key=key, points=1,
                                           learners=1)
            return 0
        return update(self, **fields)

    monkeypatch.setattr(QuerySet, "update", racing_update)
    assert do_award_points(org.cadre, PointsAction.LOGIN, ref="login:race") is not None
    total = UnitPointsTotal.objects.get(org_unit_id=org.cadre.org_unit_id, period=period, key=key)
    assert raced and (total.points, total.learners) == (2, 2)
