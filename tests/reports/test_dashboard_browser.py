import pytest
from django.utils import timezone

from ideowork.ledger.actions import do_record_activity
from ideowork.plans.models import Target
from tests.conftest import screenshot
from tests.factories import make_plan

pytestmark = pytest.mark.browser


def test_head_reads_the_dashboard_and_opens_the_lagging_targets(org, page_as):
    plan = make_plan(org.city, year=timezone.localdate().year)
    drill = Target.objects.get(item__plan=plan, text="每年组织不少于1次意识形态应急处置演练")
    do_record_activity(org.staff, org_unit=org.office, kind="drill", title="应急演练", date=timezone.localdate(),
                       targets=[drill])
    page = page_as(org.principal)
    page.goto("/")
    page.wait_for_selector(".chart svg")  # ECharts rendered, served locally
    screenshot(page, "reports-dashboard")
    done = page.locator("[data-testid=target-status-done] .value").inner_text()
    assert done == "1"
    page.click("[data-testid=target-status-done]")
    page.wait_for_url("**/progress/**")
    assert "应急处置演练" in page.inner_text("[data-testid=progress-table]")
    screenshot(page, "reports-progress")
    page.goto("/me/")
    screenshot(page, "reports-me")
    page.goto("/counties/")
    screenshot(page, "reports-counties")


def test_the_county_comparison_is_in_the_menu_only_where_there_are_counties(org, page_as):
    page = page_as(org.county_staff)
    page.goto("/")
    menu = page.locator("nav.sidebar")
    menu.get_by_role("link", name="我的工作").wait_for()
    assert menu.get_by_role("link", name="县区对比").count() == 0
    screenshot(page, "reports-menu-county")
    page = page_as(org.principal)
    page.goto("/")
    page.locator("nav.sidebar").get_by_role("link", name="县区对比").click()
    page.wait_for_url("**/counties/")
    assert "甲县委编办" in page.inner_text("main")
