"""Study groups and sessions: scheduling, signing in, leave, closing into the ledger, make-up study."""

from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import AuditEvent, Notification
from ideowork.ledger.models import Activity, TargetCredit
from ideowork.learning.actions.sessions import (do_close_session, do_confirm_makeup, do_decide_leave,
                                                do_mark_signed_in, do_new_sign_in_code, do_record_speech,
                                                do_request_leave, do_save_group, do_schedule_session, do_sign_in,
                                                do_submit_makeup, do_update_session)
from ideowork.learning.models import Attendance, PointsEntry, StudySession
from tests.factories import make_plan, make_user


def make_group(org, **extra):
    data = {"name": "市委编办理论学习中心组", "kind": "center", "org_unit": org.city, "secretary": org.staff,
            "members": [org.principal, org.deputy, org.section_chief, org.cadre]}
    data.update(extra)
    return do_save_group(org.staff, **data)


def schedule(org, group=None, day=None, **extra):
    group = group or make_group(org)
    data = {"group": group, "kind": "study", "title": "学习贯彻党的二十届四中全会精神",
            "date": day or timezone.localdate(), "start_time": time(0, 0), "host": "张主任", "place": "三楼会议室",
            "agenda": [("学习习近平总书记重要讲话精神", True, "张主任"), ("交流研讨", False, "")]}
    data.update(extra)
    return do_schedule_session(org.staff, **data)


def test_a_center_group_session_needs_its_first_topic(org):
    group = make_group(org)
    with pytest.raises(ValidationError) as exc:
        schedule(org, group, agenda=[("交流研讨", False, "")])
    assert "第一议题" in str(exc.value)
    with pytest.raises(ValidationError):
        schedule(org, group, agenda=[("甲", True, ""), ("乙", True, "")])
    micro = schedule(org, group, kind="micro", agenda=[("每周一学", False, "")])
    assert micro.agenda.count() == 1


def test_scheduling_notifies_members_and_is_audited(org):
    session = schedule(org)
    assert Notification.objects.filter(recipient=org.cadre, title__contains=session.title).exists()
    assert AuditEvent.objects.filter(event_type="learning.session.create").exists()
    assert len(session.sign_in_code) == 6


def test_only_learning_admins_in_scope_run_groups(org):
    with pytest.raises(PermissionDenied):
        do_save_group(org.cadre, name="x", kind="center", org_unit=org.city, secretary=None, members=[org.cadre])
    with pytest.raises(PermissionDenied):
        do_save_group(org.county_staff, name="x", kind="center", org_unit=org.city, secretary=None,
                      members=[org.county_staff])
    with pytest.raises(ValidationError) as exc:
        make_group(org, secretary=org.cadre)
    assert "没有登记工作台账的权限" in str(exc.value)


def test_sign_in_counts_once_and_refuses_non_members(org):
    session = schedule(org)
    assert do_sign_in(org.cadre, session.sign_in_code) == (session, True)
    assert do_sign_in(org.cadre, session.sign_in_code)[1] is False
    assert Attendance.objects.filter(session=session, user=org.cadre).count() == 1
    assert PointsEntry.objects.filter(user=org.cadre, action="session", ref=f"session:{session.pk}").count() == 1
    with pytest.raises(ValidationError) as exc:
        do_sign_in(org.supervisor, session.sign_in_code)
    assert "不是“市委编办理论学习中心组”的成员" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        do_sign_in(org.cadre, "000000" if session.sign_in_code != "000000" else "111111")
    assert "签到码不正确" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        do_sign_in(org.county_staff, session.sign_in_code)  # another organ learns nothing about the session
    assert "签到码不正确" in str(exc.value)


def test_sign_in_only_in_the_window(org):
    tomorrow = schedule(org, day=timezone.localdate() + timedelta(days=1), start_time=time(9, 0))
    with pytest.raises(ValidationError) as exc:
        do_sign_in(org.cadre, tomorrow.sign_in_code)
    assert "签到尚未开始" in str(exc.value)
    yesterday = schedule(org, day=timezone.localdate() - timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        do_sign_in(org.cadre, yesterday.sign_in_code)
    assert "签到已结束" in str(exc.value)
    opens = tomorrow.sign_in_opens
    assert opens == timezone.make_aware(datetime.combine(tomorrow.date, time(8, 30)))


def test_a_new_code_replaces_the_old(org):
    session = schedule(org)
    old = session.sign_in_code
    new = do_new_sign_in_code(org.staff, session)
    assert new != old
    with pytest.raises(ValidationError):
        do_sign_in(org.cadre, old)
    assert do_sign_in(org.cadre, new)[1]


def _closed_session(org):
    plan = make_plan(org.city, year=timezone.localdate().year)
    session = schedule(org)
    do_sign_in(org.cadre, session.sign_in_code)
    do_sign_in(org.principal, session.sign_in_code)
    leave = do_request_leave(org.deputy, session, "外出开会")
    do_decide_leave(org.staff, leave, approve=True)
    return plan, do_close_session(org.staff, session)


def test_closing_records_the_session_in_the_ledger(org):
    plan, session = _closed_session(org)
    activity = Activity.objects.for_source(session).get(source="learning")
    assert session.activity == activity
    assert activity.kind == "study" and activity.org_unit == org.city
    assert set(activity.participants.all()) == {org.cadre, org.principal}
    assert "第一议题：学习习近平总书记重要讲话精神" in activity.summary
    assert set(activity.targets.values_list("text", flat=True)) == {"每月开展1次集中学习研讨", "全年集中学习不少于12次"}
    assert TargetCredit.objects.filter(activity=activity).count() == 2
    statuses = dict(Attendance.objects.filter(session=session).values_list("user__username", "status"))
    assert statuses == {"cadre": "signed_in", "principal": "signed_in", "deputy": "leave", "section_chief": "absent"}
    with pytest.raises(ValidationError):
        do_sign_in(org.section_chief, session.sign_in_code)


def test_changing_a_closed_session_updates_the_same_activity(org):
    _, session = _closed_session(org)
    do_update_session(org.staff, session, title="学习贯彻全会精神（第二次）", minutes="会议由张主任主持。")
    do_record_speech(org.staff, session, speaker=org.cadre, speaker_name="", content="谈三点体会。")
    activities = Activity.objects.for_source(session)
    assert activities.count() == 1
    activity = activities.get()
    assert activity.title.endswith("学习贯彻全会精神（第二次）")
    assert "会议由张主任主持。" in activity.summary and "孙干部：谈三点体会。" in activity.summary


def test_make_up_study_counts_after_confirmation(org):
    _, session = _closed_session(org)
    with pytest.raises(ValidationError):
        do_submit_makeup(org.cadre, session, content="x", studied_on=timezone.localdate())  # was there
    with pytest.raises(ValidationError) as exc:
        do_submit_makeup(org.section_chief, session, content="自学", studied_on=timezone.localdate(),
                         file=SimpleUploadedFile("笔记.pdf", b"not a pdf at all", "application/pdf"))
    assert "内容与扩展名不符" in str(exc.value)
    makeup = do_submit_makeup(org.section_chief, session, content="自学全会公报并撰写笔记",
                              studied_on=timezone.localdate())
    assert not session.activity.participants.filter(pk=org.section_chief.pk).exists()
    with pytest.raises(PermissionDenied):
        do_confirm_makeup(org.cadre, makeup)
    do_confirm_makeup(org.staff, makeup)
    session.refresh_from_db()
    assert session.activity.participants.filter(pk=org.section_chief.pk).exists()
    assert Attendance.objects.get(session=session, user=org.section_chief).status == "made_up"
    assert PointsEntry.objects.filter(user=org.section_chief, action="makeup").exists()
    assert Activity.objects.for_source(session).count() == 1


def test_leave_rules(org):
    session = schedule(org)
    do_sign_in(org.cadre, session.sign_in_code)
    with pytest.raises(ValidationError):
        do_request_leave(org.cadre, session, "有事")
    with pytest.raises(ValidationError):
        do_request_leave(org.supervisor, session, "有事")
    leave = do_request_leave(org.deputy, session, "出差")
    with pytest.raises(PermissionDenied):
        do_decide_leave(org.cadre, leave, approve=True)
    with pytest.raises(PermissionDenied):
        do_decide_leave(org.deputy, leave, approve=True)  # a leader runs the group but not their own leave
    do_decide_leave(org.staff, leave, approve=False)
    with pytest.raises(ValidationError):
        do_decide_leave(org.staff, leave, approve=True)
    assert Notification.objects.filter(recipient=org.deputy, title__contains="未批准").exists()


def test_organiser_may_sign_a_member_in(org):
    session = schedule(org)
    do_mark_signed_in(org.staff, session, org.section_chief)
    assert Attendance.objects.get(session=session, user=org.section_chief).status == "signed_in"
    with pytest.raises(ValidationError):
        do_mark_signed_in(org.staff, session, org.supervisor)


def test_micro_learning_counts_as_micro_study(org):
    group = make_group(org, name="秘书科党支部", kind="branch", members=[org.cadre, org.section_chief])
    session = schedule(org, group, kind="micro", agenda=[("每周一学：党章第一章", False, "")])
    do_sign_in(org.cadre, session.sign_in_code)
    do_close_session(org.staff, session)
    assert Activity.objects.for_source(session).get().kind == "micro_study"


def test_cannot_close_an_empty_or_future_session(org):
    session = schedule(org)
    with pytest.raises(ValidationError):
        do_close_session(org.staff, session)
    future = schedule(org, day=timezone.localdate() + timedelta(days=3))
    with pytest.raises(ValidationError):
        do_close_session(org.staff, future)


# --- pages -----------------------------------------------------------------------------------------
def test_cadre_sees_sessions_of_their_groups_only(org, login):
    session = schedule(org)
    outsider = make_user("outsider", "cadre", org.theory, "局外人")
    other = do_save_group(org.staff, name="综合科党支部", kind="branch", org_unit=org.theory, secretary=None,
                          members=[outsider])
    hidden = schedule(org, other, kind="micro", title="综合科微学习", agenda=[("每周一学", False, "")])
    client = login(org.cadre)
    page = client.get(reverse("learning:session_list")).content.decode()
    assert session.title in page and "综合科微学习" not in page
    assert client.get(reverse("learning:session_detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("learning:session_screen", args=[session.pk])).status_code == 403
    assert login(org.county_staff).get(reverse("learning:session_detail", args=[session.pk])).status_code == 404


def test_sign_in_page_with_the_code_from_the_qr(org, login):
    session = schedule(org)
    client = login(org.cadre)
    page = client.get(reverse("learning:sign_in") + f"?code={session.sign_in_code}").content.decode()
    assert session.title in page
    response = client.post(reverse("learning:sign_in"), {"code": session.sign_in_code}, follow=True)
    assert "签到成功" in response.content.decode()
    response = login(org.supervisor).post(reverse("learning:sign_in"), {"code": session.sign_in_code})
    assert "不能签到" in response.content.decode()
    assert not Attendance.objects.filter(user=org.supervisor).exists()


def test_room_screen_shows_code_and_qr(org, login):
    session = schedule(org)
    page = login(org.staff).get(reverse("learning:session_screen", args=[session.pk])).content.decode()
    assert session.sign_in_code in page and "<svg" in page


def test_every_session_page_renders(org, login):
    _, session = _closed_session(org)
    client = login(org.staff)
    for name in ("session_list", "group_list", "session_create", "group_create", "sign_in"):
        assert client.get(reverse(f"learning:{name}")).status_code == 200, name
    for name in ("session_detail", "session_edit", "session_screen"):
        assert client.get(reverse(f"learning:{name}", args=[session.pk])).status_code == 200, name
    assert client.get(reverse("learning:group_detail", args=[session.group_id])).status_code == 200
    assert login(org.section_chief).get(reverse("learning:session_makeup", args=[session.pk])).status_code == 200
    assert StudySession.objects.count() == 1
