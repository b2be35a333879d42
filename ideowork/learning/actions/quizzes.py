"""Taking quizzes: start a run (its paper drawn and stored), answer one question at a time, finish.

The paper of a run is fixed when it starts; ``do_answer_quiz`` refuses a question not in it, a
question already answered, and a finished run. Points go through ``do_award_points`` with a stable
ref (``daily:2026-11-23``, ``weekly:2026-W48``, ``special:7``, ``challenge:<run>``,
``competition:<pk>``), so the points service's idempotency and caps decide what is earned.
"""

import random
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ideowork.core import audit
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in

from ..choices import PointsAction, QuestionKind
from ..grading import grade, normalise_response
from ..models import Competition, Question, QuestionCategory, QuizAnswer, QuizKind, QuizQuestion, QuizRun, SpecialQuiz
from .points import do_award_points

__all__ = ["AlreadyAnswered", "OBJECTIVE_KINDS", "DAILY_SIZE", "WEEKLY_SIZE", "CHALLENGE_SIZE", "objective_questions", "draw_questions",
           "week_key", "do_start_quiz", "do_answer_quiz", "next_question", "answer_text", "best_streak",
           "do_create_special_quiz", "check_window", "finish_run"]

OBJECTIVE_KINDS = [QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.JUDGE, QuestionKind.BLANK]
DAILY_SIZE = 5
WEEKLY_SIZE = 10
CHALLENGE_SIZE = 50
MAX_QUESTIONS = 100

POINTS_ACTION = {QuizKind.DAILY: PointsAction.QUIZ, QuizKind.WEEKLY: PointsAction.WEEKLY_QUIZ,
                 QuizKind.SPECIAL: PointsAction.SPECIAL_QUIZ, QuizKind.CHALLENGE: PointsAction.CHALLENGE,
                 QuizKind.COMPETITION: PointsAction.COMPETITION}


class AlreadyAnswered(ValidationError):
    """The question was answered before (a double tap, a retry after a lost reply, a second tab):
    nothing changes, and ``answer`` is the answer that counts, for the page to show again."""

    def __init__(self, message: str, answer):
        super().__init__(message)
        self.answer = answer


def objective_questions(user, category=None):
    """The active objective questions of the bank this user may be quizzed on."""
    qs = Question.objects.visible_to(user).active().filter(kind__in=OBJECTIVE_KINDS)
    return qs.filter(category=category) if category is not None else qs


def draw_questions(queryset, count: int) -> list[int]:
    """``count`` distinct question ids drawn at random (fewer if the bank is smaller)."""
    ids = list(queryset.order_by().values_list("pk", flat=True).distinct())
    return random.sample(ids, min(count, len(ids)))


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def check_window(thing, moment: datetime, what: str) -> None:
    if moment < thing.starts_at:
        raise ValidationError(f"{what}尚未开始。")
    if moment >= thing.ends_at or getattr(thing, "closed_at", None):
        raise ValidationError(f"{what}已经结束。")


def _run_key(kind: str, day: date, special=None, competition=None) -> str:
    if kind == QuizKind.DAILY or kind == QuizKind.CHALLENGE:
        return day.isoformat()
    if kind == QuizKind.WEEKLY:
        return week_key(day)
    if kind == QuizKind.SPECIAL:
        return f"special:{special.pk}"
    return f"competition:{competition.pk}"


def points_ref(run: QuizRun) -> str:
    if run.kind == QuizKind.DAILY:
        return f"daily:{run.period_key}"
    if run.kind == QuizKind.WEEKLY:
        return f"weekly:{run.period_key}"
    if run.kind == QuizKind.CHALLENGE:
        return f"challenge:{run.pk}"
    return run.period_key  # special:<pk> / competition:<pk>


@transaction.atomic
def do_start_quiz(user, kind: str, *, special: SpecialQuiz | None = None, competition=None) -> QuizRun:
    """The user's run of this quiz: the existing one of the period (to resume), or a new one.

    A challenge resumes an unfinished challenge, else starts afresh. A competition resumes an
    unfinished attempt, else starts the next attempt while attempts are left.
    """
    require(user.is_business and user.org_unit_id is not None, "您没有参加答题的权限。")
    if kind not in QuizKind.values:
        raise ValidationError("未知的答题类型。")
    now = timezone.now()
    day = timezone.localdate()
    category, count, attempt = None, DAILY_SIZE, 1
    mine = QuizRun.objects.filter(user=user, kind=kind)
    if kind == QuizKind.WEEKLY:
        count = WEEKLY_SIZE
    elif kind == QuizKind.SPECIAL:
        require(special is not None and SpecialQuiz.objects.visible_to(user).filter(pk=special.pk).exists(),
                "您不在该专项答题的范围内。")
        category, count = special.category, special.question_count
    elif kind == QuizKind.CHALLENGE:
        count = CHALLENGE_SIZE
        unfinished = mine.filter(finished_at__isnull=True).first()
        if unfinished is not None:
            return unfinished
    elif kind == QuizKind.COMPETITION:
        from .competitions import require_can_enter_competition
        competition = Competition.objects.get(pk=competition.pk) if competition is not None else None
        require_can_enter_competition(user, competition)
        category, count = competition.category, competition.question_count
        runs = list(mine.filter(competition=competition).order_by("attempt"))
        unfinished = [r for r in runs if r.finished_at is None]
        if unfinished:
            return unfinished[0]
        if len(runs) >= competition.max_attempts:
            raise ValidationError(f"本次竞赛每人可答{competition.max_attempts}次，您的次数已用完。")
        attempt = len(runs) + 1
    key = _run_key(kind, day, special, competition)
    if kind in (QuizKind.DAILY, QuizKind.WEEKLY, QuizKind.SPECIAL):
        existing = mine.filter(period_key=key).first()
        if existing is not None:
            return existing
    if kind == QuizKind.SPECIAL:
        check_window(special, now, "该专项答题")
    ids = draw_questions(objective_questions(user, category), count)
    if not ids:
        raise ValidationError("题库中暂无可用的客观题，请联系学习管理员。")
    try:
        with transaction.atomic():
            run = QuizRun.objects.create(user=user, org_unit_id=user.org_unit_id, kind=kind, period_key=key,
                                         special=special, competition=competition, attempt=attempt)
    except IntegrityError:  # the same start arrived twice at once: resume the first
        return QuizRun.objects.get(user=user, kind=kind, period_key=key, competition=competition, attempt=attempt)
    QuizQuestion.objects.bulk_create(QuizQuestion(run=run, question_id=pk, position=i + 1)
                                     for i, pk in enumerate(ids))
    return run


def next_question(run: QuizRun) -> QuizQuestion | None:
    """The first unanswered question of an unfinished run."""
    if run.finished_at is not None:
        return None
    return (run.questions.filter(answer__isnull=True).select_related("question").order_by("position").first())


@transaction.atomic
def do_answer_quiz(user, run: QuizRun, position, raw) -> QuizAnswer:
    """Grade ``raw`` as the answer to question ``position`` of ``run``; finish the run when it ends.

    Refused: someone else's run, a finished run, a question not in the run or already answered,
    a competition outside its window.
    """
    run = QuizRun.objects.select_for_update().get(pk=run.pk)
    if run.user_id != user.pk:
        raise PermissionDenied("这不是您的答题。")
    try:
        position = int(position)
    except (TypeError, ValueError):
        position = None
    given = QuizAnswer.objects.filter(quiz_question__run=run, quiz_question__position=position).first()
    if run.finished_at is not None:
        if given is not None:
            raise AlreadyAnswered("本次答题已经结束。", given)
        raise ValidationError("本次答题已经结束。")
    if given is not None:
        raise AlreadyAnswered("本题已经作答，不能重复作答。", given)
    if run.competition_id:
        check_window(run.competition, timezone.now(), "本次竞赛")
    item = run.questions.select_related("question").filter(position=position).first() if position else None
    if item is None:
        raise ValidationError("题目不在本次答题中。")
    response = normalise_response(item.question, raw)
    correct = (grade(item.question, response) or 0.0) >= 1.0
    try:
        with transaction.atomic():
            answer = QuizAnswer.objects.create(quiz_question=item, response=response, is_correct=correct)
    except IntegrityError:  # the same answer arrived twice at once
        raise AlreadyAnswered("本题已经作答，不能重复作答。", QuizAnswer.objects.get(quiz_question=item)) from None
    run.answered_count += 1
    run.correct_count += int(correct)
    total = run.questions.count()
    if (run.kind == QuizKind.CHALLENGE and not correct) or run.answered_count >= total:
        finish_run(run)
    run.save()
    return answer


def finish_run(run: QuizRun) -> None:
    """Close the run and award its points (the caller saves the run)."""
    run.finished_at = timezone.now()
    run.seconds_used = max(0, int((run.finished_at - run.started_at).total_seconds()))
    points = None if run.kind == QuizKind.COMPETITION else run.correct_count
    entry = None
    if points is None or points > 0:
        entry = do_award_points(run.user, POINTS_ACTION[run.kind], ref=points_ref(run), points=points)
    run.points = entry.points if entry is not None else 0


def answer_text(question, value=None) -> str:
    """The correct answer (or a given ``value``) as a person reads it; the correct answer is shown
    only after the question is answered."""
    answer = question.answer if value is None else value
    if question.kind == QuestionKind.JUDGE:
        return "正确" if answer else "错误"
    if question.kind == QuestionKind.MULTIPLE:
        return "、".join(answer)
    if question.kind == QuestionKind.BLANK:
        if value is not None:
            return "；".join(answer)
        return "；".join("／".join(accepted) for accepted in answer)
    return str(answer)


def best_streak(user) -> int:
    best = (QuizRun.objects.filter(user=user, kind=QuizKind.CHALLENGE, finished_at__isnull=False)
            .order_by("-correct_count").values_list("correct_count", flat=True).first())
    return best or 0


@transaction.atomic
def do_create_special_quiz(actor, *, title: str, category: QuestionCategory | None, question_count: int,
                           starts_at: datetime, ends_at: datetime, org_unit=None) -> SpecialQuiz:
    """A topic quiz an administrator opens for their organ over a window."""
    require(actor.has_capability("learning.manage") and actor.scope_root is not None, "您没有设置专项答题的权限。")
    unit = org_unit or actor.scope_root
    require(can_act_in(actor, unit), f"您无权为“{unit.name}”设置专项答题。")
    if category is not None:
        require(QuestionCategory.objects.visible_to(actor).filter(pk=category.pk).exists(), "您无权使用该分类。")
    _check_paper(actor, title, category, question_count, starts_at, ends_at)
    quiz = SpecialQuiz.objects.create(org_unit=unit, title=title.strip(), category=category,
                                      question_count=question_count, starts_at=starts_at, ends_at=ends_at,
                                      created_by=actor)
    audit.record("learning.special_quiz.create", quiz, actor=actor, new=audit.snapshot(quiz))
    return quiz


def _check_paper(actor, title, category, question_count, starts_at, ends_at) -> None:
    """Shared checks of a special quiz and a competition: name, window, and enough questions."""
    errors = {}
    if not (title or "").strip():
        errors["title"] = "请填写名称。"
    if not starts_at or not ends_at or ends_at <= starts_at:
        errors["ends_at"] = "结束时间须晚于开始时间。"
    if not 1 <= (question_count or 0) <= MAX_QUESTIONS:
        errors["question_count"] = f"题量须在1至{MAX_QUESTIONS}之间。"
    else:
        available = objective_questions(actor, category).count()
        if available < question_count:
            errors["question_count"] = f"所选范围内只有{available}道客观题，少于题量{question_count}。"
    if errors:
        raise ValidationError(errors)
