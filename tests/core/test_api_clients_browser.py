"""The 接口客户端 page in a real browser: create a client (the token shown once, copied with the
page's static script), call the API with it, revoke it."""

import pytest
from django.test import Client

from ideowork.core.models import ApiClient
from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def test_sysadmin_creates_copies_and_revokes_an_api_client(org, page_as):
    page = page_as(org.sysadmin)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/system/users/")
    page.click("nav >> text=接口客户端")
    assert "还没有接口客户端" in page.inner_text("[data-testid=api-client-table]")
    page.click("text=新建接口客户端")
    page.fill("#id_name", "舆情采集网关")
    page.select_option("#id_org_unit", str(org.county_a.pk))
    page.check("input[name=capabilities][value='plans.read']")
    screenshot(page, "api_client_form")
    page.click("button:has-text('创建并生成令牌')")
    token = page.inner_text("[data-testid=api-token]").strip()
    assert token.startswith("iwk_") and "只显示这一次" in page.inner_text(".messages")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("button:has-text('复制令牌')")
    page.wait_for_selector("button:has-text('已复制')")
    screenshot(page, "api_client_token")

    api = Client()
    assert api.get("/api/v1/whoami", HTTP_AUTHORIZATION=f"Bearer {token}").json()["name"] == "舆情采集网关"

    page.click("text=返回接口客户端")
    row = page.locator("[data-testid=api-client-table] tbody tr", has_text="舆情采集网关")
    assert "有效" in row.inner_text() and token not in page.content()
    screenshot(page, "api_client_list")
    row.locator("button:has-text('吊销')").click()
    assert "已吊销" in page.inner_text(".messages")
    assert "已吊销" in page.locator("[data-testid=api-client-table] tbody tr", has_text="舆情采集网关").inner_text()
    assert not ApiClient.objects.get(name="舆情采集网关").is_active
    assert api.get("/api/v1/whoami", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
