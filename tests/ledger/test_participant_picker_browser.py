"""On a phone: a member of staff picks an activity's participants by typing part of a name and tapping."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ideowork.ledger.models import Activity
from tests.conftest import PHONE, screenshot

pytestmark = pytest.mark.browser


def test_staff_on_a_phone_picks_participants_by_name_and_removes_one(org, page_as):
    page = page_as(org.staff, viewport=PHONE)
    page.goto("/ledger/new/")
    picker = page.locator("#id_participants")
    search = page.get_by_role("searchbox", name="系统内人员")
    expect(search).to_be_visible()
    expect(picker.locator(".ticklist-count")).to_have_text("已选 0 人")
    page.select_option("#id_kind", "study")
    page.fill("#id_date", timezone.localdate().isoformat())
    page.dispatch_event("#id_date", "change")
    page.fill("#id_title", "集中学习研讨")

    # "专干" matches the three staff members of three units, nobody else.
    search.tap()
    search.fill("专干")
    options = picker.locator(".ticklist-option:visible")
    expect(options).to_have_count(3)
    expect(picker.locator(".ticklist-option", has_text="孙干部")).to_be_hidden()
    for name in ("赵专干", "周专干"):
        row = picker.locator(".ticklist-option", has_text=name)
        assert row.bounding_box()["height"] >= 44
        row.tap()
    screenshot(page, "picker-phone-participants-filtered")

    # A unit's name finds its people too.
    search.fill("秘书科")
    expect(picker.locator(".ticklist-option", has_text="孙干部")).to_be_visible()
    picker.locator(".ticklist-option", has_text="孙干部").tap()
    expect(picker.locator(".ticklist-count")).to_have_text("已选 3 人")
    chips = picker.locator(".ticklist-chip")
    expect(chips).to_have_count(3)
    assert sorted(chips.all_inner_texts()) == sorted(["赵专干", "孙干部", "周专干"])

    # The wrong one is removed by tapping its chip.
    picker.get_by_role("button", name="移除 周专干").tap()
    expect(chips).to_have_count(2)
    assert sorted(chips.all_inner_texts()) == sorted(["赵专干", "孙干部"])
    expect(picker.locator(".ticklist-count")).to_have_text("已选 2 人")
    expect(picker.locator(f"input[value='{org.county_staff.pk}']")).not_to_be_checked()
    search.fill("")
    expect(picker.locator(".ticklist-option:visible")).not_to_have_count(3)
    fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert fits
    picker.scroll_into_view_if_needed()
    screenshot(page, "picker-phone-participants-chips")

    page.get_by_role("button", name="登记", exact=True).tap()
    expect(page.get_by_text("已登记活动")).to_be_visible()
    assert set(Activity.objects.get().participants.all()) == {org.staff, org.cadre}


def test_tick_all_and_clear_act_on_the_filtered_people_only(org, page_as):
    page = page_as(org.staff, viewport=PHONE)
    page.goto("/ledger/new/")
    picker = page.locator("#id_participants")
    search = picker.locator(".ticklist-search")
    search.fill("综合科")
    picker.get_by_role("button", name="全选").tap()
    expect(picker.locator(".ticklist-count")).to_have_text("已选 1 人")
    expect(picker.locator(f"input[value='{org.supervisor.pk}']")).to_be_checked()
    search.fill("秘书科")
    picker.get_by_role("button", name="全选").tap()
    expect(picker.locator(".ticklist-count")).to_have_text("已选 4 人")
    picker.get_by_role("button", name="清空").tap()
    # Only 秘书科's three were cleared; 综合科's supervisor stays ticked while hidden.
    expect(picker.locator(".ticklist-count")).to_have_text("已选 1 人")
    expect(picker.locator(".ticklist-chip")).to_have_text(["钱监督员"])
    search.fill("没有这个人")
    expect(picker.locator(".ticklist-nothing:visible")).to_have_text("没有符合条件的选项。")
    # Enter in the search box filters; it does not send the form.
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/ledger/new/$"))
    assert not Activity.objects.exists()
