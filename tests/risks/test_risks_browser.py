"""In a real browser: the staff register a risk, record progress with an evidence photo, ask for
close-out; the section chief passes it and the leader confirms the close-out (销号). Screenshots of
the register, the risk, the heat map, the as-of view and the matrix at desktop and phone sizes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, do_decide, open_review
from ideowork.risks.models import Risk
from tests.conftest import PHONE, screenshot
from tests.ledger.files import png_bytes
from tests.risks.browser import fill_risk, submit
from tests.risks.builders import make_risk

pytestmark = pytest.mark.browser


def test_a_risk_from_registration_to_close_out(org, page_as, tmp_path):
    make_risk(org, title="编制调整政策解读不到位引发误解", likelihood=3, impact=3)
    make_risk(org, unit=org.county_a, actor=org.county_staff, title="县区机构改革人员安置舆论风险", likelihood=2,
              impact=5)
    staff = page_as(org.staff)
    staff.goto("/risks/")
    staff.click("text=＋ 登记风险")
    fill_risk(staff, "机构改革期间转隶人员思想波动", impact=5, measures="逐一谈心谈话，讲清政策；建立思想动态周报告制度。",
              owner=org.staff.pk, deadline=(timezone.localdate() + timedelta(days=60)).isoformat())
    screenshot(staff, "risks-form")
    submit(staff)
    staff.wait_for_selector("text=已登记风险“机构改革期间转隶人员思想波动”（重大）")
    risk = Risk.objects.get(title="机构改革期间转隶人员思想波动")
    assert "申请销号前须在整改进展中上传佐证材料" in staff.inner_text("main")

    photo = tmp_path / "谈心谈话记录.png"
    photo.write_bytes(png_bytes(320, 200))
    staff.fill("[data-testid=progress-form] textarea[name=text]", "已与转隶人员谈心谈话23人次，形成思想动态报告。")
    staff.set_input_files("[data-testid=progress-form] input[type=file]", str(photo))
    submit(staff, "[data-testid=progress-form]")
    staff.wait_for_selector("text=已登记整改进展")
    assert "谈心谈话记录.png" in staff.inner_text("[data-testid=progress]")
    staff.once("dialog", lambda dialog: dialog.accept())
    staff.click("button:has-text('申请销号')")
    staff.wait_for_selector("text=已提交销号申请")
    assert "待销号" in staff.inner_text("main .page-head")
    screenshot(staff, "risks-detail-closing")

    review = open_review(risk)
    stage = active_stage(review)
    do_decide(org.section_chief, review, stage_id=stage.pk, version=review.version, decision="approve")

    leader = page_as(org.deputy)
    leader.goto(risk.get_absolute_url())
    leader.locator("[data-testid=review-decide]").get_by_label("通过", exact=True).check()
    leader.click("[data-testid=review-decide] button[type=submit]")
    leader.wait_for_selector("text=审核意见已提交")
    assert "已销号" in leader.inner_text("main .page-head")
    assert "销号" in leader.inner_text("[data-testid=history]")
    screenshot(leader, "risks-detail-closed")

    leader.goto("/risks/")
    leader.wait_for_selector("[data-testid=risks]")
    screenshot(leader, "risks-register")
    leader.goto("/risks/heatmap/")
    assert leader.inner_text("[data-testid=cell-3-3] .count") == "1"
    screenshot(leader, "risks-heatmap")
    leader.click("[data-testid=cell-3-3]")
    leader.wait_for_selector("text=编制调整政策解读不到位引发误解")
    leader.goto("/risks/as-of/")
    leader.wait_for_selector("[data-testid=asof]")
    screenshot(leader, "risks-asof")
    leader.goto("/risks/matrix/")
    screenshot(leader, "risks-matrix")

    phone = page_as(org.staff, viewport=PHONE)
    for path, name in (("/risks/", "register"), (risk.get_absolute_url(), "detail"), ("/risks/heatmap/", "heatmap"),
                       ("/risks/as-of/", "asof"), ("/risks/matrix/", "matrix")):
        phone.goto(path)
        phone.wait_for_selector("main h1")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a phone"
        screenshot(phone, f"risks-{name}-phone")
