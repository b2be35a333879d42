"""The phone shell: at a phone's width every menu page fits the screen, and the 菜单 control and the
bottom bar take a person everywhere the side menu does on a desk."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from ideowork.core.menu import menu_for
from ideowork.ledger.actions import do_record_activity
from tests.conftest import OVERFLOW, PHONE, screenshot
from tests.factories import make_plan

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 360, "height": 740}
ROLES = ["principal", "deputy", "section_chief", "staff", "supervisor", "cadre", "sysadmin", "secadmin", "auditor"]


def fill(org):
    """A plan and an activity, so that lists and dashboards have rows to lay out."""
    year = timezone.localdate().year
    plan = make_plan(org.city, year=year, title=f"{year}年市委编办意识形态工作要点（含理论学习、阵地管理与应急处置）")
    activity = do_record_activity(org.staff, org_unit=org.office, kind="study",
                                  title="集中学习研讨习近平新时代中国特色社会主义思想", date=timezone.localdate())
    return plan, activity


def menu_urls(user) -> list[str]:
    return list(dict.fromkeys(e["url"] for section in menu_for(user) for e in section["entries"]))


def overflowing_pages(page, urls) -> list[str]:
    wide = []
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        excess = page.evaluate(OVERFLOW)
        if excess > 0:
            wide.append(f"{url} (+{excess}px)")
    return wide


def open_menu(page):
    toggle = page.get_by_role("button", name="菜单", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.tap()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    drawer = page.locator("#" + toggle.get_attribute("aria-controls"))
    expect(drawer).to_be_visible()
    return drawer


@pytest.mark.parametrize("viewport", [PHONE, SMALL_PHONE], ids=["390", "360"])
@pytest.mark.parametrize("who", ROLES)
def test_no_menu_page_is_wider_than_the_phone(org, page_as, who, viewport):
    fill(org)
    user = getattr(org, who)
    urls = menu_urls(user)
    assert len(urls) >= 3
    page = page_as(user, viewport=viewport)
    wide = overflowing_pages(page, urls)
    assert not wide, "wider than the phone:\n" + "\n".join(wide)
    # The 菜单 control opens a drawer listing the whole menu, on the last page visited.
    drawer = open_menu(page)
    listed = drawer.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert set(urls) <= set(listed)
    expect(drawer.get_by_role("link", name=menu_for(user)[0]["entries"][0]["label"], exact=True)).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0


def test_record_pages_fit_the_phone(org, page_as):
    """Beyond the menu: a plan, its item, an activity, the form to record one, the progress report."""
    plan, activity = fill(org)
    item = plan.items.order_by("order").first()
    urls = [reverse("plans:plan", args=[plan.pk]), reverse("plans:item", args=[item.pk]),
            reverse("plans:responsibility"), reverse("ledger:detail", args=[activity.pk]), reverse("ledger:create"),
            reverse("reports:progress")]
    page = page_as(org.staff, viewport=SMALL_PHONE)
    wide = overflowing_pages(page, urls)
    assert not wide, "wider than the phone:\n" + "\n".join(wide)


def test_a_cadre_moves_around_by_the_menu_and_the_bottom_bar(org, page_as):
    page = page_as(org.cadre, viewport=PHONE)
    page.goto("/learning/")
    tabbar = page.get_by_role("navigation", name="常用")
    expect(tabbar.locator("a[aria-current=page]")).to_have_text("首页")
    # The sidebar is a closed drawer: its entries are not on the screen until 菜单 is tapped.
    expect(page.locator("#main-menu").get_by_role("link", name="积分排行")).to_be_hidden()
    drawer = open_menu(page)
    drawer.get_by_role("link", name="积分排行").tap()
    page.wait_for_url("**/learning/rankings/")
    expect(page.get_by_role("button", name="菜单", exact=True)).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#main-menu a[aria-current=page]")).to_have_text("积分排行")
    # A tab of the bottom bar.
    tabbar.get_by_role("link", name="答题").tap()
    page.wait_for_url("**/learning/quizzes/")
    expect(tabbar.locator("a[aria-current=page]")).to_have_text("答题")
    # The last card of the page is not hidden under the bottom bar: the page scrolls it clear.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    bar_top = tabbar.bounding_box()["y"]
    content_bottom = page.evaluate(
        "document.querySelector('main.content').lastElementChild.getBoundingClientRect().bottom")
    assert content_bottom <= bar_top


def test_the_drawer_closes_on_escape_and_on_a_tap_outside(org, page_as):
    page = page_as(org.staff, viewport=PHONE)
    page.goto("/ledger/")
    toggle = page.get_by_role("button", name="菜单", exact=True)
    drawer = open_menu(page)
    expect(drawer.locator("a[aria-current=page]")).to_have_text("工作台账")
    expect(drawer.locator("a[aria-current=page]")).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(drawer).to_be_hidden()
    expect(toggle).to_be_focused()
    open_menu(page)
    page.touchscreen.tap(370, 600)  # beside the drawer
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(drawer).to_be_hidden()


def test_the_menu_opens_without_javascript(org, page_as):
    page = page_as(org.cadre, viewport=PHONE, javascript=False)
    page.goto("/learning/")
    drawer = page.locator("#main-menu")
    expect(drawer.get_by_role("link", name="积分排行")).to_be_hidden()
    page.get_by_role("button", name="菜单", exact=True).tap()
    expect(drawer.get_by_role("link", name="积分排行")).to_be_visible()
    drawer.get_by_role("button", name="关闭").tap()
    expect(drawer.get_by_role("link", name="积分排行")).to_be_hidden()
    page.get_by_role("button", name="菜单", exact=True).tap()
    drawer.get_by_role("link", name="积分排行").tap()
    page.wait_for_url("**/learning/rankings/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_an_address_ending_in_the_menu_leaves_the_script_in_charge(org, page_as):
    page = page_as(org.cadre, viewport=PHONE)
    page.goto("/learning/#main-menu")
    toggle = page.get_by_role("button", name="菜单", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#main-menu").get_by_role("link", name="积分排行")).to_be_hidden()
    open_menu(page)
    page.keyboard.press("Escape")
    expect(page.locator("#main-menu").get_by_role("link", name="积分排行")).to_be_hidden()
    toggle.focus()
    page.keyboard.press(" ")  # a role="button" link answers Space
    expect(toggle).to_have_attribute("aria-expanded", "true")


def test_the_ledger_filters_fold_on_a_phone(org, page_as):
    page = page_as(org.staff, viewport=PHONE)
    page.goto("/ledger/")
    conditions = page.locator("details.more-filters")
    kind = page.locator("select[name=kind]")
    expect(conditions.locator("summary")).to_have_text("筛选条件")
    expect(kind).to_be_hidden()  # folded: the list is on the first screen
    expect(page.get_by_role("button", name="查询")).to_be_visible()
    conditions.locator("summary").tap()
    expect(kind).to_be_visible()
    kind.select_option(index=1)
    page.get_by_role("button", name="查询").tap()
    page.wait_for_url("**/ledger/?*kind=*")
    expect(conditions.locator("summary")).to_have_text("筛选条件已选1项")
    expect(page.locator("select[name=kind]")).to_be_visible()  # set conditions stay in view
    assert page.evaluate(OVERFLOW) <= 0


def test_the_desk_shows_the_ledger_filters_open(org, page_as):
    page = page_as(org.staff)
    page.goto("/ledger/")
    expect(page.locator("select[name=kind]")).to_be_visible()
    expect(page.locator("details.more-filters summary")).to_be_hidden()


# Chart labels cut at the card's edge: outside the chart's box, or shortened by ECharts with "...".
CHART_TEXT_CUT = r"""(el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll("svg text")].filter((t) => t.textContent.trim()).filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < box.left - 1 || r.right > box.right + 1 || /\.\.\.|…/.test(t.textContent);
    }).map((t) => t.textContent);
}"""


def test_the_office_charts_keep_their_labels_inside_on_a_phone(org, page_as):
    fill(org)
    page = page_as(org.principal, viewport=PHONE)
    page.goto("/office/")
    charts = page.locator("[data-chart-id]")
    expect(charts.first.locator("svg text").first).to_be_attached()
    for n in range(charts.count()):
        assert charts.nth(n).evaluate(CHART_TEXT_CUT) == [], n


def test_the_desk_keeps_its_sidebar(org, page_as):
    page = page_as(org.staff)
    page.goto("/ledger/")
    expect(page.locator("nav.sidebar")).to_be_visible()
    expect(page.get_by_role("button", name="菜单", exact=True)).to_be_hidden()
    expect(page.get_by_role("navigation", name="常用")).to_be_hidden()
    expect(page.locator("nav.sidebar a[aria-current=page]")).to_have_text("工作台账")


def test_screenshots_at_phone_size(org, page_as):
    fill(org)
    for user, url, name in [(org.principal, "/", "phone-head-dashboard"), (org.staff, "/ledger/", "phone-staff-ledger"),
                            (org.cadre, "/learning/", "phone-cadre-learning-home")]:
        page = page_as(user, viewport=PHONE)
        page.goto(url)
        expect(page.get_by_role("button", name="菜单", exact=True)).to_be_visible()
        assert page.evaluate(OVERFLOW) <= 0, url
        screenshot(page, name)
        if name == "phone-staff-ledger":
            open_menu(page)
            screenshot(page, "phone-staff-menu-open")
