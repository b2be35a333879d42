"""Head-to-head and four-player matches (双人/四人对战) between colleagues of one organ.

The server keeps the clock: a question runs from ``question_started_at`` for
``seconds_per_question``, and ends earlier when every present player has answered. Nothing runs in
the background: ``do_sync_match`` (called whenever a player polls or answers) moves the match on by
as many questions as have ended, so a match nobody watches still finishes when someone looks.
A player who stops polling is no longer waited for; their unanswered questions score nothing.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ideowork.core.permissions import require

from ..choices import PointsAction
from ..grading import grade, normalise_response
from ..models import Match, MatchAnswer, MatchPlayer, MatchQuestion, MatchStatus
from .points import do_award_points
from .quizzes import AlreadyAnswered, answer_text, draw_questions, objective_questions

__all__ = ["do_create_match", "do_join_match", "do_quick_match", "do_leave_match", "do_sync_match",
           "do_answer_match", "match_state", "match_review", "MATCH_QUESTIONS", "SECONDS_PER_QUESTION"]

MATCH_QUESTIONS = 5
SECONDS_PER_QUESTION = 20
PRESENT_SECONDS = 12  # a player not heard from for this long is not waited for
WAITING_EXPIRES = timedelta(minutes=15)
BASE_SCORE, SPEED_BONUS = 10, 10


def _check_player(user) -> None:
    require(user.is_business and user.scope_root is not None, "您没有参加答题对战的权限。")


@transaction.atomic
def do_create_match(user, size: int = 2) -> Match:
    _check_player(user)
    if size not in (2, 4):
        raise ValidationError("对战人数只能是2人或4人。")
    ids = draw_questions(objective_questions(user), MATCH_QUESTIONS)
    if not ids:
        raise ValidationError("题库中暂无可用的客观题，无法发起对战。")
    match = Match.objects.create(org_unit=user.scope_root, size=size, question_count=len(ids),
                                 seconds_per_question=SECONDS_PER_QUESTION, created_by=user)
    MatchQuestion.objects.bulk_create(MatchQuestion(match=match, question_id=pk, position=i)
                                      for i, pk in enumerate(ids))
    MatchPlayer.objects.create(match=match, user=user, last_seen_at=timezone.now())
    return match


@transaction.atomic
def do_join_match(user, match: Match) -> Match:
    """Join a waiting match of one's own organ; the match starts when it is full."""
    _check_player(user)
    match = Match.objects.select_for_update().get(pk=match.pk)
    require(match.org_unit_id == user.scope_root.pk, "只能与本机关的同事对战。")
    if match.players.filter(user=user).exists():
        return match
    if match.status != MatchStatus.WAITING:
        raise ValidationError("该对战已经开始或结束，不能加入。")
    try:
        with transaction.atomic():
            MatchPlayer.objects.create(match=match, user=user, last_seen_at=timezone.now())
    except IntegrityError:
        return match
    if match.players.count() >= match.size:
        now = timezone.now()
        match.status, match.started_at, match.question_started_at, match.current_index = (
            MatchStatus.RUNNING, now, now, 0)
        match.save()
    return match


def do_quick_match(user, size: int = 2) -> Match:
    """Join the oldest open match of this size in the organ, or open a new one."""
    _check_player(user)
    if size not in (2, 4):
        raise ValidationError("对战人数只能是2人或4人。")
    fresh = timezone.now() - WAITING_EXPIRES
    candidates = (Match.objects.filter(org_unit=user.scope_root, status=MatchStatus.WAITING, size=size,
                                       created_at__gte=fresh)
                  .exclude(players__user=user).order_by("created_at", "pk"))
    for match in candidates[:5]:
        try:
            return do_join_match(user, match)
        except ValidationError:
            continue  # filled up meanwhile
    mine = Match.objects.filter(players__user=user, status=MatchStatus.WAITING, size=size,
                                created_at__gte=fresh).first()
    return mine or do_create_match(user, size)


@transaction.atomic
def do_leave_match(user, match: Match) -> None:
    """Leave a match that has not started; the last one out cancels it."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    if match.status != MatchStatus.WAITING:
        raise ValidationError("对战已经开始，不能退出。")
    match.players.filter(user=user).delete()
    if not match.players.exists():
        match.status = MatchStatus.CANCELLED
        match.finished_at = timezone.now()
        match.save()


def _deadline(match: Match):
    return match.question_started_at + timedelta(seconds=match.seconds_per_question)


@transaction.atomic
def do_sync_match(match: Match, *, seen=None) -> Match:
    """Move the match on to where the clock and the answers put it; ``seen`` (a user) is present."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    now = timezone.now()
    if seen is not None:  # written every few seconds, not on every poll
        match.players.filter(user=seen).exclude(last_seen_at__gt=now - timedelta(seconds=4)).update(last_seen_at=now)
    if match.status == MatchStatus.WAITING and match.created_at < now - WAITING_EXPIRES:
        match.status, match.finished_at = MatchStatus.CANCELLED, now
        match.save()
        return match
    if match.status != MatchStatus.RUNNING:
        return match
    players = list(match.players.all())
    changed = False
    while match.status == MatchStatus.RUNNING:
        deadline = _deadline(match)
        answers = list(MatchAnswer.objects.filter(player__match=match, position=match.current_index))
        answered = {a.player_id for a in answers}
        present = [p for p in players if p.pk in answered
                   or (p.last_seen_at and p.last_seen_at >= now - timedelta(seconds=PRESENT_SECONDS))]
        everyone = bool(answers) and all(p.pk in answered for p in present)
        if now < deadline and not everyone:
            break
        ended = min(deadline, max(a.answered_at for a in answers)) if everyone and answers else deadline
        match.current_index += 1
        match.question_started_at = min(ended, now)
        changed = True
        if match.current_index >= match.question_count:
            _finish(match, players, now)
    if changed:
        match.save()
    return match


def _finish(match: Match, players: list[MatchPlayer], now) -> None:
    """Rank the players (equal scores share a rank) and award points to those who took part."""
    match.status, match.finished_at = MatchStatus.FINISHED, now
    ordered = sorted(players, key=lambda p: (-p.score, p.joined_at))
    for i, player in enumerate(ordered):
        same = i > 0 and ordered[i - 1].score == player.score
        player.rank = ordered[i - 1].rank if same else i + 1
        player.save(update_fields=["rank"])
        if player.answers.exists():
            do_award_points(player.user, PointsAction.MATCH, ref=f"match:{match.pk}")


@transaction.atomic
def do_answer_match(user, match: Match, position, raw) -> MatchAnswer:
    """Answer the current question; faster right answers score more. Once per question."""
    match = do_sync_match(match, seen=user)
    player = match.players.select_for_update().filter(user=user).first()
    if player is None:
        raise PermissionDenied("您不是该对战的选手。")
    try:
        position = int(position)
    except (TypeError, ValueError):
        position = None
    # A double tap, or a retry whose first reply was lost: the first answer counts and is shown again.
    given = player.answers.filter(position=position).first() if position is not None else None
    if match.status != MatchStatus.RUNNING:
        if given is not None:
            raise AlreadyAnswered("对战未在进行中。", given)
        raise ValidationError("对战未在进行中。")
    if given is not None:
        raise AlreadyAnswered("本题已经作答，不能重复作答。", given)
    if position is None:
        raise ValidationError("不是当前题目。")
    if position != match.current_index:
        raise ValidationError("本题已经结束，请作答当前题目。")
    question = match.questions.select_related("question").get(position=position).question
    response = normalise_response(question, raw)
    correct = (grade(question, response) or 0.0) >= 1.0
    now = timezone.now()
    left = max(0.0, (_deadline(match) - now).total_seconds())
    score = BASE_SCORE + round(SPEED_BONUS * left / match.seconds_per_question) if correct else 0
    try:
        with transaction.atomic():
            answer = MatchAnswer.objects.create(player=player, position=position, response=response,
                                                is_correct=correct, score=score)
    except IntegrityError:  # the same answer arrived twice at once
        raise AlreadyAnswered("本题已经作答，不能重复作答。", player.answers.get(position=position)) from None
    player.score += score
    player.correct_count += int(correct)
    player.save(update_fields=["score", "correct_count"])
    do_sync_match(match)
    return answer


def match_state(match: Match, user) -> dict:
    """What a player's page shows now: never the answer of a question still open."""
    now = timezone.now()
    players = list(match.players.select_related("user__org_unit").order_by("joined_at", "pk"))
    me = next((p for p in players if p.user_id == user.pk), None)
    current = {a.player_id: a for a in MatchAnswer.objects.filter(player__match=match,
                                                                   position=match.current_index)}
    state = {
        "status": match.status, "status_label": match.get_status_display(), "size": match.size,
        "index": match.current_index, "count": match.question_count, "is_player": me is not None,
        "players": [{"name": p.user.name, "unit": p.user.org_unit.display_name if p.user.org_unit else "",
                     "score": p.score, "correct": p.correct_count, "rank": p.rank, "me": p is me,
                     "answered": p.pk in current} for p in players],
    }
    if match.status == MatchStatus.RUNNING and me is not None:
        item = match.questions.select_related("question").get(position=match.current_index)
        q = item.question
        mine = current.get(me.pk)
        state.update({
            "remaining": max(0, int((_deadline(match) - now).total_seconds() + 0.999)),
            "limit": match.seconds_per_question,
            "question": {"position": match.current_index, "kind": q.kind, "kind_label": q.get_kind_display(),
                         "stem": q.stem, "options": q.public_options,
                         "blanks": len(q.answer) if q.kind == "blank" else 0},
            "mine": None if mine is None else {"correct": mine.is_correct, "score": mine.score},
        })
    if match.current_index > 0 and me is not None and match.status in (MatchStatus.RUNNING, MatchStatus.FINISHED):
        # The question just closed: now its answer may be shown.
        last = match.questions.select_related("question").get(position=match.current_index - 1).question
        given = me.answers.filter(position=match.current_index - 1).first()
        state["previous"] = {"position": match.current_index - 1, "answer": answer_text(last),
                             "explanation": last.explanation,
                             "mine": None if given is None else {"correct": given.is_correct, "score": given.score}}
    return state


def match_review(match: Match, user) -> list[dict]:
    """After the match, for a player: each question with the correct answer and theirs."""
    player = match.players.filter(user=user).first()
    if match.status != MatchStatus.FINISHED or player is None:
        return []
    given = {a.position: a for a in player.answers.all()}
    rows = []
    for item in match.questions.select_related("question").order_by("position"):
        mine = given.get(item.position)
        rows.append({"position": item.position + 1, "stem": item.question.stem,
                     "answer": answer_text(item.question), "explanation": item.question.explanation,
                     "correct": mine.is_correct if mine else None, "score": mine.score if mine else 0})
    return rows
