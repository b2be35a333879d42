"""In the browser: a cadre takes today's quiz and a challenge; an administrator opens a special quiz."""

import pytest
from playwright.sync_api import expect

from ideowork.learning.models import PointsEntry, QuizRun
from tests.conftest import screenshot

from .browser import answer, quiz_hub, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cadre_takes_the_daily_quiz(page_as, org):
    page = quiz_hub(page_as, org.cadre, questions=8)
    expect(page.get_by_role("heading", name="答题竞赛")).to_be_visible()
    screenshot(page, "learning-quiz-hub")
    page.get_by_role("button", name="开始今日答题").click()
    expect(page.get_by_test_id("quiz-question")).to_be_visible()
    expect(page.get_by_text("第 1 / 5 题")).to_be_visible()
    page.locator("label.quiz-option").nth(0).click()
    screenshot(page, "learning-quiz-question")
    submit(page)
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
    page = quiz_hub(page_as, org.cadre, questions=10)
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
    admin = quiz_hub(page_as, org.staff, questions=8)
    admin.get_by_role("link", name="＋ 设置专项答题").click()
    admin.get_by_label("名称").fill("学习党章专项答题")
    admin.get_by_label("题量").fill("3")
    screenshot(admin, "learning-quiz-special-form")
    submit(admin)
    expect(admin.get_by_text("专项答题已发布。")).to_be_visible()
    cadre = page_as(org.cadre)
    cadre.goto("/learning/quizzes/")
    expect(cadre.get_by_text("学习党章专项答题")).to_be_visible()
    cadre.get_by_role("button", name="参加").click()
    expect(cadre.get_by_text("第 1 / 3 题")).to_be_visible()
