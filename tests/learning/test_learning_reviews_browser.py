"""In a real browser: learning's approvals on the one workflow. A cadre submits a reflection on a
phone, the secretary finds it in 待我审核 with its due date and accepts it on its 审阅 panel, and the
cadre sees it accepted; an organiser submits a 学习标兵 selection, the leader finds it in 待我审核,
is refused approval while a nominee is undecided, decides each, approves and publishes, and the
cadre sees the winners on a phone."""

from datetime import date

import pytest
from django.utils import timezone

from ideowork.core.models import Notification
from ideowork.ledger.models import Activity
from ideowork.learning.actions import exemplars as services
from ideowork.learning.actions.points import do_award_points
from ideowork.learning.models import ExemplarSelection, Reflection
from tests.conftest import PHONE, screenshot

from .browser import submit

pytestmark = [pytest.mark.browser, pytest.mark.date_sensitive]


@pytest.mark.usefixtures("group")
def test_a_reflection_is_submitted_on_a_phone_and_accepted_from_the_review_inbox(org, page_as):
    cadre = page_as(org.cadre, viewport=PHONE)
    cadre.goto("/learning/reflections/new/")
    cadre.fill("#id_title", "学习条例的几点体会")
    cadre.fill("#id_body", "一是提高政治站位。\n\n二是严格执行编制审批程序。")
    submit(cadre)
    cadre.wait_for_selector("text=等待学习秘书审阅")
    assert "办理中" in cadre.inner_text("[data-testid=review-panel]")
    screenshot(cadre, "learning-reflection-submitted-phone")
    reflection = Reflection.objects.get()

    secretary = page_as(org.section_chief)
    secretary.goto("/reviews/")
    row = secretary.locator("table tr", has_text="心得体会：学习条例的几点体会")
    row.wait_for()
    assert timezone.localdate().strftime("%Y") in row.inner_text()  # the due date
    screenshot(secretary, "learning-reflection-in-review-inbox")
    row.locator("a").first.click()
    secretary.wait_for_selector("[data-testid=review-decide]")
    secretary.click("[data-testid=review-decide] button:has-text('提交审核意见')")
    secretary.wait_for_selector("text=审核意见已提交")
    assert Activity.objects.for_source(reflection).exists()
    assert not Notification.objects.filter(recipient=org.section_chief, kind="review", read_at__isnull=True).exists()

    cadre = page_as(org.cadre, viewport=PHONE)
    cadre.goto(f"/learning/reflections/{reflection.pk}/")
    cadre.wait_for_selector("h1 >> text=已通过")
    assert "已计入工作台账" in cadre.inner_text("main")
    screenshot(cadre, "learning-reflection-accepted-phone")
    cadre.goto("/learning/reflections/")
    assert "1 / 4" in cadre.inner_text("[data-testid=my-count]")
    assert Notification.objects.filter(recipient=org.cadre, title__contains="已通过审阅").exists()


def test_a_selection_is_signed_off_from_the_review_inbox_and_published(org, page_as):
    today = date.today()
    for user, n in ((org.cadre, 5), (org.section_chief, 3)):
        for i in range(n):
            do_award_points(user, "read", ref=f"m:{i}", when=today)
    selection = services.do_create_selection(org.staff, title=f"{today.year}年度学习标兵", start=date(today.year, 1, 1),
                                             end=date(today.year, 12, 31), quota=2)
    services.do_nominate_from_rankings(org.staff, selection)
    organiser = page_as(org.staff)
    organiser.goto(f"/learning/exemplars/{selection.pk}/")
    organiser.click("[data-testid=submit-selection]")
    organiser.wait_for_selector("text=已提交领导审核")
    assert "待审核" in organiser.inner_text("[data-testid=selection-status]")

    leader = page_as(org.principal)
    leader.goto("/reviews/")
    row = leader.locator("table tr", has_text=f"学习标兵评选：{today.year}年度学习标兵")
    row.wait_for()
    row.locator("a").first.click()
    leader.wait_for_selector("[data-testid=review-decide]")
    leader.click("[data-testid=review-decide] button:has-text('提交审核意见')")
    leader.wait_for_selector("text=还有2名提名人选未审核")
    for person in (org.cadre, org.section_chief):
        leader.locator(f"[data-testid=decide-{person.username}] button").click()
        leader.wait_for_selector("text=已记录审核意见")
    leader.click("[data-testid=review-decide] button:has-text('提交审核意见')")
    leader.wait_for_selector("text=审核意见已提交")
    assert "已审定，待发布" in leader.inner_text("[data-testid=selection-status]")
    screenshot(leader, "learning-exemplar-signed-off")
    leader.click("[data-testid=publish-selection]")
    leader.wait_for_selector("text=评选结果已发布")
    assert ExemplarSelection.objects.get().status == "published"

    organiser = page_as(org.staff)
    organiser.goto(f"/learning/exemplars/{selection.pk}/")
    assert "已发布" in organiser.inner_text("[data-testid=selection-status]")
    assert "审核通过" in organiser.inner_text("[data-testid=review-panel]")

    cadre = page_as(org.cadre, viewport=PHONE)
    cadre.goto("/learning/exemplars/")
    wall = cadre.inner_text("[data-testid=exemplar-wall]")
    assert org.cadre.name in wall and org.section_chief.name in wall
    screenshot(cadre, "learning-exemplars-phone")
