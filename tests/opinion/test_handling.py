"""Handling an event to closure through the services: 研判 → 处置 → 回应 → 销号, joint handling, a county's
report upward and the city's assignment down, deadlines by grade, overdue reminders and 转为风险."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, do_decide
from ideowork.core.models import AuditEvent, Notification
from ideowork.ledger.models import Activity
from ideowork.opinion.access import access_event
from ideowork.opinion.actions.deadlines import do_set_deadlines
from ideowork.opinion.actions.handling import (do_assign_event, do_dismiss_event, do_escalate_event, do_judge_event,
                                               do_record_joint, do_report_event, do_request_closeout,
                                               do_respond_event, remind_overdue)
from ideowork.opinion.event_ledger import measures_of
from ideowork.opinion.models import Event, HandlingStep
from ideowork.outlets.models import ContentItem
from ideowork.risks.models import Risk
from tests.ledger.files import photo

from .handling_builders import make_event


def state(event):
    event = Event.objects.get(pk=event.pk)
    return (event.status, event.grade, event.assigned_unit_id, event.deadline, event.reported_at,
            HandlingStep.objects.filter(event=event).count())


def approve_closeout(org, review):
    while (stage := active_stage(review)) is not None:
        decider = org.section_chief if stage.role == "section_chief" else org.deputy
        do_decide(decider, review, stage_id=stage.pk, version=review.version, decision="approve")
        review.refresh_from_db()


def test_judging_confirms_the_grade_and_starts_handling_by_the_grades_deadline(org):
    event = make_event(org.city, grade="2")
    before = timezone.now()
    do_judge_event(org.staff, event, grade="2")
    event.refresh_from_db()
    assert event.status == "handling" and event.assigned_unit == org.city
    assert before + timedelta(hours=72) <= event.deadline <= timezone.now() + timedelta(hours=72)
    assert event.handling.judgement == "确认系统判定等级" and event.handling.judged_by == org.staff
    assert AuditEvent.objects.filter(event_type="opinion.event.judge", subject_id=event.pk).exists()


def test_changing_the_grade_needs_a_reason_and_a_refusal_changes_nothing(org):
    event = make_event(org.city, grade="1")
    before = state(event)
    with pytest.raises(ValidationError) as refused:
        do_judge_event(org.staff, event, grade="3")
    assert "须写明理由" in str(refused.value)
    assert state(event) == before
    do_judge_event(org.staff, event, grade="3", reason="涉及群众切身利益，转载量快速上升。")
    event.refresh_from_db()
    assert event.grade == "3" and event.handling.analysed_grade == "1"
    assert event.deadline <= timezone.now() + timedelta(hours=24)


def test_an_organs_deadlines_replace_the_defaults_and_are_checked(org):
    with pytest.raises(ValidationError):  # a graver grade may not get longer than a lighter one
        do_set_deadlines(org.staff, org.city, grave_hours=30, major_hours=24, large_hours=72, general_hours=168)
    with pytest.raises(PermissionDenied):  # a county bureau sets its own, never the city's
        do_set_deadlines(org.county_staff, org.city, grave_hours=1, major_hours=12, large_hours=48, general_hours=96)
    do_set_deadlines(org.staff, org.city, grave_hours=1, major_hours=12, large_hours=48, general_hours=96)
    event = make_event(org.city, grade="4")
    do_judge_event(org.staff, event, grade="4")
    event.refresh_from_db()
    assert event.deadline <= timezone.now() + timedelta(hours=1)


def test_the_city_assigns_to_a_county_which_handles_it_and_no_other_county_sees_it(org):
    event = make_event(org.city)
    with pytest.raises(ValidationError):  # judged first
        do_assign_event(org.staff, event, unit=org.county_a)
    do_judge_event(org.staff, event, grade="2")
    with pytest.raises(ValidationError):  # not into another organ's tree
        do_assign_event(org.staff, event, unit=org.gov)
    do_assign_event(org.staff, event, unit=org.county_a, instructions="请核实情况并回应关切。")
    event.refresh_from_db()
    assert event.assigned_unit == org.county_a
    assert Notification.objects.filter(recipient=org.county_staff, title__contains="舆情事件交办").exists()
    assert access_event(org.county_staff, event.pk) == event
    with pytest.raises(Http404):
        access_event(org.other_county_staff, event.pk)
    with pytest.raises(PermissionDenied):  # the county handles it; reassigning stays with the city
        do_assign_event(org.county_staff, event, unit=org.county_a)
    do_respond_event(org.county_staff, event, text="经核实，该小区违建已于本周拆除，已在政务平台回复。")
    event.refresh_from_db()
    assert event.status == "responding"
    with pytest.raises(PermissionDenied):
        do_respond_event(org.other_county_staff, event, text="越权")


def test_a_county_reports_upward_and_the_city_assigns_back_down(org):
    event = make_event(org.county_a, title="甲县某镇集中供暖延迟")
    with pytest.raises(Http404):
        access_event(org.other_county_staff, event.pk)
    do_report_event(org.county_staff, event, note="涉及面广，请求指导。")
    event.refresh_from_db()
    assert event.reported_at is not None
    assert Notification.objects.filter(recipient=org.staff, title__contains="上报舆情事件").exists()
    with pytest.raises(ValidationError):
        do_report_event(org.county_staff, event)
    with pytest.raises(ValidationError):  # the city has no organ above it
        do_report_event(org.staff, make_event(org.city))
    do_judge_event(org.staff, event, grade="3", reason="供暖关系民生，上级督办。")
    do_assign_event(org.staff, event, unit=org.county_a, instructions="县里牵头，三日内回应。")
    event.refresh_from_db()
    assert event.assigned_unit == org.county_a and event.status == "handling"


def test_a_published_response_goes_through_outlets_review_and_holds_closeout_until_published(org):
    event = make_event(org.city)
    do_judge_event(org.staff, event, grade="2")
    do_respond_event(org.staff, event, text="关于网民反映的问题，我办已会同相关部门核查处理。", publish=True)
    event.refresh_from_db()
    content = event.handling.response_content
    assert content.kind == "press_release" and content.status == "in_review"
    before = state(event)
    with pytest.raises(ValidationError) as refused:
        do_request_closeout(org.staff, event, result="已回应。")
    assert "尚未发布" in str(refused.value)
    assert state(event) == before
    ContentItem.objects.filter(pk=content.pk).update(publication="published")
    do_request_closeout(org.staff, event, result="已公开回应，网民评论平稳。")
    assert Event.objects.get(pk=event.pk).status == "closing"


def test_closeout_goes_through_the_review_and_the_closed_event_counts_in_the_ledger_once(org):
    event = make_event(org.city)
    do_judge_event(org.staff, event, grade="2")
    with pytest.raises(ValidationError):  # responded first
        do_request_closeout(org.staff, event, result="结果")
    do_record_joint(org.staff, event, department="市住建局", text="现场核查违建并责令整改。",
                    on=timezone.localdate(), files=[photo()])
    do_respond_event(org.staff, event, text="已在政务平台回复网民。")
    review = do_request_closeout(org.staff, event, result="违建已拆除，网民留言回复满意。")
    with pytest.raises(ValidationError):
        do_request_closeout(org.staff, event, result="再次")
    approve_closeout(org, review)
    event.refresh_from_db()
    assert event.status == "closed" and event.handling.closed_at is not None
    activities = Activity.objects.for_source(event)
    assert activities.count() == 1 and activities.get().kind == "opinion_response"
    assert "市住建局" in measures_of([event])[event.pk]
    step = HandlingStep.objects.get(event=event, kind="joint")
    assert step.attachments.count() == 1


def test_a_returned_closeout_lets_handling_go_on_and_is_resubmitted(org):
    event = make_event(org.city)
    do_judge_event(org.staff, event, grade="2")
    do_respond_event(org.staff, event, text="已回复。")
    review = do_request_closeout(org.staff, event, result="已处置。")
    with pytest.raises(ValidationError):  # locked while under review
        do_respond_event(org.staff, event, text="审核中补充")
    stage = active_stage(review)
    do_decide(org.section_chief, review, stage_id=stage.pk, version=review.version, decision="return_author",
              comment="回应不充分，请补充核查结果。")
    assert not Activity.objects.for_source(event).exists()
    do_respond_event(org.staff, event, text="补充：经核查，相关问题已整改到位。")
    assert Event.objects.get(pk=event.pk).status == "responding"
    review = do_request_closeout(org.staff, event, result="已补充回应，整改到位。")
    review.refresh_from_db()
    approve_closeout(org, review)
    assert Event.objects.get(pk=event.pk).status == "closed"
    assert Activity.objects.for_source(event).count() == 1


def test_dismissing_needs_a_reason_and_ends_handling(org):
    event = make_event(org.city, grade="1", sentiment="neutral")
    with pytest.raises(ValidationError):
        do_dismiss_event(org.staff, event, reason=" ")
    do_dismiss_event(org.staff, event, reason="正面宣传报道，无需处置。")
    event.refresh_from_db()
    assert event.status == "dismissed" and event.deadline is None
    with pytest.raises((PermissionDenied, ValidationError)):
        do_respond_event(org.staff, event, text="回应")


def test_overdue_events_are_reminded_once_per_deadline(org, travel):
    event = make_event(org.city, grade="4")
    do_judge_event(org.staff, event, grade="4")
    assert remind_overdue() == 0
    travel(timezone.now() + timedelta(hours=3))
    assert remind_overdue() == 1
    assert Notification.objects.filter(recipient=org.staff, title__contains="处置逾期").count() == 1
    assert remind_overdue() == 0


def test_escalating_creates_the_risk_through_risks_service_once(org):
    event = make_event(org.city, title="编制调整政策解读不到位引发误读")
    with pytest.raises(PermissionDenied):
        do_escalate_event(org.county_staff, event, area="online", likelihood=3, impact=3)
    risk = do_escalate_event(org.staff, event, area="online", likelihood=3, impact=3)
    assert risk.source == "opinion" and risk.source_id == event.pk and risk.org_unit == org.city
    with pytest.raises(ValidationError):
        do_escalate_event(org.staff, event, area="online", likelihood=3, impact=3)
    assert Risk.objects.filter(source_id=event.pk).count() == 1
