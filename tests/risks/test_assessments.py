"""Assessments of proposed measures: the organ's checklist, answering it, signing off through 签批,
and the risks an assessment finds going into the register with a link back."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from ideowork.core.actions.reviews import active_stage, do_decide, open_review, review_state
from ideowork.core.organ_setup import do_setup_organ
from ideowork.risks.actions import (do_add_assessment_risk, do_save_checklist, do_submit_assessment,
                                    do_update_assessment)
from ideowork.risks.actions.assessments import DEFAULT_CHECKLIST
from ideowork.risks.models import Assessment, ChecklistItem, Risk
from tests.risks.response_builders import approve_through, make_assessment


def state(assessment):
    fresh = Assessment.objects.get(pk=assessment.pk)
    return (fresh.measure, fresh.findings, fresh.conclusion, fresh.revision, fresh.signed_off_at,
            list(fresh.answers.values_list("answer", "note")))


def test_an_assessment_answers_its_organs_checklist_and_keeps_its_own_copy(org):
    do_setup_organ(org.sysadmin, org.city)
    assert list(ChecklistItem.objects.filter(org_unit=org.city).values_list("text", flat=True)) == DEFAULT_CHECKLIST
    do_save_checklist(org.staff, org.city, ["是否涉及人员转隶", "是否可能引发舆情"])
    assessment = make_assessment(org, complete=False)
    assert list(assessment.answers.values_list("text", flat=True)) == ["是否涉及人员转隶", "是否可能引发舆情"]
    do_save_checklist(org.staff, org.city, ["另一项"])
    assert assessment.answers.count() == 2


def test_a_county_may_not_change_the_citys_checklist(org):
    do_setup_organ(org.sysadmin, org.city)
    before = list(ChecklistItem.objects.values_list("org_unit", "text"))
    with pytest.raises(PermissionDenied):
        do_save_checklist(org.county_staff, org.city, ["篡改"])
    with pytest.raises(ValidationError):
        do_save_checklist(org.staff, org.city, ["  ", ""])
    assert list(ChecklistItem.objects.values_list("org_unit", "text")) == before


def test_an_incomplete_assessment_is_not_submitted_and_stays_as_it_was(org):
    assessment = make_assessment(org, complete=False)
    before = state(assessment)
    with pytest.raises(ValidationError, match="未作答"):
        do_submit_assessment(org.staff, assessment)
    with pytest.raises(ValidationError):
        do_update_assessment(org.staff, assessment, measure="方案", kind="reform", conclusion="maybe")
    assert state(assessment) == before and open_review(assessment) is None


def test_sign_off_goes_through_the_head_and_locks_the_assessment(org):
    assessment = make_assessment(org)
    review = do_submit_assessment(org.staff, assessment)
    stage = active_stage(review)
    before = state(assessment)
    with pytest.raises((PermissionDenied, ValidationError)):  # the staff may not sign their own off
        do_decide(org.staff, review, stage_id=stage.pk, version=review.version, decision="approve")
    with pytest.raises(ValidationError):  # nor change it while it is being signed off
        do_update_assessment(org.staff, assessment, measure="改", kind="reform")
    assert state(assessment) == before
    do_decide(org.principal, review, stage_id=stage.pk, version=review.version, decision="approve")
    assessment.refresh_from_db()
    assert assessment.signed_off_by == org.principal and review_state(assessment) == "approved"
    with pytest.raises(ValidationError, match="已签批"):
        do_update_assessment(org.staff, assessment, measure="签批后修改", kind="reform")


def test_the_risks_an_assessment_finds_go_into_the_register_linked_back(org):
    assessment = make_assessment(org)
    risk = do_add_assessment_risk(org.staff, assessment, title="人员转隶思想波动", area="reform", likelihood=3,
                                  impact=4, owner=org.staff)
    assert risk.source == "assessment" and risk.org_unit == org.office
    assert risk.source_type == ContentType.objects.get_for_model(Assessment) and risk.source_id == assessment.pk
    with pytest.raises(ValidationError):  # a level outside the matrix
        do_add_assessment_risk(org.staff, assessment, title="越界", area="reform", likelihood=9, impact=4)
    with pytest.raises(PermissionDenied):
        do_add_assessment_risk(org.county_staff, assessment, title="他县", area="reform", likelihood=1, impact=1)
    assert list(Risk.objects.values_list("title", flat=True)) == ["人员转隶思想波动"]
    approve_through(do_submit_assessment(org.staff, assessment))


def test_a_county_sees_only_its_own_assessments_and_the_city_its_counties(org):
    city = make_assessment(org, complete=False)
    county = make_assessment(org, complete=False, unit=org.county_a, actor=org.county_staff)
    assert set(Assessment.objects.visible_to(org.county_staff)) == {county}
    assert not Assessment.objects.visible_to(org.other_county_staff).exists()
    assert set(Assessment.objects.visible_to(org.principal)) == {city, county}
    assert not Assessment.objects.visible_to(org.cadre).exists()
