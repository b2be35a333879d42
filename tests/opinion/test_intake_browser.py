"""In a real browser: a staff member creates a source, imports a CSV choosing the column mapping,
sees the items in the list and opens one; the pages fit a 390px phone."""

import pytest

from ideowork.opinion.models import Item, Source
from tests.conftest import OVERFLOW, PHONE, screenshot

from .factories import make_scheme

pytestmark = pytest.mark.browser

CSV = ("信息标题,摘要,URL,时间,站点,作者ID\n"
       "城东区完成老旧小区改造,改造惠及居民两千户，小区加装电梯十二部。咨询电话13812345678,https://news.example.cn/1,2026-12-01 09:00,市融媒体中心,u001\n"
       "高新区新建三所学校,秋季学期投入使用，新增学位四千个。,https://news.example.cn/2,2026-12-02 10:30,市日报,u002\n"
       ",缺少标题的一行,https://news.example.cn/3,2026-12-02,市日报,u003\n")


def test_staff_create_a_source_import_a_csv_and_read_an_item(org, page_as, tmp_path):
    make_scheme(org.city, name="教育关注", expression="学校|学位")
    staff = page_as(org.staff)
    staff.goto("/opinion/sources/")
    staff.click("text=＋ 新建来源")
    staff.fill("#id_name", "舆情服务导出")
    staff.select_option("#id_kind", "import")
    staff.select_option("#id_level", "social")
    screenshot(staff, "opinion-source-form")
    staff.locator("main form[method=post] button[type=submit]").first.click()
    staff.wait_for_selector("text=已新建信息来源“舆情服务导出”")
    source = Source.objects.get(name="舆情服务导出")

    staff.click("main >> text=导入文件")
    path = tmp_path / "export.csv"
    path.write_bytes(CSV.encode("gb18030"))
    staff.set_input_files("#id_file", str(path))
    staff.click("text=上传并预览")
    staff.wait_for_selector("[data-testid=mapping-form]")
    # Pre-filled from the headers; the author id column is offered but not chosen.
    assert staff.input_value("#id_title") == "信息标题" and staff.input_value("#id_text") == "摘要"
    staff.select_option("#id_published", "时间")
    staff.select_option("#id_outlet", "站点")
    screenshot(staff, "opinion-import-mapping")
    staff.click("button[name=confirm]")
    staff.wait_for_selector("[data-testid=import-result]")
    assert staff.inner_text("[data-testid=created]") == "2"
    assert "第4行：缺少标题。" in staff.inner_text("[data-testid=import-errors]")
    screenshot(staff, "opinion-import-result")
    source.refresh_from_db()
    assert source.column_mapping["published"] == "时间"

    staff.click("text=查看信息")
    staff.wait_for_selector("[data-testid=item-table] tr[data-item]")
    assert staff.locator("[data-testid=item-table] tr[data-item]").count() == 2
    screenshot(staff, "opinion-item-list")
    staff.click("text=高新区新建三所学校")
    staff.wait_for_selector("[data-testid=item-title]")
    assert "教育关注" in staff.inner_text("[data-testid=item-schemes]")
    screenshot(staff, "opinion-item-page")
    masked = Item.objects.get(title="城东区完成老旧小区改造")
    staff.goto(f"/opinion/items/{masked.pk}/")
    assert "138****5678" in staff.inner_text("[data-testid=item-text]")

    phone = page_as(org.staff, viewport=PHONE)
    for url in ["/opinion/sources/", f"/opinion/sources/{source.pk}/", "/opinion/items/",
                f"/opinion/items/{masked.pk}/", f"/opinion/sources/{source.pk}/import/", "/opinion/sources/new/"]:
        assert phone.goto(url).status == 200
        assert phone.evaluate(OVERFLOW) <= 0, url
    phone.goto("/opinion/items/")
    screenshot(phone, "opinion-item-list-phone")
    phone.goto(f"/opinion/items/{masked.pk}/")
    screenshot(phone, "opinion-item-page-phone")
