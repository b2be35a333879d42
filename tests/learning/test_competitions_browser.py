"""In the browser: an administrator opens a competition, two colleagues take it, the ranking updates."""

import pytest
from playwright.sync_api import expect

from ideowork.ledger.models import Activity
from tests.conftest import screenshot

from .browser import answer, quiz_hub, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def take_competition(page, title, *, wrong=0, shoot=False):
    page.goto("/learning/quizzes/")
    if shoot:
        screenshot(page, "learning-quiz-hub-competition")
    page.get_by_role("link", name=title).click()
    if shoot:
        screenshot(page, "learning-competition-entry")
    page.get_by_role("button", name="开始竞赛").click()
    for n in range(1, 4):
        expect(page.get_by_text(f"第 {n} / 3 题")).to_be_visible()
        answer(page, right=n > wrong)
        page.get_by_role("button", name="查看成绩" if n == 3 else "下一题").click()
    expect(page.get_by_test_id("quiz-result")).to_be_visible()


def test_competition_with_live_ranking_by_person_and_unit(page_as, org):
    admin = quiz_hub(page_as, org.staff, questions=8)
    admin.get_by_role("link", name="＋ 组织知识竞赛").click()
    admin.get_by_label("竞赛名称").fill("学习贯彻党的二十届三中全会精神知识竞赛")
    admin.get_by_label("参赛范围").select_option(str(org.city.pk))
    admin.get_by_label("题量").fill("3")
    admin.get_by_label("开始时间").fill("2026-01-01T08:00")
    admin.get_by_label("结束时间").fill("2030-12-31T18:00")
    screenshot(admin, "learning-competition-form")
    submit(admin)
    expect(admin.get_by_text("知识竞赛已发布。")).to_be_visible()
    detail_url = admin.url

    # The admin keeps the live ranking open while two colleagues take part.
    admin.get_by_role("link", name="实时排名").click()
    expect(admin.get_by_test_id("person-ranking")).to_contain_text("还没有人完成答题")

    title = "学习贯彻党的二十届三中全会精神知识竞赛"
    cadre = page_as(org.cadre)
    take_competition(cadre, title, shoot=True)
    county = page_as(org.county_staff)
    take_competition(county, title, wrong=1)
    screenshot(county, "learning-competition-result")

    # The ranking refreshes itself (htmx polling) and shows both, and the unit table.
    people = admin.get_by_test_id("person-ranking")
    expect(people).to_contain_text("孙干部", timeout=20000)
    expect(people).to_contain_text("周专干", timeout=20000)
    units = admin.get_by_test_id("unit-ranking")
    expect(units).to_contain_text("秘书科")
    expect(units).to_contain_text("甲县委编办")
    expect(people.locator("tbody tr").first).to_contain_text("孙干部")
    screenshot(admin, "learning-competition-ranking")

    admin.goto(detail_url)
    expect(admin.get_by_test_id("entrants")).to_have_text("2 人")
    admin.once("dialog", lambda dialog: dialog.accept())
    admin.get_by_role("button", name="结束并归档").click()
    expect(admin.get_by_text("竞赛已结束并归档")).to_be_visible()
    screenshot(admin, "learning-competition-detail")
    activity = Activity.objects.get(source="learning")
    assert set(activity.participants.values_list("username", flat=True)) == {"cadre", "county_staff"}
    admin.goto("/learning/competitions/")
    expect(admin.get_by_text("已归档")).to_be_visible()
    screenshot(admin, "learning-competition-list")
