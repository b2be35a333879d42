"""In the browser: two colleagues play a head-to-head match on two pages, to the end."""

import pytest
from playwright.sync_api import expect

from ideowork.learning.models import Match, MatchStatus
from tests.conftest import screenshot

from .test_quizzes import make_questions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_head_to_head_match_played_to_the_end(page_as, org):
    make_questions(org.city, 8)
    first, second = page_as(org.cadre), page_as(org.staff)
    first.goto("/learning/quizzes/")
    first.get_by_role("link", name="进入对战大厅").click()
    screenshot(first, "learning-match-lobby")
    first.get_by_role("button", name="发起双人对战").click()
    expect(first.get_by_test_id("match-waiting")).to_be_visible()
    screenshot(first, "learning-match-waiting")

    second.goto("/learning/matches/")
    expect(second.get_by_test_id("open-matches")).to_contain_text("孙干部")
    second.get_by_role("button", name="加入").click()

    # Both pages get the same question; each answers, and the match moves on when both have.
    for n in range(1, 6):
        for page, right in ((first, True), (second, n != 2)):
            expect(page.get_by_text(f"第 {n} / 5 题")).to_be_visible(timeout=15000)
            question = page.get_by_test_id("match-question")
            question.locator("label.quiz-option").nth(0 if right else 1).click()
            if n == 1 and page is first:
                screenshot(page, "learning-match-question")
            question.get_by_role("button", name="提交答案").click()
            if page is first:  # the other has yet to answer: the first sees their verdict and waits
                expect(page.locator("[data-verdict]")).to_contain_text("回答正确")
                if n == 1:
                    screenshot(page, "learning-match-answered")
        if n < 5:  # both answered: the next question comes at once, with the last one's verdict
            expect(second.get_by_text(f"第 {n + 1} / 5 题")).to_be_visible(timeout=15000)
            expect(second.locator(".match-previous")).to_contain_text("回答错误" if n == 2 else "回答正确")

    for page in (first, second):
        expect(page.get_by_test_id("match-result")).to_be_visible(timeout=20000)
    expect(first.get_by_test_id("match-result")).to_contain_text("孙干部")
    screenshot(first, "learning-match-result")
    match = Match.objects.get()
    assert match.status == MatchStatus.FINISHED
    ranks = {p.user.username: p.rank for p in match.players.select_related("user")}
    assert ranks["cadre"] == 1 and ranks["staff"] == 2

