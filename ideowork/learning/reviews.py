"""Learning's approvals on the core workflow: leave requests, reflections and 学习标兵 selections.

- A leave request is a one-step 审批 decided by whoever runs the session's group.
- A reflection's 审阅 is a purpose of its own (one step, decided by whoever runs the reflection's
  group; it is returned for changes, never refused); accepting it records it in the ledger.
- A 学习标兵 selection is a one-step 审批 decided by the organ's leaders: the leader decides each
  nominee while the step is open and may approve it only when every nominee is decided (a blocker);
  the approval is what allows the selection to be published.

Each organ's default flows are created when first needed; learning managers edit them on 审核流程设置
(e.g. to add a step), and every record gets the workflow's notifications, due dates and reminders.
"""

from ideowork.core.actions.review_registry import register_blocker, register_purpose, register_reviewable

__all__ = ["register_reviews", "REFLECTION_PURPOSE"]

REFLECTION_PURPOSE = "reflection"


def register_reviews() -> None:
    from .actions.exemplars import approval_blockers
    from .models import ExemplarSelection, LeaveRequest, Reflection

    register_purpose(REFLECTION_PURPOSE, "审阅", steps=(
        {"name": "审阅", "kind": "review", "role": "owner", "due_days": 5, "signs": True},),
        approved="已通过审阅", rejected="未通过审阅", flow_name="心得体会审阅（默认流程）")
    register_reviewable(LeaveRequest, purpose="approval", editors="learning.manage")
    register_reviewable(Reflection, purpose=REFLECTION_PURPOSE, editors="learning.manage")
    register_reviewable(ExemplarSelection, purpose="approval", editors="learning.manage")
    register_blocker(ExemplarSelection, approval_blockers)
