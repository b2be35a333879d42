"""Knowledge competitions: list, create, enter, the live ranking and archiving."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ideowork.core.access import can
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required, is_business
from ideowork.core.outcomes import report_outcome

from ..access import access_competition
from ..actions.competitions import (can_enter_competition, do_close_competition, do_create_competition, entrant_count,
                                   person_ranking, unit_ranking)
from ..actions.quizzes import do_start_quiz
from ..forms.quizzes import CompetitionForm
from ..models import Competition, QuizKind, QuizRun
from .quizzes import setup_page, start_run

COMPETITIONS = Competition.objects.select_related("org_unit", "category")


@is_business
def competition_list(request):
    competitions = list(COMPETITIONS.visible_to(request.user)[:100])
    return render(request, "learning/quizzes/competition_list.html", {"competitions": competitions,
                                                                       "now": timezone.now()})


@capability_required("learning.manage")
@idempotent
def competition_create(request):
    return setup_page(request, CompetitionForm, do_create_competition, success="知识竞赛已发布。",
                      template="learning/quizzes/competition_form.html",
                      done=lambda competition: redirect("learning:competition_detail", competition.pk))


@is_business
def competition_detail(request, pk):
    competition = access_competition(request.user, pk)
    runs = list(QuizRun.objects.visible_to(request.user).filter(competition=competition, user=request.user)
                .order_by("attempt"))
    may_enter = can_enter_competition(request.user, competition)
    return render(request, "learning/quizzes/competition_detail.html", {
        "competition": competition, "runs": runs, "is_open": competition.is_open(timezone.now()),
        "may_enter": may_enter, "attempts_left": max(0, competition.max_attempts - len(runs)),
        "unfinished": next((r for r in runs if not r.is_finished), None),
        "may_manage": can(request.user, "change", competition),
        "entrants": entrant_count(competition),
    })


@require_POST
@is_business
def competition_enter(request, pk):
    competition = access_competition(request.user, pk)
    return start_run(request, lambda: do_start_quiz(request.user, QuizKind.COMPETITION, competition=competition),
                     back=reverse("learning:competition_detail", args=[competition.pk]))


@is_business
def competition_ranking(request, pk):
    """The live ranking; the page polls itself for the table fragment every few seconds."""
    competition = access_competition(request.user, pk)
    standings = person_ranking(competition)
    context = {"competition": competition, "standings": standings, "units": unit_ranking(standings),
               "is_open": competition.is_open(timezone.now()), "updated": timezone.localtime()}
    template = "learning/quizzes/_ranking.html" if request.htmx else "learning/quizzes/competition_ranking.html"
    return render(request, template, context)


@require_POST
@capability_required("learning.manage")
def competition_close(request, pk):
    competition = access_competition(request.user, pk)
    report_outcome(request, lambda: do_close_competition(request.user, competition), "竞赛已结束并归档，参赛情况已计入工作台账。")
    return redirect("learning:competition_detail", competition.pk)
