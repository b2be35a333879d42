"""On a desktop: an organiser limits an exam to two county bureaus by filtering the unit list and ticking all."""

import pytest
from playwright.sync_api import expect

from ideowork.learning.models import Exam
from tests.conftest import screenshot

from .browser import fill_in, submit

pytestmark = pytest.mark.browser


def test_organiser_limits_an_exam_to_the_county_bureaus(org, page_as):
    page = page_as(org.staff)
    page.goto("/learning/exams/new/")
    fill_in(page, title="县级编办理论学习测试", opens_at="2026-01-01T08:00", closes_at="2030-12-31T18:00",
            time_limit_minutes="30")
    picker = page.locator("#id_audience")
    search = page.get_by_role("searchbox", name="限定参考单位")
    expect(search).to_be_visible()
    assert picker.locator("select").count() == 0
    search.fill("县")
    expect(picker.locator(".ticklist-option:visible")).to_have_count(2)
    picker.get_by_role("button", name="全选").click()
    expect(picker.locator(".ticklist-count")).to_have_text("已选 2 个单位")
    search.fill("")
    expect(picker.locator(".ticklist-option:visible")).to_have_count(5)
    # Labels keep the tree's indent on the list, not on the chips.
    assert sorted(picker.locator(".ticklist-chip").all_inner_texts()) == ["乙县委编办", "甲县委编办"]
    screenshot(page, "picker-desktop-exam-audience")
    submit(page)
    expect(page.get_by_text("考试设置已保存")).to_be_visible()
    assert set(Exam.objects.get().audience.all()) == {org.county_a, org.county_b}
