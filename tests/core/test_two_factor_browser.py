"""Two-factor sign-in in the browser: a leader enrols right after the password and signs in again with
a code (computed here from the secret the page shows, as the phone's app would); the person's own
账户安全 page; the 安全管理员's 双因素认证设置 with a reset."""

import time
from base64 import b32decode
from datetime import timedelta

import pytest
from django_otp.oath import TOTP

from ideowork.core.actions.twofactor import do_confirm_enrolment
from ideowork.core.models import AuditEvent, TwoFactorPolicy
from ideowork.core.twofactor import enrolment_device, is_enrolled
from tests.conftest import PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.date_sensitive]

START = "2026-06-15T10:00:05"


def code_for(secret: str) -> str:
    """What an authenticator app shows now for the secret the enrolment page displays."""
    totp = TOTP(b32decode(secret.replace(" ", "")))
    totp.time = time.time()
    return f"{totp.token():06d}"


def password_step(page, username, password):
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")


@pytest.mark.clock(START)
def test_leader_enrols_after_the_password_and_then_signs_in_with_a_code(org, anonymous_page, password, travel):
    TwoFactorPolicy.objects.filter(pk=1).update(required_roles=["head", "deputy"])
    page = anonymous_page
    password_step(page, "principal", password)
    page.wait_for_selector("[data-testid=enrol-qr] svg")
    assert "您的角色须使用双因素认证" in page.inner_text("main")
    screenshot(page, "two_factor_enrol")
    secret = page.inner_text("[data-testid=enrol-secret]")
    page.fill("#id_code", "000000" if code_for(secret) != "000000" else "111111")
    page.click("button:has-text('确认绑定')")
    assert "验证码不正确" in page.inner_text(".field.has-error")
    page.fill("#id_code", code_for(secret))
    page.click("button:has-text('确认绑定')")
    codes = page.locator("[data-testid=recovery-codes] li")
    codes.first.wait_for()
    assert codes.count() == 10
    screenshot(page, "two_factor_recovery_codes")
    page.click("text=我已保存，继续")
    page.wait_for_selector("text=工作台")
    page.click("text=退出")
    page.wait_for_url("**/login/")

    travel.shift(timedelta(seconds=30))  # the app shows the next code
    password_step(page, "principal", password)
    page.wait_for_selector("button:has-text('验证并登录')")
    screenshot(page, "two_factor_verify")
    page.fill("#id_code", code_for(secret))
    page.click("button:has-text('验证并登录')")
    page.wait_for_selector("text=工作台")
    assert "张主任" in page.inner_text(".topbar")


@pytest.mark.clock(START)
def test_cadre_turns_two_factor_on_from_the_account_page_on_a_phone(org, page_as):
    page = page_as(org.cadre, viewport=PHONE)
    page.goto("/account/security/")
    assert "未启用" in page.inner_text("[data-testid=two-factor-status]")
    page.click("text=启用双因素认证")
    secret = page.inner_text("[data-testid=enrol-secret]")
    screenshot(page, "two_factor_enrol_phone")
    page.fill("#id_code", code_for(secret))
    page.click("button:has-text('确认绑定')")
    page.locator("[data-testid=recovery-codes] li").first.wait_for()
    page.click(".actions >> text=账户安全")
    status = page.inner_text("[data-testid=two-factor-status]")
    assert "已启用" in status and "10 / 10" in status
    screenshot(page, "two_factor_account")
    assert is_enrolled(org.cadre)


@pytest.mark.clock(START)
def test_secadmin_requires_it_for_a_role_and_resets_a_person(org, page_as):
    device = enrolment_device(org.deputy)
    totp = TOTP(device.bin_key)
    totp.time = time.time()
    do_confirm_enrolment(org.deputy, device, f"{totp.token():06d}")
    page = page_as(org.secadmin)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/security/")
    page.click("nav >> text=双因素认证设置")
    page.check("#role-cadre")
    page.click("button:has-text('保存设置')")
    assert "双因素认证设置已保存" in page.inner_text(".messages")
    assert page.is_checked("#role-cadre")
    assert TwoFactorPolicy.objects.get().required_roles == ["cadre"]
    row = page.locator("[data-testid=two-factor-people] tbody tr", has_text="李副主任")
    screenshot(page, "two_factor_settings")
    row.locator("button:has-text('重置')").click()
    assert "已重置“李副主任”的双因素认证" in page.inner_text(".messages")
    assert "还没有用户启用双因素认证" in page.inner_text("[data-testid=two-factor-people]")
    assert not is_enrolled(org.deputy)
    assert AuditEvent.objects.filter(event_type="core.twofactor.reset", actor=org.secadmin).exists()
