"""In a real browser: the monitoring staff write a scheme with word groups and an expression, see the
expression's error with the character pointed at as they type, fix it, see the live test's list and
an item's explanation, save it, and run it back over the stored items; then the same without scripts,
and the pages at a phone's width."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideowork.opinion.models import Scheme
from tests.conftest import PHONE, screenshot

from .factories import make_item, make_source
from .phone import fits_the_phone

pytestmark = pytest.mark.browser


def stored_items(org):
    city = make_source(org.city, "市融媒体中心")
    county = make_source(org.county_a, "甲县融媒体中心")
    now = timezone.now()
    make_item(city, "甲县连降暴雨 城关镇连夜转移群众", "受强降雨影响，甲县城关镇组织转移低洼地带群众三百余人，"
              "县委编办干部下沉一线协助安置。", arrived_at=now - timedelta(days=2))
    make_item(county, "甲县举行防汛应急演练", "模拟暴雨情景下的人员转移，检验预案。", arrived_at=now - timedelta(days=3))
    make_item(county, "甲縣暴雨致部分道路積水", "市民反映城關鎮多處積水，轉移安置工作有序。", arrived_at=now - timedelta(days=1))
    make_item(city, "全市机构编制工作会议召开", "会议部署下半年工作。", arrived_at=now - timedelta(days=4))


def test_staff_write_a_scheme_with_the_live_test_and_run_it_back(org, page_as):
    stored_items(org)
    staff = page_as(org.staff)
    staff.goto("/opinion/schemes/")
    screenshot(staff, "opinion-scheme-list-empty")
    staff.click("text=＋ 新建方案")
    staff.fill("#id_name", "甲县防汛")
    staff.fill("#id_region_words", "甲县\n城关镇")
    staff.fill("#id_event_words", "暴雨\n\"强降雨\"")
    staff.fill("#id_exclude_words", "演练")
    staff.wait_for_selector("[data-testid=trial-summary]:has-text('命中 2 条')")
    staff.fill("#id_expression", "(转移|安置")
    error = staff.wait_for_selector("[data-testid=trial-error]")
    assert "第7个字符处缺少右括号" in error.inner_text()
    assert staff.inner_text("[data-testid=error-pointer] mark") == "␣"
    staff.fill("#id_expression", "(转移|安置) 群众")
    staff.wait_for_selector("[data-testid=trial-error]:has-text('第9个字符处缺少运算符')")
    assert staff.inner_text("[data-testid=error-pointer] mark") == "群"
    screenshot(staff, "opinion-scheme-form-error")
    staff.fill("#id_expression", "转移~20 群众|安置~20 群众")
    staff.wait_for_selector("[data-testid=trial-summary]:has-text('命中 1 条')")
    assert "甲县连降暴雨" in staff.inner_text("[data-testid=trial-matched]")
    explanation = staff.inner_text("[data-testid=explanation]")
    assert "判断过程" in explanation and "之间相隔" in explanation
    # why the traditional-character item did not match: its 转移 and 群众 are not within 20 characters
    staff.click(".trial-unmatched summary")
    staff.locator(".trial-unmatched li", has_text="甲縣暴雨致部分道路積水").locator("button").click()
    staff.wait_for_selector("[data-testid=explanation]:has-text('甲縣暴雨致部分道路積水')")
    assert "没有在20字以内" in staff.inner_text("[data-testid=explanation]") \
        or "未出现" in staff.inner_text("[data-testid=explanation]")
    assert staff.locator("[data-testid=explanation] .snippet mark").first.inner_text() in ("甲縣", "城關鎮", "暴雨")
    screenshot(staff, "opinion-scheme-form-trial")
    staff.click("button[value=save]")
    staff.wait_for_selector("text=监测方案“甲县防汛”已创建")
    scheme = Scheme.objects.get(name="甲县防汛")
    assert scheme.expression == "转移~20 群众|安置~20 群众"
    assert "还没有命中的信息" in staff.inner_text("[data-testid=match-table]")
    staff.click("[data-testid=backrun] button[type=submit]")
    staff.wait_for_selector("text=已开始回溯")
    staff.wait_for_selector("[data-testid=match-table] >> text=甲县连降暴雨 城关镇连夜转移群众")
    screenshot(staff, "opinion-scheme-detail")
    staff.goto("/notifications/")
    staff.wait_for_selector("text=回溯完成")


def test_the_live_test_without_scripts_and_at_a_phone_width(org, page_as):
    stored_items(org)
    staff = page_as(org.staff, javascript=False)
    staff.goto("/opinion/schemes/new/")
    staff.fill("#id_region_words", "甲县")
    staff.fill("#id_event_words", "暴雨")
    staff.fill("#id_expression", "转移 + ")
    staff.click("[data-testid=trial-button]")
    staff.wait_for_selector("[data-testid=trial-error]:has-text('表达式末尾')")
    staff.fill("#id_expression", "转移")
    staff.click("[data-testid=trial-button]")
    staff.wait_for_selector("[data-testid=trial-summary]:has-text('命中 3 条')")
    phone = page_as(org.staff, viewport=PHONE)
    phone.goto("/opinion/schemes/new/")
    phone.fill("#id_region_words", "甲县")
    phone.fill("#id_event_words", "暴雨")
    phone.wait_for_selector("[data-testid=explanation]")
    fits_the_phone(phone, "opinion-scheme-form-phone")
    phone.fill("#id_name", "甲县暴雨")
    phone.click("button[value=save]")
    phone.wait_for_selector("text=监测方案“甲县暴雨”已创建")
    fits_the_phone(phone, "opinion-scheme-detail-phone")
    phone.goto("/opinion/schemes/")
    fits_the_phone(phone, "opinion-scheme-list-phone")
