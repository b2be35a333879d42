"""In a real browser: a learning manager (not only publicity staff) edits the organ's 审批 flow on
审核流程设置, and the next leave request runs through the edited flow."""

import pytest

from ideowork.core.models.reviews import ReviewFlow
from tests.conftest import screenshot


pytestmark = pytest.mark.browser


def test_a_learning_manager_edits_the_approval_flow(org, page_as, client, monkeypatch):
    # The staff member holds learning.manage; take publishing away to show the purpose's capability decides.
    real = type(org.staff).has_capability
    monkeypatch.setattr(type(org.staff), "has_capability",
                        lambda user, code: code != "outlets.publish" and real(user, code))
    manager = page_as(org.staff)
    manager.goto("/reviews/flows/")
    approval = manager.locator("[data-testid=purpose-approval]")
    approval.wait_for()
    assert manager.locator("[data-testid=purpose-publish] a:has-text('新建')").count() == 0
    flow = ReviewFlow.objects.get(org_unit=org.city, purpose="approval", is_default=True)
    manager.click(f"[data-testid=flow-{flow.pk}] a:has-text('编辑')")
    manager.fill("#id_steps-0-name", "组织者审批")
    manager.fill("#id_steps-0-due_days", "1")
    screenshot(manager, "review-flow-approval-edit")
    manager.click("button:has-text('保存流程')")
    manager.wait_for_selector("text=已保存")
    assert "组织者审批" in manager.inner_text(f"[data-testid=flow-{flow.pk}]")
    step = flow.steps.get()
    assert (step.name, step.role, step.due_days) == ("组织者审批", "owner", 1)
