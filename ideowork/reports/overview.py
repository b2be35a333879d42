"""The numbers behind the dashboards, each in a fixed number of queries."""

from __future__ import annotations

from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, F

from ideowork.core.caching import cached_figure
from ideowork.ledger.figures import cached_progress, ledger_versions
from ideowork.ledger.progress import STATUS_ORDER, Status, TargetProgress, worst_status
from ideowork.plans.models import Assignment, PlanItem, Target

__all__ = ["ItemRow", "PlanOverview", "plan_overview", "monthly_activity_counts", "NO_TARGET"]

NO_TARGET = "none"  # an item with no quantified target


@dataclass
class ItemRow:
    item: PlanItem
    progresses: list[TargetProgress]
    assignment: Assignment | None

    @property
    def status(self) -> str:
        return worst_status(p.status for p in self.progresses) or NO_TARGET

    @property
    def status_label(self) -> str:
        return "无量化指标" if self.status == NO_TARGET else Status(self.status).label


@dataclass
class PlanOverview:
    plan: object
    year: int
    today: date
    rows: list[ItemRow] = field(default_factory=list)

    @property
    def progresses(self) -> list[TargetProgress]:
        return [p for row in self.rows for p in row.progresses]

    def target_status_counts(self) -> OrderedDict:
        counts = Counter(p.status for p in self.progresses)
        return OrderedDict((s.value, counts.get(s.value, 0)) for s in STATUS_ORDER)

    def item_status_counts(self) -> OrderedDict:
        counts = Counter(row.status for row in self.rows)
        ordered = OrderedDict((s.value, counts.get(s.value, 0)) for s in STATUS_ORDER)
        ordered[NO_TARGET] = counts.get(NO_TARGET, 0)
        return ordered

    def lagging(self, limit: int | None = None) -> list[TargetProgress]:
        lagging = [p for p in self.progresses if p.status in (Status.OVERDUE, Status.BEHIND)]
        lagging.sort(key=lambda p: (STATUS_ORDER.index(p.status), -(p.required_year - p.done_year)))
        return lagging[:limit] if limit else lagging

    def deadlines_ahead(self, days: int = 30) -> list[ItemRow]:
        horizon = self.today + timedelta(days=days)
        rows = [r for r in self.rows if r.assignment and r.assignment.deadline
                and self.today <= r.assignment.deadline <= horizon and r.status != Status.DONE]
        return sorted(rows, key=lambda r: r.assignment.deadline)

    def completion_percent(self) -> int:
        required = sum(p.required_year for p in self.progresses)
        done = sum(min(p.done_year, p.required_year) for p in self.progresses)
        return 100 if required == 0 else round(100 * done / required)


def plan_overview(plans, *, today: date) -> dict[int, PlanOverview]:
    """Overviews of several plans at once; the query count does not depend on how many."""
    plans = list(plans)
    if not plans:
        return {}
    items = (PlanItem.objects.filter(plan__in=plans).select_related("section", "assignment",
                                                                        "assignment__lead_unit",
                                                                        "assignment__specific_responsible")
             .order_by("plan_id", "order", "number", "id"))
    targets = list(Target.objects.filter(item__plan__in=plans).select_related("item")
                   .annotate(plan_organ_id=F("item__plan__org_unit__organ_id")).order_by("item_id", "order", "id"))
    year_of_plan = {p.pk: p.year for p in plans}
    by_plan = {}
    progress = {}
    for year in set(year_of_plan.values()):
        of_year = [t for t in targets if year_of_plan[t.item.plan_id] == year]
        progress.update(cached_progress(of_year, year=year, today=today,
                                        organ_ids={t.plan_organ_id for t in of_year}))
    targets_of_item: dict[int, list] = {}
    for target in targets:
        targets_of_item.setdefault(target.item_id, []).append(progress[target.pk])
    for plan in plans:
        by_plan[plan.pk] = PlanOverview(plan=plan, year=plan.year, today=today)
    for item in items:
        assignment = item.assignment if hasattr(item, "assignment") else None
        by_plan[item.plan_id].rows.append(ItemRow(item, targets_of_item.get(item.pk, []), assignment))
    return by_plan


def monthly_activity_counts(activities, year: int, *, organ, user) -> list[int]:
    """Activities per month of ``year`` among ``activities`` (those of ``organ`` that ``user``
    sees): twelve numbers, cached under the organ's ledger version and what decides what the user
    sees (grouped by day in SQL, by month here, so that the query stays an index scan on every
    database)."""
    parts = (year, ledger_versions([organ.organ_id]), user.pk, user.role, user.org_unit_id)
    return cached_figure("monthly_activities", parts, lambda: _monthly_counts(activities, year))


def _monthly_counts(activities, year: int) -> list[int]:
    counts = [0] * 12
    rows = (activities.filter(date__gte=date(year, 1, 1), date__lte=date(year, 12, 31))
            .values_list("date").annotate(n=Count("id")).order_by())
    for day, n in rows:
        counts[day.month - 1] += n
    return counts
