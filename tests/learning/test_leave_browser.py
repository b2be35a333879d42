"""In a real browser: a member asks for leave; the request is a one-step 审批 of the workflow, so
the organiser finds it in 待我审核 with its due date, approves it in one step, and the request to
decide is closed while the member is told it was approved."""

import pytest

from ideowork.core.models import Notification
from ideowork.learning.models import LeaveRequest
from tests.conftest import screenshot

from .test_sessions import schedule

pytestmark = pytest.mark.browser


def test_a_leave_request_is_approved_in_one_step(org, page_as):
    session = schedule(org)
    member = page_as(org.deputy)
    member.goto(f"/learning/sessions/{session.pk}/")
    member.fill(".leave-form input[name=reason]", "外出参加全省会议")
    member.click(".leave-form button:has-text('请假')")
    member.wait_for_selector("text=请假申请已提交")
    leave = LeaveRequest.objects.get()

    organiser = page_as(org.staff)
    organiser.goto("/reviews/")
    row = organiser.locator("table tr", has_text="请假申请：李副主任")
    row.wait_for()
    screenshot(organiser, "leave-in-review-inbox")
    organiser.goto(f"/learning/sessions/{session.pk}/")
    organiser.click("[data-testid=pending-leaves] button:has-text('批准')")
    organiser.wait_for_selector("text=已批准")
    leave.refresh_from_db()
    assert leave.status == "approved" and leave.decided_by == org.staff
    assert not Notification.objects.filter(recipient=org.staff, title__contains="请假申请：李副主任",
                                           read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=org.deputy, title__contains="已批准").exists()

    member = page_as(org.deputy)
    member.goto("/notifications/")
    member.wait_for_selector("text=《请假申请：李副主任（学习贯彻党的二十届四中全会精神）》已批准")
