"""The ledger's panel on the plan item page: progress per period, and the timeline of activities
with their evidence (registered in ``LedgerConfig.ready`` through ``core.panels``).

The progress and the timeline's activity ids are cached under the ledger version of the item's
organ (``ledger/figures.py``); the activities themselves are read fresh, by primary key."""

from django.template.loader import render_to_string
from django.utils import timezone

from ideowork.core.caching import cached_figure
from ideowork.plans.models import Target

from .figures import cached_progress, ledger_versions
from .models import Activity, ActivityTarget

__all__ = ["item_progress_panel"]

TIMELINE_LENGTH = 30
# Periods shown one cell each; daily and weekly targets are summarised instead.
CELL_PERIODS = {"month", "quarter", "halfyear", "year"}


def item_progress_panel(request, item) -> str:
    user = request.user
    today = timezone.localdate()
    year = item.plan.year
    organ_id = item.plan.org_unit.organ_id
    targets = list(Target.objects.visible_to(user).filter(item=item).order_by("order", "id"))
    versions = ledger_versions([organ_id])
    progress = cached_progress(targets, year=year, today=today, versions=versions)
    rows = [(t, progress[t.pk], t.period in CELL_PERIODS) for t in targets]
    ids = cached_figure("item_timeline", (item.pk, versions, user.pk, user.role, user.org_unit_id),
                        lambda: _timeline_ids(user, item))
    timeline = list(Activity.objects.visible_to(user).filter(pk__in=ids).select_related("org_unit")
                    .prefetch_related("evidence__attachment").order_by("-date", "-id"))
    return render_to_string("ledger/_item_progress.html", {
        "item": item, "rows": rows, "timeline": timeline[:TIMELINE_LENGTH],
        "more": len(timeline) > TIMELINE_LENGTH, "today": today, "year": year, "user": user,
    })  # no request: the page around the panel has already run the context processors


def _timeline_ids(user, item) -> list[int]:
    """The latest activities the user sees that are filed under the item or count toward one of its
    targets (one more than shown, to know whether there are more). Two index-ordered queries merged
    here: an OR of the two conditions cannot follow an index and scans the ledger."""
    visible = Activity.objects.visible_to(user).order_by("-date", "-id")
    counted = ActivityTarget.objects.filter(target__item=item).values("activity_id")
    newest = set()
    for rows in (visible.filter(item=item), visible.filter(pk__in=counted)):
        newest |= set(rows.values_list("date", "id")[:TIMELINE_LENGTH + 1])
    return [pk for _day, pk in sorted(newest, reverse=True)[:TIMELINE_LENGTH + 1]]
