"""Learning's approvals on the one workflow: a reflection's 审阅 and a 学习标兵 selection's sign-off are
reviews of core's workflow — who decides, the due date, the notifications, the state read from the
review, and the blockers — with the same outcome in the ledger and on the published list as before."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideowork.core.actions.reviews import (active_stage, do_decide, do_withdraw, eligible_users, latest_review,
                                           notify_overdue_stages, open_review, review_state)
from ideowork.core.models import Notification
from ideowork.core.models.reviews import Decision
from ideowork.ledger.models import Activity, TargetCredit
from ideowork.learning.actions import exemplars as services
from ideowork.learning.actions.points import do_award_points
from ideowork.learning.actions.reflections import (counts_by_author, do_resubmit_reflection, do_review_reflection,
                                                   do_submit_reflection)
from ideowork.learning.models import PointsEntry, Reflection
from tests.factories import make_plan

pytestmark = pytest.mark.date_sensitive  # due dates in working days; plans of the current year


def submit(org, group, title="学习全会精神的体会"):
    return do_submit_reflection(org.cadre, kind="insight", group=group, title=title, body="第一段。\n\n第二段。")


def decide(user, record, decision, comment=""):
    review = open_review(record)
    return do_decide(user, review, stage_id=active_stage(review).pk, version=review.version, decision=decision,
                     comment=comment)


# --- reflections --------------------------------------------------------------------------------------
def test_a_submitted_reflection_is_a_one_step_review_by_whoever_runs_the_group(org, group):
    reflection = submit(org, group)
    review = open_review(reflection)
    assert review.purpose == "reflection" and review.flow_name == "心得体会审阅（默认流程）"
    assert review.author == org.cadre and review_state(reflection) == "in_review" == reflection.status
    stage = active_stage(review)
    assert stage.name == "审阅" and stage.due_at is not None and stage.due_at > timezone.now()
    deciders = set(eligible_users(stage))
    assert org.section_chief in deciders and org.staff in deciders and org.cadre not in deciders
    request = Notification.objects.get(recipient=org.section_chief, kind="review")
    assert "《心得体会：学习全会精神的体会》" in request.title and request.url.endswith(f"/reflections/{reflection.pk}/")


def test_returning_and_accepting_are_the_reviews_decisions_and_accepting_counts_as_before(org, group):
    plan = make_plan(org.city, year=timezone.localdate().year)
    reflection = submit(org, group)
    with pytest.raises(ValidationError) as exc:  # reflections are returned for changes, not refused
        decide(org.section_chief, reflection, Decision.REJECT, "不好")
    assert "不能直接不同意" in str(exc.value)
    with pytest.raises(PermissionDenied):
        decide(org.supervisor, reflection, Decision.APPROVE)
    decide(org.section_chief, reflection, Decision.RETURN_AUTHOR, "请结合本职工作谈体会")
    assert reflection.status == "returned" and reflection.is_editable
    assert not Activity.objects.for_source(reflection).exists()
    assert Notification.objects.filter(recipient=org.cadre, title__contains="被退回修改").exists()
    # Requests to decide are closed once decided.
    assert not Notification.objects.filter(recipient=org.section_chief, kind="review", read_at__isnull=True).exists()

    do_resubmit_reflection(org.cadre, reflection, kind="insight", title="学习全会精神的体会", body="修改稿。")
    review = open_review(reflection)
    assert review.version == 2 and len(latest_review(reflection).decisions.all()) == 3  # one review throughout
    decide(org.staff, reflection, Decision.APPROVE)
    reflection.refresh_from_db()
    assert reflection.status == "approved" and not reflection.is_editable
    activity = Activity.objects.for_source(reflection).get()
    assert reflection.activity == activity and list(activity.participants.all()) == [org.cadre]
    target = plan.items.get(number=1).targets.get(per="person")
    assert TargetCredit.objects.filter(target=target, person=org.cadre, activity=activity).count() == 1
    assert PointsEntry.objects.filter(user=org.cadre, action="reflection").count() == 1
    assert counts_by_author(Reflection.objects.all(), reflection.year) == {org.cadre.pk: 1}
    assert Notification.objects.filter(recipient=org.cadre, title__contains="已通过审阅").exists()


def test_a_withdrawn_reflection_is_revised_and_submitted_as_a_new_review(org, group):
    reflection = submit(org, group)
    do_withdraw(org.cadre, open_review(reflection))
    assert reflection.status == "withdrawn" and reflection.is_editable
    with pytest.raises(ValidationError):
        do_review_reflection(org.section_chief, reflection, accept=True)
    do_resubmit_reflection(org.cadre, reflection, kind="insight", title="体会（修改稿）", body="修改稿。")
    assert reflection.status == "in_review" and open_review(reflection).decisions.count() == 1


def test_the_lists_read_the_state_from_the_review(org, group, login):
    accepted, waiting = submit(org, group, "通过的体会"), submit(org, group, "待审的体会")
    do_review_reflection(org.section_chief, accepted, accept=True)
    assert counts_by_author(Reflection.objects.all(), accepted.year, "in_review") == {org.cadre.pk: 1}
    page = login(org.section_chief).get("/learning/reflections/?scope=review").content.decode()
    assert "待审的体会" in page and "通过的体会" not in page
    page = login(org.cadre).get("/learning/reflections/?status=approved").content.decode()
    assert "通过的体会" in page and "待审的体会" not in page


# --- 学习标兵 ------------------------------------------------------------------------------------------
DAY = date(2026, 11, 18)


@pytest.fixture
def selection(org):
    for user, n in ((org.cadre, 5), (org.section_chief, 3)):
        for i in range(n):
            do_award_points(user, "read", ref=f"m:{i}", when=DAY)
    selection = services.do_create_selection(org.staff, title="2026年第四季度学习标兵", start=date(2026, 10, 1),
                                             end=date(2026, 12, 31), quota=2)
    services.do_nominate_from_rankings(org.staff, selection)
    return selection


def test_submitting_a_selection_opens_a_sign_off_by_the_organs_leaders(org, selection):
    services.do_submit_selection(org.staff, selection)
    review = open_review(selection)
    assert review.purpose == "approval" and review_state(selection) == "in_review"
    assert set(eligible_users(active_stage(review))) == {org.principal, org.deputy}
    assert active_stage(review).due_at is not None
    for leader in (org.principal, org.deputy):  # the workflow's request, not a hand-written one
        titles = list(Notification.objects.filter(recipient=leader).values_list("title", flat=True))
        assert titles == ["待审核：《学习标兵评选：2026年第四季度学习标兵》（审批）"]
    selection.refresh_from_db()
    assert selection.status == "draft" and selection.stage == ("ontrack", "待审核")
    assert not services.is_editable(selection)


def test_approval_with_undecided_nominees_is_refused_and_approval_allows_publishing(org, selection):
    services.do_submit_selection(org.staff, selection)
    first, second = selection.nominees.all()
    with pytest.raises(ValidationError) as exc:
        services.do_sign_off_selection(org.principal, selection, approve=True)
    assert "还有2名提名人选未审核" in str(exc.value)
    assert review_state(selection) == "in_review"
    with pytest.raises(PermissionDenied):  # only the step's deciders decide nominees
        services.do_decide_nominee(org.staff, first, decision="approved")
    services.do_decide_nominee(org.deputy, first, decision="approved")
    services.do_decide_nominee(org.principal, second, decision="rejected", comment="学习笔记不全")
    with pytest.raises(ValidationError) as exc:
        services.do_publish_selection(org.principal, selection)
    assert "尚未经领导审核通过" in str(exc.value)
    services.do_sign_off_selection(org.principal, selection, approve=True)
    assert review_state(selection) == "approved" and selection.stage == ("ontrack", "已审定，待发布")
    with pytest.raises(ValidationError):  # decided: the nominees are fixed now
        services.do_decide_nominee(org.principal, second, decision="approved")
    assert Notification.objects.filter(recipient=org.staff, title__contains="已批准").exists()
    services.do_publish_selection(org.deputy, selection)
    selection.refresh_from_db()
    assert selection.status == "published" and selection.stage == ("done", "已发布")
    assert Notification.objects.filter(recipient=first.user, title__contains="学习标兵").exists()


def test_all_refused_may_not_be_approved(org, selection):
    services.do_submit_selection(org.staff, selection)
    for nominee in selection.nominees.all():
        services.do_decide_nominee(org.principal, nominee, decision="rejected", comment="积分不足")
    with pytest.raises(ValidationError) as exc:
        services.do_sign_off_selection(org.principal, selection, approve=True)
    assert "没有同意的人选" in str(exc.value)


def test_a_returned_selection_is_a_draft_its_organiser_changes_and_submits_again(org, selection):
    services.do_submit_selection(org.staff, selection)
    with pytest.raises(ValidationError):
        services.do_sign_off_selection(org.principal, selection, approve=False, comment="")
    services.do_sign_off_selection(org.principal, selection, approve=False, comment="请补充推荐理由")
    assert review_state(selection) == "returned" and services.is_editable(selection)
    assert Notification.objects.filter(recipient=org.staff, title__contains="被退回修改").exists()
    services.do_remove_nominee(org.staff, selection.nominees.last())
    services.do_submit_selection(org.staff, selection)
    review = open_review(selection)
    assert review_state(selection) == "in_review" and review.version == 2


def test_an_overdue_sign_off_is_reminded(org, selection):
    services.do_submit_selection(org.staff, selection)
    assert notify_overdue_stages(now=timezone.now() + timedelta(days=10)) >= 2
    assert Notification.objects.filter(recipient=org.principal, title__startswith="审核超期").exists()
