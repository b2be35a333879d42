"""In a real browser, on an article's page: the section chief approves 初审, the proofreader returns it
to the author, the author revises and resubmits, 二校 passes on the new version, and the deputy sends
it back to 初审 — every step seen in the review panel and in 待我审核."""

import pytest

from ideowork.core.actions.reviews import active_stage, do_submit_for_review
from ideowork.core.models.reviews import ReviewStatus
from tests.conftest import screenshot

from .reviews_support import approve, make_article as make_content, revise

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _no_blockers(monkeypatch):
    monkeypatch.setattr("ideowork.outlets.actions.content.review_blockers", lambda content, stage: [])


def decide(page, decision, comment="", return_to=None):
    form = page.locator("[data-testid=review-decide]")
    form.locator(f"input[name=decision][value={decision}]").check()
    if return_to:
        form.locator("select[name=return_to]").select_option(label=return_to)
    if comment:
        form.locator("textarea[name=comment]").fill(comment)
    form.locator("button[type=submit]").click()


def stage_status(page, name):
    return page.locator(f"[data-testid='stage-{name}']").get_attribute("data-status")


def test_article_goes_through_returns_and_resubmission(org, page_as):
    item = make_content(org.office, org.cadre, title="市委编办开展机构编制政策宣讲活动",
                        body="11月20日，市委编办组织开展机构编制政策宣讲活动。")
    review = do_submit_for_review(org.cadre, item)
    approve(org.staff, review)  # 一校
    url = item.get_absolute_url()

    chief = page_as(org.section_chief)
    chief.goto("/reviews/")
    assert "市委编办开展机构编制政策宣讲活动" in chief.inner_text("[data-testid=review-inbox]")
    screenshot(chief, "core-review-inbox-chief")
    chief.click("text=市委编办开展机构编制政策宣讲活动")
    chief.wait_for_selector("[data-testid=review-decide]")
    assert "办理“初审”" in chief.inner_text("[data-testid=review-decide]")
    decide(chief, "approve", "同意，请继续校对。")
    chief.wait_for_selector("text=审核意见已提交。")
    assert stage_status(chief, "初审") == "approved" and stage_status(chief, "二校") == "active"
    assert chief.locator("[data-testid=review-decide]").count() == 0  # the chief is done here
    screenshot(chief, "core-review-panel-after-first-review")

    staff = page_as(org.staff)
    staff.goto(url)
    decide(staff, "return_author", "第二段“宣讲活动”时间表述不规范，请核实后修改。")
    staff.wait_for_selector("text=审核意见已提交。")
    assert stage_status(staff, "二校") == "returned"
    review.refresh_from_db()
    assert review.status == ReviewStatus.RETURNED

    author = page_as(org.cadre)
    author.goto("/reviews/?tab=mine")
    assert "退回修改" in author.inner_text("[data-testid=review-inbox]")
    author.goto(url)
    panel = author.inner_text("[data-testid=review-panel]")
    assert "时间表述不规范" in author.inner_text("[data-testid=review-returned]")
    assert author.locator("[data-testid=review-decide]").count() == 0
    screenshot(author, "core-review-panel-returned")

    revise(item, "2026年11月20日，市委编办组织开展机构编制政策宣讲活动。")
    do_submit_for_review(org.cadre, item)
    staff.goto("/reviews/")
    assert "第2版" in staff.inner_text("[data-testid=review-inbox]")
    screenshot(staff, "core-review-inbox-staff")
    staff.goto(url)
    assert "审核第2版" in staff.inner_text("[data-testid=review-decide]")
    decide(staff, "approve")
    staff.wait_for_selector("text=审核意见已提交。")

    deputy = page_as(org.deputy)
    deputy.goto(url)
    assert not deputy.locator("select[name=return_to]").is_visible()  # shown only for 退回至
    decide(deputy, "return_step", "导语请科室再把关。", return_to="初审")
    deputy.wait_for_selector("text=审核意见已提交。")
    assert stage_status(deputy, "初审") == "active" and stage_status(deputy, "二校") == "waiting"
    assert "退回至“初审”" in deputy.inner_text("[data-testid=review-panel]")
    screenshot(deputy, "core-review-panel-returned-to-step")
    review.refresh_from_db()
    assert review.status == ReviewStatus.IN_REVIEW and active_stage(review).name == "初审" and review.version == 2

    chief.goto(url)
    chief.wait_for_selector("[data-testid=review-decide]")
    screenshot(chief, "core-review-panel-decide")


def test_publicity_staff_set_up_a_flow(org, page_as):
    from ideowork.core.models.reviews import ReviewFlow

    staff = page_as(org.staff)
    staff.goto("/reviews/flows/")
    default = ReviewFlow.objects.get(org_unit=org.city, purpose="publish", is_default=True)
    assert "三审三校（默认流程）" in staff.inner_text(f"[data-testid=flow-{default.pk}]")
    screenshot(staff, "core-review-flows-default")
    staff.click("[data-testid=purpose-publish] >> text=新建审核流程")
    staff.fill("#id_name", "微信公众号审核流程")
    staff.fill("#id_steps-0-name", "校对")
    staff.locator("#id_steps-3-DELETE").check()
    staff.locator("#id_steps-4-DELETE").check()
    staff.locator("#id_steps-5-assignee").select_option(label="张主任（市委机构编制委员会办公室·第一责任人）")
    staff.locator("#id_steps-5-role").select_option(value="")
    screenshot(staff, "core-review-flow-form")
    staff.locator("main form[method=post] button[type=submit]").first.click()
    staff.wait_for_selector("text=审核流程“微信公众号审核流程”已保存。")
    flow = ReviewFlow.objects.get(name="微信公众号审核流程")
    assert [s.name for s in flow.steps.all()] == ["校对", "初审", "二校", "终审"]
    assert flow.steps.get(name="终审").assignee == org.principal
    screenshot(staff, "core-review-flows")
