"""What the learning browser tests do again and again: fill a form's fields, keep a screenshot of it
for a person to look at, send it and wait for the page's answer; open the quiz hub; answer a quiz
question."""

from playwright.sync_api import expect

from tests.conftest import screenshot, submit

from .test_quizzes import make_questions


def fill_in(page, **fields):
    """Type each value into the form's field of that name (``#id_<name>``), in order."""
    for name, value in fields.items():
        page.fill(f"#id_{name}", value)


def save_form(page, shot: str, answer: str):
    """Keep a screenshot of the filled form as ``shot``, send it and wait until ``answer`` shows."""
    screenshot(page, shot)
    submit(page)
    page.wait_for_selector(f"text={answer}")


def quiz_hub(page_as, user, *, questions: int):
    """``user``'s page on 答题竞赛, with ``questions`` single-choice questions in the city's bank."""
    make_questions(user.org_unit.organ, questions)
    page = page_as(user)
    page.goto("/learning/quizzes/")
    return page


def answer(page, *, right=True):
    """Choose the right (or a wrong) option of the quiz question shown, send it and wait for the verdict."""
    page.locator("label.quiz-option").nth(0 if right else 1).click()
    submit(page)
    expect(page.get_by_test_id("quiz-feedback")).to_be_visible()
