"""In a real browser: small finishing touches of the outlets area — a waived proofreading finding
looks muted in the review page, and an approved interview request reads 已批准."""

import pytest

from ideowork.outlets.actions.content import do_submit_content, do_waive_finding
from tests.conftest import screenshot

from .test_content import WRONG, add_rule, make_outlet, short_flow, write

pytestmark = pytest.mark.browser


def test_a_waived_finding_is_muted_with_its_reason(org, page_as):
    rule = add_rule(org)
    add_rule(org, pattern="全局中谋划", suggestion="全局中统筹谋划")  # an open one next to it
    content = write(org, make_outlet(org, flow=short_flow(org)))
    do_submit_content(org.cadre, content)
    do_waive_finding(org.staff, content, rule=rule.code, text=WRONG, reason="引用文件原标题")
    page = page_as(org.section_chief)
    page.goto(content.get_absolute_url())
    waived = page.locator("[data-testid=doc-body] mark.proof-waived").first
    assert waived.inner_text() == WRONG
    assert "已确认保留：引用文件原标题" in waived.get_attribute("title")
    style = page.evaluate("""() => { const s = getComputedStyle(document.querySelector(
        '[data-testid=doc-body] mark.proof-waived')); return [s.borderBottomStyle, s.backgroundColor]; }""")
    assert style == ["dotted", "rgba(0, 0, 0, 0)"]
    assert page.locator("[data-testid=doc-body] mark.pf-error").count() == 1
    screenshot(page, "outlets-content-waived-finding")


def test_approved_interview_request_reads_approved(org, page_as):
    from ideowork.outlets.choices import ContentKind

    from .test_content import _approved

    interview = _approved(org, None, kind=ContentKind.INTERVIEW)
    page = page_as(org.staff)
    page.goto(interview.get_absolute_url())
    assert "已批准" in page.inner_text("h1")
    screenshot(page, "outlets-interview-approved")
    page.goto("/outlets/publicity/")
    row = page.locator("tr", has_text=interview.title)
    assert "已批准" in row.inner_text() and "待发布" not in row.inner_text()
    screenshot(page, "outlets-placement-list-approvals")
