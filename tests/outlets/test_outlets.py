"""The outlet register's services: registering outlets, updates, inspections, rectification, flags."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideowork.core.actions.reviews import do_save_flow
from ideowork.core.models import AuditEvent, Notification
from ideowork.ledger.models import Activity, Evidence
from ideowork.outlets.actions.outlet_inspections import do_complete_rectification, do_record_inspection
from ideowork.outlets.actions.outlets import (do_close_outlet, do_create_outlet, do_flag_dormant_outlets,
                                              do_flag_outlet, do_record_outlet_update, do_reopen_outlet,
                                              do_unflag_outlet, do_update_outlet, note_outlet_update)
from ideowork.outlets.choices import OutletKind, OutletStatus, UpdateFrequency
from ideowork.outlets.models import Outlet, OutletInspection
from tests.factories import make_plan, make_user
from tests.ledger.files import photo, upload

from .outlet_builders import board, days_ago, wechat

TODAY = timezone.localdate


def outlet_state(outlet):
    outlet.refresh_from_db()
    return (outlet.name, outlet.status, outlet.flag_reason, outlet.last_updated_on, outlet.responsible_id)


# --- registering -----------------------------------------------------------------------------------
def test_staff_registers_an_outlet_and_the_responsible_person_is_told(org):
    outlet = board(org)
    assert outlet.status == OutletStatus.NORMAL and outlet.next_due() == days_ago(30) + timedelta(days=92)
    event = AuditEvent.objects.get(event_type="outlets.outlet.create")
    assert event.actor == org.staff and event.new["name"] == "机关宣传栏"
    note = Notification.objects.get(recipient=org.section_chief)
    assert "机关宣传栏" in note.title and "每季度" in note.body


@pytest.mark.parametrize("who", ["gov_staff", "county_staff", "sysadmin"])
def test_the_responsible_person_must_work_in_the_outlets_organ(org, who):
    with pytest.raises(ValidationError) as exc:
        do_create_outlet(org.staff, org_unit=org.city, name="门户网站", kind=OutletKind.WEBSITE,
                         responsible=getattr(org, who))
    assert "责任人须为“市委编办”的在职业务人员" in exc.value.message_dict["responsible"][0]
    assert not Outlet.objects.exists()


def test_an_inactive_person_cannot_be_responsible(org):
    gone = make_user("retired", "cadre", org.office, "退休干部", is_active=False)
    with pytest.raises(ValidationError) as exc:
        do_create_outlet(org.staff, org_unit=org.city, name="门户网站", kind=OutletKind.WEBSITE, responsible=gone)
    assert "responsible" in exc.value.message_dict
    assert not Outlet.objects.exists()


def test_names_are_unique_per_unit(org):
    board(org)
    with pytest.raises(ValidationError) as exc:
        board(org)
    assert exc.value.message_dict["name"] == ["“市委编办”已有名为“机关宣传栏”的阵地。"]
    assert Outlet.objects.count() == 1
    # Another unit may use the same name.
    do_create_outlet(org.county_staff, org_unit=org.county_a, name="机关宣传栏", kind=OutletKind.BOARD,
                     responsible=org.county_staff)
    assert Outlet.objects.count() == 2


def test_bad_input_names_every_field(org):
    with pytest.raises(ValidationError) as exc:
        do_create_outlet(org.staff, org_unit=org.city, name="  ", kind="fax", responsible=org.staff,
                         frequency_days=5, last_updated_on=TODAY() + timedelta(days=1))
    assert set(exc.value.message_dict) == {"name", "kind", "frequency_days", "last_updated_on"}
    assert exc.value.message_dict["name"] == ["请填写阵地名称。"]
    assert not Outlet.objects.exists()


def test_a_review_flow_of_the_same_organ_may_be_chosen(org):
    steps = [{"name": "初审", "kind": "review", "role": "section_chief", "due_days": 2, "signs": False},
             {"name": "终审", "kind": "review", "role": "head", "due_days": 2, "signs": True}]
    flow = do_save_flow(org.staff, None, org_unit=org.city, name="公众号审核流程", steps=steps)
    outlet = wechat(org, review_flow=flow)
    assert outlet.review_flow == flow
    other = do_save_flow(org.gov_staff, None, org_unit=org.gov, name="政府流程", steps=steps)
    with pytest.raises(ValidationError) as exc:
        do_update_outlet(org.staff, outlet, review_flow=other)
    assert exc.value.message_dict["review_flow"] == ["审核流程须为“市委编办”的流程。"]
    outlet.refresh_from_db()
    assert outlet.review_flow == flow


@pytest.mark.parametrize("who", ["cadre", "supervisor", "county_staff", "gov_staff", "auditor"])
def test_only_the_organs_publicity_staff_register_outlets(org, who):
    with pytest.raises(PermissionDenied):
        do_create_outlet(getattr(org, who), org_unit=org.city, name="门户网站", kind=OutletKind.WEBSITE,
                         responsible=org.staff)
    assert not Outlet.objects.exists()


def test_a_county_registers_its_own_outlets_and_cannot_touch_the_citys(org):
    own = do_create_outlet(org.county_staff, org_unit=org.county_a, name="甲县编办公众号", kind=OutletKind.WECHAT,
                           responsible=org.county_staff, frequency_days=UpdateFrequency.WEEKLY)
    assert own.org_unit == org.county_a
    city = board(org)
    before = outlet_state(city)
    for action in (lambda: do_update_outlet(org.county_staff, city, name="篡改"),
                   lambda: do_flag_outlet(org.county_staff, city, reason="x"),
                   lambda: do_close_outlet(org.county_staff, city, reason="x"),
                   lambda: do_record_outlet_update(org.county_staff, city, date=TODAY(), summary="x"),
                   lambda: do_record_inspection(org.county_staff, city, date=TODAY(), result="passed")):
        with pytest.raises(PermissionDenied):
            action()
    assert outlet_state(city) == before
    # The city's staff may manage the county's outlets (the county bureaus are in its scope).
    do_update_outlet(org.staff, own, account="jxbb")


def test_updating_an_outlet_is_audited_and_a_new_responsible_person_told(org):
    outlet = board(org)
    do_update_outlet(org.staff, outlet, responsible=org.cadre, frequency_days=UpdateFrequency.MONTHLY)
    outlet.refresh_from_db()
    assert outlet.responsible == org.cadre and outlet.frequency_days == 31
    event = AuditEvent.objects.get(event_type="outlets.outlet.update")
    assert event.old["frequency_days"] == 92 and event.new["frequency_days"] == 31
    assert Notification.objects.filter(recipient=org.cadre, title__contains="责任人").exists()
    with pytest.raises(TypeError):
        do_update_outlet(org.staff, outlet, status="normal")


def test_a_closed_outlet_leaves_the_register_figures_and_cannot_be_changed(org):
    outlet = board(org, last=400)
    with pytest.raises(ValidationError) as exc:
        do_close_outlet(org.staff, outlet, reason=" ")
    assert exc.value.message_dict == {"reason": ["请填写关停原因。"]}
    do_close_outlet(org.staff, outlet, reason="宣传栏已拆除")
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.CLOSED and not outlet.is_overdue()
    with pytest.raises(ValidationError, match="已关停"):
        do_update_outlet(org.staff, outlet, name="新名称")
    with pytest.raises(ValidationError, match="已关停"):
        do_record_outlet_update(org.staff, outlet, date=TODAY(), summary="更新")
    with pytest.raises(ValidationError, match="已关停"):
        do_close_outlet(org.staff, outlet, reason="再次")


def test_a_closed_outlet_can_be_reopened_with_a_reason(org):
    outlet = board(org, last=20)
    with pytest.raises(ValidationError, match="未关停"):
        do_reopen_outlet(org.staff, outlet, reason="误操作")
    do_close_outlet(org.staff, outlet, reason="宣传栏已拆除")
    with pytest.raises(PermissionDenied):
        do_reopen_outlet(org.cadre, outlet, reason="误操作")
    with pytest.raises(PermissionDenied):
        do_reopen_outlet(org.county_staff, outlet, reason="误操作")
    with pytest.raises(ValidationError) as exc:
        do_reopen_outlet(org.staff, outlet, reason="  ")
    assert exc.value.message_dict == {"reason": ["请填写恢复运行的原因。"]}
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.CLOSED
    do_reopen_outlet(org.staff, outlet, reason="新宣传栏已在二楼安装")
    outlet.refresh_from_db()
    assert (outlet.status, outlet.flag_reason) == (OutletStatus.NORMAL, "")
    event = AuditEvent.objects.get(event_type="outlets.outlet.reopen")
    assert event.actor == org.staff and event.old["status"] == "closed"
    assert event.new["reason"] == "新宣传栏已在二楼安装"
    assert Notification.objects.filter(recipient=org.section_chief, title__contains="恢复运行").exists()
    do_record_outlet_update(org.staff, outlet, date=TODAY(), summary="更换展板")  # runs again


def test_a_reopened_outlet_long_without_update_is_flagged_again(org):
    outlet = board(org, last=400)
    do_close_outlet(org.staff, outlet, reason="暂停使用")
    assert do_flag_dormant_outlets(TODAY()) == []
    do_reopen_outlet(org.principal, outlet, reason="恢复使用")
    assert [o.pk for o in do_flag_dormant_outlets(TODAY())] == [outlet.pk]


# --- updates ---------------------------------------------------------------------------------------
def test_note_outlet_update_moves_forward_only_and_clears_a_dormant_flag(org):
    outlet = board(org, last=300)
    do_flag_outlet(org.staff, outlet, reason="长期未更新", status=OutletStatus.DORMANT)
    note_outlet_update(outlet, days_ago(10))
    assert outlet.last_updated_on == days_ago(10) and outlet.status == OutletStatus.NORMAL
    note_outlet_update(outlet, days_ago(50))
    outlet.refresh_from_db()
    assert outlet.last_updated_on == days_ago(10)


def test_note_outlet_update_keeps_a_rectification_open(org):
    outlet = board(org)
    do_record_inspection(org.staff, outlet, date=TODAY(), result="issues", findings="错别字", rectification="更正",
                         rectify_by=TODAY())
    note_outlet_update(outlet, TODAY())
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.RECTIFYING and outlet.last_updated_on == TODAY()


def test_recording_a_board_update_counts_in_the_ledger_with_photos(org):
    plan = make_plan(org.city, year=TODAY().year, creator=org.staff)
    quarterly = plan.items.get(number=2).targets.get(activity_kinds=["board_update"])
    outlet = board(org, last=200)
    do_flag_outlet(org.staff, outlet, reason="超期未更新", status=OutletStatus.DORMANT)
    activity = do_record_outlet_update(org.staff, outlet, date=TODAY(), summary="更新“学习贯彻四中全会精神”专栏",
                                       evidence_files=[photo("展板1.png"), photo("展板2.png")])
    assert activity.kind == "board_update" and activity.source == "outlets"
    assert activity.source_ref == f"outlet_update:{outlet.pk}" and activity.org_unit == org.city
    assert quarterly in activity.targets.all()
    assert Evidence.objects.filter(activity=activity).count() == 2
    outlet.refresh_from_db()
    assert outlet.last_updated_on == TODAY() and outlet.status == OutletStatus.NORMAL
    assert AuditEvent.objects.filter(event_type="outlets.outlet.record_update", actor=org.staff).exists()


def test_a_work_group_notice_counts_as_a_publication(org):
    group = do_create_outlet(org.staff, org_unit=org.city, name="编办工作群", kind=OutletKind.WORK_GROUP,
                             responsible=org.staff, frequency_days=UpdateFrequency.WEEKLY)
    activity = do_record_outlet_update(org.staff, group, date=TODAY(), summary="转发学习通知")
    assert activity.kind == "publication"


def test_bad_updates_change_nothing(org):
    outlet = board(org, last=30)
    before = (outlet_state(outlet), Activity.objects.count())
    with pytest.raises(ValidationError) as exc:
        do_record_outlet_update(org.staff, outlet, date=TODAY() + timedelta(days=1), summary="明天的更新")
    assert "更新日期须在" in exc.value.message_dict["date"][0]
    with pytest.raises(ValidationError) as exc:
        do_record_outlet_update(org.staff, outlet, date=TODAY(), summary="  ")
    assert exc.value.message_dict == {"summary": ["请填写更新内容。"]}
    with pytest.raises(ValidationError) as exc:
        do_record_outlet_update(org.staff, outlet, date=TODAY(), summary="更新",
                                evidence_files=[upload("照片.png", b"MZ\x90\x00 not a picture", "image/png")])
    assert "照片.png" in " ".join(exc.value.messages)
    with pytest.raises(PermissionDenied):
        do_record_outlet_update(org.cadre, outlet, date=TODAY(), summary="更新")
    assert (outlet_state(outlet), Activity.objects.count()) == before


# --- inspections and rectification -----------------------------------------------------------------
def test_a_passed_inspection_is_a_ledger_activity_and_changes_no_status(org):
    outlet = wechat(org)
    inspection = do_record_inspection(org.staff, outlet, date=TODAY(), result="passed", findings="运行规范",
                                      rectification="不应保存", rectify_by=TODAY())
    assert inspection.activity.kind == "inspection"
    assert inspection.activity.source_ref == f"outlet_inspection:{inspection.pk}"
    assert inspection.rectification == "" and inspection.rectify_by is None and not inspection.needs_rectification
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.NORMAL


def test_an_inspection_with_problems_puts_the_outlet_under_rectification(org):
    outlet = board(org)
    inspection = do_record_inspection(org.staff, outlet, date=TODAY(), result="issues",
                                      findings="展板内容仍为去年的表述", rectification="更换展板",
                                      rectify_by=TODAY() + timedelta(days=7))
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.RECTIFYING and "展板内容仍为去年的表述" in outlet.flag_reason
    note = Notification.objects.get(recipient=org.section_chief, title__contains="整改")
    assert "更换展板" in note.body and note.kind == "warning"
    assert "发现问题" in inspection.activity.summary


def test_an_inspection_with_problems_needs_findings_a_remedy_and_a_deadline(org):
    outlet = board(org)
    before = (outlet_state(outlet), Activity.objects.count())
    with pytest.raises(ValidationError) as exc:
        do_record_inspection(org.staff, outlet, date=TODAY(), result="serious")
    assert exc.value.message_dict == {"findings": ["请填写发现的问题。"], "rectification": ["请填写整改要求。"],
                                      "rectify_by": ["请填写整改期限。"]}
    with pytest.raises(ValidationError) as exc:
        do_record_inspection(org.staff, outlet, date=TODAY(), result="issues", findings="x", rectification="y",
                             rectify_by=TODAY() - timedelta(days=1))
    assert exc.value.message_dict == {"rectify_by": ["整改期限不能早于检查日期。"]}
    with pytest.raises(ValidationError) as exc:
        do_record_inspection(org.staff, outlet, date=TODAY(), result="maybe")
    assert exc.value.message_dict == {"result": ["请选择检查结论。"]}
    assert (outlet_state(outlet), Activity.objects.count(), OutletInspection.objects.count()) == (*before, 0)


def test_the_outlet_returns_to_normal_when_every_problem_is_rectified(org):
    outlet = board(org)
    first = do_record_inspection(org.staff, outlet, date=days_ago(5), result="issues", findings="错别字",
                                 rectification="更正", rectify_by=TODAY())
    second = do_record_inspection(org.section_chief, outlet, date=days_ago(3), result="serious",
                                  findings="引用过时表述", rectification="撤下重做", rectify_by=TODAY())
    do_complete_rectification(org.staff, first, rectified_on=days_ago(1), note="已更正")
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.RECTIFYING
    done = do_complete_rectification(org.staff, second, rectified_on=TODAY(), note="已撤下重新制作")
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.NORMAL and outlet.flag_reason == ""
    assert done.rectified_on == TODAY() and "已撤下重新制作" in Activity.objects.get(pk=done.activity_id).summary
    assert AuditEvent.objects.filter(event_type="outlets.outlet.unflag", actor=org.staff).exists()


def test_rectification_bad_input(org):
    outlet = board(org)
    passed = do_record_inspection(org.staff, outlet, date=days_ago(5), result="passed")
    open_one = do_record_inspection(org.staff, outlet, date=days_ago(5), result="issues", findings="错别字",
                                    rectification="更正", rectify_by=TODAY())
    with pytest.raises(ValidationError, match="无需整改"):
        do_complete_rectification(org.staff, passed, rectified_on=TODAY(), note="x")
    with pytest.raises(ValidationError) as exc:
        do_complete_rectification(org.staff, open_one, rectified_on=days_ago(6), note="x")
    assert exc.value.message_dict == {"rectified_on": ["整改完成日期不能早于检查日期。"]}
    with pytest.raises(ValidationError) as exc:
        do_complete_rectification(org.staff, open_one, rectified_on=TODAY(), note="")
    assert exc.value.message_dict == {"note": ["请填写整改情况。"]}
    with pytest.raises(PermissionDenied):
        do_complete_rectification(org.cadre, open_one, rectified_on=TODAY(), note="x")
    open_one.refresh_from_db()
    assert open_one.rectified_on is None
    do_complete_rectification(org.staff, open_one, rectified_on=TODAY(), note="已更正")
    with pytest.raises(ValidationError, match="已登记完成"):
        do_complete_rectification(org.staff, open_one, rectified_on=TODAY(), note="再次")


# --- flags -----------------------------------------------------------------------------------------
def test_flagging_and_unflagging_an_account(org):
    outlet = wechat(org)
    with pytest.raises(ValidationError) as exc:
        do_flag_outlet(org.staff, outlet, reason="", status=OutletStatus.RECTIFYING)
    assert exc.value.message_dict == {"reason": ["请填写标记原因。"]}
    with pytest.raises(ValidationError):
        do_flag_outlet(org.staff, outlet, reason="x", status=OutletStatus.CLOSED)
    do_flag_outlet(org.staff, outlet, reason="政务新媒体专项整治：账号认证信息过期", status=OutletStatus.RECTIFYING)
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.RECTIFYING and "认证信息过期" in outlet.flag_reason
    assert Notification.objects.filter(recipient=org.staff, title__contains="整改中").exists()
    do_unflag_outlet(org.staff, outlet)
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.NORMAL and outlet.flag_reason == ""
    with pytest.raises(ValidationError, match="未被标记"):
        do_unflag_outlet(org.staff, outlet)


def test_a_flag_cannot_be_lifted_while_a_problem_is_open(org):
    outlet = board(org)
    do_record_inspection(org.staff, outlet, date=TODAY(), result="issues", findings="错别字", rectification="更正",
                         rectify_by=TODAY())
    with pytest.raises(ValidationError, match="尚有检查发现的问题未整改完成"):
        do_unflag_outlet(org.staff, outlet)
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.RECTIFYING


# --- reading ---------------------------------------------------------------------------------------
def test_who_reads_the_register(org):
    city = board(org)
    county = do_create_outlet(org.county_staff, org_unit=org.county_a, name="甲县编办公众号",
                              kind=OutletKind.WECHAT, responsible=org.county_staff)
    assert set(Outlet.objects.visible_to(org.cadre)) == {city}  # every cadre of the organ reads its register
    assert set(Outlet.objects.visible_to(org.staff)) == {city, county}
    assert set(Outlet.objects.visible_to(org.county_staff)) == {county}
    assert not Outlet.objects.visible_to(org.gov_staff).exists()
    assert not Outlet.objects.visible_to(org.sysadmin).exists()
