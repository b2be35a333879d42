import pytest

from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def test_cadre_signs_in_through_the_form_and_out_again(org, anonymous_page, password):
    page = anonymous_page
    page.goto("/")
    assert "/login/" in page.url
    screenshot(page, "login")
    page.fill("#id_username", "principal")
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_selector("text=工作台")
    assert "张主任" in page.inner_text(".topbar")
    page.click("text=退出")
    page.wait_for_url("**/login/")


def test_wrong_password_shows_chinese_error(org, anonymous_page):
    page = anonymous_page
    page.goto("/login/")
    page.fill("#id_username", "principal")
    page.fill("#id_password", "wrong-password")
    page.click("button[type=submit]")
    assert "用户名或密码错误" in page.inner_text(".form-errors")
