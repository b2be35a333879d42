"""The dashboard's plan selector switches the dashboard, with no script blocked by the CSP."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import BrowserConsole, new_browser_page, screenshot
from tests.factories import make_plan

pytestmark = pytest.mark.browser


def test_choosing_another_plan_switches_the_dashboard(org, page_as, browser_console):
    year = timezone.localdate().year
    own = make_plan(org.city, year=year, title=f"{year}年市委编办意识形态工作要点")
    county = make_plan(org.county_a, year=year, title=f"{year}年甲县委编办意识形态工作要点")
    page = page_as(org.principal)
    page.goto("/")
    expect(page.locator("h1")).to_contain_text(own.title)
    page.wait_for_selector(".chart svg")
    assert browser_console.errors == []  # in particular no CSP violation on the dashboard

    page.select_option("select[name=plan]", str(county.pk))
    page.wait_for_url(f"**/?plan={county.pk}")
    expect(page.locator("h1")).to_contain_text(county.title)
    expect(page.locator("select[name=plan]")).to_have_value(str(county.pk))
    page.wait_for_selector(".chart svg")
    screenshot(page, "reports-dashboard-other-plan")
    assert browser_console.errors == []


def test_a_blocked_inline_handler_would_be_caught(browser, live_server):
    """The console check itself: an inline handler, which the policy refuses, is reported."""
    console = BrowserConsole()
    page = new_browser_page(browser, console, live_server.url)
    try:
        page.goto("/login/")
        with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
            page.evaluate("""() => {
                const b = document.createElement('button');
                b.setAttribute('onclick', 'window.ran = 1');
                document.body.append(b);
                b.click();
            }""")
        assert page.evaluate("() => window.ran") is None
    finally:
        page.context.close()
    assert any("Content Security Policy" in e for e in console.errors), console.errors
    with pytest.raises(pytest.fail.Exception, match="Content Security Policy"):
        console.check()
