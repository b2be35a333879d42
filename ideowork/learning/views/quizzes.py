"""Quizzes: the hub, taking a run one question at a time, and special quizzes set by administrators."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ideowork.core.outcomes import form_outcome
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required, is_business

from ..access import access_quiz_run, access_special_quiz
from ..actions.quizzes import (AlreadyAnswered, answer_text, best_streak, do_answer_quiz, do_create_special_quiz, do_start_quiz,
                               next_question, week_key)
from ..choices import QuestionKind
from ..forms.quizzes import SpecialQuizForm
from ..models import Competition, Match, MatchStatus, QuizKind, QuizRun, SpecialQuiz

SIMPLE_KINDS = {QuizKind.DAILY, QuizKind.WEEKLY, QuizKind.CHALLENGE}


@is_business
def quiz_home(request):
    user, now, today = request.user, timezone.now(), timezone.localdate()
    mine = QuizRun.objects.visible_to(user).filter(user=user)
    specials = list(SpecialQuiz.objects.visible_to(user).open_at(now).select_related("category")[:20])
    special_runs = {r.special_id: r for r in mine.filter(special__in=specials)}
    competitions = list(Competition.objects.visible_to(user).open_at(now).filter(closed_at__isnull=True)[:20])
    matches = Match.objects.visible_to(user)
    return render(request, "learning/quizzes/home.html", {
        "daily": mine.filter(kind=QuizKind.DAILY, period_key=today.isoformat()).first(),
        "weekly": mine.filter(kind=QuizKind.WEEKLY, period_key=week_key(today)).first(),
        "specials": [(s, special_runs.get(s.pk)) for s in specials],
        "best_streak": best_streak(user),
        "challenges": mine.filter(kind=QuizKind.CHALLENGE, finished_at__isnull=False).count(),
        "competitions": competitions,
        "open_matches": matches.filter(status=MatchStatus.WAITING, org_unit=user.scope_root).exclude(
            players__user=user).count(),
        "my_matches": matches.filter(players__user=user, status__in=[MatchStatus.WAITING, MatchStatus.RUNNING])[:3],
        "recent": mine.filter(finished_at__isnull=False).select_related("special", "competition")[:8],
    })


@require_POST
@is_business
def quiz_start(request, kind):
    if kind not in SIMPLE_KINDS:
        raise Http404("未知的答题类型。")
    return start_run(request, lambda: do_start_quiz(request.user, kind), back="learning:quiz_home")


@require_POST
@is_business
def special_start(request, pk):
    special = access_special_quiz(request.user, pk)
    return start_run(request, lambda: do_start_quiz(request.user, QuizKind.SPECIAL, special=special),
                     back="learning:quiz_home")


def start_run(request, start, *, back):
    """Open the run ``start()`` begins; a refusal (no questions, the window closed) is shown on ``back``."""
    try:
        run = start()
    except ValidationError as e:
        messages.error(request, "；".join(e.messages))
        return redirect(back)
    return redirect("learning:quiz_run", run.pk)


def _my_run(request, pk) -> QuizRun:
    run = access_quiz_run(request.user, pk)
    if run.user_id != request.user.pk:  # a manager may see the record, but only its owner takes it
        raise Http404("记录不存在或您无权查看。")
    return run


def _question_context(run: QuizRun) -> dict:
    item = next_question(run)
    total = run.questions.count()
    context = {"run": run, "total": total, "item": item}
    if item is not None and item.question.kind == QuestionKind.BLANK:
        context["blanks"] = range(1, len(item.question.answer) + 1)
    if item is None:
        context["answers"] = _review(run)
    return context


def _review(run: QuizRun) -> list:
    """After the run: every answered question with the given and the correct answer."""
    items = run.questions.select_related("question", "answer").filter(answer__isnull=False).order_by("position")
    return [{"item": i, "answer": i.answer, "correct_text": answer_text(i.question),
             "given_text": answer_text(i.question, i.answer.response)} for i in items]


@is_business
def quiz_run(request, pk):
    run = _my_run(request, pk)
    return render(request, "learning/quizzes/run.html", _question_context(run))


@is_business
def quiz_question(request, pk):
    """The next question (or the result), as a fragment for the page's question area."""
    run = _my_run(request, pk)
    return render(request, "learning/quizzes/_question.html", _question_context(run))


def _raw_answer(request, run, position):
    item = run.questions.select_related("question").filter(position=position).first()
    values = request.POST.getlist("answer")
    if item is not None and item.question.kind in (QuestionKind.MULTIPLE, QuestionKind.BLANK):
        return values
    return values[0] if values else None


@require_POST
@is_business
def quiz_answer(request, pk):
    run = _my_run(request, pk)
    position = request.POST.get("position")
    try:
        position_number = int(position)
    except (TypeError, ValueError):
        position_number = -1
    repeat = False
    try:
        answer = do_answer_quiz(request.user, run, position_number, _raw_answer(request, run, position_number))
    except AlreadyAnswered as e:  # a double tap, a retry after a lost reply, or another tab: show what counts
        answer, repeat = e.answer, True
    except ValidationError as e:
        if not request.htmx:
            messages.error(request, "；".join(e.messages))
            return redirect("learning:quiz_run", run.pk)
        context = _question_context(run)
        context["error"] = "；".join(e.messages)
        return render(request, "learning/quizzes/_question.html", context, status=200)
    run.refresh_from_db()
    question = answer.quiz_question.question
    context = {"run": run, "answer": answer, "question": question, "correct_text": answer_text(question),
               "given_text": answer_text(question, answer.response), "repeat": repeat,
               "position": answer.quiz_question.position,
               "total": run.questions.count(), "finished": run.is_finished}
    if not request.htmx:
        if repeat:
            messages.info(request, "本题已经作答，按第一次的答案计分。")
        else:
            messages.success(request, "回答正确！" if answer.is_correct else f"回答错误，正确答案：{answer_text(question)}")
        return redirect("learning:quiz_run", run.pk)
    return render(request, "learning/quizzes/_feedback.html", context)


def setup_page(request, form_class, service, *, success: str, template: str, done):
    """Setting up a special quiz or a competition: the form; on a valid post the service given its
    data, then the page ``done(created)`` answers."""
    form = form_class(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form_outcome(request, form, lambda: service(request.user, **form.cleaned_data), success)
        if saved:
            return done(saved.result)
    return render(request, template, {"form": form})


@capability_required("learning.manage")
@idempotent
def special_create(request):
    return setup_page(request, SpecialQuizForm, do_create_special_quiz, success="专项答题已发布。",
                      template="learning/quizzes/special_form.html", done=lambda _: redirect("learning:quiz_home"))
