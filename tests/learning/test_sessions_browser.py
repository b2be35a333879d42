"""In a real browser: an organiser sets up a group and a session, members sign in on the room
screen's code, one asks for leave, the session is closed into the ledger, an absentee makes up."""

import pytest
from django.utils import timezone

from ideowork.ledger.models import Activity, TargetCredit
from ideowork.learning.models import Attendance, StudyGroup, StudySession
from tests.conftest import screenshot
from tests.factories import make_plan
from tests.ledger.files import pdf_bytes

from .browser import fill_in, save_form, submit

pytestmark = pytest.mark.browser


def test_organiser_runs_a_session_from_group_to_ledger(org, page_as, tmp_path):
    make_plan(org.city, year=timezone.localdate().year)
    organiser = page_as(org.staff)

    organiser.goto("/learning/groups/new/")
    organiser.fill("#id_name", "市委编办理论学习中心组")
    organiser.select_option("#id_kind", "center")
    organiser.select_option("#id_org_unit", str(org.city.pk))
    organiser.select_option("#id_secretary", str(org.staff.pk))
    for name in ("张主任", "李副主任", "王科长", "孙干部"):
        organiser.get_by_label(name, exact=True).check()
    save_form(organiser, "learning-group-form", "已保存学习小组")
    group = StudyGroup.objects.get()
    assert group.members.count() == 4
    screenshot(organiser, "learning-group-detail")

    organiser.click("text=＋ 安排学习")
    fill_in(organiser, title="学习贯彻党的二十届四中全会精神", date=timezone.localdate().isoformat(), start_time="00:00",
            place="三楼会议室", first_topic="学习习近平总书记关于机构编制工作的重要论述", first_topic_presenter="张主任",
            other_topics="传达学习全会公报\n交流研讨")
    save_form(organiser, "learning-session-form", "并通知了小组成员")
    session = StudySession.objects.get()
    assert session.agenda.get(is_first_topic=True).title == "学习习近平总书记关于机构编制工作的重要论述"

    organiser.goto(f"/learning/sessions/{session.pk}/screen/")
    code = organiser.inner_text("[data-testid=screen-code]").strip()
    assert code == session.sign_in_code
    assert organiser.locator(".screen-qr svg").count() == 1
    screenshot(organiser, "learning-session-screen")

    cadre = page_as(org.cadre)
    cadre.goto("/learning/sign-in/")
    cadre.fill("#id_code", code)
    save_form(cadre, "learning-sign-in", "签到成功")
    cadre.goto(f"/learning/sign-in/?code={code}")  # scanning the QR again: no second count
    assert "学习贯彻党的二十届四中全会精神" in cadre.inner_text(".sign-in-session")
    submit(cadre)
    cadre.wait_for_selector("text=无需重复签到")
    assert Attendance.objects.filter(session=session, user=org.cadre).count() == 1

    outsider = page_as(org.supervisor)
    outsider.goto(f"/learning/sign-in/?code={code}")
    submit(outsider)
    outsider.wait_for_selector("text=不能签到")
    screenshot(outsider, "learning-sign-in-refused")

    deputy = page_as(org.deputy)
    deputy.goto(f"/learning/sessions/{session.pk}/")
    deputy.fill("input[name=reason]", "赴省里参加业务培训")
    deputy.click("button:has-text('请假')")
    deputy.wait_for_selector("text=请假申请已提交")
    assert "待审批" in deputy.inner_text("[data-testid=my-attendance]")
    screenshot(deputy, "learning-session-detail-member")

    organiser.goto(f"/learning/sessions/{session.pk}/")
    organiser.wait_for_selector("[data-testid=pending-leaves]")
    screenshot(organiser, "learning-session-detail-open")
    organiser.click("[data-testid=pending-leaves] button:has-text('批准')")
    organiser.wait_for_selector("text=已批准请假")
    organiser.fill("textarea[name=minutes]", "会议由张主任主持，全体成员结合工作实际交流了学习体会。")
    organiser.click("button:has-text('保存会议记录')")
    organiser.wait_for_selector("text=会议记录已保存")
    organiser.click("[data-testid=close-session]")
    organiser.wait_for_selector("text=已登记到工作台账")
    screenshot(organiser, "learning-session-detail-closed")

    activity = Activity.objects.for_source(session).get()
    assert list(activity.participants.all()) == [org.cadre]
    assert TargetCredit.objects.filter(activity=activity).count() == 2
    assert "会议由张主任主持" in activity.summary
    organiser.click("[data-testid=activity-link]")
    organiser.wait_for_selector("text=全年集中学习不少于12次")

    # The absentee records a make-up study; the organiser confirms it and it counts.
    notes = tmp_path / "补学笔记.pdf"
    notes.write_bytes(pdf_bytes())
    chief = page_as(org.section_chief)
    chief.goto(f"/learning/sessions/{session.pk}/")
    chief.click("text=补学登记")
    chief.fill("#id_content", "自学全会公报和总书记重要论述，撰写学习笔记。")
    chief.set_input_files("#id_file", str(notes))
    save_form(chief, "learning-session-makeup", "补学记录已提交")
    organiser.goto(f"/learning/sessions/{session.pk}/")
    organiser.click("button:has-text('确认补学')")
    organiser.wait_for_selector("text=已确认补学")
    assert set(activity.participants.all()) == {org.cadre, org.section_chief}
    assert Activity.objects.for_source(session).count() == 1

    organiser.goto("/learning/sessions/")
    screenshot(organiser, "learning-session-list")
    organiser.goto("/learning/groups/")
    assert "1 / 12 次" in organiser.inner_text("main")
    screenshot(organiser, "learning-group-list")
