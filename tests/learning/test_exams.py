"""Exams: drawing papers, saving answers, time limits, submission, grading, results and the ledger."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.learning.actions.exams import (close_expired_attempts, do_close_exam, do_grade_answer,
                                             do_save_answer, do_start_attempt, do_submit_attempt, final_attempts)
from ideowork.learning.exports import exam_results
from ideowork.learning.models import Answer, Attempt, AttemptQuestion, PointsEntry
from ideowork.ledger.models import Activity

from .access_exams import make_bank, make_exam

pytestmark = pytest.mark.django_db


def by_kind(questions):
    return {q.kind: q for q in questions}


def answer_all_right(user, attempt, questions):
    q = by_kind(questions)
    do_save_answer(user, attempt.pk, q["single"].pk, q["single"].answer)
    do_save_answer(user, attempt.pk, q["multiple"].pk, ["C", "A", "B"])
    do_save_answer(user, attempt.pk, q["judge"].pk, True)
    do_save_answer(user, attempt.pk, q["blank"].pk, ["极其重要"])
    do_save_answer(user, attempt.pk, q["short"].pk, "明确责任。")


def test_fixed_paper_is_graded_on_submission_and_short_answers_by_a_person(org, exam, bank):
    attempt = do_start_attempt(org.cadre, exam)
    assert attempt.paper.count() == 5 and attempt.max_score == 100
    answer_all_right(org.cadre, attempt, bank)
    attempt = do_submit_attempt(org.cadre, attempt)
    assert attempt.status == "submitted" and attempt.score == 80
    assert not PointsEntry.objects.filter(user=org.cadre, action="exam").exists()  # still awaiting a grade
    short = Answer.objects.get(attempt=attempt, question=by_kind(bank)["short"])
    do_grade_answer(org.staff, short, Decimal(15), "要点基本齐全")
    attempt.refresh_from_db()
    assert attempt.status == "graded" and attempt.score == 95
    assert PointsEntry.objects.filter(user=org.cadre, action="exam", ref=f"exam:{exam.pk}").count() == 1
    with pytest.raises(ValidationError, match="得分应在0至20.0分之间"):
        do_grade_answer(org.staff, short, Decimal(25))


def test_submission_replayed_changes_nothing(org, exam, bank):
    attempt = do_start_attempt(org.cadre, exam)
    do_save_answer(org.cadre, attempt.pk, by_kind(bank)["single"].pk, "A")
    first = do_submit_attempt(org.cadre, attempt)
    again = do_submit_attempt(org.cadre, attempt)
    assert (again.score, again.submitted_at, again.status) == (first.score, first.submitted_at, first.status)
    with pytest.raises(ValidationError, match="答卷已提交"):
        do_save_answer(org.cadre, attempt.pk, by_kind(bank)["judge"].pk, True)


def test_answers_to_questions_outside_the_paper_or_someone_elses_attempt_are_refused(org, exam, bank):
    other = make_bank(org.county_staff, org.county_a)[0]  # a question not in the paper
    attempt = do_start_attempt(org.cadre, exam)
    with pytest.raises(ValidationError, match="该题不在您的试卷中"):
        do_save_answer(org.cadre, attempt.pk, other.pk, "A")
    with pytest.raises(ValidationError, match="该题不在您的试卷中"):
        do_save_answer(org.staff, attempt.pk, bank[0].pk, "A")
    with pytest.raises(ValidationError, match="不是本题的选项"):
        do_save_answer(org.cadre, attempt.pk, by_kind(bank)["single"].pk, "Z")
    assert not Answer.objects.exists()


def test_answer_saved_twice_is_one_row(org, exam, bank):
    attempt = do_start_attempt(org.cadre, exam)
    single = by_kind(bank)["single"]
    do_save_answer(org.cadre, attempt.pk, single.pk, "B")
    do_save_answer(org.cadre, attempt.pk, single.pk, "A")
    assert Answer.objects.get(attempt=attempt, question=single).response == "A"


def test_after_the_deadline_answers_are_refused_and_the_attempt_submitted(org, exam, bank):
    attempt = do_start_attempt(org.cadre, exam)
    do_save_answer(org.cadre, attempt.pk, by_kind(bank)["single"].pk, "A")
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ValidationError, match="答题时间已到"):
        do_save_answer(org.cadre, attempt.pk, by_kind(bank)["judge"].pk, True)
    attempt.refresh_from_db()
    assert attempt.status == "graded" and attempt.auto_submitted and attempt.score == 20
    assert Answer.objects.filter(attempt=attempt).count() == 1


def test_periodic_task_closes_expired_attempts(org, exam):
    attempt = do_start_attempt(org.cadre, exam)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    assert close_expired_attempts() == 1
    assert close_expired_attempts() == 0
    attempt.refresh_from_db()
    assert attempt.status != "in_progress" and attempt.auto_submitted


def test_attempts_beyond_the_limit_are_refused_and_a_double_start_resumes(org, bank):
    exam = make_exam(org.staff, org.city, bank, max_attempts=2, grade_policy="last")
    first = do_start_attempt(org.cadre, exam)
    assert do_start_attempt(org.cadre, exam).pk == first.pk  # the open one is resumed
    answer_all_right(org.cadre, first, bank)
    do_submit_attempt(org.cadre, first)
    second = do_start_attempt(org.cadre, exam)
    assert second.number == 2
    do_submit_attempt(org.cadre, second)
    with pytest.raises(ValidationError, match="最多允许作答2次"):
        do_start_attempt(org.cadre, exam)
    exam.refresh_from_db()
    assert final_attempts(exam, Attempt.objects.filter(exam=exam))[org.cadre.pk].pk == second.pk


def test_random_paper_follows_the_rules_and_is_kept_on_resume(org):
    make_bank(org.staff, org.city, copies=4)
    exam = make_exam(org.staff, org.city, rules=[
        {"kind": "single", "count": 3, "score": Decimal(10)},
        {"kind": "judge", "count": 2, "score": Decimal(5)}], mode="random")
    attempt = do_start_attempt(org.cadre, exam)
    kinds = sorted(AttemptQuestion.objects.filter(attempt=attempt).values_list("question__kind", flat=True))
    assert kinds == ["judge", "judge", "single", "single", "single"] and attempt.max_score == 40
    order = list(attempt.paper.values_list("question_id", "option_order"))
    again = do_start_attempt(org.cadre, exam)
    assert list(again.paper.values_list("question_id", "option_order")) == order


def test_a_rule_the_bank_cannot_fill_is_refused(org, bank):
    exam = make_exam(org.staff, org.city, publish=False, mode="random")
    from ideowork.learning.actions.exams import do_add_rule

    with pytest.raises(ValidationError, match="符合条件的题目只有1道"):
        do_add_rule(org.staff, exam, kind="single", count=3, score=Decimal(5))


def test_exam_outside_its_times_or_audience_is_refused(org, bank):
    later = make_exam(org.staff, org.city, bank, opens_at=timezone.now() + timedelta(hours=1))
    with pytest.raises(ValidationError, match="考试尚未开始"):
        do_start_attempt(org.cadre, later)
    limited = make_exam(org.staff, org.city, bank)
    limited.audience.set([org.county_a])
    with pytest.raises(ValidationError, match="不面向您所在的单位"):
        do_start_attempt(org.cadre, limited)
    assert do_start_attempt(org.county_staff, limited).user == org.county_staff


def test_closing_records_one_ledger_activity(org, exam, bank):
    attempt = do_start_attempt(org.cadre, exam)
    answer_all_right(org.cadre, attempt, bank)
    do_start_attempt(org.county_staff, exam)  # still open: closing submits it
    do_close_exam(org.staff, exam)
    do_close_exam(org.staff, exam)
    activity = Activity.objects.for_source(exam).get(source="learning")
    assert activity.kind == "assessment"
    assert set(activity.participants.all()) == {org.cadre, org.county_staff}
    assert not Attempt.objects.filter(exam=exam, status="in_progress").exists()


def test_results_per_person_unit_and_question(org, exam, bank):
    attempt = do_start_attempt(org.cadre, exam)
    answer_all_right(org.cadre, attempt, bank)
    do_submit_attempt(org.cadre, attempt)
    other = do_start_attempt(org.county_staff, exam)
    do_submit_attempt(org.county_staff, other)
    results = exam_results(exam)
    assert [p["user"] for p in results.people] == [org.cadre, org.county_staff]
    assert org.principal in results.absent
    single = next(r for r in results.questions if r["question"].kind == "single")
    assert single["difficulty"] == 50.0 and single["discrimination"] == 1.0


# --- over HTTP -----------------------------------------------------------------------------------

def test_paper_page_and_answer_json_never_carry_answers(org, exam, bank, login):
    client = login(org.cadre)
    response = client.post(reverse("learning:exam_start", args=[exam.pk]))
    attempt = Attempt.objects.get(exam=exam, user=org.cadre)
    page = response.content.decode()  # 开始答题 answers with the paper
    assert response.status_code == 200 and 'id="paper-data"' in page
    assert f'data-take-url="{reverse("learning:attempt_take", args=[attempt.pk])}"' in page
    url = reverse("learning:attempt_answer", args=[attempt.pk])
    saved = client.post(url, json.dumps({"question": bank[0].pk, "response": "A"}), content_type="application/json")
    assert saved.json()["ok"] is True
    for q in bank:
        assert q.explanation not in page
        if q.kind in ("blank", "short"):
            assert str(q.answer[0][0] if q.kind == "blank" else q.answer) not in page
    assert "解析" not in page and "参考答案" not in page


def test_answer_endpoint_refuses_in_chinese(org, exam, bank, login):
    client = login(org.cadre)
    client.post(reverse("learning:exam_start", args=[exam.pk]))
    attempt = Attempt.objects.get(exam=exam, user=org.cadre)
    url = reverse("learning:attempt_answer", args=[attempt.pk])
    bad = client.post(url, "not json", content_type="application/json")
    assert bad.status_code == 400 and "格式不正确" in bad.json()["error"]
    tampered = client.post(url, json.dumps({"question": 999999, "response": "A"}), content_type="application/json")
    assert tampered.status_code == 409 and "不在您的试卷中" in tampered.json()["error"]
    client.post(reverse("learning:attempt_submit", args=[attempt.pk]))
    late = client.post(url, json.dumps({"question": bank[0].pk, "response": "A"}), content_type="application/json")
    assert late.status_code == 409 and late.json()["closed"] is True
    replay = client.post(reverse("learning:attempt_submit", args=[attempt.pk]), follow=True)
    assert "此前已提交" in replay.content.decode()
    assert Attempt.objects.filter(exam=exam, user=org.cadre).count() == 1


def test_result_page_shows_answers_after_submission(org, exam, bank, login):
    attempt = do_start_attempt(org.cadre, exam)
    do_submit_attempt(org.cadre, attempt)
    page = login(org.cadre).get(reverse("learning:attempt_result", args=[attempt.pk])).content.decode()
    assert "参考答案" in page and bank[0].explanation in page


def test_results_export(org, exam, login):
    client = login(org.staff)
    for kind in ("person", "unit", "question"):
        response = client.get(reverse("learning:exam_results_export", args=[exam.pk]) + f"?kind={kind}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")




def test_the_queue_task_hands_in_expired_attempts(org, exam):
    from ideowork.learning.tasks import exam_time_outs

    attempt = do_start_attempt(org.cadre, exam)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    exam_time_outs()
    attempt.refresh_from_db()
    assert attempt.status == "graded" and attempt.auto_submitted


def test_the_next_request_after_the_deadline_hands_in(org, exam, login):
    attempt = do_start_attempt(org.cadre, exam)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=5))
    client = login(org.cadre)
    response = client.get(reverse("learning:attempt_take", args=[attempt.pk]), follow=True)
    assert "答题时间已到，答卷已自动提交" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.status == "graded" and attempt.score == 0
