"""In a real browser: the city's staff open a screening campaign, 甲县 reports a risk, the 秘书科's chief
sends a nil return, the organiser sees who has reported and closes the campaign; 甲县 reports an early
sign up and the city acknowledges it. Screenshots at desktop and phone sizes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideowork.risks.models import CampaignReturn, ScreeningCampaign, UpwardReport
from tests.conftest import PHONE, screenshot
from tests.factories import make_plan
from tests.risks.browser import fill_risk, submit
from tests.test_phone_layout_browser import overflowing_pages

pytestmark = pytest.mark.browser


def test_a_campaign_from_opening_through_the_returns_to_closing(org, page_as):
    staff = page_as(org.staff)
    staff.goto("/risks/campaigns/")
    staff.click("text=＋ 发起排查")
    staff.fill("#id_deadline", (timezone.localdate() + timedelta(days=14)).isoformat())
    screenshot(staff, "risks-campaign-form")
    submit(staff, "[data-testid=campaign-form]")
    staff.wait_for_selector("text=已通知")
    campaign = ScreeningCampaign.objects.get()
    assert "未报送" in staff.inner_text("[data-testid=returns]")

    county = page_as(org.county_staff)
    county.goto("/risks/campaigns/")
    county.click(f"[data-testid=owed] >> text={campaign.title}")
    fill_risk(county, "乡镇机构改革人员分流中个别干部思想包袱较重")
    screenshot(county, "risks-return")
    submit(county, "[data-testid=return-risk-form]")
    county.wait_for_selector("text=已登记入风险台账")
    assert "乡镇机构改革人员分流" in county.inner_text("[data-testid=return-risks]")
    assert county.locator("[data-testid=nil-form]").count() == 0  # a unit that reported risks sends no nil return

    chief = page_as(org.section_chief, viewport=PHONE)
    chief.goto(CampaignReturn.objects.get(org_unit=org.office).get_absolute_url())
    chief.fill("[data-testid=nil-form] #id_checked_by", "王科长牵头，全科干部参加")
    chief.fill("[data-testid=nil-form] #id_method", "召开科务会逐项对照重点领域排查。")
    submit(chief, "[data-testid=nil-form]")
    chief.wait_for_selector("text=已报送无风险报告")
    screenshot(chief, "risks-return-phone")

    staff.goto(campaign.get_absolute_url())
    returns = staff.inner_text("[data-testid=returns]")
    assert "已报送风险" in returns and "无风险报告" in returns and "未报送" in returns
    staff.click("[data-testid=remind]")
    staff.wait_for_selector("text=已提醒未报送的单位")
    screenshot(staff, "risks-campaign-detail")
    staff.click("details.close-campaign summary")
    staff.fill("[data-testid=close-form] textarea", "发现风险1项，已纳入台账跟踪整改。")
    staff.once("dialog", lambda dialog: dialog.accept())
    submit(staff, "[data-testid=close-form]")
    staff.wait_for_selector("text=已结束本次排查")
    assert ScreeningCampaign.objects.get().status == "closed"
    staff.goto("/risks/campaigns/")
    screenshot(staff, "risks-campaigns")
    # Found again among past campaigns, and shown as it stood when it closed.
    staff.select_option("[data-testid=campaign-filter] select[name=status]", "closed")
    submit(staff, "[data-testid=campaign-filter]")
    staff.wait_for_url("**status=closed**")
    staff.click(f"text={campaign.title}")
    staff.wait_for_selector("[data-testid=as-closed]")
    assert "乡镇机构改革人员分流" in staff.inner_text("[data-testid=returns]")
    screenshot(staff, "risks-campaign-closed")
    phone = page_as(org.staff, viewport=PHONE)
    pages = ["/risks/campaigns/", campaign.get_absolute_url(), "/risks/campaigns/new/", "/risks/campaigns/schedule/",
             CampaignReturn.objects.get(org_unit=org.county_a).get_absolute_url()]
    wide = overflowing_pages(phone, pages)
    assert not wide, "wider than the phone:\n" + "\n".join(wide)
    screenshot(phone, "risks-return-county-phone")


def test_a_county_reports_an_early_sign_and_the_city_acknowledges_it(org, page_as):
    make_plan(org.city, creator=org.staff)
    county = page_as(org.county_staff, viewport=PHONE)
    county.goto("/risks/upward/")
    county.click(".page-head a.btn.primary")
    county.select_option("#id_area", "reform")
    county.fill("#id_title", "部分乡镇干部对岗位调整存在疑虑")
    county.fill("#id_body", "近期走访中发现，个别乡镇干部对改革后岗位调整存在疑虑，私下议论较多。")
    county.fill("#id_measures", "已安排谈心谈话。")
    screenshot(county, "risks-upward-form-phone")
    submit(county, "[data-testid=upward-form]")
    county.wait_for_selector("text=已向")
    report = UpwardReport.objects.get()

    city = page_as(org.staff)
    city.goto("/office/")
    city.wait_for_selector("[data-testid=risk-card]")
    screenshot(city, "risks-dashboard-card")
    city.goto("/risks/upward/")
    city.click("text=部分乡镇干部对岗位调整存在疑虑")
    city.fill("[data-testid=ack-form] textarea", "请继续做好思想引导，情况有变化及时报告。")
    submit(city, "[data-testid=ack-form]")
    city.wait_for_selector("text=已确认，报告单位将收到通知")
    assert "赵专干（秘书科）阅读" in city.inner_text("[data-testid=upward-timeline]")
    screenshot(city, "risks-upward-detail")

    county.goto(report.get_absolute_url())
    assert "请继续做好思想引导" in county.inner_text("[data-testid=upward-reply]")
    screenshot(county, "risks-upward-detail-phone")
    wide = overflowing_pages(county, ["/risks/upward/", "/risks/upward/new/", report.get_absolute_url(),
                                      "/risks/guidance/"])
    assert not wide, "wider than the phone:\n" + "\n".join(wide)
