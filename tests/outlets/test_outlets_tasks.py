"""The daily upkeep of the register: reminders about overdue outlets, dormant flags, late rectification."""

from datetime import datetime, timedelta

from django.utils import timezone

from ideowork.core.models import AuditEvent, Notification
from ideowork.outlets import tasks
from ideowork.outlets.actions.outlet_inspections import do_record_inspection
from ideowork.outlets.actions.outlets import do_close_outlet, do_flag_dormant_outlets, do_record_outlet_update
from ideowork.outlets.choices import OutletKind, OutletStatus, UpdateFrequency
from ideowork.outlets.upkeep import send_outlet_reminders
from tests.factories import make_user

from .outlet_builders import board, days_ago, wechat

TODAY = timezone.localdate


def overdue_notes(outlet):
    return Notification.objects.filter(title=f"阵地逾期未更新：{outlet.name}")


def test_an_overdue_outlet_reminds_its_responsible_person_and_the_staff_once(org):
    outlet = board(org, last=100)  # quarterly: due 8 days ago
    board(org, last=10, name="荣誉室展陈")  # not due
    sent = send_outlet_reminders(TODAY())
    assert sent.overdue == 2
    assert {n.recipient for n in overdue_notes(outlet)} == {org.section_chief, org.staff}
    note = overdue_notes(outlet).get(recipient=org.section_chief)
    assert "已逾期8天" in note.body and note.url == f"/outlets/{outlet.pk}/"
    assert send_outlet_reminders(TODAY()).overdue == 0
    assert send_outlet_reminders(TODAY() + timedelta(days=1)).overdue == 0  # once per due date
    assert overdue_notes(outlet).count() == 2


def test_a_new_due_date_brings_a_new_reminder(org):
    outlet = wechat(org, last=10)  # weekly: due 3 days ago
    send_outlet_reminders(TODAY())
    do_record_outlet_update(org.staff, outlet, date=days_ago(8), summary="推送文章")
    send_outlet_reminders(TODAY())
    assert overdue_notes(outlet).filter(recipient=org.staff).count() == 2


def test_closed_and_current_outlets_send_nothing(org):
    outlet = board(org, last=200)
    do_close_outlet(org.staff, outlet, reason="已拆除")
    wechat(org, last=1)
    assert send_outlet_reminders(TODAY()).total == 0
    assert not Notification.objects.filter(title__startswith="阵地逾期").exists()


def test_inactive_staff_hear_nothing(org):
    outlet = board(org, last=100)
    org.staff.is_active = False
    org.staff.save()
    send_outlet_reminders(TODAY())
    assert {n.recipient for n in overdue_notes(outlet)} == {org.section_chief}


def test_an_outlet_overdue_by_more_than_twice_its_frequency_is_flagged_dormant(org):
    long_gone = board(org, last=92 + 2 * 92 + 1)  # overdue by 185 days
    just_within = board(org, last=92 + 2 * 92, name="荣誉室展陈")  # overdue by exactly 184 days
    flagged = do_flag_dormant_outlets(TODAY())
    assert [o.pk for o in flagged] == [long_gone.pk]
    long_gone.refresh_from_db()
    just_within.refresh_from_db()
    assert long_gone.status == OutletStatus.DORMANT and "长期未更新" in long_gone.flag_reason
    assert just_within.status == OutletStatus.NORMAL
    event = AuditEvent.objects.get(event_type="outlets.outlet.flag_dormant")
    assert event.actor is None and event.new["status"] == "dormant"
    assert Notification.objects.filter(recipient=org.section_chief, title__contains="长期未更新").count() == 1
    assert do_flag_dormant_outlets(TODAY()) == []  # already flagged: nothing more


def test_a_daily_account_is_dormant_only_after_two_weeks(org):
    daily = wechat(org, last=10)
    daily.frequency_days = UpdateFrequency.DAILY
    daily.save()
    assert do_flag_dormant_outlets(TODAY()) == []
    daily.last_updated_on = days_ago(16)  # due 15 days ago
    daily.save()
    assert [o.pk for o in do_flag_dormant_outlets(TODAY())] == [daily.pk]


def test_an_outlet_under_rectification_is_not_flagged_dormant(org):
    outlet = board(org, last=400)
    do_record_inspection(org.staff, outlet, date=TODAY(), result="issues", findings="内容陈旧", rectification="更换",
                         rectify_by=TODAY())
    assert do_flag_dormant_outlets(TODAY()) == []
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.RECTIFYING


def test_a_dormant_outlet_is_cleared_by_an_update(org):
    outlet = board(org, last=300)
    do_flag_dormant_outlets(TODAY())
    do_record_outlet_update(org.staff, outlet, date=TODAY(), summary="重新布置宣传栏")
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.NORMAL and outlet.flag_reason == ""


def test_a_rectification_past_its_deadline_reminds_once(org):
    outlet = board(org)
    inspector = make_user("inspector", "section_chief", org.theory, "检查科长")
    late = do_record_inspection(inspector, outlet, date=days_ago(20), result="issues", findings="错别字",
                                rectification="更正", rectify_by=days_ago(5))
    do_record_inspection(org.staff, outlet, date=days_ago(2), result="issues", findings="图片模糊",
                         rectification="更换", rectify_by=TODAY() + timedelta(days=5))
    sent = send_outlet_reminders(TODAY())
    assert sent.rectification == 2  # the responsible person and the inspector, for the late one only
    notes = Notification.objects.filter(title=f"整改逾期：{outlet.name}")
    assert {n.recipient for n in notes} == {org.section_chief, inspector}
    assert all(late.findings in n.body for n in notes)
    assert send_outlet_reminders(TODAY()).rectification == 0


def test_the_periodic_task_runs_every_morning(org):
    board(org, last=400)
    assert tasks.outlet_upkeep.task_class().validate_datetime(datetime(2026, 3, 2, 7, 30))
    assert not tasks.outlet_upkeep.task_class().validate_datetime(datetime(2026, 3, 2, 8, 30))
    result = tasks.outlet_upkeep.call_local()
    assert result == {"dormant": 1, "reminders": 2}


def test_a_never_updated_outlet_is_overdue_and_reminded(org):
    from ideowork.outlets.actions.outlets import do_create_outlet

    outlet = do_create_outlet(org.staff, org_unit=org.city, name="编办工作群", kind=OutletKind.WORK_GROUP,
                              responsible=org.cadre, frequency_days=UpdateFrequency.WEEKLY)
    assert outlet.is_overdue(TODAY())
    send_outlet_reminders(TODAY())
    note = overdue_notes(outlet).get(recipient=org.cadre)
    assert "尚未登记过更新" in note.body
