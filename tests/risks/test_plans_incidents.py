"""Emergency plans with versions approved through 签批, and incidents opened from the current version
with a timeline from activation to the summary."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideowork.core.actions.reviews import open_review
from ideowork.risks.actions import (do_add_entry, do_close_incident, do_create_plan, do_open_incident,
                                    do_revise_plan, do_submit_version, do_update_version)
from ideowork.risks.models import EmergencyPlan, Incident, IncidentEntry
from tests.risks.response_builders import CONTENT, approve_through, make_approved_plan, make_incident, make_plan_draft


def test_a_plan_takes_effect_when_its_version_is_approved_and_a_revision_replaces_it(org):
    plan = make_plan_draft(org)
    assert plan.current_version is None
    with pytest.raises(ValidationError, match="尚无经批准的版本"):
        do_open_incident(org.staff, plan, title="事件", description="概况", occurred_at=timezone.now(),
                         level="Ⅱ级响应", lead=org.principal)
    first = plan.versions.get()
    approve_through(do_submit_version(org.staff, first))
    plan.refresh_from_db()
    first.refresh_from_db()
    assert plan.current_version == first and first.approved_by == org.principal
    with pytest.raises(ValidationError, match="已批准的版本不能修改"):
        do_update_version(org.staff, first, **{**CONTENT, "procedures": "改"})
    second = do_revise_plan(org.staff, plan, **{**CONTENT, "levels": [{"name": "Ⅲ级响应", "criteria": ""}]},
                            change_note="增设Ⅲ级")
    with pytest.raises(ValidationError, match="修订稿"):
        do_revise_plan(org.staff, plan, **CONTENT, change_note="再修订")
    plan.refresh_from_db()
    assert plan.current_version == first  # the revision is not in force until approved
    approve_through(do_submit_version(org.staff, second))
    plan.refresh_from_db()
    assert plan.current_version == second and second.number == 2
    assert list(plan.versions.values_list("number", flat=True)) == [2, 1]


def test_a_version_without_levels_or_contacts_is_refused_and_nothing_changes(org):
    plan = make_plan_draft(org)
    with pytest.raises(ValidationError, match="响应级别"):
        do_create_plan(org.staff, org_unit=org.office, title="无级别预案", **{**CONTENT, "levels": []})
    draft = plan.versions.get()
    with pytest.raises(ValidationError, match="联系人"):
        do_update_version(org.staff, draft, **{**CONTENT, "contacts": []})
    draft.refresh_from_db()
    assert EmergencyPlan.objects.count() == 1 and draft.contacts == CONTENT["contacts"] and draft.revision == 1


def test_an_incident_opens_on_the_current_version_led_by_a_leader(org):
    plan = make_approved_plan(org)
    moment = timezone.now() - timedelta(hours=2)
    count = Incident.objects.count()
    with pytest.raises(ValidationError, match="响应级别"):
        do_open_incident(org.staff, plan, title="事件", description="概况", occurred_at=moment, level="特级",
                         lead=org.principal)
    with pytest.raises(ValidationError, match="第一责任人或直接责任人"):
        do_open_incident(org.staff, plan, title="事件", description="概况", occurred_at=moment, level="Ⅱ级响应",
                         lead=org.section_chief)
    with pytest.raises(PermissionDenied):
        do_open_incident(org.county_staff, plan, title="事件", description="概况", occurred_at=moment,
                         level="Ⅱ级响应", lead=org.principal)
    assert Incident.objects.count() == count
    incident = make_incident(org, plan)
    assert incident.plan_version == plan.current_version and incident.lead == org.principal
    assert list(incident.entries.values_list("kind", flat=True)) == ["activation"]


def test_the_timeline_runs_to_the_summary_and_closing_needs_one(org):
    incident = make_incident(org)
    do_add_entry(org.staff, incident, kind="report", text="向市委宣传部报告。")
    do_add_entry(org.staff, incident, kind="action", text="发布权威解读。")
    with pytest.raises(ValidationError, match="处置总结"):
        do_close_incident(org.staff, incident, summary="  ")
    with pytest.raises(ValidationError):
        do_add_entry(org.staff, incident, kind="summary", text="不能手工登记总结")
    incident.refresh_from_db()
    assert incident.is_open and incident.entries.count() == 3
    do_close_incident(org.principal, incident, summary="24小时内平息。")
    incident.refresh_from_db()
    assert incident.status == "closed" and incident.closed_at is not None
    assert list(incident.entries.values_list("kind", flat=True)) == ["activation", "report", "action", "summary"]
    with pytest.raises(ValidationError, match="已结束"):
        do_add_entry(org.staff, incident, kind="action", text="结束后补登")
    assert IncidentEntry.objects.filter(incident=incident).count() == 4


def test_a_county_neither_sees_nor_handles_the_citys_plans_and_incidents(org):
    incident = make_incident(org)
    county_plan = make_plan_draft(org, unit=org.county_a, actor=org.county_staff, title="县预案")
    assert set(EmergencyPlan.objects.visible_to(org.county_staff)) == {county_plan}
    assert not Incident.objects.visible_to(org.county_staff).exists()
    assert set(EmergencyPlan.objects.visible_to(org.principal)) == {incident.plan, county_plan}
    with pytest.raises(PermissionDenied):
        do_add_entry(org.other_county_staff, incident, kind="action", text="篡改")
    with pytest.raises(PermissionDenied):
        do_close_incident(org.county_staff, incident, summary="篡改")
    with pytest.raises(PermissionDenied):
        do_submit_version(org.other_county_staff, county_plan.versions.get())
    assert Incident.objects.get(pk=incident.pk).is_open and open_review(county_plan.versions.get()) is None
