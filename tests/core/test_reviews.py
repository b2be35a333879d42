"""The review workflow (三审三校) on the test-only Memo: submitting, deciding, returning, withdrawing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideowork.core.actions import reviews as workflow
from ideowork.core.actions.reviews import (active_stage, add_working_days, awaiting, can_decide, do_decide,
                                           do_submit_for_review, do_withdraw, eligible_users, is_locked,
                                           default_flow, open_review, review_state, steps_for)
from ideowork.core.choices import Role
from ideowork.core.models import AuditEvent, Notification, User
from ideowork.core.models.reviews import (Review, ReviewDecision, ReviewFlow, ReviewFlowStep,
                                          ReviewStage, ReviewStatus, StageStatus, StepKind)
from tests.factories import make_user
from tests.reviewapp.models import BLOCKERS

from .reviews_support import approve_through, make_content, revise, stage


@pytest.fixture(autouse=True)
def _core_only(settings, monkeypatch):
    """The workflow's own rules: the content area's blockers and pages are tested by that area."""
    settings.ROOT_URLCONF = "tests.core.reviews_urls"
    monkeypatch.setitem(BLOCKERS, "reasons", [])


@pytest.fixture
def content(org):
    return make_content(org.office, org.cadre)


@pytest.fixture
def review(org, content):
    return do_submit_for_review(org.cadre, content)


def decide(user, review, name, decision="approve", **extra):
    extra.setdefault("version", review.version)
    return do_decide(user, review, stage_id=stage(review, name).pk, decision=decision, **extra)


def flow_of(org_unit, *steps, name="测试流程"):
    flow = ReviewFlow.objects.create(org_unit=org_unit, name=name, purpose="publish")
    for order, step in enumerate(steps, start=1):
        ReviewFlowStep.objects.create(flow=flow, order=order, **{"due_days": 2, "signs": False, **step})
    return flow


# --- submitting ------------------------------------------------------------------------------------
def test_the_default_flow_is_the_organs_own_data(org):
    steps = steps_for(default_flow(org.city, "publish"))
    assert [s["name"] for s in steps] == ["一校", "初审", "二校", "复审", "三校", "终审"]
    assert [s["signs"] for s in steps] == [False] * 5 + [True]
    assert all(s["assignee"] is None for s in steps)
    assert default_flow(org.city, "publish") == ReviewFlow.objects.get(org_unit=org.city, is_default=True)


def test_submit_copies_the_flow_and_activates_the_first_stage(org, content):
    review = do_submit_for_review(org.cadre, content)
    content.refresh_from_db()
    assert review_state(content) == ReviewStatus.IN_REVIEW
    assert review.status == ReviewStatus.IN_REVIEW and review.author == org.cadre
    assert (review.version, review.version_digest) == content.review_version()
    assert [s.name for s in review.stages.all()] == ["一校", "初审", "二校", "复审", "三校", "终审"]
    first = active_stage(review)
    assert first.name == "一校" and first.activated_at is not None and first.due_at > first.activated_at
    assert list(review.stages.exclude(pk=first.pk).values_list("status", flat=True)) == [StageStatus.WAITING] * 5
    assert Notification.objects.filter(recipient=org.staff, kind="review", title__contains="一校").exists()
    assert not Notification.objects.filter(recipient=org.section_chief).exists()
    assert AuditEvent.objects.filter(event_type="core.review.submit", actor=org.cadre).exists()
    assert is_locked(content) and open_review(content) == review


def test_submitting_twice_is_refused(org, review, content):
    with pytest.raises(ValidationError, match="已在审核中"):
        do_submit_for_review(org.cadre, content)
    assert Review.objects.count() == 1


def test_a_section_without_a_chief_goes_to_the_organs_chiefs(org):
    item = make_content(org.theory, org.supervisor)  # the theory section has no chief
    review = do_submit_for_review(org.supervisor, item)
    assert list(eligible_users(stage(review, "初审"))) == [org.section_chief]


def test_a_stage_nobody_can_decide_is_refused_naming_whom_to_ask(org):
    # the government organ has one staff member and no leaders: nobody else can review its record
    item = make_content(org.gov, org.gov_staff)
    with pytest.raises(ValidationError) as caught:
        do_submit_for_review(org.gov_staff, item)
    message = caught.value.messages[0]
    assert message.startswith("环节“一校”没有可办理的人员") and "为本单位的“发布审核”流程指定办理人" in message
    assert not Review.objects.exists()
    assert review_state(item) == ""

def test_the_author_never_decides_so_a_lone_proofreaders_own_work_goes_to_a_leader(org):
    item = make_content(org.office, org.staff)  # the only staff member wrote it: 校 falls back to a leader
    review = do_submit_for_review(org.staff, item)
    first = stage(review, "一校")
    assert first.planned_role == Role.STAFF and first.role == Role.DEPUTY
    assert list(eligible_users(first)) == [org.deputy]


def test_a_flow_of_another_organ_is_refused(org, content):
    flow = flow_of(org.gov, {"name": "审核", "kind": StepKind.REVIEW, "role": Role.STAFF, "signs": True})
    with pytest.raises(PermissionDenied):
        do_submit_for_review(org.cadre, content, flow=flow)


def test_someone_who_cannot_see_the_subject_cannot_submit_it(org, content):
    with pytest.raises(PermissionDenied):
        do_submit_for_review(org.county_staff, content)
    with pytest.raises(PermissionDenied):
        do_submit_for_review(org.sysadmin, content)


# --- who decides -----------------------------------------------------------------------------------
def test_the_full_three_reviews_three_proofreads(org, review, content):
    for name, user in [("一校", org.staff), ("初审", org.section_chief), ("二校", org.staff), ("复审", org.deputy),
                       ("三校", org.staff)]:
        decide(user, review, name)
        review.refresh_from_db()
        assert review.status == ReviewStatus.IN_REVIEW
        assert stage(review, name).decided_by == user
    assert Notification.objects.filter(recipient=org.principal, title__contains="终审").exists()
    decide(org.principal, review, "终审", comment="同意刊发。")
    review.refresh_from_db()
    content.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED and review.finished_at is not None
    assert review.signed_by == org.principal
    assert review_state(content) == ReviewStatus.APPROVED and not is_locked(content)
    assert set(review.stages.values_list("status", flat=True)) == {StageStatus.APPROVED}
    assert set(review.stages.values_list("decided_version", flat=True)) == {1}
    decisions = list(review.decisions.values_list("decision", "version", "version_digest"))
    assert len(decisions) == 7 and all(d[1] == 1 and d[2] == review.version_digest for d in decisions)
    assert Notification.objects.filter(recipient=org.cadre, title__contains="已审核通过").exists()
    assert AuditEvent.objects.filter(event_type="core.review.approve").count() == 6


def test_the_next_stage_is_due_in_working_days(org, review):
    decide(org.staff, review, "一校")
    chief = stage(review, "初审")
    start = timezone.localtime(chief.activated_at)
    assert chief.due_at == add_working_days(start, 2)
    assert timezone.localtime(chief.due_at).weekday() < 5


def test_working_days_skip_weekends():
    friday = datetime.datetime(2026, 11, 20, 9, 0)
    assert add_working_days(friday, 1) == datetime.datetime(2026, 11, 23, 9, 0)  # Monday
    assert add_working_days(friday, 3) == datetime.datetime(2026, 11, 25, 9, 0)
    saturday = datetime.datetime(2026, 11, 21, 9, 0)
    assert add_working_days(saturday, 1) == datetime.datetime(2026, 11, 23, 9, 0)
    assert add_working_days(friday, 0) == friday


def test_only_eligible_people_decide(org, review):
    for outsider in (org.section_chief, org.deputy, org.cadre, org.county_staff, org.gov_staff):
        with pytest.raises(PermissionDenied):
            decide(outsider, review, "一校")
    assert can_decide(org.staff, review) and not can_decide(org.cadre, review)
    assert list(eligible_users(active_stage(review))) == [org.staff]
    assert review.decisions.count() == 1 and active_stage(review).name == "一校"


def test_a_section_record_is_reviewed_by_its_own_chief(org, review):
    other_chief = make_user("other_chief", Role.SECTION_CHIEF, org.theory, "陈科长")
    decide(org.staff, review, "一校")
    with pytest.raises(PermissionDenied):
        decide(other_chief, review, "初审")
    decide(org.section_chief, review, "初审")


def test_an_organ_record_goes_to_the_authors_own_section_chief_only(org):
    other = make_user("other_chief", Role.SECTION_CHIEF, org.theory, "陈科长")
    item = make_content(org.city, org.cadre)
    review = do_submit_for_review(org.cadre, item)
    decide(org.staff, review, "一校")
    assert {u.username for u in eligible_users(stage(review, "初审"))} == {"section_chief"}
    assert not awaiting(other).exists() and awaiting(org.section_chief).exists()


def test_a_section_chiefs_own_briefing_skips_their_own_stage_and_bothers_no_other_chief(org):
    other = make_user("other_chief", Role.SECTION_CHIEF, org.theory, "陈科长")
    review = do_submit_for_review(org.section_chief, make_content(org.city, org.section_chief))
    assert stage(review, "初审").status == StageStatus.SKIPPED
    decide(org.staff, review, "一校")
    assert active_stage(review).name == "二校"
    assert not Notification.objects.filter(recipient=other).exists()
    for name, person in (("二校", org.staff), ("复审", org.deputy), ("三校", org.staff), ("终审", org.principal)):
        decide(person, review, name)
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED and review.signed_by == org.principal


def test_an_organ_without_the_middle_roles_skips_those_levels(org):
    make_user("gov_head", Role.HEAD, org.gov, "冯秘书长")
    cadre = make_user("gov_cadre", Role.CADRE, org.gov, "彭科员")
    review = do_submit_for_review(cadre, make_content(org.gov, cadre))
    states = {s.name: s.status for s in review.stages.all()}
    assert states["初审"] == states["复审"] == StageStatus.SKIPPED
    for name in ("一校", "二校", "三校"):
        decide(org.gov_staff, review, name)
    decide(User.objects.get(username="gov_head"), review, "终审")
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED


def test_requests_are_closed_when_the_stage_is_decided(org, review):
    request = Notification.objects.get(recipient=org.staff, title__contains="一校")
    assert request.read_at is None
    decide(org.staff, review, "一校")
    request.refresh_from_db()
    assert request.read_at is not None
    assert Notification.objects.filter(recipient=org.section_chief, read_at__isnull=True).exists()
    workflow.do_withdraw(org.cadre, review)
    assert not Notification.objects.filter(recipient=org.section_chief, title__startswith="待审核",
                                           read_at__isnull=True).exists()


def test_a_one_step_approval_goes_to_the_records_owner_and_may_be_refused(org):
    flow = workflow.do_save_flow(org.staff, None, org_unit=org.city, name="审批", purpose="publish", is_default=False,
                                 steps=[{"name": "审批", "kind": "review", "role": "owner", "due_days": 1}])
    memo = make_content(org.office, org.cadre, owner=org.supervisor)
    review = do_submit_for_review(org.cadre, memo, flow=flow)
    assert list(eligible_users(active_stage(review))) == [org.supervisor]
    assert awaiting(org.supervisor).get() == review


def test_three_reviews_need_three_different_people(org):
    second = make_user("other_chief", Role.SECTION_CHIEF, org.theory, "陈科长")
    flow = flow_of(org.city, {"name": "初审", "kind": StepKind.REVIEW, "role": Role.SECTION_CHIEF},
                   {"name": "校对", "kind": StepKind.PROOFREAD, "role": Role.SECTION_CHIEF},
                   {"name": "复审", "kind": StepKind.REVIEW, "role": Role.SECTION_CHIEF, "signs": True})
    author = make_user("organ_cadre", Role.CADRE, org.city, "机关干部")  # in no section: any chief of the organ
    review = do_submit_for_review(author, make_content(org.city, author), flow=flow)
    decide(org.section_chief, review, "初审")
    decide(org.section_chief, review, "校对")  # proofreading is not a 审: the same person may do it
    with pytest.raises(PermissionDenied):
        decide(org.section_chief, review, "复审")
    assert list(eligible_users(stage(review, "复审"))) == [second]
    decide(second, review, "复审")
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED and review.signed_by == second


def test_a_named_assignee_alone_decides(org):
    flow = flow_of(org.city, {"name": "校对", "kind": StepKind.PROOFREAD, "assignee": org.supervisor},
                   {"name": "审核", "kind": StepKind.REVIEW, "role": Role.HEAD, "signs": True})
    review = do_submit_for_review(org.cadre, make_content(org.office, org.cadre), flow=flow)
    with pytest.raises(PermissionDenied):
        decide(org.staff, review, "校对")
    decide(org.supervisor, review, "校对")
    decide(org.principal, review, "审核")


def test_inactive_people_are_not_eligible(org, review):
    org.staff.is_active = False
    org.staff.save()
    with pytest.raises(PermissionDenied):
        decide(org.staff, review, "一校")


# --- out of turn, twice, stale -------------------------------------------------------------------
def test_out_of_turn_and_twice_are_refused_and_change_nothing(org, review):
    with pytest.raises(ValidationError, match="尚未轮到该环节办理"):
        decide(org.section_chief, review, "初审")
    decide(org.staff, review, "一校")
    before = (review.decisions.count(), AuditEvent.objects.count(), Notification.objects.count())
    with pytest.raises(ValidationError, match="该环节已办理，不能重复办理"):
        decide(org.staff, review, "一校")
    with pytest.raises(ValidationError, match="审核环节不存在"):
        do_decide(org.staff, review, stage_id=999999, version=1, decision="approve")
    with pytest.raises(ValidationError, match="审核环节不存在"):
        do_decide(org.staff, review, stage_id="x", version=1, decision="approve")
    assert (review.decisions.count(), AuditEvent.objects.count(), Notification.objects.count()) == before
    assert active_stage(review).name == "初审"


def test_bad_decisions_are_refused(org, review):
    with pytest.raises(ValidationError) as caught:
        decide(org.staff, review, "一校", decision="maybe")
    assert caught.value.message_dict == {"decision": ["请选择审核意见。"]}
    with pytest.raises(ValidationError) as caught:
        decide(org.staff, review, "一校", decision="return_author", comment="  ")
    assert caught.value.message_dict == {"comment": ["退回时请填写退回意见。"]}
    with pytest.raises(ValidationError, match="不能超过"):
        decide(org.staff, review, "一校", comment="长" * 2001)
    with pytest.raises(ValidationError, match="内容已更新"):
        decide(org.staff, review, "一校", version="abc")
    assert active_stage(review).name == "一校"


def test_a_decision_on_an_old_version_is_refused(org, review, content):
    revise(content, "正文改过了。")  # as if the subject changed under the reviewer
    with pytest.raises(ValidationError) as caught:
        decide(org.staff, review, "一校", version=1)
    assert caught.value.messages == ["内容已更新，请刷新后按最新版本审核。"]
    with pytest.raises(ValidationError, match="内容已更新"):
        decide(org.staff, review, "一校", version=2)  # the review itself was submitted on version 1
    assert active_stage(review).name == "一校" and review.decisions.count() == 1


def test_blockers_refuse_approval_but_not_a_return(org, review, monkeypatch):
    monkeypatch.setitem(BLOCKERS, "reasons", ["还有 2 处校对错误未处理。"])
    approve_through(org, review, "三校")
    with pytest.raises(ValidationError) as caught:
        decide(org.principal, review, "终审")
    assert caught.value.messages == ["还有 2 处校对错误未处理。"]
    assert active_stage(review).name == "终审"
    decide(org.principal, review, "终审", decision="return_author", comment="请先处理校对错误。")
    review.refresh_from_db()
    assert review.status == ReviewStatus.RETURNED


def test_the_losing_decider_of_a_race_gets_taken(org, review, monkeypatch):
    """Two people load the active stage; the first approves; the second's conditional update finds
    no active row (the stage object the second holds is stale, as under a real race)."""
    stale = stage(review, "一校")
    second_staff = make_user("staff2", Role.STAFF, org.office, "钱专干")
    decide(org.staff, review, "一校")
    monkeypatch.setattr(workflow, "_stage_for", lambda review, stage_id: stale)
    before = (ReviewDecision.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as caught:
        do_decide(second_staff, review, stage_id=stale.pk, version=1, decision="approve")
    assert caught.value.messages == ["该环节已由他人办理。"]
    assert (ReviewDecision.objects.count(), AuditEvent.objects.count()) == before
    first = stage(review, "一校")
    assert first.decided_by == org.staff and active_stage(review).name == "初审"


# --- returning -------------------------------------------------------------------------------------
def test_return_to_the_author_and_resubmit_continues_the_same_review(org, review, content):
    approve_through(org, review, "初审")
    decide(org.staff, review, "二校", decision="return_author", comment="第二段数字有误，请核实。")
    review.refresh_from_db()
    content.refresh_from_db()
    assert review.status == ReviewStatus.RETURNED and review_state(content) == ReviewStatus.RETURNED
    assert not is_locked(content) and open_review(content) == review
    assert stage(review, "二校").status == StageStatus.RETURNED
    note = Notification.objects.get(recipient=org.cadre, title__contains="退回修改")
    assert note.body == "第二段数字有误，请核实。"
    assert not can_decide(org.staff, review)

    with pytest.raises(PermissionDenied):
        do_submit_for_review(org.staff, content)  # only the author resubmits
    revise(content, "已核实数字。")
    again = do_submit_for_review(org.cadre, content)
    assert again.pk == review.pk and Review.objects.count() == 1
    again.refresh_from_db()
    content.refresh_from_db()
    assert again.status == ReviewStatus.IN_REVIEW and again.version == 2 and review_state(content) == ReviewStatus.IN_REVIEW
    assert again.version_digest == content.review_version()[1]
    assert active_stage(again).name == "二校"
    assert stage(again, "初审").status == StageStatus.APPROVED  # earlier approvals stand
    assert Notification.objects.filter(recipient=org.staff, title__contains="重新提交").exists()
    with pytest.raises(ValidationError, match="内容已更新"):
        decide(org.staff, again, "二校", version=1)
    decide(org.staff, again, "二校", version=2)
    assert stage(again, "二校").decided_version == 2


def test_return_to_an_earlier_stage(org, review, content):
    approve_through(org, review, "二校")
    with pytest.raises(ValidationError) as caught:
        decide(org.deputy, review, "复审", decision="return_step", comment="退回初审。")
    assert caught.value.message_dict == {"return_to": ["请选择要退回的之前环节。"]}
    with pytest.raises(ValidationError, match="之前环节"):
        decide(org.deputy, review, "复审", decision="return_step", comment="x", return_to=stage(review, "终审").pk)
    decide(org.deputy, review, "复审", decision="return_step", comment="导语需要科室再把关。",
           return_to=stage(review, "初审").pk)
    review.refresh_from_db()
    assert review.status == ReviewStatus.IN_REVIEW and is_locked(content)
    assert active_stage(review).name == "初审"
    statuses = dict(review.stages.values_list("name", "status"))
    assert statuses == {"一校": "approved", "初审": "active", "二校": "waiting", "复审": "waiting", "三校": "waiting",
                        "终审": "waiting"}
    assert stage(review, "二校").decided_by is None
    last = review.decisions.last()
    assert last.decision == "return_step" and last.returned_to.name == "初审"
    assert Notification.objects.filter(recipient=org.section_chief, title__contains="退回至“初审”").exists()
    assert Notification.objects.filter(recipient=org.cadre, body="导语需要科室再把关。").exists()
    # the chief's earlier approval was reset: they decide 初审 again, and the flow runs on
    decide(org.section_chief, review, "初审")
    assert active_stage(review).name == "二校"


# --- withdrawing -----------------------------------------------------------------------------------
def test_withdraw_by_the_author_only(org, review, content):
    with pytest.raises(PermissionDenied):
        do_withdraw(org.staff, review)
    do_withdraw(org.cadre, review, comment="需要补充材料。")
    review.refresh_from_db()
    content.refresh_from_db()
    assert review.status == ReviewStatus.WITHDRAWN and review_state(content) == ReviewStatus.WITHDRAWN
    assert not is_locked(content) and open_review(content) is None and active_stage(review) is None
    assert not review.stages.filter(status=StageStatus.ACTIVE).exists()
    assert Notification.objects.filter(recipient=org.staff, title__contains="撤回").exists()
    assert AuditEvent.objects.filter(event_type="core.review.withdraw", actor=org.cadre).exists()
    with pytest.raises(ValidationError, match="已结束"):
        do_withdraw(org.cadre, review)
    with pytest.raises(ValidationError, match="不在审核中"):
        decide(org.staff, review, "一校")
    # a new submission starts a new review
    second = do_submit_for_review(org.cadre, content)
    assert second.pk != review.pk and active_stage(second).name == "一校"


def test_withdraw_a_returned_review(org, review, content):
    decide(org.staff, review, "一校", decision="return_author", comment="请重写。")
    review.refresh_from_db()
    do_withdraw(org.cadre, review)
    review.refresh_from_db()
    assert review.status == ReviewStatus.WITHDRAWN
    assert not review.stages.filter(status=StageStatus.RETURNED).exists()


def test_an_approved_review_cannot_be_withdrawn(org, review):
    approve_through(org, review, "终审")
    with pytest.raises(ValidationError):
        do_withdraw(org.cadre, review)


# --- inbox and reminders ---------------------------------------------------------------------------
def test_awaiting_matches_eligibility_and_puts_overdue_first(org, review):
    later = do_submit_for_review(org.cadre, make_content(org.office, org.cadre, title="第二篇稿件"))
    ReviewStage.objects.filter(pk=active_stage(later).pk).update(due_at=timezone.now() - datetime.timedelta(days=1))
    rows = list(awaiting(org.staff))
    assert [r.pk for r in rows] == [later.pk, review.pk]
    assert rows[0].stage_name == "一校" and rows[0].due_at < timezone.now()
    for user in (org.section_chief, org.cadre, org.deputy, org.county_staff, org.gov_staff, org.sysadmin):
        assert not awaiting(user).exists()
    decide(org.staff, review, "一校")
    assert [r.pk for r in awaiting(org.section_chief)] == [review.pk]
    assert [r.pk for r in awaiting(org.staff)] == [later.pk]


def test_awaiting_applies_the_three_people_rule(org):
    second = make_user("other_chief", Role.SECTION_CHIEF, org.theory, "陈科长")
    flow = flow_of(org.city, {"name": "初审", "kind": StepKind.REVIEW, "role": Role.SECTION_CHIEF},
                   {"name": "复审", "kind": StepKind.REVIEW, "role": Role.SECTION_CHIEF, "signs": True})
    author = make_user("organ_cadre", Role.CADRE, org.city, "机关干部")  # in no section: any chief of the organ
    review = do_submit_for_review(author, make_content(org.city, author), flow=flow)
    assert awaiting(org.section_chief).exists()
    decide(org.section_chief, review, "初审")
    assert not awaiting(org.section_chief).exists()
    assert [r.pk for r in awaiting(second)] == [review.pk]


def test_county_reviews_stay_in_the_county(org):
    county_chief = make_user("county_chief", Role.SECTION_CHIEF, org.county_a, "县科长")
    county_head = make_user("county_head", Role.HEAD, org.county_a, "县主任")
    county_deputy = make_user("county_deputy", Role.DEPUTY, org.county_a, "县副主任")
    author = make_user("county_cadre", Role.CADRE, org.county_a, "县干部")
    review = do_submit_for_review(author, make_content(org.county_a, author))
    assert list(eligible_users(active_stage(review))) == [org.county_staff]
    approve_through_people = [org.county_staff, county_chief, org.county_staff, county_deputy, org.county_staff,
                              county_head]
    for user in approve_through_people:
        assert not can_decide(org.staff, review)
        review.refresh_from_db()
        do_decide(user, review, stage_id=active_stage(review).pk, version=1, decision="approve")
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED and review.signed_by == county_head


def test_overdue_stages_are_reported_once(org, review):
    from ideowork.core.tasks import overdue_review_reminders

    ReviewStage.objects.filter(pk=active_stage(review).pk).update(due_at=timezone.now() - datetime.timedelta(hours=1))
    overdue_review_reminders.call_local()
    assert Notification.objects.filter(recipient=org.staff, title__contains="审核超期").count() == 1
    assert Notification.objects.filter(recipient=org.cadre, title__contains="审核超期").count() == 1
    overdue_review_reminders.call_local()
    assert Notification.objects.filter(title__contains="审核超期").count() == 2
    # not overdue: nothing
    decide(org.staff, review, "一校")
    overdue_review_reminders.call_local()
    assert not Notification.objects.filter(recipient=org.section_chief, title__contains="审核超期").exists()


def test_a_cadre_sees_reviews_naming_them(org):
    from ideowork.core.models.reviews import Review as R

    flow = flow_of(org.city, {"name": "校对", "kind": StepKind.PROOFREAD, "assignee": org.cadre},
                   {"name": "审核", "kind": StepKind.REVIEW, "role": Role.HEAD, "signs": True})
    author = make_user("writer", Role.CADRE, org.office, "写稿人")
    review = do_submit_for_review(author, make_content(org.office, author), flow=flow)
    assert list(R.objects.visible_to(org.cadre)) == [review]
    assert list(R.objects.visible_to(author)) == [review]
    assert not R.objects.visible_to(org.county_staff).exists()
    assert list(awaiting(org.cadre)) == [review]

