"""In a real browser: the monitoring staff open the event list, an event's page with its spread curve
and why it got its grade, merge the other flood into it, split a report back out, are refused a split
of nothing, rename an event, and set their unit's word lists; then the event page at a phone's width."""

import pytest

from ideowork.opinion.models import Event, WordLists
from tests.conftest import PHONE, screenshot

from .event_builders import ingest_floods, watched_floods

pytestmark = pytest.mark.browser


def test_list_event_merge_and_split(org, page_as):
    _scheme, source = watched_floods(org)
    ingest_floods(org, source)
    staff = page_as(org.staff)
    staff.goto("/opinion/events/")
    table = staff.locator("[data-testid=event-table]")
    assert table.locator("tbody tr").count() == 2
    screenshot(staff, "opinion-event-list")
    staff.click("text=桐城发布暴雨红色预警")
    staff.wait_for_selector("[data-testid=spread-chart] svg")
    assert "4" in staff.inner_text("[data-testid=event-figures]")
    assert "合计" in staff.inner_text("[data-testid=grade-reasons]")
    assert "首发" in staff.inner_text("[data-testid=event-items]")
    screenshot(staff, "opinion-event-detail")

    staff.click("[data-testid=merge-link]")
    staff.locator("[data-testid=merge-form] tr", has_text="旺苍县").locator("input[type=checkbox]").check()
    screenshot(staff, "opinion-event-merge")
    staff.click("[data-testid=merge-button]")
    staff.wait_for_selector("text=已将所选事件并入")
    assert staff.locator("[data-testid=event-items] tbody tr").count() == 5

    staff.click("[data-testid=split-button]")
    staff.wait_for_selector("text=请勾选要拆分出去的信息")
    staff.locator("[data-testid=event-items] tr", has_text="旺苍县").locator("input[type=checkbox]").check()
    staff.fill("#id_title", "旺苍县暴雨")
    staff.click("[data-testid=split-button]")
    staff.wait_for_selector("text=已拆分出新事件“旺苍县暴雨”")
    assert staff.inner_text("[data-testid=event-title]").startswith("旺苍县暴雨")
    screenshot(staff, "opinion-event-split")
    assert Event.objects.live().count() == 2

    staff.goto("/opinion/word-lists/")
    staff.fill("#id_negative_words", "躺平式办公 3\n推诿扯皮")
    staff.fill("#id_degree_words", "非常 x")
    staff.click("text=保存词表")
    staff.wait_for_selector("[data-testid=error-degree_words]:has-text('程度词第1行')")
    assert not WordLists.objects.exists()
    staff.fill("#id_degree_words", "极度 2")
    staff.click("text=保存词表")
    staff.wait_for_selector("text=的词表已保存")
    screenshot(staff, "opinion-word-lists")
    assert WordLists.objects.get(org_unit=org.city).negative_words == "躺平式办公 3\n推诿扯皮"


def test_renaming_an_event_from_its_page(org, page_as):
    _scheme, source = watched_floods(org)
    ingest_floods(org, source)
    event = Event.objects.get(title="桐城发布暴雨红色预警")
    staff = page_as(org.staff)
    staff.goto(f"/opinion/events/{event.pk}/")
    staff.click("[data-testid=rename] summary")
    staff.fill("#rename_title", "")
    staff.click("[data-testid=rename-button]")   # the browser refuses an empty required field
    assert staff.evaluate("document.querySelector('#rename_title').validity.valueMissing")
    staff.fill("#rename_title", "桐城市范岗镇暴雨内涝")
    screenshot(staff, "opinion-event-rename")
    staff.click("[data-testid=rename-button]")
    staff.wait_for_selector("text=事件名称已改为“桐城市范岗镇暴雨内涝”")
    assert staff.inner_text("[data-testid=event-title]").startswith("桐城市范岗镇暴雨内涝")
    assert Event.objects.get(pk=event.pk).title == "桐城市范岗镇暴雨内涝"
    # The county's staff cannot see the city's event, let alone rename it.
    county = page_as(org.county_staff)
    county.goto(f"/opinion/events/{event.pk}/")
    assert county.locator("[data-testid=rename]").count() == 0


def test_the_event_pages_at_a_phone_width(org, page_as):
    _scheme, source = watched_floods(org)
    ingest_floods(org, source)
    event = Event.objects.order_by("first_seen_at").first()
    phone = page_as(org.staff, viewport=PHONE)
    phone.goto("/opinion/events/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "opinion-event-list-phone")
    phone.goto(f"/opinion/events/{event.pk}/")
    phone.wait_for_selector("[data-testid=spread-chart] svg")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "opinion-event-detail-phone")
