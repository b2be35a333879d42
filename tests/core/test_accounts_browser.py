"""An account's life in a real browser: the 系统管理员 creates it and prints the sealed slip, the
安全管理员 grants its role, the person activates it with their own password and signs in."""

import re

import pytest
from playwright.sync_api import expect

from ideowork.core.models import User
from tests.conftest import PHONE, new_browser_page, screenshot

pytestmark = pytest.mark.browser
OWN = "Wo-De-Mima-2026!"


def test_create_grant_activate_and_sign_in(org, page_as, browser, browser_console, live_server):
    admin = page_as(org.sysadmin)
    admin.goto("/system/users/new/")
    admin.fill("#id_username", "liuke")
    admin.fill("#id_display_name", "刘科员")
    admin.select_option("#id_org_unit", str(org.office.pk))
    admin.select_option("#id_requested_role", "staff")
    admin.fill("#id_title", "科员")
    screenshot(admin, "account_create_form")
    admin.click("button:has-text('保存')")
    code = admin.inner_text("[data-testid=activation-code]")
    assert "待安全管理员授权" in admin.inner_text(".messages")
    assert admin.locator("button[data-print]").is_visible()
    screenshot(admin, "account_activation_slip")
    admin.emulate_media(media="print")
    assert not admin.locator(".sidebar").is_visible() and admin.locator("[data-testid=slip]").is_visible()
    screenshot(admin, "account_activation_slip_print")
    admin.emulate_media(media="screen")

    security = page_as(org.secadmin)
    security.goto("/security/")
    assert "1个待授权" in security.inner_text(".page-head")
    security.click(".page-head >> text=账号授权")
    row = security.locator("[data-testid=role-table] tbody tr", has_text="liuke")
    assert "待授权" in row.inner_text() and "专职工作人员" in row.inner_text() and "未激活" in row.inner_text()
    screenshot(security, "account_roles")
    row.locator("text=授予角色").click()
    assert security.input_value("#id_role") == "staff"  # the requested role is offered first
    screenshot(security, "account_role_form")
    security.click("button:has-text('保存')")
    assert "已将“刘科员”的角色设为“专职工作人员”" in security.inner_text(".messages")

    person = new_browser_page(browser, browser_console, live_server.url)
    person.goto("/login/")
    person.fill("#id_username", "liuke")
    person.fill("#id_password", code)
    person.click("button[type=submit]")
    assert "用户名或密码错误" in person.inner_text(".form-errors")  # the code is no password
    person.goto("/activate/")
    person.fill("#id_username", "liuke")
    person.fill("#id_code", code)
    person.fill("#id_password1", "weakpassword")
    person.fill("#id_password2", "weakpassword")
    person.click("button[type=submit]")
    assert "密码须至少包含" in person.inner_text(".has-error")
    screenshot(person, "account_activate_error")
    person.fill("#id_code", code)
    person.fill("#id_password1", OWN)
    person.fill("#id_password2", OWN)
    person.click("button[type=submit]")
    person.wait_for_url("**/login/")
    assert "已激活" in person.inner_text(".messages")
    person.fill("#id_username", "liuke")
    person.fill("#id_password", OWN)
    person.click("button[type=submit]")
    person.wait_for_selector("text=这是您首次登录本系统")
    assert "刘科员" in person.inner_text(".topbar") and "专职工作人员" in person.inner_text(".topbar")
    screenshot(person, "account_first_login")
    assert User.objects.get(username="liuke").check_password(OWN)
    person.context.close()


def test_the_secadmin_sets_the_password_policy(org, page_as):
    page = page_as(org.secadmin)
    page.goto("/security/")
    page.click("text=修改口令与会话策略")
    screenshot(page, "security_policy_edit")
    page.fill("#id_password_max_age_days", "60")
    page.fill("#id_max_sessions", "0")
    page.click("button:has-text('保存')")
    assert "并发会话数上限应在1到50之间" in page.inner_text(".has-error")
    page.fill("#id_max_sessions", "2")
    page.click("button:has-text('保存')")
    assert "安全策略已保存" in page.inner_text(".messages")
    assert "60" in page.inner_text("[data-testid=password-lifecycle]")
    screenshot(page, "security_policy")


def test_an_expired_password_leads_to_the_change_page(org, anonymous_page, password, travel):
    from datetime import timedelta

    travel("2026-03-01T09:00")
    org.cadre.set_password("Di-Yi-Mima-2026!")
    org.cadre.save()
    travel.shift(timedelta(days=100))
    page = anonymous_page
    page.goto("/login/")
    page.fill("#id_username", "cadre")
    page.fill("#id_password", "Di-Yi-Mima-2026!")
    page.click("button[type=submit]")
    page.wait_for_url("**/account/password/")
    assert "您的密码已过期" in page.inner_text(".messages")
    page.fill("#id_old_password", "Di-Yi-Mima-2026!")
    page.fill("#id_new_password1", "Di-Yi-Mima-2026!")
    page.fill("#id_new_password2", "Di-Yi-Mima-2026!")
    page.click("main button[type=submit]")
    assert "新密码不能与当前密码相同" in page.inner_text(".has-error")
    screenshot(page, "password_expired_change")
    page.fill("#id_old_password", "Di-Yi-Mima-2026!")
    page.fill("#id_new_password1", "Di-Er-Mima-2026!")
    page.fill("#id_new_password2", "Di-Er-Mima-2026!")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=密码已修改")
    page.goto("/learning/")
    assert "/account/password/" not in page.url


def test_a_reset_password_takes_effect_only_after_the_secadmin_confirms(org, page_as, browser, browser_console,
                                                                         live_server):
    """Two people for a reset: the 系统管理员 prints the slip, the person sets a password on their phone,
    the 安全管理员 confirms after checking with them; only then does the person sign in."""

    admin = page_as(org.sysadmin)
    admin.on("dialog", lambda dialog: dialog.accept())
    admin.goto("/system/users/?q=cadre")
    admin.locator("tr", has_text="孙干部").get_by_role("button", name="重置密码").click()
    code = admin.get_by_test_id("activation-code").inner_text()
    expect(admin.get_by_test_id("slip")).to_contain_text("须安全管理员与您核实确认后方可登录")

    person = new_browser_page(browser, browser_console, live_server.url, viewport=PHONE)
    person.goto("/activate/")
    person.fill("#id_username", "cadre")
    person.fill("#id_code", code)
    person.fill("#id_password1", OWN)
    person.fill("#id_password2", OWN)
    person.locator("button[type=submit]").tap()
    expect(person.locator(".messages")).to_contain_text("须安全管理员与您核实并确认后方可登录")
    screenshot(person, "account_reset_awaiting_confirmation_phone")
    person.fill("#id_username", "cadre")
    person.fill("#id_password", OWN)
    person.locator("button[type=submit]").tap()
    expect(person.locator(".form-errors")).to_contain_text("用户名或密码错误")

    security = page_as(org.secadmin)
    security.on("dialog", lambda dialog: dialog.accept())
    security.goto("/security/")
    security.locator(".page-head").get_by_role("link", name="重置密码确认（1个待确认）").click()
    row = security.get_by_test_id("reset-row")
    expect(row).to_contain_text("孙干部")
    expect(row).to_contain_text("系统管理员")
    screenshot(security, "security_reset_confirmations")
    on_phone = page_as(org.secadmin, viewport=PHONE)  # a 安全管理员 away from the desk
    on_phone.goto("/security/resets/")
    expect(on_phone.get_by_test_id("reset-row")).to_contain_text("孙干部")
    assert on_phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(on_phone, "security_reset_confirmations_phone")
    row.get_by_role("button", name="确认生效").click()
    expect(security.locator(".messages")).to_contain_text("已确认“孙干部”重置后设置的密码")
    expect(security.get_by_test_id("resets-recent")).to_contain_text("已确认（安全管理员）")

    person.fill("#id_username", "cadre")
    person.fill("#id_password", OWN)
    person.locator("button[type=submit]").tap()
    expect(person).not_to_have_url(re.compile(r"/login/"))
    assert User.objects.get(username="cadre").check_password(OWN)
    person.context.close()
