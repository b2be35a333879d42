"""Daily, weekly, special and challenge quizzes: a fixed paper, one answer per question, points once."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.learning.actions.quizzes import (answer_text, best_streak, do_answer_quiz, do_create_special_quiz,
                                               do_start_quiz, next_question)
from ideowork.learning.models import PointsEntry, Question, QuizAnswer, QuizKind, QuizRun

pytestmark = pytest.mark.django_db


def make_questions(unit, count=12, *, category=None, prefix="题"):
    """``count`` single-choice questions whose answer is always "A", plus nothing else."""
    made = []
    for i in range(count):
        stem = f"{prefix}{i + 1}：学习贯彻习近平新时代中国特色社会主义思想，第{i + 1}个要点是什么？"
        made.append(Question.objects.create(
            org_unit=unit, kind="single", stem=stem, category=category,
            options=[{"key": "A", "text": f"正确选项{i + 1}"}, {"key": "B", "text": "干扰选项"},
                     {"key": "C", "text": "另一干扰项"}],
            answer="A", explanation=f"第{i + 1}题解析。", fingerprint=hashlib.sha256(stem.encode()).hexdigest()))
    return made


def answer_all(user, run, *, wrong_at=()):
    for item in run.questions.order_by("position"):
        do_answer_quiz(user, run, item.position, "B" if item.position in wrong_at else "A")


def test_daily_quiz_is_five_questions_once_a_day_and_resumes(org):
    make_questions(org.city)
    run = do_start_quiz(org.cadre, QuizKind.DAILY)
    assert run.questions.count() == 5
    assert do_start_quiz(org.cadre, QuizKind.DAILY).pk == run.pk  # a reload resumes the same paper
    first = next_question(run)
    do_answer_quiz(org.cadre, run, first.position, "A")
    assert next_question(run).position == first.position + 1
    answer_all_rest = [i for i in run.questions.order_by("position") if i.position != first.position]
    for item in answer_all_rest:
        do_answer_quiz(org.cadre, run, item.position, "B" if item.position == 5 else "A")
    run.refresh_from_db()
    assert run.is_finished and run.correct_count == 4 and run.points == 4
    entry = PointsEntry.objects.get(user=org.cadre, action="quiz")
    assert entry.ref == f"daily:{timezone.localdate().isoformat()}" and entry.points == 4
    # Starting again the same day shows the finished run; nothing is earned twice.
    assert do_start_quiz(org.cadre, QuizKind.DAILY).pk == run.pk
    assert PointsEntry.objects.filter(user=org.cadre).count() == 1


def test_answers_outside_the_paper_twice_or_after_the_end_are_refused(org):
    questions = make_questions(org.city, 12)
    run = do_start_quiz(org.cadre, QuizKind.DAILY)
    item = next_question(run)
    with pytest.raises(ValidationError, match="不在本次答题"):
        do_answer_quiz(org.cadre, run, 99, "A")
    with pytest.raises(ValidationError, match="不是本题的选项"):
        do_answer_quiz(org.cadre, run, item.position, "Z")
    do_answer_quiz(org.cadre, run, item.position, "A")
    with pytest.raises(ValidationError, match="已经作答"):
        do_answer_quiz(org.cadre, run, item.position, "A")
    with pytest.raises(PermissionDenied):
        do_answer_quiz(org.staff, run, item.position + 1, "A")
    answer_all_rest = run.questions.filter(answer__isnull=True)
    for rest in answer_all_rest:
        do_answer_quiz(org.cadre, run, rest.position, "A")
    with pytest.raises(ValidationError, match="已经结束"):
        do_answer_quiz(org.cadre, run, 1, "A")
    assert QuizAnswer.objects.filter(quiz_question__run=run).count() == 5
    assert len(questions) == 12


def test_weekly_quiz_has_ten_questions_and_a_week_ref(org):
    make_questions(org.city)
    run = do_start_quiz(org.cadre, QuizKind.WEEKLY)
    assert run.questions.count() == 10 and "-W" in run.period_key
    answer_all(org.cadre, run)
    run.refresh_from_db()
    assert run.correct_count == 10
    entry = PointsEntry.objects.get(user=org.cadre, action="weekly_quiz")
    assert entry.ref == f"weekly:{run.period_key}" and entry.points == 5  # the weekly cap


def test_challenge_ends_at_the_first_wrong_answer_and_scores_the_streak(org):
    make_questions(org.city, 12)
    run = do_start_quiz(org.cadre, QuizKind.CHALLENGE)
    assert run.questions.count() == 12
    for position in (1, 2, 3):
        do_answer_quiz(org.cadre, run, position, "A")
    do_answer_quiz(org.cadre, run, 4, "C")
    run.refresh_from_db()
    assert run.is_finished and run.correct_count == 3 and run.answered_count == 4
    assert best_streak(org.cadre) == 3
    with pytest.raises(ValidationError):
        do_answer_quiz(org.cadre, run, 5, "A")
    entry = PointsEntry.objects.get(user=org.cadre, action="challenge")
    assert entry.ref == f"challenge:{run.pk}" and entry.points == 3
    # A second challenge is a new run; its points stay within the daily cap (6).
    second = do_start_quiz(org.cadre, QuizKind.CHALLENGE)
    assert second.pk != run.pk
    for position in range(1, 7):
        do_answer_quiz(org.cadre, second, position, "B" if position == 6 else "A")
    assert sum(PointsEntry.objects.filter(user=org.cadre, action="challenge").values_list("points", flat=True)) == 6


def test_challenge_resumes_an_unfinished_run(org):
    make_questions(org.city, 8)
    run = do_start_quiz(org.cadre, QuizKind.CHALLENGE)
    do_answer_quiz(org.cadre, run, 1, "A")
    assert do_start_quiz(org.cadre, QuizKind.CHALLENGE).pk == run.pk


def test_an_empty_bank_says_so(org):
    with pytest.raises(ValidationError, match="暂无可用的客观题"):
        do_start_quiz(org.cadre, QuizKind.DAILY)
    assert not QuizRun.objects.exists()


def test_special_quiz_over_a_window(org):
    make_questions(org.city, 6)
    now = timezone.now()
    with pytest.raises(PermissionDenied):
        do_create_special_quiz(org.cadre, title="x", category=None, question_count=3, starts_at=now,
                               ends_at=now + timedelta(days=1))
    with pytest.raises(ValidationError) as err:
        do_create_special_quiz(org.staff, title="党章专项", category=None, question_count=20, starts_at=now,
                               ends_at=now + timedelta(days=1))
    assert "question_count" in err.value.error_dict
    quiz = do_create_special_quiz(org.staff, title="党章专项", category=None, question_count=3,
                                  starts_at=now - timedelta(minutes=1), ends_at=now + timedelta(days=1))
    run = do_start_quiz(org.cadre, QuizKind.SPECIAL, special=quiz)
    assert run.questions.count() == 3 and run.period_key == f"special:{quiz.pk}"
    answer_all(org.cadre, run)
    assert PointsEntry.objects.get(user=org.cadre, action="special_quiz").ref == f"special:{quiz.pk}"
    # Another organ's people are outside it.
    with pytest.raises(PermissionDenied):
        do_start_quiz(org.gov_staff, QuizKind.SPECIAL, special=quiz)


def test_answer_text_reads_like_a_person_would(org):
    q = Question(kind="judge", answer=False)
    assert answer_text(q) == "错误"
    assert answer_text(Question(kind="multiple", answer=["A", "C"])) == "A、C"
    assert answer_text(Question(kind="blank", answer=[["人民", "群众"]])) == "人民／群众"


def test_the_page_never_shows_the_answer_before_it_is_given(org, login):
    make_questions(org.city, 6)
    client = login(org.cadre)
    response = client.post(reverse("learning:quiz_start", args=["daily"]))
    run = QuizRun.objects.get(user=org.cadre)
    assert response.url == reverse("learning:quiz_run", args=[run.pk])
    page = client.get(response.url).content.decode()
    assert "正确选项" in page and "解析" not in page and "正确答案" not in page
    item = next_question(run)
    reply = client.post(reverse("learning:quiz_answer", args=[run.pk]), {"position": item.position, "answer": "A"},
                        HTTP_HX_REQUEST="true")
    body = reply.content.decode()
    assert "回答正确" in body and f"第{item.question.stem.split('：')[0][1:]}题解析" in body
    # The next question's explanation is still not there.
    following = client.get(reverse("learning:quiz_question", args=[run.pk])).content.decode()
    assert "解析" not in following
    # Someone else can't open or answer this run.
    other = login(org.staff)
    assert other.get(reverse("learning:quiz_run", args=[run.pk])).status_code == 404
    assert other.post(reverse("learning:quiz_answer", args=[run.pk]), {"position": 2, "answer": "A"}).status_code == 404


def test_the_hub_shows_each_quiz(org, login):
    make_questions(org.city, 6)
    page = login(org.cadre).get(reverse("learning:quiz_home")).content.decode()
    for text in ("每日答题", "每周答题", "挑战答题", "对战大厅", "知识竞赛", "专项答题"):
        assert text in page


def test_every_objective_kind_is_shown_and_graded_on_the_page(org, login):
    def make(kind, stem, options, answer):
        return Question.objects.create(org_unit=org.city, kind=kind, stem=stem, options=options, answer=answer,
                                       fingerprint=hashlib.sha256(stem.encode()).hexdigest())

    opts = [{"key": "A", "text": "甲"}, {"key": "B", "text": "乙"}, {"key": "C", "text": "丙"}]
    make("multiple", "多选：哪些正确？", opts, ["A", "C"])
    make("judge", "判断：这句话对吗？", [], True)
    make("blank", "填空：坚持____的领导，以____为中心。", [], [["党"], ["人民"]])
    make("short", "简答题不进入答题。", [], "参考答案")
    client = login(org.cadre)
    client.post(reverse("learning:quiz_start", args=["daily"]))
    run = QuizRun.objects.get(user=org.cadre)
    assert run.questions.count() == 3  # the short-answer question is left out
    replies = {"multiple": ["A", "C"], "judge": ["true"], "blank": ["党", "人民"]}
    url = reverse("learning:quiz_answer", args=[run.pk])
    for _ in range(3):
        item = next_question(run)
        page = client.get(reverse("learning:quiz_question", args=[run.pk])).content.decode()
        if item.question.kind == "blank":
            assert page.count('name="answer"') == 2
        if item.question.kind == "multiple":
            assert 'type="checkbox"' in page
        body = client.post(url, {"position": item.position, "answer": replies[item.question.kind]},
                           HTTP_HX_REQUEST="true").content.decode()
        assert "回答正确" in body
    run.refresh_from_db()
    assert run.is_finished and run.correct_count == 3
