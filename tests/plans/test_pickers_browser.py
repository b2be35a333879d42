"""In the browser: the item and target pickers name each option's plan, on a desktop and on a phone."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ideowork.ledger.models import Activity
from ideowork.plans.models import PlanItem
from tests.conftest import PHONE, screenshot
from tests.factories import make_plan

pytestmark = pytest.mark.browser


@pytest.fixture
def two_years(org):
    year = timezone.localdate().year
    return (make_plan(org.city, year=year, title=f"{year}年市委编办意识形态工作要点"),
            make_plan(org.city, year=year - 1, title=f"{year - 1}年市委编办意识形态工作要点"))


def group_labels(page, select: str) -> list[str]:
    return page.locator(f"{select} optgroup").evaluate_all("groups => groups.map(g => g.label)")


def test_the_ledger_forms_item_picker_names_the_plans(org, page_as, two_years):
    this_year, last_year = two_years
    page = page_as(org.staff)
    page.goto("/ledger/new/")
    assert group_labels(page, "#id_item") == [this_year.title, last_year.title]
    options = page.locator("#id_item option").all_inner_texts()
    assert options.count(f"1. 深化理论武装体系建设（{this_year.year}年）") == 1
    assert options.count(f"1. 深化理论武装体系建设（{last_year.year}年）") == 1

    item = PlanItem.objects.get(plan=this_year, number=1)
    page.select_option("#id_item", str(item.pk))
    # The closed picker shows the chosen option alone: it still says which plan.
    chosen = page.locator("#id_item").evaluate("s => s.options[s.selectedIndex].text")
    assert chosen == f"1. 深化理论武装体系建设（{this_year.year}年）"

    page.goto("/ledger/")
    assert group_labels(page, "#id_item") == [this_year.title, last_year.title]
    assert group_labels(page, "#id_target") == [this_year.title, last_year.title]
    assert f"要点1：每月开展1次集中学习研讨（{last_year.year}年）" in page.locator(
        "#id_target option").all_inner_texts()


def fits_the_screen(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_phone_records_an_activity_against_a_named_item(org, page_as, two_years):
    this_year, _ = two_years
    page = page_as(org.staff, viewport=PHONE)
    page.goto("/ledger/new/")
    expect(page.locator("#id_item")).to_be_visible()
    assert fits_the_screen(page)
    item = PlanItem.objects.get(plan=this_year, number=1)
    page.select_option("#id_kind", "study")
    page.fill("#id_date", timezone.localdate().isoformat())
    page.dispatch_event("#id_date", "change")
    page.fill("#id_title", "集中学习研讨")
    page.select_option("#id_item", str(item.pk))
    page.locator("#target-choices input[name=targets]").first.wait_for()
    screenshot(page, "pickers-phone-ledger-form")
    page.get_by_role("button", name="登记", exact=True).click()
    expect(page.get_by_text("已登记活动")).to_be_visible()
    assert Activity.objects.get().item == item
    assert fits_the_screen(page)
    screenshot(page, "pickers-phone-ledger-detail")

    page.goto("/ledger/")
    expect(page.locator("#id_item")).to_be_attached()
    screenshot(page, "pickers-phone-ledger-list")


def test_a_cadre_on_a_phone_switches_plan_and_filters_the_ledger_by_item(org, page_as, two_years):
    this_year, last_year = two_years
    page = page_as(org.cadre, viewport=PHONE)
    page.goto("/office/")
    expect(page.locator("h1")).to_contain_text(this_year.title)
    page.select_option("select[name=plan]", str(last_year.pk))
    expect(page.locator("h1")).to_contain_text(last_year.title)
    assert fits_the_screen(page)
    screenshot(page, "pickers-phone-cadre-dashboard")

    page.goto("/ledger/")
    assert group_labels(page, "#id_item") == [this_year.title, last_year.title]
    item = PlanItem.objects.get(plan=last_year, number=2)
    page.locator("details.more-filters summary").tap()  # a phone folds the conditions
    page.select_option("#id_item", str(item.pk))
    page.get_by_role("button", name="查询").click()
    page.wait_for_url(f"**item={item.pk}**")
    expect(page.locator("#id_item")).to_have_value(str(item.pk))
    assert fits_the_screen(page)
    screenshot(page, "pickers-phone-cadre-ledger")
