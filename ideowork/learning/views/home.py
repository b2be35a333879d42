"""The learner's home page and the office's participation overview."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from ideowork.core.permissions import capability_required, is_business
from ideowork.ledger.choices import ActivitySource
from ideowork.ledger.models import Activity

from .. import rankings
from ..choices import RankingPeriod
from ..models import PointsEntry
from ..participation import participation
from ..todo import todos_for
from .points import today_progress


@is_business
def home(request):
    user = request.user
    today = timezone.localdate()
    totals = [(label, *rankings.rank_of(user, value, today, rankings.organ_scope(user)))
              for value, label in RankingPeriod.choices]
    recent = PointsEntry.objects.visible_to(user).filter(user=user)[:8]
    studied = (Activity.objects.visible_to(user).filter(participants=user, source=ActivitySource.LEARNING,
                                                        date__year=today.year)
               .values_list("kind").annotate(n=Count("pk")).order_by())
    progress = today_progress(user)
    return render(request, "learning/home/home.html", {
        "totals": totals, "today_points": sum(r["earned"] for r in progress), "progress": progress, "recent": recent, "todos": todos_for(user, today),
        "studied": [(Activity(kind=kind).get_kind_display(), n) for kind, n in studied],
    })


@capability_required("learning.manage")
def overview(request):
    """Participation and points by unit, and who has not studied, for the admin's organ."""
    user = request.user
    today = timezone.localdate()
    try:
        days = max(7, min(90, int(request.GET.get("days", 30))))
    except ValueError:
        days = 30
    learning = (Activity.objects.visible_to(user).filter(source=ActivitySource.LEARNING, date__year=today.year,
                                                         org_unit__organ=user.scope_root)
                .aggregate(total=Count("pk"), sessions=Count("pk", filter=Q(kind__in=["study", "micro_study"]))))
    return render(request, "learning/home/overview.html", {
        "summary": participation(user, user.scope_root, today, days), "days": days, "learning": learning,
        "root": user.scope_root,
    })
