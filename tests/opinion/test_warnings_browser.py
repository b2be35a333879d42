"""In a real browser: the monitoring staff set a warning rule and a group robot for a scheme and the
quiet hours; items arrive and raise a warning; the deputy finds it from the notification, reads its
items and deliveries, acknowledges and closes it; a warning is raised by hand from an item's page;
and the warning pages at a phone's width."""

import pytest

from ideowork.opinion.models import Warning, WarningRule
from tests.conftest import PHONE, screenshot

from .phone import fits_the_phone

from .warning_builders import arrive, city_watch

pytestmark = [pytest.mark.browser, pytest.mark.clock("2026-12-03T10:05")]


def test_staff_set_a_rule_and_the_deputy_handles_the_warning_it_raises(org, page_as):
    source, scheme = city_watch(org)
    staff = page_as(org.staff)
    staff.goto("/opinion/warning-rules/")
    screenshot(staff, "opinion-warning-rules-empty")
    staff.click(f"[data-testid=rule-group-{scheme.pk}] >> text=为该方案新建规则")
    staff.fill("#id_name", "重大以上舆情")
    staff.check("input[name=kind][value=grade]")
    assert staff.is_hidden("fieldset[data-kind=spike]") and staff.is_visible("fieldset[data-kind=grade]")
    staff.select_option("#id_min_grade", "3")
    staff.check("input[name=channels][value=webhook]")
    screenshot(staff, "opinion-warning-rule-form")
    staff.click("button[type=submit]:has-text('保存')")
    staff.wait_for_selector("text=预警规则“重大以上舆情”已保存")
    assert WarningRule.objects.get().channels == ["inapp", "webhook"]
    staff.click(f"[data-testid=rule-group-{scheme.pk}] >> text=设置接收人")
    staff.select_option("[data-testid=add-webhook] #id_webhook_kind", "wecom")
    # a gateway nobody answers at (the test sends nothing outside): the delivery is recorded as failing
    staff.fill("#id_webhook_url", "http://127.0.0.1:9/cgi-bin/webhook/send?key=693a91f6-7a1b-4bc4-97a0-0ec2f1a5aaa")
    staff.fill("#id_label", "舆情工作群")
    staff.click("[data-testid=add-webhook] button")
    staff.wait_for_selector("text=已添加群机器人")
    staff.select_option("[data-testid=add-person] #id_user", str(org.deputy.pk))
    staff.click("[data-testid=add-person] button")
    staff.wait_for_selector("text=已添加预警接收人李副主任")
    table = staff.inner_text("[data-testid=recipient-table]")
    assert "693a****5aaa" in table and "91f6-7a1b" not in table
    screenshot(staff, "opinion-warning-recipients")

    arrive(source, "城管执法冲突视频引发关注", "网传视频显示城管执法人员与摊贩发生冲突。", grade="3", sentiment="negative")
    arrive(source, "城管执法冲突视频持续发酵", "多家媒体转载，评论区质疑执法方式。", grade="4", sentiment="negative")
    warning = Warning.objects.get()

    deputy = page_as(org.deputy)
    deputy.goto("/notifications/")
    deputy.click("text=【舆情预警·重大】")  # raised at 重大; the second item made it 特别重大
    deputy.wait_for_selector("[data-testid=warning-title]")
    assert "2条" in deputy.inner_text("[data-testid=warning-count]")
    assert "特别重大" in deputy.inner_text("[data-testid=warning-title]")
    deliveries = deputy.inner_text("[data-testid=delivery-table]")
    assert "站内通知" in deliveries and "群机器人" in deliveries and "693a****5aaa" in deliveries
    assert "等待重试" in deliveries and "无法连接机器人网关" in deliveries
    assert "城管执法冲突视频持续发酵" in deputy.inner_text("[data-testid=warning-items]")
    screenshot(deputy, "opinion-warning-detail")
    deputy.click("[data-testid=acknowledge]")
    deputy.wait_for_selector("text=已确认该预警")
    deputy.fill("#id_note", "已联系城管局核实并发布情况说明")
    deputy.click("[data-testid=close]")
    deputy.wait_for_selector("text=已关闭该预警")
    assert "已关闭" in deputy.inner_text("[data-testid=warning-status]")
    warning.refresh_from_db()
    assert warning.close_note == "已联系城管局核实并发布情况说明"
    deputy.goto("/opinion/warnings/")
    assert "城管执法冲突视频" in deputy.inner_text("[data-testid=warning-table]")
    screenshot(deputy, "opinion-warning-list")


def test_a_warning_raised_by_hand_and_the_pages_at_a_phone_width(org, page_as):
    source, _ = city_watch(org)
    item = arrive(source, "网传城管违规收费", "网帖称某路段停车收费未公示标准。")
    phone = page_as(org.staff, viewport=PHONE)
    phone.goto(f"/opinion/items/{item.pk}/")
    phone.click("text=人工预警")
    phone.select_option("#id_grade", "2")
    phone.fill("#id_note", "网帖转发较快，需核实收费依据")
    screenshot(phone, "opinion-warning-raise-phone")
    phone.click("button:has-text('发布预警')")
    phone.wait_for_selector("text=预警已发布")
    assert "人工预警：网传城管违规收费" in phone.inner_text("[data-testid=warning-title]")
    fits_the_phone(phone, "opinion-warning-detail-phone")
    phone.goto("/opinion/warnings/")
    fits_the_phone(phone, "opinion-warning-list-phone")
    phone.goto("/opinion/warning-rules/")
    fits_the_phone(phone, "opinion-warning-rules-phone")
