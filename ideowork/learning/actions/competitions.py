"""Knowledge competitions (知识竞赛): created by a learning administrator for their unit's subtree,
taken as quiz runs within the window (best attempt counts), ranked live, and archived into the
ledger as one activity when closed.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ideowork.core import audit
from ideowork.core.access import can
from ideowork.core.models import User
from ideowork.core.permissions import require
from ideowork.core.scoping import can_act_in
from ideowork.core.system import is_system_actor, system_actor
from ideowork.ledger.actions import do_sync_activity
from ideowork.ledger.choices import ActivityKind

from ..models import Competition, QuestionCategory, QuizRun
from .quizzes import _check_paper, check_window, finish_run

__all__ = ["can_enter_competition", "require_can_enter_competition", "do_create_competition", "do_close_competition", "close_due_competitions",
           "person_ranking", "unit_ranking", "Standing", "entrant_count"]

MAX_ATTEMPTS = 10


def can_enter_competition(user, competition: Competition) -> bool:
    """The user belongs to the competition's audience: a unit within its unit's subtree (whatever
    the window; the page and the service ask the same)."""
    return competition is not None and user.org_unit_id is not None and user.org_unit.is_within(competition.org_unit)


def require_can_enter_competition(user, competition: Competition) -> None:
    """The user belongs to the competition's audience and it is open."""
    require(can_enter_competition(user, competition), "您不在本次竞赛的参赛范围内。")
    check_window(competition, timezone.now(), "本次竞赛")


@transaction.atomic
def do_create_competition(actor, *, org_unit, title: str, description: str = "", category=None,
                          question_count: int, max_attempts: int = 1, starts_at, ends_at) -> Competition:
    require(actor.has_capability("learning.manage") and actor.scope_root is not None, "您没有组织知识竞赛的权限。")
    require(can_act_in(actor, org_unit), "您无权为该单位组织知识竞赛。")
    if category is not None:
        require(QuestionCategory.objects.visible_to(actor).filter(pk=category.pk).exists(), "您无权使用该分类。")
    _check_paper(actor, title, category, question_count, starts_at, ends_at)
    if not 1 <= (max_attempts or 0) <= MAX_ATTEMPTS:
        raise ValidationError({"max_attempts": f"每人可答次数须在1至{MAX_ATTEMPTS}之间。"})
    competition = Competition.objects.create(
        org_unit=org_unit, title=title.strip(), description=(description or "").strip(), category=category,
        question_count=question_count, max_attempts=max_attempts, starts_at=starts_at, ends_at=ends_at,
        created_by=actor)
    audit.record("learning.competition.create", competition, actor=actor, new=audit.snapshot(competition))
    return competition


@transaction.atomic
def do_close_competition(actor, competition: Competition) -> Competition:
    """End the competition now (if still running) and count it in the ledger, once.

    The ledger activity lists every entrant as a participant. ``actor`` is a manager, or the system
    actor when the task queue closes it.
    """
    competition = Competition.objects.select_for_update().get(pk=competition.pk)
    require(is_system_actor(actor) or can(actor, "change", competition), "您无权结束该竞赛。")
    if competition.closed_at is not None:
        raise ValidationError("该竞赛已经归档。")
    old = audit.snapshot(competition, ["ends_at", "closed_at"])
    now = timezone.now()
    competition.closed_at = now
    if competition.ends_at > now:
        competition.ends_at = max(now, competition.starts_at + timedelta(seconds=1))
    for run in QuizRun.objects.select_for_update().filter(competition=competition, finished_at__isnull=True):
        finish_run(run)  # an attempt cut short by the end counts with what it has
        run.save()
    entrants = list(User.objects.filter(pk__in=QuizRun.objects.filter(competition=competition)
                                        .values("user")).order_by("pk"))
    if entrants:
        day = min(timezone.localdate(), timezone.localdate(competition.ends_at))
        best = person_ranking(competition)
        summary = (f"知识竞赛“{competition.title}”，共{len(entrants)}人参赛，"
                   f"第一名{best[0].user.name}（答对{best[0].correct}题）。" if best else "")
        competition.activity = do_sync_activity(
            actor, source=competition, kind=ActivityKind.OTHER, title=f"知识竞赛：{competition.title}",
            date=day, host=competition.org_unit.display_name, summary=summary, participants=entrants)
    competition.save()
    audit.record("learning.competition.close", competition, actor=actor, old=old,
                 new=audit.snapshot(competition, ["ends_at", "closed_at"]))
    return competition


def entrant_count(competition: Competition) -> int:
    return QuizRun.objects.filter(competition=competition).values("user").distinct().count()


def close_due_competitions() -> int:
    """Archive competitions whose window has passed, as the system actor (periodic task).

    Not as their creator: a competition is closed even after its creator left.
    """
    closed = 0
    actor = system_actor()
    for competition in Competition.objects.filter(closed_at__isnull=True, ends_at__lte=timezone.now()):
        do_close_competition(actor, competition)
        closed += 1
    return closed


@dataclass
class Standing:
    rank: int
    user: User
    unit_id: int
    unit_name: str
    correct: int
    total: int
    seconds: int
    attempts: int


def person_ranking(competition: Competition) -> list[Standing]:
    """Each entrant's best finished attempt: most correct first, then least time used."""
    runs = (QuizRun.objects.filter(competition=competition, finished_at__isnull=False)
            .select_related("user", "org_unit").order_by("user_id", "-correct_count", "seconds_used", "pk"))
    best, attempts = {}, {}
    for run in runs:
        attempts[run.user_id] = attempts.get(run.user_id, 0) + 1
        best.setdefault(run.user_id, run)
    ordered = sorted(best.values(), key=lambda r: (-r.correct_count, r.seconds_used or 0, r.user_id))
    return [Standing(i + 1, r.user, r.org_unit_id, r.org_unit.display_name, r.correct_count, competition.question_count,
                     r.seconds_used or 0, attempts[r.user_id]) for i, r in enumerate(ordered)]


@dataclass
class UnitStanding:
    rank: int
    unit_name: str
    entrants: int
    average: float
    best: int


def unit_ranking(standings: list[Standing]) -> list[UnitStanding]:
    """Units by the average best score of their entrants, then by the number of entrants."""
    units: dict[int, list[Standing]] = {}
    for s in standings:
        units.setdefault(s.unit_id, []).append(s)
    rows = sorted(((rows[0].unit_name, len(rows), sum(s.correct for s in rows) / len(rows),
                    max(s.correct for s in rows)) for rows in units.values()), key=lambda r: (-r[2], -r[1], r[0]))
    return [UnitStanding(i + 1, name, n, round(avg, 1), best) for i, (name, n, avg, best) in enumerate(rows)]
