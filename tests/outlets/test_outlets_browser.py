"""In a real browser: the publicity staff register an outlet, record an inspection that finds a
problem (the outlet shows 整改中), then record the rectification (it is back to 正常运行)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideowork.outlets.actions.outlets import do_create_outlet, do_record_outlet_update
from ideowork.outlets.choices import OutletKind, UpdateFrequency
from ideowork.outlets.models import Outlet
from tests.conftest import screenshot, submit
from tests.ledger.files import png_bytes

from ..ledger.browser import fill_form
from .outlet_builders import board, days_ago

pytestmark = pytest.mark.browser


def test_staff_register_inspect_and_rectify_an_outlet(org, page_as, tmp_path):
    today = timezone.localdate()
    late = board(org, last=100)  # a red row in the list
    do_record_outlet_update(org.staff, late, date=days_ago(100), summary="更新“学习贯彻党的二十届四中全会精神”专栏")
    do_create_outlet(org.staff, org_unit=org.city, name="编办工作群", kind=OutletKind.WORK_GROUP,
                     responsible=org.cadre, frequency_days=UpdateFrequency.WEEKLY, last_updated_on=days_ago(3))
    staff = page_as(org.staff)

    staff.goto("/outlets/")
    staff.click("text=＋ 登记阵地")
    fill_form(staff, name="市委编办微信公众号", kind="wechat", account="微信号：sjgbz2026", responsible=org.staff.pk,
              frequency_days=UpdateFrequency.WEEKLY, last_updated_on=days_ago(2).isoformat())
    screenshot(staff, "outlets-register-form")
    submit(staff)
    staff.wait_for_selector("text=已登记阵地“市委编办微信公众号”")
    outlet = Outlet.objects.get(name="市委编办微信公众号")
    assert "正常运行" in staff.inner_text("[data-testid=outlet-status]")

    staff.click("main .outlet-actions >> text=登记检查")
    staff.check("input[name=result][value=issues]")
    fill_form(staff, findings="3月5日推文将“四个意识”表述顺序写错",
              rectification="删除原文，更正后重新推送，并在审核流程中增加校对环节",
              rectify_by=(today + timedelta(days=7)).isoformat())
    screenshot(staff, "outlets-inspection-form")
    submit(staff)
    staff.wait_for_selector("[data-testid=outlet-alert]")
    assert "整改中" in staff.inner_text("[data-testid=outlet-status]")
    assert "表述顺序写错" in staff.inner_text("[data-testid=outlet-alert]")
    screenshot(staff, "outlets-outlet-rectifying")

    staff.goto("/outlets/")
    assert staff.inner_text("[data-testid=kpi-rectifying]") == "1"
    assert staff.inner_text("[data-testid=kpi-overdue]") == "1"
    late_row = staff.locator("tr[data-outlet='机关宣传栏']")
    assert "overdue-row" in late_row.get_attribute("class") and "逾期8天" in late_row.inner_text()
    color = staff.evaluate("getComputedStyle(document.querySelector(\"tr[data-outlet='机关宣传栏'] .due-late\")).color")
    assert color == "rgb(183, 28, 28)"
    screenshot(staff, "outlets-register-list")

    staff.goto(f"/outlets/{outlet.pk}/")
    staff.click("text=登记整改完成")
    staff.fill("#id_note", "已删除原文并重新推送更正后的文章；审核流程增加“三校”环节。")
    submit(staff)
    staff.wait_for_selector("text=已登记整改完成")
    assert "正常运行" in staff.inner_text("[data-testid=outlet-status]")
    assert staff.locator("[data-testid=outlet-alert]").count() == 0
    assert "已整改" in staff.inner_text("[data-testid=inspections]")

    # 登记更新 with a photo on the board, which clears its red row.
    photo = tmp_path / "宣传栏.png"
    photo.write_bytes(png_bytes(320, 200))
    staff.goto(f"/outlets/{late.pk}/update/")
    staff.fill("#id_summary", "更换“机构编制工作高质量发展”主题展板6块")
    staff.set_input_files("#id_evidence_files", str(photo))
    submit(staff)
    staff.wait_for_selector("text=已登记更新")
    assert staff.locator("[data-testid=history] .update-photos img").count() == 1
    screenshot(staff, "outlets-outlet-detail")
    staff.click("summary:has-text('标记整改')")
    staff.wait_for_selector("form[action$='/flag/'] #id_reason")
    screenshot(staff, "outlets-flag-popup")
    late.refresh_from_db()
    assert late.last_updated_on == today


def test_staff_reopen_a_closed_outlet(org, page_as):
    from ideowork.outlets.actions.outlets import do_close_outlet
    from ideowork.outlets.choices import OutletStatus

    outlet = board(org, last=20)
    do_close_outlet(org.staff, outlet, reason="宣传栏随办公楼改造拆除")
    staff = page_as(org.staff)
    staff.goto(f"/outlets/{outlet.pk}/")
    staff.click("[data-testid=reopen] summary")
    staff.fill("#id_reopen_reason", "改造完成，宣传栏已在一楼大厅重新安装")
    screenshot(staff, "outlets-outlet-reopen")
    staff.locator("[data-testid=reopen] button[type=submit]").click()
    staff.wait_for_load_state()
    assert "已恢复运行" in staff.inner_text("main")
    assert staff.inner_text("[data-testid=outlet-status]") == "正常运行"
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.NORMAL
    screenshot(staff, "outlets-outlet-reopened")
