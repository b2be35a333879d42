"""The learning platform on a cadre's phone (390×844, touch): the own page, today's quiz to the end
(with a double tap, a lost connection, a second tab and a turned screen), a match between two
cadres, a material's heartbeat, sign-in with a session code, a reflection, points and rankings, and
a leader deciding a review step — every page without sideways scrolling at 360–414 px."""

import pytest
from playwright.sync_api import expect

from ideowork.core.actions.reviews import with_review_state
from ideowork.learning.actions.reflections import do_resubmit_reflection
from ideowork.learning.models import (Attendance, Match, MatchAnswer, MatchStatus, PointsEntry, QuizAnswer, QuizRun,
                                      Reflection, StudyProgress)
from ideowork.learning.models.reflections import ReflectionStatus
from tests.conftest import PHONE, new_browser_page, screenshot, session_cookie

from .phone import NO_OVERFLOW, study_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANDSCAPE = {"width": 844, "height": 390}
OFFLINE_EVENTS = ("htmx:afterRequest", "htmx:sendError")


@pytest.fixture
def phones(page_as):
    """``phones(user)``: a phone-sized, touch page with a session of its own (``page_as`` signs each
    person in afresh), so several people are online at once."""
    return lambda user: page_as(user, viewport=PHONE)


def fits(page) -> None:
    assert page.evaluate(f"() => {NO_OVERFLOW}"), f"{page.url} scrolls sideways at {page.viewport_size}"


def double_tap(page, locator) -> None:
    """Two taps in quick succession on the same spot, the second not waiting for the first's reply."""
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.touchscreen.tap(x, y)
    page.touchscreen.tap(x, y)


def forgive_offline_errors(console) -> None:
    """htmx reports a request that could not be sent on the console (as htmx:afterRequest and
    htmx:sendError); here the line was cut on purpose."""
    console.errors[:] = [e for e in console.errors if not any(f": {name}," in e for name in OFFLINE_EVENTS)]


def test_the_cadres_own_page(phones, org):
    world = study_world(org)
    page = phones(org.cadre)
    page.goto("/learning/")
    today = page.get_by_test_id("study-today")
    expect(today.get_by_test_id("today-points")).to_have_text("2")
    todos = page.get_by_test_id("learning-todos")
    expect(todos).to_contain_text("完成今日答题")
    expect(todos).to_contain_text(world.session.title)
    expect(page.get_by_test_id("continue-material")).to_contain_text(world.video.title)
    expect(page.get_by_test_id("home-ranks")).to_contain_text("第1名")
    # Today's study sits in the first screen: the quiz buttons are visible without scrolling.
    box = page.get_by_test_id("start-daily").bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] and box["height"] >= 48
    fits(page)
    screenshot(page, "phone-learning-home")
    page.get_by_test_id("start-daily").tap()
    expect(page.get_by_test_id("quiz-question")).to_be_visible()


def test_the_own_page_on_a_desk_uses_two_columns(page_as, org):
    study_world(org)
    page = page_as(org.cadre)
    page.goto("/learning/")
    owed = page.get_by_test_id("learning-todos").bounding_box()
    ranks = page.get_by_test_id("home-ranks").bounding_box()
    assert ranks["x"] > owed["x"] + owed["width"]  # side by side, not one under the other
    fits(page)
    screenshot(page, "desk-learning-home")


def test_a_leader_sees_reviews_awaiting_them_on_their_page(phones, org):
    study_world(org)
    page = phones(org.section_chief)
    page.goto("/learning/")
    expect(page.get_by_test_id("home-reviews")).to_contain_text("学习全会精神的几点体会")
    fits(page)


def test_daily_quiz_to_the_end_by_taps_through_a_double_tap_a_lost_line_a_second_tab_and_a_turn(
        phones, org, browser_console):
    study_world(org, reflection=False)
    page = phones(org.cadre)
    page.goto("/learning/quizzes/")
    fits(page)
    screenshot(page, "phone-quiz-hub")
    page.get_by_role("button", name="开始今日答题").tap()
    expect(page.get_by_text("第 1 / 5 题")).to_be_visible()
    option = page.locator("label.quiz-option").first
    assert option.bounding_box()["height"] >= 48
    fits(page)
    option.tap()
    screenshot(page, "phone-quiz-question")
    # A double tap on 提交答案 counts once.
    double_tap(page, page.get_by_role("button", name="提交答案"))
    expect(page.get_by_test_id("quiz-feedback")).to_contain_text("回答正确")
    screenshot(page, "phone-quiz-feedback")
    run = QuizRun.objects.get(user=org.cadre)
    assert QuizAnswer.objects.filter(quiz_question__run=run).count() == 1

    # The line drops while answering question 2: the page says so and keeps the choice; back online it is sent once.
    page.get_by_role("button", name="下一题").tap()
    expect(page.get_by_text("第 2 / 5 题")).to_be_visible()
    page.locator("label.quiz-option").nth(1).tap()
    page.context.set_offline(True)
    page.get_by_role("button", name="提交答案").tap()
    expect(page.get_by_test_id("net-banner")).to_contain_text("网络已断开")
    screenshot(page, "phone-quiz-offline")
    assert QuizAnswer.objects.filter(quiz_question__run=run).count() == 1
    page.context.set_offline(False)
    expect(page.get_by_test_id("quiz-feedback")).to_contain_text("回答错误")
    expect(page.get_by_test_id("net-banner")).to_be_hidden()
    forgive_offline_errors(browser_console)
    assert QuizAnswer.objects.filter(quiz_question__run=run).count() == 2

    # The same quiz in a second tab: question 3 answered there; the first tab, still on it, is shown
    # the answer that counts and moves on, nothing counted twice.
    page.get_by_role("button", name="下一题").tap()
    expect(page.get_by_text("第 3 / 5 题")).to_be_visible()
    other = page.context.new_page()
    other.goto(f"/learning/quizzes/runs/{run.pk}/")
    expect(other.get_by_text("第 3 / 5 题")).to_be_visible()
    other.locator("label.quiz-option").first.tap()
    other.get_by_role("button", name="提交答案").tap()
    expect(other.get_by_test_id("quiz-feedback")).to_contain_text("回答正确")
    other.close()
    page.locator("label.quiz-option").nth(2).tap()
    page.get_by_role("button", name="提交答案").tap()
    expect(page.get_by_test_id("quiz-repeat")).to_be_visible()
    expect(page.get_by_test_id("quiz-feedback")).to_contain_text("回答正确")
    assert QuizAnswer.objects.filter(quiz_question__run=run).count() == 3

    # The screen turns mid-question: the question and the choice stay.
    page.get_by_role("button", name="下一题").tap()
    expect(page.get_by_text("第 4 / 5 题")).to_be_visible()
    page.locator("label.quiz-option").first.tap()
    page.set_viewport_size(LANDSCAPE)
    expect(page.get_by_text("第 4 / 5 题")).to_be_visible()
    expect(page.locator("label.quiz-option input").first).to_be_checked()
    fits(page)
    screenshot(page, "phone-quiz-landscape")
    page.get_by_role("button", name="提交答案").tap()
    expect(page.get_by_test_id("quiz-feedback")).to_be_visible()
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="下一题").tap()
    expect(page.get_by_text("第 5 / 5 题")).to_be_visible()
    page.locator("label.quiz-option").first.tap()
    page.get_by_role("button", name="提交答案").tap()
    page.get_by_role("button", name="查看成绩").tap()
    expect(page.get_by_test_id("quiz-result")).to_be_visible()
    expect(page.get_by_test_id("run-points")).to_have_text("4")
    fits(page)
    screenshot(page, "phone-quiz-result")
    assert QuizAnswer.objects.filter(quiz_question__run=run).count() == 5
    assert list(PointsEntry.objects.filter(user=org.cadre, action="quiz").values_list("points", flat=True)) == [4]


def test_a_match_between_two_cadres_on_their_phones(phones, org, browser_console):
    study_world(org, reflection=False)
    first, second = phones(org.cadre), phones(org.staff)
    first.goto("/learning/matches/")
    fits(first)
    screenshot(first, "phone-match-lobby")
    first.get_by_role("button", name="发起双人对战").tap()
    expect(first.get_by_test_id("match-waiting")).to_be_visible()
    second.goto("/learning/matches/")
    second.get_by_role("button", name="加入").tap()

    for n in range(1, 6):
        for page in (first, second):
            expect(page.get_by_text(f"第 {n} / 5 题")).to_be_visible(timeout=15000)
        question = first.get_by_test_id("match-question")
        question.locator("label.quiz-option").first.tap()
        if n == 2:  # the first player's line drops as they answer: the answer waits and goes once
            first.context.set_offline(True)
        question.get_by_role("button", name="提交答案").tap()
        if n == 1:
            question.get_by_role("button", name="提交答案").tap(force=True)  # a double tap
            fits(first)
            screenshot(first, "phone-match-question")
        if n == 2:
            expect(first.get_by_test_id("net-banner")).to_contain_text("网络已断开")
            screenshot(first, "phone-match-offline")
            first.context.set_offline(False)
            expect(first.get_by_test_id("net-banner")).to_be_hidden()
        expect(first.locator("[data-verdict]")).to_contain_text("回答正确")
        answer = second.get_by_test_id("match-question")
        answer.locator("label.quiz-option").nth(1).tap()
        answer.get_by_role("button", name="提交答案").tap()

    for page in (first, second):
        expect(page.get_by_test_id("match-result")).to_be_visible(timeout=20000)
    fits(first)
    screenshot(first, "phone-match-result")
    match = Match.objects.get()
    assert match.status == MatchStatus.FINISHED
    mine = MatchAnswer.objects.filter(player__match=match, player__user=org.cadre)
    assert mine.count() == 5 and all(a.is_correct for a in mine)
    ranks = {p.user.username: p.rank for p in match.players.select_related("user")}
    assert ranks["cadre"] == 1 and ranks["staff"] == 2
    assert PointsEntry.objects.filter(user=org.cadre, action="match").count() == 1


def test_a_material_on_the_phone_earns_study_time(phones, org, settings):
    settings.LEARNING_HEARTBEAT_MIN_SECONDS = 1
    world = study_world(org, reflection=False)
    page = phones(org.cadre)
    page.goto("/learning/materials/")
    fits(page)
    screenshot(page, "phone-materials")
    page.get_by_test_id("material-row").filter(has_text=world.article.title).tap()
    expect(page.locator(".article-body")).to_be_visible()
    assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.article-body p')).fontSize)") >= 16
    page.goto(f"/learning/materials/{world.article.pk}/?beat_ms=1200")
    page.locator(".article-body").tap()
    expect(page.get_by_test_id("study-seconds")).not_to_have_text("0", timeout=15000)
    expect(page.get_by_test_id("study-state")).to_have_text("学习中")
    fits(page)
    screenshot(page, "phone-material-article")
    assert StudyProgress.objects.get(user=org.cadre, material=world.article).seconds > 0

    page.goto(f"/learning/materials/{world.video.pk}/")
    player = page.locator("#player")
    box = player.bounding_box()
    assert box["width"] <= PHONE["width"] and box["x"] >= 0
    fits(page)
    screenshot(page, "phone-material-video")


def test_sign_in_with_the_session_code_by_taps(phones, org):
    world = study_world(org, reflection=False)
    page = phones(org.cadre)
    page.goto("/learning/sessions/")
    fits(page)
    screenshot(page, "phone-sessions")
    page.get_by_role("link", name="扫码/输码签到").tap()
    page.locator("input.sign-in-code").fill(world.session.sign_in_code)
    fits(page)
    screenshot(page, "phone-sign-in")
    button = page.get_by_role("button", name="确认签到")
    assert button.bounding_box()["height"] >= 48
    double_tap(page, button)
    expect(page.get_by_text("签到成功")).to_be_visible()
    expect(page.get_by_test_id("my-attendance")).to_contain_text("已签到")
    fits(page)
    screenshot(page, "phone-session-detail")
    assert Attendance.objects.filter(session=world.session, user=org.cadre).count() == 1
    assert PointsEntry.objects.filter(user=org.cadre, action="session").count() == 1
    # From the room's QR code the code is filled in; a second sign-in changes nothing.
    page.goto(f"/learning/sign-in/?code={world.session.sign_in_code}")
    expect(page.get_by_text(world.session.title)).to_be_visible()
    page.get_by_role("button", name="确认签到").tap()
    expect(page.get_by_text("无需重复签到")).to_be_visible()
    assert PointsEntry.objects.filter(user=org.cadre, action="session").count() == 1


def test_a_reflection_written_on_the_phone(phones, org):
    study_world(org, reflection=False)
    page = phones(org.cadre)
    page.goto("/learning/reflections/")
    fits(page)
    page.get_by_role("link", name="＋ 提交心得体会").tap()
    page.locator("#id_title").fill("在手机上写的学习体会")
    page.locator("#id_body").fill("学习全会精神，要在学懂弄通做实上下功夫。\n\n一是学深悟透；二是学以致用。")
    fits(page)
    screenshot(page, "phone-reflection-form")
    page.get_by_role("button", name="提交审阅").tap()
    expect(page.get_by_text("等待学习秘书审阅")).to_be_visible()
    fits(page)
    screenshot(page, "phone-reflection-detail")
    assert Reflection.objects.filter(author=org.cadre, title="在手机上写的学习体会").count() == 1
    page.goto("/learning/reflections/")
    expect(page.get_by_test_id("reflection-list")).to_contain_text("在手机上写的学习体会")
    fits(page)
    screenshot(page, "phone-reflections")


def test_points_and_rankings_on_the_phone(phones, org):
    study_world(org, reflection=False)
    page = phones(org.cadre)
    page.goto("/learning/points/")
    expect(page.get_by_test_id("points-week")).to_have_text("2")
    expect(page.get_by_test_id("points-entries")).to_contain_text("阅读文章")
    fits(page)
    screenshot(page, "phone-points")
    page.get_by_role("link", name="查看排行").tap()
    expect(page.get_by_test_id("my-rank")).to_have_text("第1名")
    for period in ("本周", "本年"):
        page.get_by_test_id("period-tabs").get_by_role("link", name=period).tap()
        expect(page.get_by_test_id("period-tabs").get_by_role("link", name=period)).to_have_class("active")
        expect(page.get_by_test_id("person-ranking").locator("tr.me")).to_contain_text(org.cadre.name)
    # In the year the deputy's points of yesterday count too; my own rank stays pinned in view.
    expect(page.get_by_test_id("person-ranking")).to_contain_text(org.deputy.name)
    fits(page)
    screenshot(page, "phone-rankings")
    page.mouse.wheel(0, 400)
    bar = page.get_by_test_id("my-rank-bar").bounding_box()
    assert 0 <= bar["y"] < PHONE["height"]
    page.get_by_role("link", name="单位排行").tap()
    expect(page.get_by_test_id("unit-ranking")).to_be_visible()
    fits(page)
    screenshot(page, "phone-unit-ranking")


def test_a_leader_decides_reviews_on_the_phone(phones, org):
    study_world(org)
    cadre_reflection = Reflection.objects.get()
    page = phones(org.section_chief)
    page.goto("/learning/")
    page.get_by_test_id("home-reviews").locator(".owed a").first.tap()
    panel = page.get_by_test_id("review-decide")
    expect(panel).to_be_visible()
    choice = panel.locator("label", has_text="退回作者修改")
    assert choice.bounding_box()["height"] >= 48
    choice.tap()
    # Returning needs a comment: refused in Chinese, nothing changes.
    panel.get_by_role("button", name="提交审核意见").tap()
    expect(page.get_by_text("请填写")).to_be_visible()
    assert review_status(cadre_reflection) == ReflectionStatus.SUBMITTED
    page.get_by_test_id("review-decide").locator("label", has_text="退回作者修改").tap()
    page.get_by_test_id("review-decide").locator("textarea").fill("请结合本职工作，补充具体举措。")
    fits(page)
    screenshot(page, "phone-review-panel")
    page.get_by_test_id("review-decide").get_by_role("button", name="提交审核意见").tap()
    expect(page.get_by_text("已退回作者修改").first).to_be_visible()
    expect(page.locator(".review-history")).to_contain_text("补充具体举措")
    fits(page)
    screenshot(page, "phone-review-returned")
    assert review_status(cadre_reflection) == ReflectionStatus.RETURNED

    # Revised and sent again, the leader approves it with two taps.
    do_resubmit_reflection(org.cadre, cadre_reflection, kind="insight", title=cadre_reflection.title,
                           body="一是提高政治站位；二是狠抓落实；三是结合岗位，每月一学一报。")
    page.reload()
    panel = page.get_by_test_id("review-decide")
    panel.locator("label", has_text="通过").tap()
    panel.get_by_role("button", name="提交审核意见").tap()
    expect(page.get_by_test_id("review-decide")).to_have_count(0)
    assert review_status(cadre_reflection) == ReflectionStatus.ACCEPTED
    fits(page)
    screenshot(page, "phone-review-approved")


def review_status(reflection) -> str:
    return with_review_state(Reflection.objects.filter(pk=reflection.pk)).get().review_status


@pytest.mark.parametrize("width", [360, 414])
def test_no_learning_page_scrolls_sideways(browser, live_server, settings, browser_console, client, org, width):
    world = study_world(org)
    client.force_login(org.cadre, backend="django.contrib.auth.backends.ModelBackend")
    page = new_browser_page(browser, browser_console, live_server.url, viewport={"width": width, "height": 800},
                            cookies=[session_cookie(settings, client, live_server.url)])
    reflection = Reflection.objects.get()
    urls = ["/learning/", "/learning/quizzes/", "/learning/matches/", "/learning/competitions/",
            "/learning/materials/", f"/learning/materials/{world.article.pk}/", f"/learning/materials/{world.video.pk}/",
            "/learning/courses/", "/learning/topics/", "/learning/sessions/", f"/learning/sessions/{world.session.pk}/",
            "/learning/sign-in/", "/learning/reflections/", "/learning/reflections/new/",
            f"/learning/reflections/{reflection.pk}/", "/learning/points/", "/learning/rankings/",
            "/learning/rankings/?view=units", "/learning/exemplars/", "/learning/youth/"]
    wide = []
    for url in urls:
        page.goto(url)
        if not page.evaluate(f"() => {NO_OVERFLOW}"):
            wide.append(url)
        if width == 360:
            screenshot(page, "phone360" + url.replace("/", "-").replace("?", "-").rstrip("-"))
    page.context.close()
    assert not wide, f"these pages scroll sideways at {width} px: {wide}"


def test_a_course_and_a_topic_on_the_phone(phones, org):
    from ideowork.learning.actions.materials import do_add_course_item, do_save_course, do_save_topic

    from .test_materials import make_article, make_video

    topic = do_save_topic(org.staff, title="党的二十届四中全会精神", description="全会精神的原文、解读和辅导报告。")
    article = make_article(org.staff, title="全会公报全文", topic=topic)
    video = make_video(org.staff, title="全会精神专题辅导报告", duration=900, topic=topic)
    course = do_save_course(org.staff, title="全会精神系统学习", description="先读公报，再看辅导报告。", topic=topic)
    do_add_course_item(org.staff, course, article)
    do_add_course_item(org.staff, course, video)
    page = phones(org.cadre)
    page.goto(f"/learning/courses/{course.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("全会精神系统学习")
    expect(page.get_by_role("link", name="全会公报全文")).to_be_visible()
    expect(page.get_by_role("navigation", name="常用").locator("a[aria-current=page]")).to_have_text("学习")
    fits(page)
    screenshot(page, "phone-course-detail")
    page.goto(f"/learning/topics/{topic.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("专题：党的二十届四中全会精神")
    fits(page)
    screenshot(page, "phone-topic-detail")
    page.get_by_role("link", name="全会精神专题辅导报告").first.tap()
    page.wait_for_url(f"**/learning/materials/{video.pk}/")
