"""On a phone: the government organ's cadre takes the daily quiz on the bank its organ was given."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ideowork.demo import people
from ideowork.demo.context import DemoContext, png_photo
from ideowork.learning.models import QuizRun
from ideowork.learning.organ_defaults import starter_questions
from tests.conftest import PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_people(db):
    """The demo's organs and people, each organ with the defaults its setup gives (no plans, no history)."""
    ctx = DemoContext(today=timezone.localdate(), photo=png_photo())
    people.build(ctx, log=lambda *_: None)
    return ctx


def test_gov_cadre_answers_a_daily_quiz_question_on_a_phone(page_as, demo_people):
    cadre = demo_people.users["gov_cadre"]
    page = page_as(cadre, viewport=PHONE)
    page.goto("/learning/quizzes/")
    page.get_by_role("button", name="开始今日答题").tap()
    expect(page.get_by_test_id("quiz-question")).to_be_visible()
    expect(page.get_by_text("第 1 / 5 题")).to_be_visible()
    # The five questions are drawn at random from the bank, which also holds fill-in-the-blank ones.
    blank = page.locator(".quiz-blank input")
    if blank.count():
        blank.first.fill("答案")
    else:
        page.locator("label.quiz-option").first.tap()
    screenshot(page, "gov-cadre-daily-quiz-question")
    page.locator("main form[method=post] button[type=submit]").first.tap()
    expect(page.get_by_test_id("quiz-feedback")).to_be_visible()
    screenshot(page, "gov-cadre-daily-quiz-feedback")
    run = QuizRun.objects.get(user=cadre)
    assert run.questions.count() == 5
    assert {item.question.org_unit_id for item in run.questions.select_related("question")} == {
        demo_people.units["gov"].pk}
    assert run.questions.filter(answer__isnull=False).count() == 1


def test_gov_head_sees_what_the_organ_was_given_on_the_dashboard(page_as, demo_people):
    page = page_as(demo_people.users["gov_head"], viewport=PHONE)
    page.goto("/")
    panel = page.get_by_test_id("organ-setup-panel")
    expect(panel).to_contain_text("本单位初始配置")
    expect(panel).to_contain_text("三审三校（默认流程）")
    screenshot(page, "gov-head-organ-setup-panel")
    panel.get_by_role("link", name="查看和修改 →").nth(1).tap()  # the question bank
    expect(page).to_have_url(re.compile(r"/learning/questions/$"))
    expect(page.get_by_role("heading", name="题库管理")).to_be_visible()
    expect(page.get_by_test_id("question-total")).to_have_text(str(len(starter_questions())))
