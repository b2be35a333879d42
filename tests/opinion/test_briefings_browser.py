"""In a real browser: the monitoring staff generate today's daily briefing from the menu, open it, follow
a statement to the items behind it, download the Word file; the head issues it and sees the opinion
card on the office dashboard; the pages fit a 390×844 phone."""

import io

import pytest
from docx import Document

from ideowork.opinion.models import Briefing
from tests.conftest import OVERFLOW, PHONE, screenshot
from tests.factories import make_plan

from .briefing_builders import Watch, make_event

pytestmark = pytest.mark.browser


def test_staff_generate_open_and_download_a_briefing_and_the_head_issues_it(org, page_as):
    watch = Watch(org.city)
    items = [watch.item("编办咨询电话变更", sentiment="negative", outlet=outlet)
             for outlet in ("本地论坛", "某短视频平台", "市融媒体中心")]
    for sentiment in ("neutral", "neutral", "positive"):
        watch.item(sentiment=sentiment)
    make_event(org.city, items, grade="2", status="handling", assigned=org.county_a)

    staff = page_as(org.staff)
    staff.goto("/")
    staff.locator("nav#main-menu").get_by_role("link", name="舆情简报").click()
    staff.wait_for_selector("[data-testid=generate-form]")
    staff.select_option("#id_kind", "daily")
    screenshot(staff, "opinion-briefing-list")
    staff.locator("[data-testid=generate-form] button[type=submit]").click()
    staff.wait_for_selector("[data-testid=briefing-paper]")
    briefing = Briefing.objects.get()
    assert "已生成舆情日报" in staff.inner_text("main")
    assert staff.inner_text("[data-testid=total]") == "6条"
    staff.wait_for_selector(".briefing-chart svg")   # the web view's chart drawn
    screenshot(staff, "opinion-briefing-detail")

    staff.locator("[data-testid=statement]", has_text="负面信息3条，需逐条核实").locator("[data-testid=basis-link]").first.click()
    staff.wait_for_selector("[data-testid=basis-table]")
    assert staff.locator("[data-testid=basis-table] tbody tr").count() == 3
    screenshot(staff, "opinion-briefing-basis")
    staff.go_back()

    with staff.expect_download() as download:
        staff.click("[data-testid=download-docx]")
    document = Document(io.BytesIO(open(download.value.path(), "rb").read()))
    assert "二、重点事件" in [p.text for p in document.paragraphs]

    head = page_as(org.principal)
    head.on("dialog", lambda dialog: dialog.accept())
    head.goto(f"/opinion/briefings/{briefing.pk}/")
    head.click("[data-testid=issue]")
    head.wait_for_selector("text=简报已签发")
    briefing.refresh_from_db()
    assert briefing.issued and "已签发" in head.inner_text("[data-testid=briefing-state]")

    phone = page_as(org.staff, viewport=PHONE)
    for url in ["/opinion/briefings/", f"/opinion/briefings/{briefing.pk}/", f"/opinion/briefings/{briefing.pk}/basis/?s=0"]:
        assert phone.goto(url).status == 200
        assert phone.evaluate(OVERFLOW) <= 0, url
    phone.goto(f"/opinion/briefings/{briefing.pk}/")
    screenshot(phone, "opinion-briefing-detail-phone")

    # The office dashboard's opinion card: today's items, the negative share, the events in hand.
    make_plan(org.city, creator=org.staff)
    head.goto("/office/")
    card = head.locator("[data-testid=opinion-card]")
    assert card.locator("[data-testid=today-items]").inner_text() == "6"
    assert card.locator("[data-testid=negative-share]").inner_text() == "50%"
    card.scroll_into_view_if_needed()
    card.screenshot(path=str(screenshot(head, "opinion-dashboard").with_name("opinion-dashboard-card.png")))
