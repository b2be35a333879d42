"""Every page of the menu opens without a console error: no script blocked by the CSP, no missing favicon."""

import pytest
from django.utils import timezone

from tests.conftest import PHONE, screenshot
from tests.factories import make_plan

pytestmark = pytest.mark.browser


def menu_links(page) -> list[str]:
    return page.locator("nav.sidebar a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("who", ["principal", "cadre"])
def test_every_menu_page_opens_without_console_errors(org, page_as, browser_console, who):
    make_plan(org.city, year=timezone.localdate().year)
    user = getattr(org, who)
    page = page_as(user, viewport=PHONE if who == "cadre" else None)
    page.goto("/")
    links = menu_links(page)
    assert len(links) >= 5
    for href in dict.fromkeys(links):
        response = page.goto(href)
        assert response.status == 200, href
        page.wait_for_load_state("load")
        assert browser_console.errors == [], href
        if who == "cadre":
            name = href.strip("/").replace("/", "-") or "home"
            screenshot(page, f"phone-cadre-{name}")
