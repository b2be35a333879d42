"""learning 0005: a leave request's state is read from its review. A request that has a review keeps it
as it is; one that has none gets the review its mirrored state stood for, so the state read afterwards
is the state it had, and a pending one can still be decided through the workflow (the attendance of a
closed session following the decision)."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, eligible_users, open_review
from ideowork.core.models import Review
from ideowork.learning.actions.sessions import (do_decide_leave, do_request_leave, do_save_group,
                                                do_schedule_session)
from ideowork.learning.models import LeaveRequest
from tests.factories import build_org

from .migrating import migrate, migrated_to

BEFORE = ("learning", "0004_reviews_on_workflow")
AFTER = ("learning", "0005_leave_state_from_review")


@pytest.mark.django_db(transaction=True)
def test_mirrored_leave_states_become_reviews():
    org = build_org()
    group = do_save_group(org.staff, name="秘书科党支部", kind="branch", org_unit=org.office,
                          secretary=org.section_chief, members=[org.cadre, org.deputy, org.principal])
    session = do_schedule_session(org.staff, group=group, kind="study", title="集中学习",
                                  date=timezone.localdate() + timedelta(days=1), start_time=time(9, 0), host="张主任",
                                  agenda=[("学习重要讲话精神", True, "")])
    through_workflow = do_request_leave(org.principal, session, "出差")  # already has its review
    do_decide_leave(org.staff, through_workflow, approve=True)
    with migrated_to(BEFORE) as old:
        OldLeave = old.get_model("learning", "LeaveRequest")
        assert OldLeave.objects.get(pk=through_workflow.pk).status == "approved"
        yesterday = timezone.now() - timedelta(days=1)
        pending = OldLeave.objects.create(session_id=session.pk, user_id=org.cadre.pk, reason="家中有事").pk
        refused = OldLeave.objects.create(session_id=session.pk, user_id=org.deputy.pk, reason="外出", status="refused",
                                          decided_by_id=org.staff.pk, decided_at=yesterday).pk
        reviews_before = Review.objects.count()
        migrate(AFTER)

    assert Review.objects.count() == reviews_before + 2  # one for each request without a review
    kept = LeaveRequest.objects.get(pk=through_workflow.pk)
    assert kept.status == "approved" and kept.decided_by == org.staff
    refused = LeaveRequest.objects.get(pk=refused)
    assert refused.status == "rejected" and refused.get_status_display() == "未批准"
    assert refused.decided_by == org.staff and refused.decided_at is not None
    # The pending one is decided through the workflow, by whoever runs the group, never the requester.
    pending = LeaveRequest.objects.get(pk=pending)
    assert pending.status == "in_review" and pending.get_status_display() == "待审批" and pending.decided_by is None
    stage = active_stage(open_review(pending))
    deciders = set(eligible_users(stage))
    assert {org.staff, org.section_chief} <= deciders and org.cadre not in deciders and stage.due_at is not None
    do_decide_leave(org.section_chief, pending, approve=True)
    pending = LeaveRequest.objects.get(pk=pending.pk)
    assert pending.status == "approved" and pending.decided_by == org.section_chief
