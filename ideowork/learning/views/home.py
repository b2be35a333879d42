"""The learner's home page and the office's participation overview."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from ideowork.core.actions.reviews import awaiting, subject_url, with_subjects
from ideowork.core.permissions import capability_required, is_business
from ideowork.ledger.models import Activity

from .. import rankings
from ..apps import LearningConfig
from ..choices import RankingPeriod
from ..actions.quizzes import week_key
from ..models import Material, PointsEntry, QuizKind, QuizRun, StudyProgress
from ..participation import participation
from ..todo import todos_for
from .points import today_progress


@is_business
def home(request):
    """The cadre's own page: today's study first, then what they owe, then points and rank."""
    user = request.user
    today = timezone.localdate()
    totals = [(value, label, *rankings.rank_of(user, value, today, rankings.organ_scope(user)))
              for value, label in RankingPeriod.choices]
    recent = PointsEntry.objects.visible_to(user).filter(user=user)[:6]
    studied = (Activity.objects.visible_to(user).filter(participants=user, source=LearningConfig.label,
                                                        date__year=today.year)
               .values_list("kind").annotate(n=Count("pk")).order_by())
    progress = today_progress(user)
    runs = QuizRun.objects.visible_to(user).filter(user=user)
    reviews = with_subjects(awaiting(user)[:5])
    return render(request, "learning/home/home.html", {
        "totals": totals, "today_points": sum(r["earned"] for r in progress),
        "today_target": sum(r["cap"] for r in progress if r["cap"]),
        "progress": [r for r in progress if r["cap"]], "recent": recent, "todos": todos_for(user, today),
        "studied": [(Activity(kind=kind).get_kind_display(), n) for kind, n in studied],
        "daily": runs.filter(kind=QuizKind.DAILY, period_key=today.isoformat()).first(),
        "weekly": runs.filter(kind=QuizKind.WEEKLY, period_key=week_key(today)).first(),
        "continue": _material_to_continue(user),
        "reviews": [(r, subject_url(r)) for r in reviews],
    })


def _material_to_continue(user):
    """The material last studied and not finished, else the newest one not yet opened: (material, progress)."""
    started = (StudyProgress.objects.visible_to(user).filter(user=user, completed_at__isnull=True)
               .select_related("material").order_by("-last_beat_at").first())
    if started is not None:
        return started.material, started
    fresh = (Material.objects.visible_to(user).exclude(progress__user=user)
             .order_by("-created_at", "-pk").first())
    return (fresh, None) if fresh is not None else None


@capability_required("learning.manage")
def overview(request):
    """Participation and points by unit, and who has not studied, for the admin's organ."""
    user = request.user
    today = timezone.localdate()
    try:
        days = max(7, min(90, int(request.GET.get("days", 30))))
    except ValueError:
        days = 30
    learning = (Activity.objects.visible_to(user).filter(source=LearningConfig.label, date__year=today.year,
                                                         org_unit__organ=user.scope_root)
                .aggregate(total=Count("pk"), sessions=Count("pk", filter=Q(kind__in=["study", "micro_study"]))))
    return render(request, "learning/home/overview.html", {
        "summary": participation(user, user.scope_root, today, days), "days": days, "learning": learning,
        "root": user.scope_root,
    })
