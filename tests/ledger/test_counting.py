"""Which targets a record counts toward: only the chosen item's (or the one item asking for the
kind), with qualifiers the target states, and a reason the form shows beside each suggestion."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideowork.ledger.actions import do_sync_activity
from ideowork.ledger.counting import counted_targets
from ideowork.ledger.models import Activity
from ideowork.learning.actions.exams import do_close_exam
from ideowork.outlets.actions.news import do_delete_press_conference, do_save_press_conference
from ideowork.outlets.actions.outlet_inspections import do_record_inspection
from ideowork.plans.actions.targets import do_update_target
from ideowork.plans.models import PlanItem, Target
from tests.factories import make_plan
from tests.learning.access_exams import make_bank, make_exam
from tests.outlets.outlet_builders import board
from tests.outlets.publicity_builders import media_target, plan_with_media_target, record_placement

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 10)


def add_item(plan, number, title, *targets):
    item = PlanItem.objects.create(plan=plan, section=plan.items.first().section, number=number, title=title,
                                   order=number, text="；".join(text for text, _ in targets))
    for order, (text, kinds) in enumerate(targets, 1):
        Target.objects.create(item=item, text=text, count=1, unit="次", period="year", activity_kinds=kinds,
                              order=order)
    return item


def suggested(user, **kwargs):
    return [s.target.text for s in counted_targets(user, **kwargs)]


def test_a_kind_does_not_tick_the_same_kind_in_other_items(org, plan):
    mind = add_item(plan, 4, "加强思想状况分析", ("开展思想状况调研不少于1次", ["research"]))
    grassroots = add_item(plan, 5, "深入基层调查研究", ("开展专题调研不少于1次", ["research"]))
    assert suggested(org.staff, kind="research", day=DAY, unit=org.office, item=grassroots) == ["开展专题调研不少于1次"]
    assert suggested(org.staff, kind="research", day=DAY, unit=org.office, item=mind) == ["开展思想状况调研不少于1次"]
    # Two items ask for 调研: without a chosen item, nothing is ticked by the kind alone.
    assert suggested(org.staff, kind="research", day=DAY, unit=org.office) == []


def test_a_check_ticks_a_security_check_target_only_under_its_item(org, plan):
    add_item(plan, 6, "筑牢网络安全防线", ("网络安全检测每年不少于1次", ["inspection"]))
    outlets = add_item(plan, 7, "规范阵地管理", ("阵地检查每年不少于1次", ["inspection"]))
    assert suggested(org.staff, kind="inspection", day=DAY, unit=org.office, item=outlets) == ["阵地检查每年不少于1次"]
    assert suggested(org.staff, kind="inspection", day=DAY, unit=org.office) == []


def test_a_meeting_does_not_tick_another_items_office_meeting(org, plan):
    add_item(plan, 8, "落实意识形态工作责任制", ("每年召开办务会专题研究意识形态工作不少于1次", ["meeting"]))
    first = PlanItem.objects.get(plan=plan, number=1)
    assert suggested(org.staff, kind="meeting", day=DAY, unit=org.office, item=first) == []


def test_a_training_does_not_count_toward_two_items_by_suggestion_alone(org, plan):
    add_item(plan, 4, "加强干部培训", ("组织意识形态专题培训不少于1次", ["training"]))
    add_item(plan, 5, "提升网评员能力", ("开展网评员培训不少于1次", ["training"]))
    assert suggested(org.staff, kind="training", day=DAY, unit=org.office) == []


def test_the_only_item_asking_for_a_kind_is_suggested_with_its_reason(org, plan):
    suggestions = counted_targets(org.staff, kind="study", day=DAY, unit=org.office)
    assert [s.target.item.number for s in suggestions] == [1, 1]
    assert all("只有该要点" in s.reason and "学习研讨" in s.reason for s in suggestions)
    first = PlanItem.objects.get(plan=plan, number=1)
    chosen = counted_targets(org.staff, kind="study", day=DAY, unit=org.office, item=first)
    assert all("所选要点" in s.reason for s in chosen)


def test_the_form_says_why_each_target_is_suggested(org, login, plan):
    first = PlanItem.objects.get(plan=plan, number=1)
    page = login(org.staff).get(reverse("ledger:target_suggestions"),
                                {"kind": "study", "date": "2026-03-10", "org_unit": org.office.pk, "item": first.pk},
                                HTTP_HX_REQUEST="true").content.decode()
    assert page.count('data-testid="suggestion-reason"') == 2 and "建议理由：属于所选要点" in page


def test_an_outlet_inspection_does_not_count_as_a_network_security_check(org):
    plan = make_plan(org.city, year=timezone.localdate().year)
    add_item(plan, 6, "筑牢网络安全防线", ("网络安全检测每年不少于1次", ["inspection"]))
    outlet = board(org)
    inspection = do_record_inspection(org.staff, outlet, date=timezone.localdate(), result="passed", findings="",
                                      rectification="", rectify_by=None)
    assert inspection.activity.source_record == inspection
    assert list(inspection.activity.targets.all()) == []


def test_a_target_reads_its_media_level_once(org, plan):
    item = PlanItem.objects.get(plan=plan, number=2)
    target = Target.objects.create(item=item, text="全年在市级以上媒体刊发稿件不少于20篇", count=20, period="year")
    assert target.media_level == "municipal"
    do_update_target(org.staff, target, text="全年在省级以上主流媒体刊发稿件不少于5篇")
    assert Target.objects.get(pk=target.pk).media_level == "provincial"
    do_update_target(org.staff, target, text="全年刊发稿件不少于5篇")
    assert Target.objects.get(pk=target.pk).media_level == ""


def test_the_migration_fills_the_media_level_of_existing_targets(org, plan):
    from importlib import import_module

    from django.apps import apps

    target = Target.objects.create(item=plan.items.first(), text="在县级以上媒体刊发稿件", count=3, period="year")
    Target.objects.filter(pk=target.pk).update(media_level="")
    import_module("ideowork.plans.migrations.0003_fill_target_media_level").forwards(apps, None)
    assert Target.objects.get(pk=target.pk).media_level == "county"


def test_a_placement_counts_where_its_level_reaches_and_says_so(org):
    plan = plan_with_media_target(org)
    target = media_target(plan)
    county = record_placement(org, level="county", medium="甲县报")
    city = record_placement(org, level="municipal", medium="市日报")
    assert list(county.activity.targets.all()) == [] and county.activity.item is None
    assert list(city.activity.targets.all()) == [target] and city.activity.item == target.item
    reason = counted_targets(org.staff, kind="publication", day=city.published_on, unit=org.city, record=city)[0].reason
    assert "市级" in reason


def test_entries_from_other_areas_take_the_item_of_their_target(org):
    plan = plan_with_media_target(org)
    press = Target.objects.get(item__plan=plan, activity_kinds=["press_conference"])
    conference = do_save_press_conference(org.staff, org_unit=org.city, title="编制工作新闻发布会",
                                          held_on=timezone.localdate(), spokespeople="李副主任", topics="通报工作")
    activity = Activity.objects.for_source(conference).get()
    assert activity.item == press.item and list(activity.targets.all()) == [press]
    exams = add_item(plan, 11, "强化考核", ("开展意识形态知识考试不少于1次", ["assessment"]))
    exam = make_exam(org.staff, org.city, make_bank(org.staff, org.city))
    from ideowork.learning.actions.exams import do_start_attempt

    do_start_attempt(org.cadre, exam)
    exam = do_close_exam(org.staff, exam)
    assert exam.activity.item == exams


def test_one_activity_per_record_updated_then_withdrawn(org):
    plan_with_media_target(org)
    conference = do_save_press_conference(org.staff, org_unit=org.city, title="发布会", held_on=timezone.localdate(),
                                          spokespeople="李副主任", topics="通报工作")
    first = Activity.objects.for_source(conference).get()
    do_save_press_conference(org.staff, conference, org_unit=org.city, title="发布会（更正）",
                             held_on=timezone.localdate() - timedelta(days=1), spokespeople="李副主任", topics="通报")
    again = Activity.objects.for_source(conference).get()
    assert again.pk == first.pk and again.title == "新闻发布会：发布会（更正）"
    assert do_sync_activity(org.staff, source=conference, withdraw=True) is None
    assert not Activity.objects.for_source(conference).exists()
    conference.refresh_from_db()
    assert conference.activity is None
    do_delete_press_conference(org.staff, conference)
