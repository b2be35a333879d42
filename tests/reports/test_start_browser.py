"""In Chromium: each role signs in through the login form and lands where its work is; ``?next=``
still wins; the brand link goes back to the start page; on a phone the staff's 我的工作 shows an
awaiting review and a lagging target, each one tap away."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ideowork.core.actions.reviews import do_submit_for_review
from ideowork.plans.models import Assignment
from tests.conftest import PHONE, screenshot
from tests.core.reviews_support import make_article
from tests.factories import make_plan

pytestmark = pytest.mark.browser

# (URL name, the heading the page shows)
LANDS = {
    "principal": ("reports:office", None), "staff": ("reports:me", "我的工作"),
    "section_chief": ("reports:me", "我的工作"), "supervisor": ("reports:me", "我的工作"),
    "cadre": ("learning:home", None), "sysadmin": ("core:user_list", None), "secadmin": ("core:security", None),
    "auditor": ("core:audit_list", None),
}


def sign_in(page, username, password):
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.locator("form button[type=submit]").click()


@pytest.mark.parametrize("username", LANDS)
def test_each_role_signs_in_to_its_start_page(org, anonymous_page, password, username):
    page = anonymous_page
    page.goto("/login/")
    sign_in(page, username, password)
    url_name, heading = LANDS[username]
    page.wait_for_url(f"**{reverse(url_name)}")
    if heading:
        expect(page.locator("h1")).to_have_text(heading)
    # The brand link goes back to the start page, from anywhere.
    page.goto(reverse("core:account_security"))
    expect(page.get_by_test_id("start-page")).to_be_visible()
    page.locator("a.brand").click()
    page.wait_for_url(f"**{reverse(url_name)}")


def test_next_still_wins(org, anonymous_page, password):
    page = anonymous_page
    page.goto(reverse("core:notifications"))
    page.wait_for_url("**/login/?next=**")
    sign_in(page, "staff", password)
    page.wait_for_url(f"**{reverse('core:notifications')}")
    expect(page.locator("h1")).to_have_text("通知中心")


@pytest.fixture
def _no_blockers(monkeypatch):
    monkeypatch.setattr("ideowork.outlets.actions.content.review_blockers", lambda content, stage: [])


@pytest.mark.clock("2026-06-20T09:00")
def test_the_staff_starts_the_day_on_a_phone(org, page_as, _no_blockers):
    plan = make_plan(org.city, year=2026)
    item = plan.items.get(number=1)  # 全年集中学习不少于12次: none by mid-June is behind pace
    Assignment.objects.create(item=item, lead_unit=org.office, specific_responsible=org.staff,
                              first_responsible=org.principal, deadline=date(2026, 12, 31))
    article = make_article(org.office, org.cadre, title="市委编办开展机构编制政策宣讲活动")
    do_submit_for_review(org.cadre, article)

    page = page_as(org.staff, viewport=PHONE)
    page.goto("/")
    page.wait_for_url(f"**{reverse('reports:me')}")
    tasks = page.get_by_test_id("my-tasks")
    review = tasks.locator("[data-source=review]")
    target = tasks.locator("[data-source=target]")
    expect(review).to_contain_text("市委编办开展机构编制政策宣讲活动")
    target = target.filter(has_text="全年集中学习不少于12次")
    expect(target).to_contain_text("滞后")
    screenshot(page, "phone-staff-my-tasks")
    # The page fits the phone's width: nothing to scroll sideways in the task list.
    assert page.evaluate("() => document.querySelector('[data-testid=my-tasks]').scrollWidth") <= PHONE["width"]

    review.get_by_role("link", name="去审核").tap()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    expect(page.get_by_test_id("review-decide")).to_be_visible()

    page.go_back()
    target.get_by_role("link", name="登记活动").tap()
    page.wait_for_url("**/ledger/new/?item=*")
    expect(page.locator("#id_item")).to_have_value(str(item.pk))
    expect(page.locator("#id_kind")).to_have_value("study")
    screenshot(page, "phone-staff-record-from-task")


@pytest.mark.clock("2026-06-20T09:00")
def test_a_clear_day_on_a_phone(org, page_as):
    from tests.reports.test_my_tasks import finish_daily_quiz

    finish_daily_quiz(org.section_chief)
    page = page_as(org.section_chief, viewport=PHONE)
    page.goto(reverse("reports:me"))
    expect(page.get_by_test_id("day-clear")).to_contain_text("今天没有待办事项")
    screenshot(page, "phone-chief-clear-day")
