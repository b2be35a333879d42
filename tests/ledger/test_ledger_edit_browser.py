"""Changing a recorded activity: edit, add and remove evidence, delete."""

from datetime import date

import pytest

from ideowork.ledger.actions import do_record_activity
from ideowork.ledger.models import Activity, Evidence
from tests.conftest import screenshot
from tests.ledger.files import png_bytes

pytestmark = pytest.mark.browser


def test_staff_edits_adds_evidence_removes_it_and_deletes(org, page_as, tmp_path):
    activity = do_record_activity(org.staff, org_unit=org.office, kind="training", title="专题培训",
                                  date=date(2026, 4, 8))
    photo = tmp_path / "培训现场.png"
    photo.write_bytes(png_bytes())
    page = page_as(org.staff)
    page.goto(f"/ledger/{activity.pk}/")
    page.click("text=编辑")
    page.fill("#id_title", "意识形态专题培训（第一期）")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_url(f"**/ledger/{activity.pk}/")
    assert Activity.objects.get(pk=activity.pk).title == "意识形态专题培训（第一期）"
    page.set_input_files("form.evidence-add input[type=file]", str(photo))
    page.click("form.evidence-add button[type=submit]")
    page.wait_for_selector("img")
    assert Evidence.objects.filter(activity=activity).count() == 1
    screenshot(page, "ledger-detail-with-evidence")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("form[action*='/evidence/'][action$='/remove/'] button").first.click()
    page.wait_for_load_state()
    assert Evidence.objects.filter(activity=activity).count() == 0
    page.goto(f"/ledger/{activity.pk}/")
    page.click(f"a[href='/ledger/{activity.pk}/delete/']")
    page.click("text=确认删除")
    page.wait_for_url("**/ledger/**")
    assert not Activity.objects.filter(pk=activity.pk).exists()
