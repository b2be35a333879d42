"""learning 0004: reflections and selections that were reviewed by hand get the reviews their states
stand for, so that the state read from the review is the state they had, and the open ones can be
decided through the workflow."""

import pytest
from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, eligible_users, open_review
from ideowork.learning.actions import exemplars as services
from ideowork.learning.actions.reflections import do_review_reflection
from ideowork.learning.models import ExemplarSelection, Reflection
from tests.factories import build_org

from .migrating import migrate, migrated_to

BEFORE = ("learning", "0003_activity_source_record")
AFTER = ("learning", "0004_reviews_on_workflow")


@pytest.mark.django_db(transaction=True)
def test_states_kept_by_hand_become_reviews():
    org = build_org()
    with migrated_to(BEFORE) as old:
        Group = old.get_model("learning", "StudyGroup")
        OldReflection = old.get_model("learning", "Reflection")
        OldReview = old.get_model("learning", "ReflectionReview")
        OldSelection = old.get_model("learning", "ExemplarSelection")
        Nominee = old.get_model("learning", "ExemplarNominee")
        group = Group.objects.create(name="秘书科党支部", kind="branch", org_unit_id=org.office.pk,
                                     secretary_id=org.section_chief.pk)
        now = timezone.now()

        def reflection(title, status, history=()):
            row = OldReflection.objects.create(kind="insight", author_id=org.cadre.pk, group=group,
                                               org_unit_id=org.office.pk, title=title, body="正文", status=status,
                                               year=now.year, submitted_at=now,
                                               reviewer_id=org.section_chief.pk if history else None,
                                               review_comment=history[-1][1] if history else "",
                                               reviewed_at=now if history else None)
            for decision, comment in history:
                OldReview.objects.create(reflection=row, reviewer_id=org.section_chief.pk, decision=decision,
                                         comment=comment)
            return row.pk

        waiting = reflection("待审的体会", "submitted")
        returned = reflection("退回的体会", "returned", [("returned", "请补充举措")])
        accepted = reflection("通过的体会", "accepted", [("returned", "请补充"), ("accepted", "")])
        selection = OldSelection.objects.create(org_unit_id=org.city.pk, title="第四季度学习标兵", start=now.date(),
                                                end=now.date(), quota=1, status="reviewing",
                                                created_by_id=org.staff.pk, submitted_at=now)
        Nominee.objects.create(selection=selection, user_id=org.cadre.pk, points=5, rank=1)

        migrate(AFTER)

    assert Reflection.objects.get(pk=waiting).status == "in_review"
    assert Reflection.objects.get(pk=accepted).status == "approved"
    returned = Reflection.objects.get(pk=returned)
    assert returned.status == "returned" and returned.is_editable
    assert [d.decision for d in open_review(returned).decisions.all()] == ["submit", "return_author"]
    # The open one is decided through the workflow, by whoever runs the group.
    stage = active_stage(open_review(Reflection.objects.get(pk=waiting)))
    assert org.section_chief in set(eligible_users(stage)) and stage.due_at is not None
    do_review_reflection(org.section_chief, Reflection.objects.get(pk=waiting), accept=True)
    assert Reflection.objects.get(pk=waiting).activity is not None

    selection = ExemplarSelection.objects.get()
    assert selection.status == "draft" and selection.stage == ("ontrack", "待审核")
    assert set(eligible_users(active_stage(open_review(selection)))) == {org.principal, org.deputy}
    services.do_decide_nominee(org.principal, selection.nominees.get(), decision="approved")
    services.do_sign_off_selection(org.principal, selection, approve=True)
    services.do_publish_selection(org.principal, selection)
