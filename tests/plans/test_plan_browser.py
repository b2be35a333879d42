"""A member of staff imports the year's work plan, corrects it, assigns an item and exports the list."""

import pytest
from openpyxl import load_workbook

from ideowork.plans.models import Assignment, Target, WorkPlan
from tests.conftest import screenshot
from tests.plans._helpers import SEED_000, preview_import, save_import

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_staff_imports_corrects_assigns_and_exports(org, page_as, tmp_path):
    page = page_as(org.staff)
    page.goto("/plans/import/")
    page.get_by_role("link", name="导入工作要点").first.wait_for()
    screenshot(page, "plans-import")

    preview_import(page, SEED_000)
    assert page.locator("[data-testid=preview-item]").count() == 24
    assert page.locator(".preview-item mark.target").count() >= 10
    page.fill("input[name=i24-title]", "完善意识形态工作保障机制（修订）")
    # The parser reads 全年集中学习不少于12次; the office decides on 15 this year.
    page.fill("input[name=i1t2-count]", "15")
    save_import(page, "plans-preview")
    plan = WorkPlan.objects.get()
    assert Target.objects.get(item__plan=plan, text="全年集中学习不少于12次").count == 15
    assert plan.items.get(number=24).title == "完善意识形态工作保障机制（修订）"
    screenshot(page, "plans-plan")

    page.click("text=深化理论武装体系建设")
    page.wait_for_selector("mark.target")
    screenshot(page, "plans-item")
    page.click("text=编辑分工")
    page.select_option("#id_lead_unit", label="　综合科")
    page.check(f"#id_cooperating_units input[value='{org.office.pk}']")
    page.select_option("#id_first_responsible", value=str(org.principal.pk))
    page.select_option("#id_direct_responsible", value=str(org.deputy.pk))
    page.select_option("#id_specific_responsible", value=str(org.section_chief.pk))
    page.fill("#id_deadline", "2026-12-31")
    page.fill("#id_measures", "按月组织中心组集中学习，年底前形成学习成果汇编。")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已保存")
    assignment = Assignment.objects.get(item__number=1)
    assert assignment.lead_unit == org.theory and assignment.specific_responsible == org.section_chief

    page.goto("/plans/responsibility/")
    page.wait_for_selector("[data-testid=resp-row]")
    assert page.locator("[data-testid=resp-row]").count() == 24
    screenshot(page, "plans-responsibility")
    with page.expect_download() as info:
        page.click("[data-testid=export-xlsx]")
    path = tmp_path / "list.xlsx"
    info.value.save_as(path)
    assert info.value.suggested_filename.endswith("2026年意识形态工作责任清单.xlsx")
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "2026年意识形态工作责任清单" and len(rows) == 26
    assert rows[2][4] == "综合科\n配合：秘书科"


@pytest.mark.django_db(transaction=True)
def test_bulk_assignment_in_the_browser(org, page_as):
    from tests.factories import make_plan

    plan = make_plan(org.city)
    page = page_as(org.staff)
    page.goto("/plans/responsibility/")
    page.check("[data-check-all]")
    page.select_option("#bulk-form select[name=lead_unit]", value=str(org.office.pk))
    page.fill("#bulk-form input[name=deadline]", "2026-11-30")
    page.click("text=应用到所选条目")
    page.wait_for_selector("text=已为3个条目设置责任分工。")
    assert Assignment.objects.filter(item__plan=plan, lead_unit=org.office).count() == 3
    screenshot(page, "plans-responsibility-bulk")
