"""A member of staff records a study session in a real browser."""

import pytest

from ideowork.core.models import Attachment
from ideowork.ledger.models import Activity, Evidence, TargetCredit
from tests.conftest import screenshot

from .browser import fill_form
from .files import png_bytes

pytestmark = pytest.mark.browser


def fill_study_session(page, org):
    page.goto("/ledger/new/")
    fill_form(page, kind="study", date="2026-03-10")
    page.dispatch_event("#id_date", "change")
    fill_form(page, title="3月份理论学习中心组集中学习", place="三楼会议室", host="张主任",
              summary="集中学习党的二十届四中全会精神，交流研讨学习体会。")
    for person in (org.staff, org.cadre, org.section_chief):
        page.check(f"#id_participants input[value='{person.pk}']")


def test_staff_records_a_study_session_with_a_photo(org, page_as, targets, tmp_path):
    photo = tmp_path / "学习现场.png"
    photo.write_bytes(png_bytes(640, 400))
    page = page_as(org.staff)
    fill_study_session(page, org)
    monthly = page.locator(f'input[name=targets][value="{targets["monthly_study"].pk}"]')
    monthly.wait_for()
    page.wait_for_function(
        f'document.querySelector(\'input[name=targets][value="{targets["monthly_study"].pk}"]\').checked')
    assert "建议计入" in page.inner_text("#target-choices")
    page.set_input_files("#id_evidence_files", str(photo))
    screenshot(page, "ledger-form")
    page.click("button:has-text('登记')")
    page.wait_for_selector("text=已登记活动")

    activity = Activity.objects.get()
    assert TargetCredit.objects.filter(activity=activity, target=targets["monthly_study"]).exists()
    image = page.locator(".evidence-thumb img")
    image.wait_for()
    # The thumbnail is lazy: wait until the browser has decoded it rather than reading it mid-load.
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert page.evaluate("img => img.naturalWidth", image.element_handle()) == 640
    assert "每月开展1次集中学习研讨" in page.inner_text("main")
    screenshot(page, "ledger-detail")

    page.click("text=返回台账")
    page.wait_for_selector(".ledger-table")
    assert "3月份理论学习中心组集中学习" in page.inner_text(".ledger-table")
    screenshot(page, "ledger-list")
    page.click("text=3月份理论学习中心组集中学习")
    page.wait_for_selector(".evidence-thumb img")


def test_bad_file_shows_the_chinese_error_and_saves_nothing(org, page_as, targets, tmp_path):
    impostor = tmp_path / "会议照片.png"
    impostor.write_text("这不是图片，是一段文字。", encoding="utf-8")
    page = page_as(org.staff)
    fill_study_session(page, org)
    page.set_input_files("#id_evidence_files", str(impostor))
    page.click("button:has-text('登记')")
    errors = page.locator(".form-errors")
    errors.wait_for()
    assert "文件“会议照片.png”的内容与扩展名不符" in errors.inner_text()
    # What was typed is kept; only the file must be chosen again.
    assert page.input_value("#id_title") == "3月份理论学习中心组集中学习"
    assert page.locator(f'input[name=targets][value="{targets["monthly_study"].pk}"]').is_checked()
    screenshot(page, "ledger-form-error")
    assert (Activity.objects.count(), Attachment.objects.count(), Evidence.objects.count()) == (0, 0, 0)
