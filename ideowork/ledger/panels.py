"""The ledger's panel on the plan item page: progress per period, and the timeline of activities
with their evidence (registered in ``LedgerConfig.ready`` through ``core.panels``)."""

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from ideowork.plans.models import Target

from .models import Activity, ActivityTarget
from .progress import compute_progress

__all__ = ["item_progress_panel"]

TIMELINE_LENGTH = 30
# Periods shown one cell each; daily and weekly targets are summarised instead.
CELL_PERIODS = {"month", "quarter", "halfyear", "year"}


def item_progress_panel(request, item) -> str:
    user = request.user
    today = timezone.localdate()
    year = item.plan.year
    targets = list(Target.objects.visible_to(user).filter(item=item).order_by("order", "id"))
    progress = compute_progress(targets, year=year, today=today)
    rows = [(t, progress[t.pk], t.period in CELL_PERIODS) for t in targets]
    # A subquery, not a join: DISTINCT over a join of the whole ledger plans badly on PostgreSQL.
    counted = ActivityTarget.objects.filter(target__item=item).values("activity_id")
    activities = (Activity.objects.visible_to(user)
                  .filter(Q(item=item) | Q(pk__in=counted))
                  .select_related("org_unit").prefetch_related("evidence__attachment")
                  .order_by("-date", "-id"))
    timeline = list(activities[:TIMELINE_LENGTH + 1])
    return render_to_string("ledger/_item_progress.html", {
        "item": item, "rows": rows, "timeline": timeline[:TIMELINE_LENGTH],
        "more": len(timeline) > TIMELINE_LENGTH, "today": today, "year": year, "user": user,
    })  # no request: the page around the panel has already run the context processors
