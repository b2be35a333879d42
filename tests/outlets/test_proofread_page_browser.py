"""In a real browser: the city's publicity staff paste a text, see 习总书记 and 截止目前 marked, disable
the 截止目前 rule in the rule list, check again and that finding is gone."""

import pytest

from ideowork.outlets.actions.proofreading import do_sync_shipped_rules
from ideowork.outlets.models import ProofRule
from tests.conftest import screenshot

pytestmark = pytest.mark.browser

TEXT = ("关于进一步加强机构编制宣传工作的通知\n"
        "各县区委编办、机关各科室：\n"
        "　　习总书记强调，要坚持稳中求进工作总基调。截止目前，全市机构编制系统共编发工作简报12期，"
        "其它各项工作稳步推进。\n"
        "　　一、提高政治站位\n"
        "　　各单位要把宣传工作摆在更加突出的位置<script>alert(1)</script>。\n")


def marked(page) -> list[str]:
    return page.locator("[data-testid=highlighted] mark").all_inner_texts()


def check(page, text):
    page.goto("/outlets/proofread/")
    page.fill("#id_text", text)
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("[data-testid=proofread-result]")


def test_staff_check_a_text_then_disable_a_rule_and_check_again(org, page_as):
    do_sync_shipped_rules()
    page = page_as(org.staff)

    check(page, TEXT)
    found = marked(page)
    assert "习总书记" in found and "截止目前" in found
    first = page.locator("[data-testid=highlighted] mark", has_text="截止目前").first
    assert "截至目前" in first.get_attribute("title")
    assert "<script>alert(1)</script>" in page.inner_text("[data-testid=highlighted]")  # shown, never run
    assert "截至目前" in page.inner_text("[data-testid=findings]")
    screenshot(page, "outlets-proofread-checker")

    page.click("text=校对规则")
    page.fill("input[name=q]", "截止目前")
    page.locator("form[role=search] button[type=submit]").click()
    row = page.locator("[data-testid=rule-table] tr[data-rule='截止目前']")
    assert "启用" in row.inner_text()
    page.goto("/outlets/proofread/rules/")
    screenshot(page, "outlets-proofread-rules")
    page.fill("input[name=q]", "截止目前")
    page.locator("form[role=search] button[type=submit]").click()
    page.locator("[data-testid=rule-table] tr[data-rule='截止目前'] [data-testid=toggle]").click()
    page.wait_for_selector("text=规则“截止目前”已停用")
    assert "停用" in page.locator("[data-testid=rule-table] tr[data-rule='截止目前']").inner_text()
    assert not ProofRule.objects.get(pattern="截止目前").enabled

    check(page, TEXT)
    found = marked(page)
    assert "截止目前" not in found and "习总书记" in found


def test_staff_add_a_rule_and_import_a_file_with_bad_rows(org, page_as, tmp_path):
    page = page_as(org.county_staff)
    page.goto("/outlets/proofread/rules/")
    page.click("text=＋ 新增规则")
    page.select_option("#id_category", "confusable")
    page.fill("#id_pattern", "必需遵守")
    page.fill("#id_suggestion", "必须遵守")
    page.fill("#id_exceptions", "截止日期")  # does not contain the pattern: refused
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector(".has-error")
    assert "不包含查找内容“必需遵守”" in page.inner_text(".has-error")
    screenshot(page, "outlets-proofread-rule-form")
    page.fill("#id_exceptions", "")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("text=规则“必需遵守”已添加")
    assert ProofRule.objects.get(pattern="必需遵守").org_unit == org.county_a

    path = tmp_path / "规则.tsv"
    path.write_text("custom.a\t县里的词\ncustom.b\t坏\t\tfatal\nconfusable.c\t必需遵守\t必须遵守\n", encoding="utf-8")
    page.goto("/outlets/proofread/rules/import/")
    page.set_input_files("#id_file", str(path))
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("[data-testid=import-errors]")
    errors = page.inner_text("[data-testid=import-errors]")
    assert "第2行" in errors and "第3行" in errors and "第1行" not in errors
    assert not ProofRule.objects.filter(pattern="县里的词").exists()
    screenshot(page, "outlets-proofread-rule-import")
