"""In a real browser: the city's staff judge an event and assign it to a county bureau; the county's staff
respond with a file, record joint handling and ask for 销号; the leaders approve it through the review;
the event is closed, on the 舆情台账 and in the ledger. The patrol page at a phone's size."""

import pytest

from ideowork.core.actions.reviews import active_stage, do_decide, open_review
from ideowork.core.actions.review_queries import can_decide_stage
from ideowork.ledger.models import Activity
from ideowork.opinion.models import Event
from tests.conftest import PHONE, screenshot

from .handling_builders import make_event

pytestmark = pytest.mark.browser
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


def submit(page, testid):
    page.locator(f"[data-testid={testid}] button[type=submit]").click()


def test_an_event_from_judgement_through_assignment_and_response_to_closeout(org, page_as, tmp_path):
    event = make_event(org.city, title="城区某小区违建整治引发居民关注", grade="2", items=3)
    staff = page_as(org.staff)
    staff.goto(event.get_absolute_url())
    staff.wait_for_selector("[data-testid=handling-panel]")
    screenshot(staff, "opinion-handling-judge")
    staff.select_option("[data-testid=judge] select[name=grade]", "3")
    staff.fill("[data-testid=judge] textarea[name=reason]", "涉及群众切身利益，本地论坛转载较快。")
    submit(staff, "judge")
    staff.wait_for_selector("text=已完成研判")
    staff.click("[data-testid=assign] summary")
    staff.select_option("[data-testid=assign] select[name=unit]", str(org.county_a.pk))
    staff.fill("[data-testid=assign] textarea[name=instructions]", "请核实违建整治进展，24小时内回应关切。")
    submit(staff, "assign")
    staff.wait_for_selector("text=已交办处置")
    assert "甲县委编办" in staff.inner_text("[data-testid=assigned-unit]")

    county = page_as(org.county_staff)
    county.goto(event.get_absolute_url())
    county.fill("[data-testid=respond] textarea[name=text]", "经核实，该小区违建已于12月2日拆除，已在政务平台回复网民。")
    photo = tmp_path / "现场照片.png"
    from tests.ledger.files import photo as make_photo
    photo.write_bytes(make_photo().read())
    county.set_input_files("[data-testid=respond] input[type=file]", str(photo))
    submit(county, "respond")
    county.wait_for_selector("text=已登记回应")
    county.click("[data-testid=joint] summary")
    county.fill("[data-testid=joint] input[name=department]", "县住建局")
    county.fill("[data-testid=joint] textarea[name=text]", "现场核查并督促拆除。")
    submit(county, "joint")
    county.wait_for_selector("text=已登记联合处置情况")
    county.fill("[data-testid=closeout] textarea[name=result]", "违建已拆除，网民回帖表示满意，舆情平息。")
    county.once("dialog", lambda dialog: dialog.accept())
    submit(county, "closeout")
    county.wait_for_selector("text=已提交销号申请")
    assert "待销号" in county.inner_text("[data-testid=handling-panel]")
    assert "现场照片.png" in county.inner_text("[data-testid=handling-steps]")
    screenshot(county, "opinion-handling-closing")

    review = open_review(event)
    deciders = [org.section_chief, org.deputy, org.principal]
    while (stage := active_stage(review)) is not None and stage.order < review.stages.order_by("-order").first().order:
        decider = next(p for p in deciders if can_decide_stage(p, stage))
        do_decide(decider, review, stage_id=stage.pk, version=review.version, decision="approve")
        review.refresh_from_db()
    leader = page_as(next(p for p in deciders if can_decide_stage(p, active_stage(review))))
    leader.goto(event.get_absolute_url())
    leader.locator("[data-testid=review-decide]").get_by_label("通过", exact=True).check()
    leader.click("[data-testid=review-decide] button[type=submit]")
    leader.wait_for_selector("text=审核意见已提交")
    assert "已销号" in leader.inner_text("[data-testid=handling-panel]")
    screenshot(leader, "opinion-handling-closed")
    assert Event.objects.get(pk=event.pk).status == "closed"
    assert Activity.objects.for_source(event).count() == 1

    leader.goto("/opinion/ledger/")
    leader.wait_for_selector("[data-testid=event-ledger]")
    assert "县住建局" in leader.inner_text("[data-testid=event-ledger]")
    screenshot(leader, "opinion-event-ledger")


def test_the_patrol_and_an_event_on_a_phone(org, page_as):
    event = make_event(org.city, title="城区停车收费标准调整引发讨论", items=2)
    staff = page_as(org.staff, viewport=PHONE)
    staff.goto("/opinion/patrol/")
    assert staff.inner_text("[data-testid=queue-count]") == "2"
    staff.tap("[data-testid=patrolled]")
    staff.wait_for_selector("[data-testid=patrol-recorded]")
    assert staff.evaluate(OVERFLOW) <= 0
    screenshot(staff, "opinion-patrol-phone")
    staff.tap("[data-testid=waiting-events] a")
    staff.wait_for_selector("[data-testid=handling-panel]")
    assert staff.evaluate(OVERFLOW) <= 0
    screenshot(staff, "opinion-handling-phone")
