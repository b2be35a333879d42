"""In a real browser, the whole 三审三校 of an article: the cadre writes and submits it; the section
chief passes 初审; the deputy returns it with a comment; the cadre revises, compares the versions and
resubmits; the deputy passes 复审; the leader cannot sign while a proofreading error is open, keeps
it with a reason and signs; the publicity staff publish it and the ledger counts it."""

import pytest
from django.utils import timezone

from ideowork.core.actions.reviews import do_save_flow
from ideowork.ledger.models import Activity, TargetCredit
from ideowork.outlets.models import ContentItem, FindingWaiver
from ideowork.plans.models import Target
from tests.conftest import screenshot
from tests.factories import make_plan

from .test_content import WRONG, add_rule, make_outlet

pytestmark = pytest.mark.browser

DRAFT = (f"今年以来，市委编办坚持把{WRONG}工作放在全局中谋划，扎实推进各项改革任务。\n"
         "一是深化机构改革，稳妥推进市县机构改革任务落实。\n"
         "二是严格编制管理，全年审核机构编制事项一百二十余件。")
REVISED = DRAFT.replace("一百二十余件", "126件，办结率100%") + "\n三是强化监督检查，对发现的问题督促限期整改。"


def decide(page, label, comment=""):
    page.locator("[data-testid=review-decide]").get_by_label(label, exact=True).check()
    if comment:
        page.fill("[data-testid=review-decide] textarea[name=comment]", comment)
    page.click("[data-testid=review-decide] button[type=submit]")


def review(page, url, label="通过", comment=""):
    """The reviewer opens the item at ``url`` and decides; the decision is taken."""
    page.goto(url)
    decide(page, label, comment)
    page.wait_for_selector("text=审核意见已提交")


def write_draft(page, title, body, **choices):
    """The author writes a draft from the content list; ``choices`` set its select fields (kind, outlet)."""
    page.goto("/outlets/content/")
    page.click("text=＋ 撰写稿件")
    for name, value in choices.items():
        page.select_option(f"#id_{name}", value)
    page.fill("#id_title", title)
    page.fill("#id_body", body)
    page.click("main form button:has-text('保存草稿')")


def test_an_article_goes_through_review_to_the_ledger(org, page_as, client):
    today = timezone.localdate()
    plan = make_plan(org.city, year=today.year, creator=org.staff)
    target = Target.objects.create(item=plan.items.get(number=2), text="全年在本单位公众号刊发稿件不少于50篇", count=50,
                                   unit="篇", period="year", activity_kinds=["publication"], order=5)
    rule = add_rule(org)
    flow = do_save_flow(org.staff, None, org_unit=org.city, name="公众号三审", steps=[
        {"name": "初审", "kind": "review", "role": "section_chief", "due_days": 2, "signs": False},
        {"name": "复审", "kind": "review", "role": "deputy", "due_days": 2, "signs": False},
        {"name": "终审", "kind": "review", "role": "head", "due_days": 2, "signs": True}])
    outlet = make_outlet(org, flow=flow)

    # The cadre writes the article and sees the proofreader's finding in place.
    cadre = page_as(org.cadre)
    write_draft(cadre, "市委编办扎实推进机构编制工作", DRAFT, outlet=str(outlet.pk))
    cadre.wait_for_selector("text=请核对校对结果后提交审核")
    content = ContentItem.objects.get()
    assert cadre.inner_text("[data-testid=doc-body] mark.pf-error") == WRONG
    cadre.click("[data-testid=submit-review]")
    cadre.wait_for_selector("text=审核期间稿件锁定")

    # 初审: the section chief passes it.
    review(page_as(org.section_chief), content.get_absolute_url())

    # 复审: the deputy returns it to the author with a comment.
    deputy = page_as(org.deputy)
    review(deputy, content.get_absolute_url(), "退回作者修改", "第二段请写明具体数字，并补充监督检查工作。")

    # The author revises (a new version), compares the two and resubmits.
    cadre.goto(content.get_absolute_url())
    cadre.get_by_role("link", name="修改", exact=True).click()
    assert "补充监督检查工作" in cadre.inner_text("[data-testid=return-comment]")
    cadre.fill("#id_body", REVISED)
    cadre.fill("#id_note", "按复审意见补充数字和监督检查内容")
    cadre.click("main form button:has-text('保存为新版本')")
    cadre.wait_for_selector("text=已保存为第2版")
    cadre.click("text=对照上一版")
    diff = cadre.locator("[data-testid=diff]")
    inserted = diff.locator("ins").all_inner_texts()
    assert "126" in inserted and "三是强化监督检查，对发现的问题督促限期整改。" in inserted
    assert "一百二十余" in "".join(diff.locator("del").all_inner_texts())
    screenshot(cadre, "outlets-content-compare")
    cadre.goto(content.get_absolute_url())
    cadre.click("[data-testid=submit-review]")
    cadre.wait_for_selector("text=已提交审核（第2版）")

    # 复审 again on the new version, then 终审.
    review(deputy, content.get_absolute_url())

    leader = page_as(org.principal)
    leader.goto(content.get_absolute_url())
    assert "1" in leader.inner_text("[data-testid=open-errors]")
    screenshot(leader, "outlets-content-review-page")
    decide(leader, "通过")
    leader.wait_for_selector("text=校对错误未修改或确认保留，不能签发")
    assert leader.get_attribute("[data-testid=stage-终审]", "data-status") == "active"
    finding = leader.locator(f".finding[data-rule='{rule.code}']")
    finding.locator("summary").click()
    finding.locator("input[name=reason]").fill("引用省委文件原标题，保持原样")
    finding.locator("button:has-text('确认保留')").click()
    leader.wait_for_selector("[data-testid=waiver]")
    assert FindingWaiver.objects.get().created_by == org.principal
    decide(leader, "通过")
    leader.wait_for_selector("text=审核意见已提交")
    assert leader.get_attribute("[data-testid=stage-终审]", "data-status") == "approved"

    # The publicity staff publish it; it is in the ledger and counts.
    staff = page_as(org.staff)
    staff.goto(content.get_absolute_url())
    staff.click("text=登记发布")
    staff.fill("#id_where", "https://mp.weixin.qq.com/s/bianban-2026")
    staff.click("main form button:has-text('确认发布')")
    staff.wait_for_selector("[data-testid=published-info]")
    content.refresh_from_db()
    assert content.status == "published" and content.published_version == 2
    activity = Activity.objects.for_source(content).get(source="outlets")
    assert TargetCredit.objects.filter(activity=activity, target=target).exists()
    screenshot(staff, "outlets-content-published")


def test_the_demo_items_read_well(org, page_as, client):
    """The demo's items at every stage: the list, a long text in 复审 with its findings, the history."""
    from .test_content_demo import build_small_demo

    build_small_demo(org)
    deputy = page_as(org.deputy)
    deputy.goto("/outlets/content/?tab=all")
    rows = deputy.locator("[data-testid=content-table] tbody tr")
    assert rows.count() == 8
    screenshot(deputy, "outlets-content-list")
    in_review = ContentItem.objects.with_status().get(state="in_review")
    deputy.goto(in_review.get_absolute_url())
    assert deputy.locator("[data-testid=doc-body] mark.pf-error").count() == 2
    assert deputy.locator("[data-testid=review-decide]").count() == 1  # 复审 is the deputy's
    screenshot(deputy, "outlets-content-in-review")
    returned = ContentItem.objects.with_status().get(state="returned")
    deputy.goto(f"/outlets/content/{returned.pk}/versions/")
    assert deputy.locator("[data-testid=versions] tbody tr").count() == 2
    screenshot(deputy, "outlets-content-versions")
