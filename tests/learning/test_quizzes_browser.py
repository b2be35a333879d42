"""In the browser: a cadre takes today's quiz and a challenge; an administrator opens a special quiz."""

import pytest
from playwright.sync_api import expect

from ideowork.learning.models import PointsEntry, QuizRun
from tests.conftest import new_browser_page, screenshot, session_cookie

from .test_quizzes import make_questions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pages(browser, live_server, settings, browser_console):
    """``pages(user)``: a signed-in page with a session of its own, so that several people can be
    online at once (the shared test client would end the previous person's session)."""
    from django.test import Client

    contexts = []

    def _page(user):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        page = new_browser_page(browser, browser_console, live_server.url,
                                cookies=[session_cookie(settings, client, live_server.url)])
        contexts.append(page.context)
        return page

    yield _page
    for context in contexts:
        context.close()


def answer(page, *, right=True):
    page.locator("label.quiz-option").nth(0 if right else 1).click()
    page.locator("main form[method=post] button[type=submit]").first.click()
    expect(page.get_by_test_id("quiz-feedback")).to_be_visible()


def test_cadre_takes_the_daily_quiz(page_as, org):
    make_questions(org.city, 8)
    page = page_as(org.cadre)
    page.goto("/learning/quizzes/")
    expect(page.get_by_role("heading", name="答题竞赛")).to_be_visible()
    screenshot(page, "learning-quiz-hub")
    page.get_by_role("button", name="开始今日答题").click()
    expect(page.get_by_test_id("quiz-question")).to_be_visible()
    expect(page.get_by_text("第 1 / 5 题")).to_be_visible()
    page.locator("label.quiz-option").nth(0).click()
    screenshot(page, "learning-quiz-question")
    page.locator("main form[method=post] button[type=submit]").first.click()
    expect(page.get_by_text("✔ 回答正确")).to_be_visible()
    expect(page.get_by_text("题解析。")).to_be_visible()
    screenshot(page, "learning-quiz-feedback")
    page.get_by_role("button", name="下一题").click()
    expect(page.get_by_text("第 2 / 5 题")).to_be_visible()
    # A reload resumes where the cadre left off.
    page.reload()
    expect(page.get_by_text("第 2 / 5 题")).to_be_visible()
    for n in range(2, 6):
        answer(page, right=n != 3)
        if n == 3:
            expect(page.get_by_text("✘ 回答错误")).to_be_visible()
        page.get_by_role("button", name="查看成绩" if n == 5 else "下一题").click()
    expect(page.get_by_test_id("quiz-result")).to_be_visible()
    expect(page.get_by_test_id("run-points")).to_have_text("4")
    screenshot(page, "learning-quiz-result")
    assert PointsEntry.objects.get(user=org.cadre, action="quiz").points == 4
    page.goto("/learning/quizzes/")
    expect(page.get_by_text("今日已完成")).to_be_visible()


def test_a_challenge_ends_at_the_first_wrong_answer(page_as, org):
    make_questions(org.city, 10)
    page = page_as(org.cadre)
    page.goto("/learning/quizzes/")
    page.get_by_role("button", name="开始挑战").click()
    for _ in range(3):
        answer(page)
        page.get_by_role("button", name="下一题").click()
    expect(page.get_by_text("当前连对 3 题")).to_be_visible()
    answer(page, right=False)
    page.get_by_role("button", name="挑战结束，查看成绩").click()
    expect(page.get_by_test_id("quiz-result")).to_contain_text("挑战结束")
    screenshot(page, "learning-quiz-challenge-result")
    run = QuizRun.objects.get(user=org.cadre, kind="challenge")
    assert run.correct_count == 3 and run.is_finished and run.points == 3
    page.goto("/learning/quizzes/")
    expect(page.get_by_test_id("best-streak")).to_have_text("3")


def test_admin_opens_a_special_quiz_and_a_cadre_takes_it(page_as, org):
    make_questions(org.city, 8)
    admin = page_as(org.staff)
    admin.goto("/learning/quizzes/")
    admin.get_by_role("link", name="＋ 设置专项答题").click()
    admin.get_by_label("名称").fill("学习党章专项答题")
    admin.get_by_label("题量").fill("3")
    screenshot(admin, "learning-quiz-special-form")
    admin.locator("main form[method=post] button[type=submit]").first.click()
    expect(admin.get_by_text("专项答题已发布。")).to_be_visible()
    cadre = page_as(org.cadre)
    cadre.goto("/learning/quizzes/")
    expect(cadre.get_by_text("学习党章专项答题")).to_be_visible()
    cadre.get_by_role("button", name="参加").click()
    expect(cadre.get_by_text("第 1 / 3 题")).to_be_visible()
