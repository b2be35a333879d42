"""The progress engine, on hand-made credits: statuses, per-person capping, projection, query count."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ideowork.ledger.models import Activity, TargetCredit
from ideowork.ledger.progress import Status, compute_progress
from ideowork.plans.models import Target
from tests.factories import make_plan


def credit(target, day, person=None, unit=None):
    activity = Activity.objects.create(org_unit=unit or target.item.plan.org_unit, kind="study", title="测试", date=day)
    TargetCredit.objects.create(target=target, activity=activity, person=person, date=day, month=day.month)


@pytest.fixture
def plan(org):
    return make_plan(org.city)


def target(plan, text):
    return Target.objects.get(item__plan=plan, text=text)


def test_monthly_target_missed_month_is_overdue(plan):
    monthly = target(plan, "每月开展1次集中学习研讨")
    for month in (1, 2, 4):
        credit(monthly, date(2026, month, 10))
    progress = compute_progress([monthly], year=2026, today=date(2026, 4, 20))[monthly.pk]
    statuses = [p.status for p in progress.periods[:5]]
    assert statuses == [Status.DONE, Status.DONE, Status.OVERDUE, Status.DONE, Status.FUTURE]
    assert progress.status == Status.OVERDUE
    assert progress.missed_periods == 1
    assert progress.will_meet is False
    assert progress.done_year == 3 and progress.required_year == 12


def test_current_month_short_but_on_pace_is_in_progress(plan):
    monthly = target(plan, "每月开展1次集中学习研讨")
    credit(monthly, date(2026, 1, 5))
    progress = compute_progress([monthly], year=2026, today=date(2026, 2, 10))[monthly.pk]
    assert progress.current.status == Status.ONTRACK
    assert progress.status == Status.ONTRACK
    assert progress.will_meet is True


def test_yearly_count_behind_pace_and_projection(plan):
    yearly = target(plan, "全年集中学习不少于12次")
    for month in range(1, 4):
        credit(yearly, date(2026, month, 1))
    progress = compute_progress([yearly], year=2026, today=date(2026, 7, 1))[yearly.pk]
    # Half the year gone, 3 of 12 done: expected 5 by now.
    assert progress.status == Status.BEHIND
    assert progress.projected_year == 6
    assert progress.will_meet is False


def test_yearly_count_met_is_done(plan):
    drill = target(plan, "每年组织不少于1次意识形态应急处置演练")
    credit(drill, date(2026, 3, 1))
    progress = compute_progress([drill], year=2026, today=date(2026, 3, 2))[drill.pk]
    assert progress.status == Status.DONE and progress.will_meet


def test_per_person_target_caps_each_person(plan, org):
    reflections = target(plan, "撰写心得体会不少于4篇")
    reflections.persons.set([org.principal, org.deputy])
    for i in range(6):  # the principal writes six: only four count
        credit(reflections, date(2026, 1, 1 + i), person=org.principal)
    credit(reflections, date(2026, 2, 1), person=org.deputy)
    credit(reflections, date(2026, 2, 2), person=org.cadre)  # not tracked
    progress = compute_progress([reflections], year=2026, today=date(2026, 12, 31))[reflections.pk]
    assert progress.persons == 2
    assert progress.required_year == 8
    assert progress.done_year == 5
    assert progress.persons_met == 1
    assert progress.status == Status.BEHIND


def test_week_and_day_periods_partition_the_year(plan):
    item = plan.items.first()
    weekly = Target.objects.create(item=item, text="每周微学习", count=1, unit="次", period="week", explicit=False)
    daily = Target.objects.create(item=item, text="每日巡查", count=1, unit="次", period="day", explicit=False)
    credit(weekly, date(2026, 1, 1))  # Thursday: week 1 is clipped to 1–4 January
    credit(weekly, date(2026, 1, 6))
    credit(daily, date(2026, 1, 1))
    result = compute_progress([weekly, daily], year=2026, today=date(2026, 1, 8))
    weeks = result[weekly.pk].periods
    assert weeks[0].period.start == date(2026, 1, 1) and weeks[0].period.end == date(2026, 1, 4)
    assert [w.done for w in weeks[:3]] == [1, 1, 0]
    assert sum(w.period.days for w in weeks) == 365
    days = result[daily.pk].periods
    assert len(days) == 365
    assert days[0].status == Status.DONE and days[1].status == Status.OVERDUE


def test_query_count_does_not_grow_with_targets_or_credits(plan, org):
    targets = list(Target.objects.filter(item__plan=plan))
    with CaptureQueriesContext(connection) as small:
        compute_progress(targets, year=2026, today=date(2026, 6, 1))
    for t in targets:
        for month in range(1, 6):
            credit(t, date(2026, month, 3), person=org.principal if t.per == "person" else None)
    more = make_plan(org.county_a, title="县要点")
    targets += list(Target.objects.filter(item__plan=more))
    with CaptureQueriesContext(connection) as large:
        compute_progress(targets, year=2026, today=date(2026, 6, 1))
    assert len(large) == len(small) <= 3


def test_todays_daily_duty_is_not_behind_before_the_day_ends(plan):
    item = plan.items.first()
    daily = Target.objects.create(item=item, text="每日巡查", count=1, unit="次", period="day", explicit=False)
    credit(daily, date(2026, 3, 1))
    progress = compute_progress([daily], year=2026, today=date(2026, 3, 2))[daily.pk]
    assert progress.current.period.start == date(2026, 3, 2)
    assert progress.current.status == Status.ONTRACK
