"""Importing a notice without numbered items: candidate paragraphs, corrected and saved in the browser."""

import pytest

from ideowork.plans.models import Target, WorkPlan
from tests.conftest import screenshot
from tests.plans._helpers import preview_import, save_import
from tests.plans._unnumbered import NOTICE, NOTICE_ITEMS

pytestmark = pytest.mark.browser


def test_staff_imports_an_unnumbered_notice_as_candidate_paragraphs(org, page_as, tmp_path):
    notice = tmp_path / "理论学习通知.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    page = page_as(org.staff)
    page.goto("/plans/import/")
    preview_import(page, notice)
    assert "未识别到编号结构，已按段落列出候选条目，请核对、修改后保存" in page.locator(
        "[data-testid=paragraphs-notice]").inner_text()
    assert page.locator("[data-testid=preview-item]").count() == len(NOTICE_ITEMS)
    assert [page.input_value(f"input[name=i{n}-title]") for n in (1, 2, 3)] == NOTICE_ITEMS
    page.fill("input[name=i1-title]", "每月集中学习")
    save_import(page, "plans-import-paragraphs")
    plan = WorkPlan.objects.get()
    assert plan.title == "关于加强2026年度理论学习的通知"
    assert list(plan.items.order_by("number").values_list("title", flat=True)) == ["每月集中学习", *NOTICE_ITEMS[1:]]
    assert Target.objects.filter(item__plan=plan).count() == 3
    screenshot(page, "plans-import-paragraphs-saved")
