"""The progress engine: how far each target is, per period, as of a day.

Everything is computed from ``TargetCredit`` rows in a fixed number of queries, whatever the number
of targets, plans or activities: one aggregate of credits per month (for month-and-longer periods)
and one per day (for days and weeks), and one for the tracked persons of per-person targets. A dashboard therefore costs the same on a small office and on a city with 200,000 activities.

Status of one period of one target, as of ``today``:
- 已完成: done ≥ required (any time);
- 逾期: the period has ended short;
- 滞后: the period is under way and done < ⌊required × share of its days already over⌋;
- 进行中: under way and on pace;
- 未开始: the period lies in the future.
A target's overall status is 逾期 when any past period of the year ended short, else the status of
its current period (已完成 once the year is over and every period was met).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.db.models import Count

from ideowork.core.periods import Period, period_of, periods_of_year

__all__ = ["Status", "PeriodProgress", "TargetProgress", "compute_progress", "STATUS_ORDER"]


class Status(models.TextChoices):
    DONE = "done", "已完成"
    ONTRACK = "ontrack", "进行中"
    BEHIND = "behind", "滞后"
    OVERDUE = "overdue", "逾期"
    FUTURE = "future", "未开始"


# Worst first: how statuses are ranked when several are summarised into one.
STATUS_ORDER = [Status.OVERDUE, Status.BEHIND, Status.ONTRACK, Status.FUTURE, Status.DONE]


@dataclass
class PeriodProgress:
    period: Period
    required: int
    done: int
    status: str

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def percent(self) -> int:
        return 100 if self.required == 0 else min(100, round(100 * self.done / self.required))


@dataclass
class TargetProgress:
    target: object
    year: int
    today: date
    periods: list[PeriodProgress]
    persons: int = 0
    # For per-person targets: how many of the tracked persons have met the year's count.
    persons_met: int = 0
    status: str = Status.FUTURE
    current: PeriodProgress | None = None
    missed_periods: int = 0
    projected_year: int = 0
    will_meet: bool = True
    person_done: dict = field(default_factory=dict)

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def required_year(self) -> int:
        return sum(p.required for p in self.periods)

    @property
    def done_year(self) -> int:
        return sum(p.done for p in self.periods)

    @property
    def percent(self) -> int:
        required = self.required_year
        return 100 if required == 0 else min(100, round(100 * self.done_year / required))

    @property
    def periods_met(self) -> int:
        return sum(1 for p in self.periods if p.status == Status.DONE)

    @property
    def periods_elapsed(self) -> int:
        return sum(1 for p in self.periods if p.period.start <= self.today)


def _period_status(required: int, done: int, period: Period, today: date) -> str:
    if done >= required:
        return Status.DONE
    if today > period.end:
        return Status.OVERDUE
    if today < period.start:
        return Status.FUTURE
    # Pace is judged on the days already over: nobody is behind on a day that has not ended.
    expected = math.floor(required * (today - period.start).days / period.days + 1e-9)
    return Status.BEHIND if done < expected else Status.ONTRACK


def _bucket_counts(targets: list, year: int):
    """Credits per (target, person, bucket) for the year: months for month-and-longer periods, days
    for days and weeks. Two queries at most, each an index scan on (target, date), returning at
    most 12 or 366 rows per target and person, whatever the number of activities.
    """
    from .models import TargetCredit

    counts: dict[int, list[tuple[int | None, date, int]]] = defaultdict(list)
    window = {"date__gte": date(year, 1, 1), "date__lte": date(year, 12, 31)}
    by_month = [t.pk for t in targets if t.period not in ("day", "week")]
    by_day = [t.pk for t in targets if t.period in ("day", "week")]
    if by_month:
        rows = (TargetCredit.objects.filter(target_id__in=by_month, **window)
                .values_list("target_id", "person_id", "month").annotate(n=Count("id")).order_by())
        for target_id, person_id, month, n in rows:
            counts[target_id].append((person_id, date(year, int(month), 1), n))
    if by_day:
        rows = (TargetCredit.objects.filter(target_id__in=by_day, **window)
                .values_list("target_id", "person_id", "date").annotate(n=Count("id")).order_by())
        for target_id, person_id, day, n in rows:
            counts[target_id].append((person_id, day, n))
    return counts


def _person_counts(targets: list) -> dict[int, list[int]]:
    from ideowork.plans.models import Target

    per_person = [t.pk for t in targets if t.per == "person"]
    if not per_person:
        return {}
    persons: dict[int, list[int]] = defaultdict(list)
    through = Target.persons.through
    for target_id, user_id in through.objects.filter(target_id__in=per_person).values_list("target_id", "user_id"):
        persons[target_id].append(user_id)
    return persons


def compute_progress(targets: Iterable, *, year: int, today: date) -> dict[int, TargetProgress]:
    """Progress of every target in ``targets`` for ``year`` as of ``today``, keyed by target id."""
    targets = list(targets)
    if not targets:
        return {}
    counts = _bucket_counts(targets, year)
    persons_of = _person_counts(targets)
    result = {}
    for target in targets:
        periods = periods_of_year(target.period, year)
        tracked = persons_of.get(target.pk, [])
        per_person = target.per == "person" and bool(tracked)
        if per_person:
            tracked_set = set(tracked)
            # done per person per period, capped at the count: one person's surplus can't cover another.
            per_period_person: dict[tuple[int, int], int] = defaultdict(int)
            person_year: dict[int, int] = defaultdict(int)
            for person_id, bucket, n in counts.get(target.pk, []):
                if person_id not in tracked_set:
                    continue
                index = _period_index(periods, bucket, target.period)
                per_period_person[(index, person_id)] += n
                person_year[person_id] += n
            done_by_period = defaultdict(int)
            for (index, _person), n in per_period_person.items():
                done_by_period[index] += min(n, target.count)
            required_each = target.count * len(tracked)
        else:
            done_by_period = defaultdict(int)
            for _person, bucket, n in counts.get(target.pk, []):
                done_by_period[_period_index(periods, bucket, target.period)] += n
            required_each = target.count
            person_year = {}
        progress_periods = [
            PeriodProgress(p, required_each, done_by_period.get(i, 0),
                           _period_status(required_each, done_by_period.get(i, 0), p, today))
            for i, p in enumerate(periods)
        ]
        result[target.pk] = _summarise(target, year, today, progress_periods, tracked if per_person else [],
                                       person_year)
    return result


def _period_index(periods: list[Period], bucket: date, kind: str) -> int:
    """Index of the period a day falls in."""
    if kind == "year":
        return 0
    if kind == "halfyear":
        return 0 if bucket.month <= 6 else 1
    if kind == "quarter":
        return (bucket.month - 1) // 3
    if kind == "month":
        return bucket.month - 1
    if kind == "day":
        return bucket.timetuple().tm_yday - 1
    start = period_of(kind, bucket).start  # week, clipped to the year
    lo, hi = 0, len(periods) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if periods[mid].start < start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _summarise(target, year, today, periods, tracked, person_year) -> TargetProgress:
    progress = TargetProgress(target=target, year=year, today=today, periods=periods, persons=len(tracked),
                              person_done=dict(person_year))
    if tracked:
        yearly = target.count * (len(periods))
        progress.persons_met = sum(1 for p in tracked if person_year.get(p, 0) >= yearly)
    current = next((p for p in periods if p.period.contains(today)), None)
    if current is None:
        current = periods[-1] if today > periods[-1].period.end else periods[0]
    progress.current = current
    progress.missed_periods = sum(1 for p in periods if p.status == Status.OVERDUE)
    if progress.missed_periods:
        progress.status = Status.OVERDUE
    elif today > periods[-1].period.end:
        progress.status = Status.DONE
    else:
        progress.status = current.status
    # Projection: a periodic target is met if no period has been missed and the current one is not
    # behind; a yearly count is projected from its pace so far.
    if len(periods) == 1:
        share = periods[0].period.elapsed_fraction(today)
        done = periods[0].done
        progress.projected_year = done if share >= 1 or share == 0 else round(done / share)
        progress.will_meet = done >= periods[0].required or (share > 0 and progress.projected_year >= periods[0].required)
        if share == 0:
            progress.will_meet = True
    else:
        progress.projected_year = sum(p.done for p in periods) + sum(
            p.required for p in periods if p.period.start > today)
        progress.will_meet = progress.missed_periods == 0 and current.status != Status.BEHIND
    return progress


def summarise_statuses(progresses: Iterable[TargetProgress]) -> dict[str, int]:
    counts = {s.value: 0 for s in Status}
    for p in progresses:
        counts[p.status] += 1
    return counts


def worst_status(statuses: Iterable[str]) -> str | None:
    statuses = set(statuses)
    for status in STATUS_ORDER:
        if status in statuses:
            return status
    return None
