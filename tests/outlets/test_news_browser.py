"""In a real browser: the publicity staff removes a press conference recorded by mistake (after a
confirmation), and an expert who interpreted a policy is kept in the library as 已出库."""

import pytest

from ideowork.outlets.models import Expert, PressConference
from tests.conftest import screenshot

from .publicity_builders import build_publicity_demo, plan_with_media_target

pytestmark = pytest.mark.browser


def test_staff_deletes_news_records_after_confirming(org, page_as):
    plan_with_media_target(org)
    build_publicity_demo(org)
    page = page_as(org.staff)
    conference = PressConference.objects.order_by("pk").first()
    page.goto(conference.get_absolute_url())
    screenshot(page, "outlets-press-detail-delete")
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()
    page.once("dialog", dismiss)
    page.click("main button.danger")
    assert dialogs and "删除该新闻发布会记录" in dialogs[0]
    assert PressConference.objects.filter(pk=conference.pk).exists()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("main button.danger")
    page.wait_for_url("**/outlets/press/")
    assert f"已删除“{conference.title}”" in page.inner_text("main")
    assert not PressConference.objects.filter(pk=conference.pk).exists()
    screenshot(page, "outlets-press-list-after-delete")

    expert = Expert.objects.filter(interpretations__isnull=False).distinct().first()
    page.goto("/outlets/experts/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-testid=experts] tr", has_text=expert.name).locator("button.danger").click()
    page.wait_for_load_state()
    assert "已改为“已出库”" in page.inner_text("main")
    expert.refresh_from_db()
    assert not expert.active
    screenshot(page, "outlets-expert-list-after-delete")
