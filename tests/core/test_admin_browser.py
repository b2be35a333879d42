"""The system and security administrators' pages, driven in a real browser."""

import pytest
from django.test import Client

from ideowork.core.models import OrgUnit, User
from tests.conftest import screenshot

from .import_files import good_rows, workbook_bytes

pytestmark = pytest.mark.browser
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _accept_confirms(page):
    page.on("dialog", lambda dialog: dialog.accept())


def test_sysadmin_creates_a_unit_and_a_user(org, page_as):
    page = page_as(org.sysadmin)
    _accept_confirms(page)
    page.goto("/system/orgs/")
    screenshot(page, "org_list")
    page.click("text=新建单位")
    page.fill("#id_name", "宣传教育科")
    page.select_option("#id_kind", "section")
    page.select_option("#id_parent", str(org.city.pk))
    page.fill("#id_code", "XJ-01")
    screenshot(page, "org_form")
    page.click("button:has-text('保存')")
    assert "单位“宣传教育科”已创建" in page.inner_text(".messages")
    assert "宣传教育科" in page.inner_text("[data-testid=org-tree]")
    unit = OrgUnit.objects.get(name="宣传教育科")

    # Moving the city office under one of its own sections is refused on the form.
    page.goto(f"/system/orgs/{org.city.pk}/edit/")
    page.select_option("#id_parent", str(unit.pk))
    page.click("button:has-text('保存')")
    assert "不能将“市委机构编制委员会办公室”移动到其下级单位“宣传教育科”之下" in page.inner_text(".has-error")
    screenshot(page, "org_form_error")

    page.goto("/system/users/new/")
    page.fill("#id_username", "xuanjiao")
    page.fill("#id_display_name", "宣教干事")
    page.select_option("#id_org_unit", "")
    page.select_option("#id_requested_role", "staff")
    page.fill("#id_title", "干事")
    page.click("button:has-text('保存')")
    assert "业务角色的用户必须指定所在单位" in page.inner_text(".has-error")
    screenshot(page, "user_form_error")
    page.select_option("#id_org_unit", str(unit.pk))
    page.click("button:has-text('保存')")
    assert "用户“宣教干事”（xuanjiao）已创建" in page.inner_text(".messages")
    assert page.locator("[data-testid=slip]").count() == 1
    account = User.objects.get(username="xuanjiao")
    assert account.org_unit == unit and account.role == "" and not account.has_usable_password()

    page.goto("/system/users/?q=xuanjiao")
    screenshot(page, "user_list")
    row = page.locator("[data-testid=user-table] tbody tr", has_text="xuanjiao")
    assert "待授权" in row.inner_text()
    row.locator("button:has-text('重置密码')").click()
    assert "原密码已作废" in page.inner_text(".messages")
    assert len(page.inner_text("[data-testid=activation-code]")) == 19
    screenshot(page, "user_password_reset")


def test_sysadmin_imports_users_from_excel(org, page_as):
    page = page_as(org.sysadmin)
    page.goto("/system/users/import/")
    screenshot(page, "user_import")
    with page.expect_download() as download:
        page.click("text=下载导入模板")
    assert download.value.suggested_filename == "用户导入模板.xlsx"

    rows = good_rows()
    rows.insert(2, ["zhouwu", "周五", "宣传科", "干部职工", "", ""])
    rows.append(["badrole", "错角色", "秘书科", "科长", "", ""])
    page.set_input_files("#id_file", files=[{"name": "用户名单.xlsx", "mimeType": XLSX,
                                             "buffer": workbook_bytes(rows)}])
    page.click("button:has-text('校验并导入')")
    errors = page.inner_text("[data-testid=import-errors]")
    assert "第4行：所在单位“宣传科”不存在" in errors and "第6行：拟任角色“科长”不存在" in errors
    assert not User.objects.filter(username="chenyi").exists()
    screenshot(page, "user_import_errors")

    page.set_input_files("#id_file", files=[{"name": "用户名单.xlsx", "mimeType": XLSX,
                                             "buffer": workbook_bytes(good_rows())}])
    page.click("button:has-text('校验并导入')")
    assert "已成功导入3个用户" in page.inner_text("[data-testid=import-summary]")
    assert User.objects.filter(username__in=["chenyi", "chener", "chensan"], role="").count() == 3
    assert page.locator("[data-testid=slip]").count() == 3
    screenshot(page, "user_import_result")


def test_secadmin_unlocks_a_locked_user(org, page_as, password):
    attacker = Client()
    for _ in range(5):
        attacker.post("/login/", {"username": "principal", "password": "wrong-password"})
    assert attacker.post("/login/", {"username": "principal", "password": password}).status_code == 429

    page = page_as(org.secadmin)
    _accept_confirms(page)
    page.goto("/security/")
    assert "1个已锁定" in page.inner_text(".page-head")
    screenshot(page, "security_policy")
    page.click(".page-head >> text=账号锁定")
    row = page.locator("[data-testid=lockout-table] tbody tr", has_text="principal")
    assert "已锁定" in row.inner_text()
    screenshot(page, "lockouts")
    row.locator("button:has-text('解锁')").click()
    assert "账号“principal”已解锁" in page.inner_text(".messages")
    assert "当前没有被锁定" in page.inner_text("[data-testid=lockout-table]")
    assert Client().post("/login/", {"username": "principal", "password": password}).status_code == 302
