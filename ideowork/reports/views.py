"""Dashboards: the office overview, target progress, a person's own page, the county comparison."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render

from ideowork.core.periods import period_of
from ideowork.core.permissions import is_business, role_required
from ideowork.core.start_pages import start_url_for
from ideowork.learning.participation import participation
from ideowork.ledger.models import Activity
from ideowork.ledger.progress import STATUS_ORDER, Status, compute_progress, worst_status
from ideowork.ledger.requirements import person_figures
from ideowork.plans.models import Assignment, Target

from . import charts
from .counties import county_units as counties_of
from .links import ledger_url, progress_url
from .overview import NO_TARGET, monthly_activity_counts, plan_overview
from .selection import plans_for_selector, selected_plan, today
from .today import tasks_for

STATUS_LABELS = {**{s.value: s.label for s in Status}, NO_TARGET: "无量化指标"}


@login_required
def home(request):
    """The brand link: each person's start page (``core/start_pages.py``; leaders start on the office
    dashboard, staff on 我的工作, cadres on their learning page, the system roles on their pages)."""
    url = start_url_for(request.user)
    query = request.GET.urlencode()  # a link to "/?plan=…" keeps its plan
    return redirect(f"{url}?{query}" if query else url)


@is_business
def office(request):
    """The office overview: items by status, targets behind, deadlines ahead, activity by month."""
    plan = selected_plan(request)
    context = {"plan": plan, "plans": plans_for_selector(request.user), "status_labels": STATUS_LABELS}
    if plan is None:
        return render(request, "reports/home.html", context)
    day = today()
    overview = plan_overview([plan], today=day)[plan.pk]
    item_counts = overview.item_status_counts()
    target_counts = overview.target_status_counts()
    unit = plan.org_unit
    year = plan.year
    # The organ's own activities: its county bureaus run plans of their own.
    activities = Activity.objects.visible_to(request.user).filter(org_unit__organ=unit)
    monthly = monthly_activity_counts(activities, year, organ=unit, user=request.user)
    months = [period_of("month", date(year, m, 1)) for m in range(1, 13)]
    month_links = [ledger_url(organ=unit.pk, period_start=m.start, period_end=m.end) for m in months]
    context.update({
        "overview": overview,
        "item_counts": [(k, STATUS_LABELS[k], n, progress_url(plan, item_status=k)) for k, n in item_counts.items()],
        "target_counts": [(k, STATUS_LABELS[k], n, progress_url(plan, status=k)) for k, n in target_counts.items()],
        "lagging": [(p, _period_ledger_link(p)) for p in overview.lagging(limit=12)],
        "deadlines": overview.deadlines_ahead(),
        "activity_total": sum(monthly),
        "activity_total_url": ledger_url(organ=unit.pk, year=year),
        "item_chart": charts.status_pie("要点条目完成情况", item_counts, STATUS_LABELS,
                                        {k: progress_url(plan, item_status=k) for k in item_counts}),
        "month_chart": charts.monthly_bars(f"{year}年各月台账活动", monthly, month_links),
        "today": day,
        "learning": participation(request.user, unit, day, days=30),
    })
    return render(request, "reports/home.html", context)


def _period_ledger_link(progress):
    """The ledger of the current period, or of the first period missed."""
    period = progress.current.period if progress.status != Status.OVERDUE else next(
        p.period for p in progress.periods if p.status == Status.OVERDUE)
    return ledger_url(target=progress.target.pk, period_start=period.start, period_end=period.end)


@is_business
def progress(request):
    """Every target of a plan with its progress; the page the dashboard's numbers open."""
    plan = selected_plan(request)
    context = {"plan": plan, "plans": plans_for_selector(request.user), "status_labels": STATUS_LABELS,
               "status_choices": [(s.value, s.label) for s in STATUS_ORDER]}
    if plan is None:
        return render(request, "reports/progress.html", context)
    overview = plan_overview([plan], today=today())[plan.pk]
    status = request.GET.get("status", "")
    item_status = request.GET.get("item_status", "")
    rows = []
    for row in overview.rows:
        if item_status and row.status != item_status:
            continue
        progresses = [p for p in row.progresses if not status or p.status == status]
        if status and not progresses:
            continue
        rows.append((row, [(p, ledger_url(target=p.target.pk, year=plan.year)) for p in progresses]))
    context.update({"overview": overview, "rows": rows, "status": status, "item_status": item_status,
                    "item_status_choices": list(STATUS_LABELS.items())})
    return render(request, "reports/progress.html", context)


@is_business
def me(request):
    """A person's own page and, for the staff, section chiefs and supervisors, their start page: what
    to do today, most urgent first (``reports/today.py``), then what they answer for, what they still
    owe and what they did."""
    user = request.user
    day = today()
    assignments = (Assignment.objects.visible_to(user)
                   .filter(Q(first_responsible=user) | Q(direct_responsible=user) | Q(specific_responsible=user),
                           item__plan__year__gte=day.year - 1)
                   .select_related("item", "item__plan", "lead_unit").order_by("deadline", "item__number"))
    item_targets = list(Target.objects.visible_to(user).filter(item__in=[a.item for a in assignments])
                        .select_related("item__plan"))
    personal = list(Target.objects.visible_to(user).filter(persons=user, item__plan__year=day.year)
                    .select_related("item__plan"))
    progress_of = {}
    everything = list({t.pk: t for t in item_targets + personal}.values())
    for year in {t.item.plan.year for t in everything}:
        progress_of.update(compute_progress([t for t in everything if t.item.plan.year == year], year=year,
                                            today=day))
    owed = []
    for target in personal:
        p = progress_of[target.pk]
        mine, required = person_figures(p, user.pk)
        owed.append((target, p, mine, required, max(0, required - mine)))
    items = []
    for a in assignments:
        progresses = [progress_of[t.pk] for t in item_targets if t.item_id == a.item_id]
        status = worst_status(p.status for p in progresses) or NO_TARGET
        items.append((a, status, STATUS_LABELS[status], progresses))
    recent = (Activity.objects.visible_to(user).filter(Q(participants=user) | Q(created_by=user))
              .distinct().select_related("org_unit").order_by("-date", "-id")[:10])
    tasks = tasks_for(user, day, progress_of=progress_of, targets=everything, personal={t.pk for t in personal})
    return render(request, "reports/me.html", {
        "items": items, "owed": owed, "recent": recent, "today": day, "tasks": tasks,
        "overdue_count": sum(1 for t in tasks if t.overdue),
        "sources": {t.source for t in tasks},
        "my_ledger_url": ledger_url(person=user.pk),
    })


@role_required(lambda u: u.is_manager, "只有管理人员可以查看县区对比。")
def counties(request):
    """The city compares the county bureaus under it (延伸管控)."""
    user = request.user
    day = today()
    year = _year_param(request, day.year)
    county_units = list(counties_of(user))
    plans = {p.org_unit_id: p for p in plans_for_selector(user).filter(org_unit__in=county_units, year=year)}
    overviews = plan_overview(plans.values(), today=day)
    activity_counts = dict(
        Activity.objects.visible_to(user).filter(org_unit__organ__in=county_units, date__gte=date(year, 1, 1),
                                                 date__lte=date(year, 12, 31))
        .values_list("org_unit__organ").annotate(n=Count("id")).order_by()
    )
    rows = []
    series = {s.value: [] for s in STATUS_ORDER}
    links = {}
    for unit in county_units:
        plan = plans.get(unit.pk)
        overview = overviews.get(plan.pk) if plan else None
        counts = overview.target_status_counts() if overview else {s.value: 0 for s in STATUS_ORDER}
        for key in series:
            series[key].append(counts.get(key, 0))
            if plan:
                links[f"{STATUS_LABELS[key]}|{unit.display_name}"] = progress_url(plan, status=key)
        rows.append({
            "unit": unit, "plan": plan, "overview": overview,
            "counts": [(k, counts.get(k, 0), progress_url(plan, status=k) if plan else "") for k in series],
            "completion": overview.completion_percent() if overview else None,
            "activities": activity_counts.get(unit.pk, 0),
            "activities_url": ledger_url(organ=unit.pk, year=year),
        })
    rows.sort(key=lambda r: -(r["completion"] or -1))
    chart = charts.county_bars([u.display_name for u in county_units], series, STATUS_LABELS, links)
    return render(request, "reports/counties.html", {
        "rows": rows, "year": year, "chart": chart, "status_keys": [(s.value, s.label) for s in STATUS_ORDER],
    })


def _year_param(request, default: int) -> int:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else default
