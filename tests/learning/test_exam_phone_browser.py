"""A cadre takes an exam on a phone (390 px, touch): double taps, a lost connection, a reload."""

import re

import pytest
from playwright.sync_api import expect

from ideowork.learning.actions.exams import do_save_answer, do_start_attempt
from ideowork.core.models import AuditEvent
from ideowork.learning.models import Answer, Attempt
from tests.conftest import PHONE, screenshot

from .access_exams import make_bank, make_exam

pytestmark = pytest.mark.browser


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def attempt(org, exam):
    """The cadre's attempt at the city's exam on the sample bank, just started."""
    return do_start_attempt(org.cadre, exam)


def paper_on_a_phone(page_as, attempt):
    page = page_as(attempt.user, viewport=PHONE)
    page.goto(f"/learning/exams/attempts/{attempt.pk}/")
    return page


def box_of(page, kind):
    return page.locator(f"[data-testid=question][data-kind={kind}]")


def tap_centred(locator) -> dict:
    """Tap ``locator`` brought to the middle of the screen, where the fixed bottom bar cannot cover it;
    its box, for a second finger's tap (``tap_again``) while the request it sent is held."""
    locator.evaluate("element => element.scrollIntoView({block: 'center'})")
    box = locator.bounding_box()
    locator.tap(no_wait_after=True)
    return box


def tap_again(page, box):
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_cadre_takes_an_exam_on_a_phone_through_double_taps_and_a_lost_connection(org, page_as):
    bank = make_bank(org.staff, org.city, copies=2)
    exam = make_exam(org.staff, org.city, bank, minutes=45)
    page = page_as(org.cadre, viewport=PHONE)
    page.on("dialog", lambda dialog: dialog.accept())

    page.goto("/learning/exams/")
    expect(page.get_by_text(exam.title).first).to_be_visible()
    assert no_horizontal_scroll(page)
    screenshot(page, "learning-exam-list-phone")
    page.goto(f"/learning/exams/{exam.pk}/")
    assert no_horizontal_scroll(page)
    screenshot(page, "learning-exam-detail-phone")
    # 开始答题, tapped twice: one attempt, and the answer to the (one) start is the paper itself, shown
    # at the attempt's own address.
    # The start is held on its way until the second tap has landed on the page that sent it.
    starts, sent = [], []
    page.on("request", lambda request: sent.append(request.method) if request.url.endswith("/start/") else None)
    page.route("**/start/", lambda route: starts.append(route))
    start = page.locator("[data-testid=start]")
    with page.expect_request("**/start/"):
        where = tap_centred(start)
    tap_again(page, where)
    while not starts:
        page.evaluate("0")
    for route in starts:
        route.continue_()
    page.unroute("**/start/")
    expect(page.locator("[data-testid=question]")).to_have_count(len(bank))
    expect(page.locator("[data-testid=countdown]")).to_have_text(
        re.compile(r"^(44|45):\d\d$"))
    attempt = Attempt.objects.get(exam=exam, user=org.cadre)
    expect(page).to_have_url(re.compile(rf"/learning/exams/attempts/{attempt.pk}/$"))
    assert sent == ["POST"] and Attempt.objects.filter(exam=exam, user=org.cadre).count() == 1
    assert no_horizontal_scroll(page)
    screenshot(page, "learning-exam-take-phone")

    # A double tap on an option: one answer stored, the question marked 已保存.
    single = box_of(page, "single").first
    option = single.locator(".exam-option").nth(1)
    option.tap()
    option.tap()
    expect(single.locator("[data-testid=saved-state]")).to_have_text(re.compile("^已保存"))
    chosen = option.locator("input").get_attribute("value")
    qid = int(single.get_attribute("data-question"))
    assert list(Answer.objects.filter(attempt=attempt).values_list("question_id", "response")) == [(qid, chosen)]

    # The answer card shows it answered; a tap on a number goes to the question.
    page.locator("[data-testid=nav-toggle]").tap()
    nav = page.locator("[data-testid=navigator]")
    expect(nav).to_be_visible()
    expect(nav.locator(f".exam-nav-item[data-question='{qid}']")).to_have_class(re.compile("answered"))
    screenshot(page, "learning-exam-navigator-phone")
    last = page.locator("[data-testid=question]").last
    nav.locator(f".exam-nav-item[data-question='{last.get_attribute('data-question')}']").tap()
    expect(nav).to_be_hidden()
    expect(last).to_be_in_viewport()

    # The connection drops: the answer is kept on the page and marked 未保存 ...
    page.context.set_offline(True)
    judge = box_of(page, "judge").first
    judge.locator(".exam-option").first.tap()
    expect(judge.locator("[data-testid=saved-state]")).to_have_text(re.compile("未保存"))
    expect(page.locator("[data-testid=save-status]")).to_contain_text("未保存")
    judge_id = int(judge.get_attribute("data-question"))
    assert not Answer.objects.filter(attempt=attempt, question_id=judge_id).exists()
    screenshot(page, "learning-exam-offline-phone")
    # ... and saved by the page itself when the connection returns.
    page.context.set_offline(False)
    expect(judge.locator("[data-testid=saved-state]")).to_have_text(re.compile("^已保存"))
    expect(page.locator("[data-testid=save-status]")).to_have_text("所有答案已保存")
    assert Answer.objects.get(attempt=attempt, question_id=judge_id).response is True

    # Offline again, an answer typed, then the page reloaded once the connection is back: nothing lost.
    page.context.set_offline(True)
    blank = box_of(page, "blank").first
    blank.locator("input").first.fill("极其重要")
    expect(blank.locator("[data-testid=saved-state]")).to_have_text(re.compile("未保存"))
    page.context.set_offline(False)
    with page.expect_request(lambda request: request.url.endswith(f"/attempts/{attempt.pk}/")) as reloaded:
        page.reload()  # the paper read again: 开始答题 is not posted a second time
    assert reloaded.value.method == "GET" and sent == ["POST"]
    blank = box_of(page, "blank").first
    expect(blank.locator("input").first).to_have_value("极其重要")
    expect(blank.locator("[data-testid=saved-state]")).to_have_text(re.compile("^已保存"))
    expect(page.locator("[data-testid=answered-count]")).to_have_text("3")
    expect(box_of(page, "single").first.locator(f"input[value='{chosen}']")).to_be_checked()
    blank_id = int(blank.get_attribute("data-question"))
    assert Answer.objects.get(attempt=attempt, question_id=blank_id).response == ["极其重要"]

    # A double tap on 交卷: handed in once, the result shown. The hand-in is held on its way until the
    # second tap has landed where the button was, so that tap always meets the page (disabled button),
    # however fast the server answers.
    held = []
    page.route("**/submit/", lambda route: held.append(route))
    button = page.locator("[data-testid=submit]")
    with page.expect_request("**/submit/"):
        where = tap_centred(button)
    tap_again(page, where)
    while not held:  # each round trip lets Playwright hand the held request to the route handler
        page.evaluate("0")
    for route in held:  # the first tap's hand-in (and a second one, had the page let it through)
        route.continue_()
    page.unroute("**/submit/")
    expect(page.locator("[data-testid=score]")).to_be_visible()
    assert no_horizontal_scroll(page)
    screenshot(page, "learning-exam-result-phone")
    attempt.refresh_from_db()
    assert not attempt.is_open
    assert AuditEvent.objects.filter(event_type="learning.exam.submit_attempt", subject_id=str(attempt.pk)).count() == 1


def test_a_second_tab_shows_the_answers_saved_in_the_first(page_as, attempt):
    page = paper_on_a_phone(page_as, attempt)
    judge = box_of(page, "judge")
    judge.locator(".exam-option").nth(1).tap()
    expect(judge.locator("[data-testid=saved-state]")).to_have_text(re.compile("^已保存"))
    other = page.context.new_page()
    other.goto(f"/learning/exams/attempts/{attempt.pk}/")
    expect(box_of(other, "judge").locator("input[value=false]")).to_be_checked()
    expect(other.locator("[data-testid=answered-count]")).to_have_text("1")
    expect(other.locator("[data-testid=countdown]")).to_have_text(re.compile(r"^\d\d:\d\d$"))


def test_a_reload_drawn_before_the_last_save_landed_still_shows_that_answer(page_as, attempt):
    """The page kept on the phone is newer than a page drawn a moment before the save landed.

    Reloading while a save is on its way can draw the page from the database before that save is
    written; the save's reply still reaches the old page. The answer is then missing from the new
    page's server copy, so the page shows the stored copy and sends it again. Simulated here by
    removing the saved row before the reload.
    """
    page = paper_on_a_phone(page_as, attempt)
    blank = box_of(page, "blank").first
    blank.locator("input").first.fill("实事求是")
    expect(blank.locator("[data-testid=saved-state]")).to_have_text(re.compile("^已保存"))
    blank_id = int(blank.get_attribute("data-question"))
    Answer.objects.filter(attempt=attempt, question_id=blank_id).delete()

    page.reload()
    blank = box_of(page, "blank").first
    expect(blank.locator("input").first).to_have_value("实事求是")
    expect(blank.locator("[data-testid=saved-state]")).to_have_text(re.compile("^已保存"))
    assert Answer.objects.get(attempt=attempt, question_id=blank_id).response == ["实事求是"]


def test_an_answer_saved_later_elsewhere_wins_over_the_copy_kept_on_the_phone(org, page_as, attempt):
    page = paper_on_a_phone(page_as, attempt)
    judge = box_of(page, "judge")
    judge.locator(".exam-option").nth(1).tap()  # 错误
    expect(judge.locator("[data-testid=saved-state]")).to_have_text(re.compile("^已保存"))
    judge_id = int(judge.get_attribute("data-question"))
    do_save_answer(org.cadre, attempt.pk, judge_id, True)  # changed later on another device

    page.reload()
    expect(box_of(page, "judge").locator("input[value=true]")).to_be_checked()
    expect(box_of(page, "judge").locator("[data-testid=saved-state]")).to_have_text(re.compile("^已保存"))
    assert Answer.objects.get(attempt=attempt, question_id=judge_id).response is True
    assert page.evaluate(f"localStorage.getItem('ideowork-exam-{attempt.pk}')") is None
