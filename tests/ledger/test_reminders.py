"""Reminders run through the task queue, once per target and period, to the responsible people."""

from datetime import date

import pytest

from ideowork.core.models import Notification
from ideowork.ledger import tasks
from ideowork.ledger.models import Activity, TargetCredit
from ideowork.ledger.reminders import send_target_reminders
from ideowork.plans.models import Assignment, Target
from tests.factories import make_plan


@pytest.fixture
def plan(org):
    plan = make_plan(org.city)
    for item in plan.items.all():
        Assignment.objects.create(item=item, lead_unit=org.office, specific_responsible=org.section_chief,
                                  direct_responsible=org.deputy)
    return plan


def credit(target, day):
    activity = Activity.objects.create(org_unit=target.item.plan.org_unit, kind="study", title="学习", date=day)
    TargetCredit.objects.create(target=target, activity=activity, date=day, month=day.month)


def test_missed_months_and_due_soon_are_notified_once(plan, org):
    monthly = Target.objects.get(item__plan=plan, text="每月开展1次集中学习研讨")
    credit(monthly, date(2026, 1, 8))
    sent = send_target_reminders(date(2026, 3, 26))
    overdue = Notification.objects.filter(recipient=org.section_chief, kind="overdue", title__contains="集中学习研讨")
    assert [n.body for n in overdue] == ["1. 深化理论武装体系建设：2026年2月未完成（完成0/要求1）。"]
    due = Notification.objects.filter(recipient=org.section_chief, kind="due", title__contains="集中学习研讨")
    assert due.count() == 1 and "3月31日截止" in due.get().body
    assert Notification.objects.filter(recipient=org.deputy).count() == sent.total // 2
    again = send_target_reminders(date(2026, 3, 26))
    assert again.total == 0


def test_met_target_gets_no_reminder(plan, org):
    monthly = Target.objects.get(item__plan=plan, text="每月开展1次集中学习研讨")
    credit(monthly, date(2026, 1, 8))
    send_target_reminders(date(2026, 1, 28))
    assert not Notification.objects.filter(title__contains="集中学习研讨").exists()


def test_unassigned_targets_go_to_the_organs_staff(org):
    plan = make_plan(org.city)
    send_target_reminders(date(2026, 2, 26))
    assert Notification.objects.filter(recipient=org.staff, kind="due").exists()
    assert not Notification.objects.filter(recipient=org.county_staff).exists()


@pytest.mark.clock("2026-03-02T08:00")  # the task reminds about today's year: the plan's, with February missed
def test_periodic_task_runs_through_the_queue(plan, org):
    from datetime import datetime

    from huey.contrib.djhuey import HUEY

    periodic = {task.name for task in HUEY._registry.periodic_tasks}
    assert "target_reminders" in {name.rsplit(".", 1)[-1] for name in periodic}
    assert tasks.target_reminders.task_class().validate_datetime(datetime(2026, 3, 2, 8, 0))
    assert not tasks.target_reminders.task_class().validate_datetime(datetime(2026, 3, 2, 9, 0))
    result = tasks.target_reminders_now()  # enqueued; executed by the queue (immediate mode in tests)
    assert result() == Notification.objects.count() > 0


def test_on_new_years_day_last_years_final_periods_are_reminded(plan, org):
    """December, the fourth quarter and the year end on 31 December: they are reminded in January."""
    assert plan.year == 2026
    monthly = Target.objects.get(item__plan=plan, text="每月开展1次集中学习研讨")
    for month in range(1, 12):
        credit(monthly, date(2026, month, 8))
    send_target_reminders(date(2026, 12, 31))
    assert not Notification.objects.filter(title__contains="集中学习研讨", kind="overdue").exists()
    send_target_reminders(date(2027, 1, 1))
    overdue = Notification.objects.filter(recipient=org.section_chief, kind="overdue", title__contains="集中学习研讨")
    assert [n.body for n in overdue] == ["1. 深化理论武装体系建设：2026年12月未完成（完成0/要求1）。"]
    assert send_target_reminders(date(2027, 1, 2)).overdue == 0  # once
    Notification.objects.all().delete()
    send_target_reminders(date(2027, 2, 1))  # from February on, last year's plan is history
    assert not Notification.objects.filter(title__contains="集中学习研讨").exists()
