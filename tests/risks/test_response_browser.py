"""In a real browser: an assessment of a proposed measure from its checklist to the head's sign-off
and the risk it found; an emergency plan approved, revised and activated for an incident handled to
its summary; a drill with improvement items; a joint meeting with a follow-up task. Screenshots of
every new page at desktop and phone sizes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideowork.risks.models import Assessment, Drill, EmergencyPlan, Incident, JointMeeting, Risk
from tests.conftest import PHONE, screenshot
from tests.risks.response_builders import make_drill, make_incident, make_meeting

pytestmark = pytest.mark.browser


def submit(page, form="[data-testid=record-form]"):
    page.locator(f"{form} button[type=submit]").first.click()


def decide(page, url):
    page.goto(url)
    page.locator("[data-testid=review-decide]").get_by_label("通过", exact=True).check()
    page.click("[data-testid=review-decide] button[type=submit]")
    page.wait_for_selector("text=审核意见已提交")


def fits_a_phone(page, paths, prefix):
    for path, name in paths:
        page.goto(path)
        page.wait_for_selector("main h1")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a phone"
        screenshot(page, f"{prefix}-{name}-phone")


def test_an_assessment_from_its_checklist_to_sign_off_and_the_risk_it_found(org, page_as):
    staff = page_as(org.staff)
    staff.goto("/risks/assessments/")
    staff.click("text=＋ 登记评估")
    staff.fill("#id_measure", "市直事业单位分类改革实施方案")
    staff.select_option("#id_kind", "reform")
    staff.fill("#id_description", "涉及32家事业单位分类调整和人员转隶。")
    submit(staff)
    staff.wait_for_selector("text=已登记措施风险评估")
    assert "评估清单还有7项未作答" in staff.inner_text("[data-testid=blockers]")
    items = staff.locator("[data-testid=checklist] li")
    for i in range(items.count()):
        items.nth(i).get_by_label("是", exact=True).check()
    staff.fill("#id_findings", "部分干部职工对转隶有顾虑；政策口径尚不统一。")
    staff.get_by_label("调整后实施", exact=True).check()
    staff.fill("#id_conclusion_note", "统一解读口径后实施。")
    screenshot(staff, "risks-assessment-form")
    submit(staff, "[data-testid=assessment-form]")
    staff.wait_for_selector("text=已保存评估")
    staff.click("text=＋ 登记到风险台账")
    staff.fill("#id_title", "分类改革人员转隶思想波动")
    staff.select_option("#id_likelihood", "3")
    staff.select_option("#id_impact", "4")
    screenshot(staff, "risks-assessment-risk")
    staff.locator("main form[method=post] button[type=submit]").first.click()
    staff.wait_for_selector("text=来源为本次评估")
    assert "分类改革人员转隶思想波动" in staff.inner_text("[data-testid=found-risks]")
    staff.once("dialog", lambda dialog: dialog.accept())
    staff.click("button:has-text('提交签批')")
    staff.wait_for_selector("text=已提交签批")
    assessment = Assessment.objects.get()
    assert Risk.objects.get().source == "assessment"

    head = page_as(org.principal)
    decide(head, assessment.get_absolute_url())
    head.wait_for_selector("text=签批，评估结论")
    screenshot(head, "risks-assessment-signed")
    head.goto("/risks/assessments/")
    assert "已签批" in head.inner_text("[data-testid=assessments]")
    screenshot(head, "risks-assessments")
    head.goto("/risks/assessments/checklist/")
    screenshot(head, "risks-checklist")
    fits_a_phone(page_as(org.staff, viewport=PHONE), [("/risks/assessments/", "list"),
                                                      (assessment.get_absolute_url(), "detail")], "risks-assessment")


def test_a_plan_approved_revised_and_activated_for_an_incident_to_its_summary(org, page_as):
    staff = page_as(org.staff)
    staff.goto("/risks/plans/")
    staff.click("text=＋ 制定预案")
    staff.fill("#id_title", "意识形态突发事件应急预案")
    staff.fill("#id_command", "成立应急处置领导小组，办主要负责同志任组长。")
    staff.fill("#id_contacts", "组长 张主任 0571-87050001\n联络员 赵专干 0571-87050016")
    staff.fill("#id_levels", "Ⅱ级响应：较大范围传播\nⅢ级响应：苗头性问题")
    staff.fill("#id_procedures", "信息报告、先期处置、应急响应、信息发布、善后总结。")
    screenshot(staff, "risks-plan-form")
    submit(staff)
    staff.wait_for_selector("text=已保存预案第1版")
    plan = EmergencyPlan.objects.get()
    staff.goto(plan.versions.get().get_absolute_url())
    staff.once("dialog", lambda dialog: dialog.accept())
    staff.click("button:has-text('提交审批')")
    staff.wait_for_selector("text=已提交审批")

    head = page_as(org.principal)
    decide(head, plan.versions.get().get_absolute_url())
    staff.goto(plan.get_absolute_url())
    assert "现行版本：第1版" in staff.inner_text("main")
    staff.click("text=修订预案")
    staff.fill("#id_levels", "Ⅰ级响应：全市范围重大舆情\nⅡ级响应：较大范围传播\nⅢ级响应：苗头性问题")
    staff.fill("#id_change_note", "增设Ⅰ级响应")
    submit(staff)
    staff.wait_for_selector("text=已保存修订稿")
    second = plan.versions.get(number=2)
    staff.once("dialog", lambda dialog: dialog.accept())
    staff.click("button:has-text('提交审批')")
    staff.wait_for_selector("text=已提交审批")
    decide(head, second.get_absolute_url())
    head.goto(plan.get_absolute_url())
    assert "现行版本：第2版" in head.inner_text("main")
    assert "已废止" in head.inner_text("[data-testid=versions]")
    screenshot(head, "risks-plan")
    head.goto(plan.versions.get(number=1).get_absolute_url())
    assert "已被新版本替代" in head.inner_text("main")

    staff.goto(plan.get_absolute_url())
    staff.click("text=启动应急响应")
    staff.fill("#id_title", "网传“机构改革大规模裁员”不实信息")
    moment = timezone.localtime() - timedelta(hours=3)
    staff.fill("#id_occurred_at", moment.strftime("%Y-%m-%dT%H:%M"))
    staff.select_option("#id_level", "Ⅱ级响应")
    staff.select_option("#id_lead", str(org.principal.pk))
    staff.fill("#id_description", "论坛帖文转发200余次。")
    screenshot(staff, "risks-incident-open")
    submit(staff)
    staff.wait_for_selector("text=已启动Ⅱ级响应，已通知牵头领导")
    staff.select_option("[data-testid=entry-form] select[name=kind]", "report")
    staff.fill("[data-testid=entry-form] textarea[name=text]", "向市委宣传部、市委网信办报告。")
    staff.click("[data-testid=entry-form] button[type=submit]")
    staff.wait_for_selector("text=已登记处置情况")
    staff.click("text=结束处置")
    staff.once("dialog", lambda dialog: dialog.accept())
    staff.click("[data-testid=close-form] button[type=submit]")
    staff.wait_for_selector("text=没有总结的事件不能结束")
    assert Incident.objects.get().is_open
    staff.click("text=结束处置")
    staff.fill("[data-testid=close-form] textarea[name=summary]", "2小时内完成核实和权威发布，舆情平息。")
    staff.once("dialog", lambda dialog: dialog.accept())
    staff.click("[data-testid=close-form] button[type=submit]")
    staff.wait_for_selector("text=事件处置已结束")
    timeline = staff.inner_text("[data-testid=timeline]")
    assert timeline.index("启动响应") < timeline.index("信息报送") < timeline.index("处置总结")
    screenshot(staff, "risks-incident")
    staff.goto("/risks/incidents/")
    screenshot(staff, "risks-incidents")
    fits_a_phone(page_as(org.staff, viewport=PHONE), [("/risks/plans/", "plans"), (plan.get_absolute_url(), "plan"),
                                                      (Incident.objects.get().get_absolute_url(), "incident")], "risks")


def test_a_drill_and_a_joint_meeting_with_their_follow_up_tasks(org, page_as):
    staff = page_as(org.staff)
    staff.goto("/risks/drills/")
    staff.click("text=＋ 登记演练")
    staff.fill("#id_title", "网络舆情应急处置演练")
    staff.fill("#id_held_on", (timezone.localdate() - timedelta(days=2)).isoformat())
    staff.fill("#id_scenario", "模拟不实信息快速发酵。")
    staff.locator(f"input[name=participants][value='{org.section_chief.pk}']").check()
    staff.fill("#id_evaluation", "信息报告及时；发布审核用时偏长。")
    screenshot(staff, "risks-drill-form")
    submit(staff)
    staff.wait_for_selector("text=已登记演练")
    drill = Drill.objects.get()
    assert drill.activity is not None
    staff.click("text=＋ 添加整改事项")
    staff.fill("[data-testid=task-form] input[name=text]", "压缩信息发布审核时间")
    staff.select_option("[data-testid=task-form] select[name=owner]", str(org.section_chief.pk))
    staff.fill("[data-testid=task-form] input[name=deadline]", (timezone.localdate() + timedelta(days=7)).isoformat())
    staff.click("[data-testid=task-form] button[type=submit]")
    staff.wait_for_selector("text=已添加跟踪事项")
    staff.click("[data-testid=tasks] summary:has-text('确认完成')")
    staff.click("[data-testid=tasks] form button:has-text('确认完成')")
    staff.wait_for_selector("text=没有完成情况的事项不能销账")
    staff.click("[data-testid=tasks] summary:has-text('确认完成')")
    staff.fill("[data-testid=tasks] textarea[name=result]", "已建立发布审核值班表。")
    staff.click("[data-testid=tasks] form button:has-text('确认完成')")
    staff.wait_for_selector("text=已确认该事项完成")
    assert "已完成" in staff.inner_text("[data-testid=tasks]")
    screenshot(staff, "risks-drill")

    staff.goto("/risks/meetings/")
    staff.click("text=＋ 登记会议")
    staff.fill("#id_title", "意识形态工作联席会议")
    staff.fill("#id_held_on", (timezone.localdate() - timedelta(days=1)).isoformat())
    staff.locator(f"input[name=units][value='{org.office.pk}']").check()
    staff.fill("#id_other_units", "市委宣传部、市委网信办")
    staff.fill("#id_conclusions", "总体平稳，加强评论区管理。")
    screenshot(staff, "risks-meeting-form")
    submit(staff)
    staff.wait_for_selector("text=已登记会议")
    assert "未计入指标" in staff.inner_text("[data-testid=counted]")
    screenshot(staff, "risks-meeting")
    meeting = JointMeeting.objects.get()
    staff.goto("/risks/drills/")
    screenshot(staff, "risks-drills")
    for listing in ("/risks/drills/", "/risks/meetings/"):
        staff.goto(listing)
        with staff.expect_download() as download:
            staff.click("[data-testid=export]")
        assert download.value.suggested_filename.endswith(".xlsx")
        assert download.value.path().read_bytes()[:2] == b"PK"  # an .xlsx is a zip
    screenshot(staff, "risks-meetings")
    fits_a_phone(page_as(org.staff, viewport=PHONE), [("/risks/drills/", "drills"), (drill.get_absolute_url(), "drill"),
                                                      ("/risks/meetings/", "meetings"),
                                                      (meeting.get_absolute_url(), "meeting"),
                                                      ("/risks/drills/new/", "drill-form")], "risks")


def test_the_menu_reaches_every_response_page(org, page_as):
    make_drill(org)
    make_meeting(org)
    make_incident(org)
    page = page_as(org.deputy)
    page.goto("/risks/")
    for label, heading in (("措施风险评估", "措施风险评估"), ("应急预案", "应急预案"), ("突发事件处置", "突发事件处置"),
                           ("应急演练", "应急演练"), ("联席会议", "联席会议与形势研判")):
        page.locator("nav#main-menu").get_by_role("link", name=label, exact=True).click()
        page.wait_for_selector(f"main h1:has-text('{heading}')")


def test_an_incident_opened_from_an_opinion_event_links_both_ways(org, page_as):
    from tests.opinion.handling_builders import make_event
    from tests.risks.response_builders import make_approved_plan

    plan = make_approved_plan(org)
    event = make_event(org.city, title="网传“机构改革大规模裁员”不实信息", items=3)
    staff = page_as(org.staff)
    staff.goto(event.get_absolute_url())
    staff.click("[data-testid=incident] summary")
    staff.select_option("[data-testid=incident] select[name=plan]", str(plan.pk))
    staff.select_option("[data-testid=incident] select[name=level]", "Ⅰ级响应")
    staff.select_option("[data-testid=incident] select[name=lead]", str(org.principal.pk))
    staff.once("dialog", lambda dialog: dialog.accept())
    staff.click("[data-testid=incident] button[type=submit]")
    staff.wait_for_selector("text=已启动应急响应")
    screenshot(staff, "opinion-event-incident")
    staff.click("[data-testid=incident-link]")
    staff.wait_for_selector("[data-testid=timeline]")
    incident = Incident.objects.get()
    assert staff.url.endswith(incident.get_absolute_url())
    assert "Ⅰ级响应" in staff.inner_text("main") and "启动《" in staff.inner_text("[data-testid=timeline]")
    assert "舆情事件" in staff.inner_text("main")
    staff.click("[data-testid=source-link]")
    staff.wait_for_selector("[data-testid=handling-panel]")
    assert staff.url.endswith(event.get_absolute_url())
