"""Drills and joint meetings: each is one ledger activity counting where the plan counts it, and
their improvement items and follow-up tasks are tracked until done — never done without a result."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideowork.ledger.models import Activity
from ideowork.plans.models import Target
from ideowork.risks.actions import do_add_task, do_close_task, do_save_drill, do_save_meeting
from ideowork.risks.models import Drill, FollowUpTask, JointMeeting
from tests.factories import make_plan
from tests.risks.response_builders import make_approved_plan, make_drill, make_meeting


def test_a_drill_is_one_ledger_activity_counting_toward_the_yearly_drill(org):
    make_plan(org.city, year=timezone.localdate().year, creator=org.staff)
    drill_target = Target.objects.get(activity_kinds=["drill"])
    plan = make_approved_plan(org)
    drill = make_drill(org, plan=plan, evaluation="流程顺畅。")
    activity = Activity.objects.for_source(drill).get()
    assert drill.activity == activity and activity.kind == "drill"
    assert list(activity.targets.all()) == [drill_target]
    assert drill.plan_version == plan.current_version
    assert set(activity.participants.all()) == {org.staff, org.section_chief}
    do_save_drill(org.staff, drill, org_unit=org.office, title="改名后的演练", scenario=drill.scenario,
                  held_on=drill.held_on, plan=plan, participants=[org.staff])
    assert Activity.objects.for_source(drill).count() == 1  # counted once, kept in step
    assert Activity.objects.for_source(drill).get().title == "改名后的演练"


def test_a_drill_in_the_future_or_without_a_scenario_is_refused(org):
    with pytest.raises(ValidationError, match="不能晚于今天"):
        make_drill(org, held_on=timezone.localdate() + timedelta(days=3))
    with pytest.raises(ValidationError, match="演练场景"):
        do_save_drill(org.staff, org_unit=org.office, title="演练", scenario=" ", held_on=timezone.localdate())
    with pytest.raises(PermissionDenied):
        make_drill(org, unit=org.county_a, actor=org.other_county_staff)
    assert not Drill.objects.exists() and not Activity.objects.exists()


def test_a_joint_meeting_counts_only_under_the_item_the_user_names(org):
    plan = make_plan(org.city, year=timezone.localdate().year, creator=org.staff)
    item = plan.items.get(number=1)
    analysis = Target.objects.create(item=item, text="每季度开展1次形势研判", count=1, unit="次", period="quarter",
                                     activity_kinds=["analysis"], order=9)
    meeting = make_meeting(org)
    activity = Activity.objects.for_source(meeting).get()
    assert activity.kind == "analysis" and not activity.targets.exists()  # its kind alone never decides
    do_save_meeting(org.staff, meeting, org_unit=org.city, kind="joint", title=meeting.title,
                    held_on=meeting.held_on, conclusions=meeting.conclusions, units=[org.office], item=item)
    assert list(Activity.objects.for_source(meeting).get().targets.all()) == [analysis]


def test_a_meeting_needs_conclusions_and_someone_who_took_part(org):
    with pytest.raises(ValidationError, match="会议结论"):
        do_save_meeting(org.staff, org_unit=org.city, kind="joint", title="联席会议", held_on=timezone.localdate(),
                        conclusions="", units=[org.office])
    with pytest.raises(ValidationError, match="参会"):
        do_save_meeting(org.staff, org_unit=org.city, kind="joint", title="联席会议", held_on=timezone.localdate(),
                        conclusions="平稳")
    assert not JointMeeting.objects.exists()


def test_an_improvement_item_closed_without_a_result_is_refused(org):
    drill = make_drill(org)
    task = do_add_task(org.staff, drill, text="压缩发布审核时间", owner=org.section_chief,
                       deadline=timezone.localdate() + timedelta(days=10))
    with pytest.raises(ValidationError, match="完成情况"):
        do_close_task(org.staff, task, result="  ")
    task.refresh_from_db()
    assert task.done_on is None and task.result == ""
    do_close_task(org.staff, task, result="已建立值班审核制度。")
    task.refresh_from_db()
    assert task.done_on == timezone.localdate() and task.closed_by == org.staff
    with pytest.raises(ValidationError, match="已完成"):
        do_close_task(org.staff, task, result="再次完成")


def test_a_task_needs_an_owner_of_the_organ_and_outsiders_may_not_close_it(org):
    meeting = make_meeting(org)
    deadline = timezone.localdate() + timedelta(days=5)
    with pytest.raises(ValidationError, match="不是"):
        do_add_task(org.staff, meeting, text="落实", owner=org.county_staff, deadline=deadline)
    task = do_add_task(org.staff, meeting, text="修订评论区管理办法", owner=org.staff, deadline=deadline)
    with pytest.raises(PermissionDenied):
        do_close_task(org.county_staff, task, result="篡改")
    with pytest.raises(PermissionDenied):
        do_add_task(org.county_staff, meeting, text="篡改", owner=org.county_staff, deadline=deadline)
    assert list(FollowUpTask.objects.values_list("text", "done_on")) == [("修订评论区管理办法", None)]
    assert list(FollowUpTask.objects.visible_to(org.county_staff)) == []
