"""The learner's home page and the office's participation overview."""

from datetime import timedelta

from django.db.models import Count, Q, Sum
from django.shortcuts import render
from django.utils import timezone

from ideowork.core.models import User
from ideowork.core.permissions import is_business, is_learning_admin
from ideowork.ledger.choices import ActivitySource
from ideowork.ledger.models import Activity

from .. import rankings
from ..actions.points import period_key
from ..choices import RankingPeriod
from ..models import PointsEntry, PointsTotal
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


@is_learning_admin
def overview(request):
    """Participation and points by unit, and who has not studied, for the admin's organ."""
    user = request.user
    today = timezone.localdate()
    root = user.scope_root
    try:
        days = max(7, min(90, int(request.GET.get("days", 30))))
    except ValueError:
        days = 30
    since = today - timedelta(days=days - 1)
    people = User.objects.visible_to(user).business().filter(org_unit__path__startswith=root.path)
    active = set(PointsEntry.objects.visible_to(user).filter(date__gte=since).values_list("user_id", flat=True)
                 .distinct())
    by_unit = {}
    for person in people.select_related("org_unit").order_by("org_unit__path", "username"):
        row = by_unit.setdefault(person.org_unit_id, {"unit": person.org_unit, "members": 0, "active": 0, "idle": []})
        row["members"] += 1
        if person.pk in active:
            row["active"] += 1
        else:
            row["idle"].append(person)
    month_points = dict(PointsTotal.objects.visible_to(user)
                        .filter(period=RankingPeriod.MONTH, key=period_key("month", today))
                        .values_list("org_unit").annotate(n=Sum("points")).order_by())
    rows = []
    for unit_id, row in by_unit.items():
        row["percent"] = round(100 * row["active"] / row["members"]) if row["members"] else 0
        row["points"] = month_points.get(unit_id, 0)
        row["average"] = round(row["points"] / row["members"], 1) if row["members"] else 0
        rows.append(row)
    learning = (Activity.objects.visible_to(user).filter(source=ActivitySource.LEARNING, date__year=today.year)
                .aggregate(total=Count("pk"), sessions=Count("pk", filter=Q(kind__in=["study", "micro_study"]))))
    idle = [p for row in rows for p in row["idle"]]
    return render(request, "learning/home/overview.html", {
        "rows": rows, "days": days, "since": since, "idle": idle, "members": sum(r["members"] for r in rows),
        "active": sum(r["active"] for r in rows), "learning": learning, "root": root,
    })
