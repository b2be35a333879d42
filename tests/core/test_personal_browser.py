"""Notification centre, password change and the audit trail, in Chromium."""

import pytest

from ideowork.core.models import AuditEvent, Notification
from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def test_opening_a_notification_marks_it_read_and_follows_its_link(org, page_as):
    Notification.objects.create(recipient=org.section_chief, title="指标即将到期：每月编发1期工作简报",
                                body="本月还差1期。", url="/me/")
    page = page_as(org.section_chief)
    page.goto("/notifications/")
    assert page.inner_text("[data-testid=unread-count]") == "1"
    screenshot(page, "core-notifications")
    page.click("text=指标即将到期：每月编发1期工作简报")
    page.wait_for_url("**/me/")
    assert Notification.objects.get().read_at is not None
    assert page.locator("[data-testid=unread-count]").count() == 0


def test_password_change_rejects_a_weak_password_in_chinese_then_accepts_a_good_one(org, page_as, password):
    page = page_as(org.cadre)
    page.goto("/account/password/")
    page.fill("#id_old_password", password)
    page.fill("#id_new_password1", "abcdefghij")
    page.fill("#id_new_password2", "abcdefghij")
    page.locator("main form[method=post] button[type=submit]").first.click()
    assert "密码须至少包含" in page.inner_text("main")
    screenshot(page, "core-password-change-error")
    page.fill("#id_old_password", password)
    page.fill("#id_new_password1", "Xuexi-Qiangguo-2026")
    page.fill("#id_new_password2", "Xuexi-Qiangguo-2026")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("text=密码已修改")
    org.cadre.refresh_from_db()
    assert org.cadre.check_password("Xuexi-Qiangguo-2026")
    assert AuditEvent.objects.filter(event_type="core.user.change_password", actor=org.cadre).exists()


def test_auditor_filters_the_trail_and_reads_what_changed(org, page_as):
    from datetime import date

    from ideowork.plans.actions.assignments import do_assign_item
    from tests.factories import make_plan

    item = make_plan(org.city).items.first()
    do_assign_item(org.staff, item, lead_unit=org.office, deadline=date(2026, 12, 31))
    do_assign_item(org.staff, item, deadline=date(2026, 10, 31))
    page = page_as(org.auditor)
    page.goto("/audit/")
    # the type filter lists the registered types by area, with their Chinese labels
    groups = page.locator("[data-testid=audit-type] optgroup")
    assert "工作要点" in [groups.nth(i).get_attribute("label") for i in range(groups.count())]
    page.select_option("[data-testid=audit-type]", label="分解责任")
    page.click("text=查询")
    page.wait_for_url("**type=plans.item.assign**")  # counting before the filtered page loads is a race
    rows = page.locator("[data-testid=audit-table] > tbody > tr")
    assert rows.count() == 2
    assert "分解责任" in rows.first.locator("td").nth(3).inner_text()  # after 序号, 时间, 操作人
    assert page.locator("[data-testid=audit-type]").input_value() == "plans.item.assign"
    rows.first.locator("summary").click()
    changed = rows.first.locator("details").inner_text()
    assert "deadline" in changed and "2026-10-31" in changed and "lead_unit" not in changed
    assert "staff" in rows.first.inner_text()
    screenshot(page, "core-audit")


def test_auditor_filters_the_trail_by_area(org, page_as):
    from ideowork.core.audit import record
    from ideowork.plans.actions.assignments import do_assign_item
    from tests.factories import make_plan

    record("core.auth.fail_login", None, subject_repr="cadre", new={"username": "cadre"})
    do_assign_item(org.staff, make_plan(org.city).items.first(), lead_unit=org.office)
    page = page_as(org.auditor)
    page.goto("/audit/")
    page.select_option("[data-testid=audit-type]", label="全部基础事件")
    page.click("text=查询")
    page.wait_for_url("**type=core.**")
    table = page.inner_text("[data-testid=audit-table]")
    assert "登录失败" in table and "分解责任" not in table
    screenshot(page, "core-audit-by-area")
