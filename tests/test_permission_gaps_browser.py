"""In a real browser: the supervisor records an outlet inspection from the outlet's page, and a county
head's 安排学习 with no group yet leads to setting one up."""

import pytest
from django.utils import timezone

from ideowork.core.choices import Role
from ideowork.learning.models import StudyGroup
from ideowork.outlets.models import OutletInspection
from tests.factories import make_user
from tests.outlets.outlet_builders import board

pytestmark = pytest.mark.browser


def test_the_supervisor_inspects_an_outlet(org, page_as):
    outlet = board(org)
    page = page_as(org.supervisor)
    page.goto(f"/outlets/{outlet.pk}/")
    page.click("[data-testid=inspections] >> text=登记检查")
    page.fill("#id_date", timezone.localdate().isoformat())
    page.check("input[name=result][value=passed]")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("text=已登记检查")
    assert OutletInspection.objects.get(outlet=outlet).inspector == org.supervisor


def test_a_county_head_is_led_from_schedule_learning_to_setting_up_a_group(org, page_as):
    head = make_user("county_head", Role.HEAD, org.county_a, "县主任")
    page = page_as(head)
    page.goto("/learning/sessions/")
    page.click("text=＋ 新建学习小组")
    page.wait_for_selector("#id_name")
    page.fill("#id_name", "县编办理论学习中心组")
    page.check(f"input[name=members][value='{head.pk}']")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("text=已保存学习小组“县编办理论学习中心组”")
    assert StudyGroup.objects.filter(name="县编办理论学习中心组", org_unit=org.county_a).exists()
