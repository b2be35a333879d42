"""In a real browser: outward material with no outlet goes through the organ's own publishing flow
(not a built-in one), and once it is used the requests to decide are all closed."""

import pytest

from ideowork.core.actions.reviews import do_save_flow
from ideowork.core.models import Notification
from ideowork.core.models.reviews import Review
from ideowork.outlets.models import ContentItem
from tests.conftest import screenshot

from .test_content_browser import review, write_draft

pytestmark = pytest.mark.browser


def test_outward_material_without_an_outlet_takes_the_organs_flow(org, page_as, client):
    do_save_flow(org.staff, None, org_unit=org.city, name="本办对外材料审核", purpose="publish", is_default=True, steps=[
        {"name": "科室把关", "kind": "review", "role": "section_chief", "due_days": 2, "signs": False},
        {"name": "领导签发", "kind": "review", "role": "head", "due_days": 2, "signs": True}])

    cadre = page_as(org.cadre)
    write_draft(cadre, "市委编办机构编制工作情况介绍", "市委编办坚持以人民为中心，扎实推进机构编制各项工作。", kind="external")
    cadre.wait_for_selector("[data-testid=submit-review]")
    cadre.click("[data-testid=submit-review]")
    cadre.wait_for_selector("[data-testid=stage-科室把关]")
    content = ContentItem.objects.get()
    assert content.outlet is None and Review.objects.get().flow_name == "本办对外材料审核"
    assert cadre.locator("[data-testid^=stage-]").count() == 2

    review(page_as(org.section_chief), content.get_absolute_url())
    head = page_as(org.principal)
    review(head, content.get_absolute_url())
    screenshot(head, "outward-material-approved")

    staff = page_as(org.staff)
    staff.goto(f"/outlets/content/{content.pk}/publish/")
    staff.fill("#id_where", "报送省委编办")
    staff.click("button:has-text('确认发布')")
    staff.wait_for_selector("text=已发布")
    content.refresh_from_db()
    assert content.status == "published"
    assert not Notification.objects.filter(kind="review", title__startswith="待审核", read_at__isnull=True).exists()
