"""Points, rankings and the 学习标兵 selection in a real browser."""

from datetime import date

import pytest

from ideowork.learning.actions.points import do_award_points
from ideowork.learning.models import ExemplarSelection
from tests.conftest import screenshot

from .browser import fill_in, submit

pytestmark = pytest.mark.browser


@pytest.fixture
def points(org):
    today = date.today()
    for user, n in ((org.cadre, 5), (org.section_chief, 3), (org.staff, 2), (org.county_staff, 4)):
        for i in range(n):
            do_award_points(user, "read", ref=f"m:{i}", when=today)


def test_a_cadre_sees_their_points_and_rank(org, page_as, points):
    page = page_as(org.cadre)
    page.goto("/learning/")
    assert "学习首页" in page.inner_text("h1")
    screenshot(page, "learning-home")
    page.click("nav.sidebar >> text=积分排行")
    page.wait_for_selector("[data-testid=person-ranking]")
    assert "第1名" in page.inner_text("[data-testid=my-rank]")
    first = page.locator("[data-testid=person-ranking] tbody tr").first.inner_text()
    assert org.cadre.name in first
    screenshot(page, "learning-rankings")
    page.click("text=单位排行")
    page.wait_for_selector("[data-testid=unit-ranking]")
    screenshot(page, "learning-unit-ranking")
    page.click("text=我的积分明细")
    page.wait_for_selector("[data-testid=today-progress]")
    assert "阅读文章" in page.inner_text("[data-testid=today-progress]")
    screenshot(page, "learning-my-points")


def test_admin_changes_a_rule_and_a_bad_value_is_refused(org, page_as):
    page = page_as(org.staff)
    page.goto("/learning/points/rules/")
    screenshot(page, "learning-points-rules")
    page.click("[data-testid=points-rules] tr:has-text('阅读文章') >> text=修改")
    page.fill("#id_points", "3")
    page.fill("#id_daily_cap", "2")
    submit(page)
    page.wait_for_selector("text=上限不能小于每次积分")
    page.fill("#id_daily_cap", "9")
    submit(page)
    page.wait_for_selector("text=已保存积分规则")
    assert "3" in page.inner_text("[data-testid=points-rules] tr:has-text('阅读文章')")


def test_exemplar_selection_from_nomination_to_publication(org, page_as, points, browser):
    page = page_as(org.staff)
    page.goto("/learning/exemplars/")
    page.click("text=发起评选")
    year = date.today().year
    fill_in(page, title=f"{year}年度学习标兵", start=f"{year}-01-01", end=f"{year}-12-31", quota="2")
    submit(page)
    page.wait_for_selector("text=按积分排名提名")
    page.click("button:has-text('按积分排名提名')")
    page.wait_for_selector("text=已按积分排名提名2人")
    screenshot(page, "learning-exemplar-nominated")
    page.click("[data-testid=submit-selection]")
    page.wait_for_selector("text=已提交领导审核")

    leader = page_as(org.principal)
    selection = ExemplarSelection.objects.get()
    leader.goto(f"/learning/exemplars/{selection.pk}/")
    form = leader.locator(f"[data-testid=decide-{org.cadre.username}]")
    form.locator("button").click()
    leader.wait_for_selector("text=已记录审核意见")
    form = leader.locator(f"[data-testid=decide-{org.section_chief.username}]")
    form.locator("input[value=rejected]").check()
    form.locator("button").click()
    leader.wait_for_selector("text=不同意时请填写理由")
    form = leader.locator(f"[data-testid=decide-{org.section_chief.username}]")
    form.locator("input[value=rejected]").check()
    form.locator("input[name=comment]").fill("本季度未参加集中学习")
    form.locator("button").click()
    leader.wait_for_selector("text=已记录审核意见")
    screenshot(leader, "learning-exemplar-review")
    leader.click("[data-testid=review-decide] button:has-text('提交审核意见')")  # the sign-off step
    leader.wait_for_selector("text=审核意见已提交")
    leader.click("[data-testid=publish-selection]")
    leader.wait_for_selector("text=评选结果已发布")

    cadre = page_as(org.cadre)
    cadre.goto("/learning/exemplars/")
    wall = cadre.inner_text("[data-testid=exemplar-wall]")
    assert org.cadre.name in wall and org.section_chief.name not in wall
    screenshot(cadre, "learning-exemplars")
