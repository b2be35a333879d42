"""The item page: editing the item, adding, changing and deleting a target, and the progress panel."""

import pytest

from ideowork.core.models import AuditEvent
from ideowork.plans.models import Target
from tests.conftest import screenshot
from tests.factories import make_plan

pytestmark = pytest.mark.browser


def test_staff_maintains_an_items_targets_on_its_page(org, page_as):
    plan = make_plan(org.city)
    item = plan.items.get(number=3)
    page = page_as(org.staff)
    page.goto(f"/plans/items/{item.pk}/")
    assert page.locator("[data-testid=item-progress]").count() == 1
    page.click("text=添加指标")
    page.fill("#id_text", "每半年开展1次应急预案修订")
    page.fill("#id_count", "0")
    page.locator("main form[method=post] button[type=submit]").first.click()
    assert page.locator(".error, .form-errors").count() > 0  # count must be at least 1
    screenshot(page, "plans-target-add-error")
    page.fill("#id_count", "1")
    page.select_option("#id_period", "halfyear")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_url(f"**/plans/items/{item.pk}/**")
    added = Target.objects.get(item=item, text="每半年开展1次应急预案修订")
    assert added.period == "halfyear"
    page.locator("tr", has_text="每半年开展1次应急预案修订").locator("text=修改").click()
    page.fill("#id_count", "2")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_url(f"**/plans/items/{item.pk}/**")
    added.refresh_from_db()
    assert added.count == 2
    page.locator("tr", has_text="每半年开展1次应急预案修订").locator("text=删除").click()
    page.click("text=确认删除")
    page.wait_for_url(f"**/plans/items/{item.pk}/**")
    assert not Target.objects.filter(pk=added.pk).exists()
    page.click("text=修改条目")
    page.fill("#id_title", "完善应急处置预案体系（修订）")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("h1:has-text('完善应急处置预案体系（修订）')")
    screenshot(page, "plans-item")
    events = set(AuditEvent.objects.filter(actor=org.staff).values_list("event_type", flat=True))
    assert {"plans.target.add", "plans.target.update", "plans.target.delete", "plans.item.update"} <= events
