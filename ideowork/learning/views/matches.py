"""Matches between colleagues: the lobby, the game page and its polled state."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import is_business

from ..access import access_match
from ..actions.matches import (do_answer_match, do_create_match, do_join_match, do_leave_match, do_quick_match,
                               do_sync_match, match_review, match_state)
from ..actions.quizzes import AlreadyAnswered
from ..models import Match, MatchStatus

MATCHES = Match.objects.select_related("created_by")


def _size(request) -> int:
    try:
        return int(request.POST.get("size", 2))
    except ValueError:
        return 0


@is_business
def match_lobby(request):
    user = request.user
    visible = MATCHES.visible_to(user)
    return render(request, "learning/quizzes/match_lobby.html", {
        "open_matches": visible.filter(status=MatchStatus.WAITING, org_unit=user.scope_root)
        .exclude(players__user=user).prefetch_related("players__user")[:20],
        "mine": visible.filter(players__user=user).prefetch_related("players__user")[:10],
    })


def _go(request, action):
    try:
        match = action()
    except ValidationError as e:
        messages.error(request, "；".join(e.messages))
        return redirect("learning:match_lobby")
    return redirect("learning:match_detail", match.pk)


@idempotent
@require_POST
@is_business
def match_create(request):
    return _go(request, lambda: do_create_match(request.user, _size(request)))


@require_POST
@is_business
def match_quick(request):
    return _go(request, lambda: do_quick_match(request.user, _size(request)))


@require_POST
@is_business
def match_join(request, pk):
    match = access_match(request.user, pk)
    return _go(request, lambda: do_join_match(request.user, match))


@require_POST
@is_business
def match_leave(request, pk):
    match = access_match(request.user, pk)
    try:
        do_leave_match(request.user, match)
    except ValidationError as e:
        messages.error(request, "；".join(e.messages))
        return redirect("learning:match_detail", match.pk)
    return redirect("learning:match_lobby")


@is_business
def match_detail(request, pk):
    # A plain read: the page's poll moves the match on (and reloads the page when its status changes).
    match = access_match(request.user, pk)
    state = match_state(match, request.user)
    players = sorted(state["players"], key=lambda p: (p["rank"] or 99)) if match.status == MatchStatus.FINISHED \
        else state["players"]
    return render(request, "learning/quizzes/match_detail.html", {"match": match, "state": state,
                                                                   "players": players,
                                                                   "review": match_review(match, request.user)})


@require_POST
@is_business
def match_poll(request, pk):
    """The game's state now, for the page's poll (the poll also marks the player present)."""
    match = access_match(request.user, pk)
    match = do_sync_match(match, seen=request.user)
    return JsonResponse(match_state(match, request.user))


@require_POST
@is_business
def match_answer(request, pk):
    match = access_match(request.user, pk)
    values = request.POST.getlist("answer")
    raw = values if request.POST.get("many") else (values[0] if values else None)
    repeat = False
    try:
        answer = do_answer_match(request.user, match, request.POST.get("position"), raw)
    except AlreadyAnswered as e:  # a double tap or a retry whose reply was lost: the first answer counts
        answer, repeat = e.answer, True
    except ValidationError as e:
        return JsonResponse({"error": "；".join(e.messages)}, status=400)
    match.refresh_from_db()
    return JsonResponse({"correct": answer.is_correct, "score": answer.score, "repeat": repeat,
                         "state": match_state(match, request.user)})
