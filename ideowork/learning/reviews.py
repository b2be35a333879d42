"""Learning's approvals on the core workflow: a leave request is a one-step 审批.

The organ's default 审批 flow (one step decided by the record's own deciders, here whoever runs the
session's group) is created when first needed; learning managers edit it on 审核流程设置, e.g. to
add a leader's step, and the request gets the workflow's notifications, due date and reminders.
"""

from ideowork.core.actions.review_registry import register_reviewable

__all__ = ["register_reviews"]


def register_reviews() -> None:
    from .models import LeaveRequest

    register_reviewable(LeaveRequest, purpose="approval", editors="learning.manage")
