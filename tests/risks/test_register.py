"""The risk register's services: levels on the fixed matrix copy, history, progress with evidence,
close-out through the review workflow, acceptance and reopening — and every refusal changes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, do_decide, open_review
from ideowork.core.models import AuditEvent
from ideowork.risks.actions import (do_accept_risk, do_record_progress, do_reopen_risk, do_request_closeout,
                                    do_save_matrix, do_update_risk)
from ideowork.risks.matrix import default_matrix
from ideowork.risks.models import Risk, RiskHistory
from tests.ledger.files import fake_png
from tests.risks.builders import make_risk, with_evidence


def state(risk):
    risk = Risk.objects.get(pk=risk.pk)
    return (risk.status, risk.revision, risk.inherent_level, RiskHistory.objects.filter(risk=risk).count(),
            risk.progress.count(), risk.evidence.count())


def test_a_risk_takes_its_level_from_the_matrix_and_writes_its_first_history_row(org):
    risk = make_risk(org, likelihood=4, impact=4)
    assert risk.level["name"] == "重大" and risk.status == "open"
    row = RiskHistory.objects.get(risk=risk)
    assert row.valid_to is None and row.level_name == "重大" and row.org_unit == org.office
    assert AuditEvent.objects.filter(event_type="risks.risk.create").count() == 1


def test_a_level_outside_the_matrix_is_refused_and_nothing_is_written(org):
    before = Risk.objects.count()
    with pytest.raises(ValidationError) as exc:
        make_risk(org, likelihood=6, impact=2)
    assert "可能性须在1至5级之间" in str(exc.value)
    risk = make_risk(org)
    with pytest.raises(ValidationError):
        do_update_risk(org.staff, risk, impact=0)
    assert Risk.objects.count() == before + 1 and state(risk)[1] == 1


def test_editing_the_matrix_later_does_not_change_an_existing_risks_level(org):
    risk = make_risk(org, likelihood=2, impact=2)
    assert risk.level["name"] == "低"
    matrix = default_matrix()
    matrix["cells"] = [[3] * 5 for _ in range(5)]
    do_save_matrix(org.staff, org.city, matrix)
    do_update_risk(org.staff, risk, measures="加强政策解读")
    risk.refresh_from_db()
    assert risk.level["name"] == "低"
    assert make_risk(org, title="新风险", likelihood=2, impact=2).level["name"] == "重大"


def test_a_matrix_with_a_gap_or_duplicate_level_names_is_refused(org):
    matrix = default_matrix()
    matrix["cells"][0][0] = None
    with pytest.raises(ValidationError) as exc:
        do_save_matrix(org.staff, org.city, matrix)
    assert "没有确定风险等级" in str(exc.value)
    matrix = default_matrix()
    matrix["levels"][1]["name"] = "低"
    with pytest.raises(ValidationError, match="重复"):
        do_save_matrix(org.staff, org.city, matrix)
    matrix = default_matrix()
    matrix["levels"][0]["colour"] = "blue"
    with pytest.raises(ValidationError, match="颜色"):
        do_save_matrix(org.staff, org.city, matrix)
    with pytest.raises(PermissionDenied):
        do_save_matrix(org.county_staff, org.city, default_matrix())


def test_every_change_closes_the_history_row_in_force_and_opens_the_next(org):
    risk = make_risk(org)
    do_update_risk(org.staff, risk, likelihood=1, impact=1)
    with_evidence(org, risk)
    rows = list(RiskHistory.objects.filter(risk=risk).order_by("valid_from", "id"))
    assert [r.event for r in rows] == ["登记", "修改", "整改进展"]
    assert [r.valid_to is None for r in rows] == [False, False, True]
    assert rows[0].valid_to == rows[1].valid_from and rows[1].level_name == "低"
    assert rows[2].status == "rectifying" and rows[2].progress.startswith("已开展")


def test_close_out_without_evidence_is_refused(org):
    risk = make_risk(org)
    before = state(risk)
    with pytest.raises(ValidationError, match="佐证材料"):
        do_request_closeout(org.staff, risk)
    assert state(risk) == before and open_review(risk) is None


def test_a_bad_evidence_file_refuses_the_whole_progress_entry(org):
    risk = make_risk(org)
    before = state(risk)
    with pytest.raises(ValidationError):
        do_record_progress(org.staff, risk, text="整改", files=[fake_png()])
    assert state(risk) == before


def test_close_out_goes_through_the_review_and_only_the_named_deciders_approve(org):
    risk = with_evidence(org, make_risk(org))
    review = do_request_closeout(org.staff, risk)
    risk.refresh_from_db()
    assert risk.status == "closing"
    with pytest.raises(ValidationError):
        do_update_risk(org.staff, risk, title="审核中修改")
    stage = active_stage(review)
    before = state(risk)
    with pytest.raises((PermissionDenied, ValidationError)):  # the county's staff may not approve
        do_decide(org.county_staff, review, stage_id=stage.pk, version=review.version, decision="approve")
    assert state(risk) == before
    while (stage := active_stage(review)) is not None:
        decider = org.section_chief if stage.role == "section_chief" else org.deputy
        do_decide(decider, review, stage_id=stage.pk, version=review.version, decision="approve")
        review.refresh_from_db()
    risk.refresh_from_db()
    assert risk.status == "closed" and risk.closed_on == timezone.localdate()
    assert RiskHistory.objects.get(risk=risk, valid_to__isnull=True).status == "closed"


def test_accepting_a_risk_needs_a_leader_a_reason_and_a_review_date(org):
    risk = make_risk(org)
    later = timezone.localdate() + timedelta(days=90)
    before = state(risk)
    with pytest.raises(PermissionDenied):
        do_accept_risk(org.staff, risk, reason="影响可控", review_on=later)
    with pytest.raises(ValidationError):
        do_accept_risk(org.principal, risk, reason="", review_on=later)
    with pytest.raises(ValidationError):
        do_accept_risk(org.principal, risk, reason="影响可控", review_on=timezone.localdate())
    assert state(risk) == before
    do_accept_risk(org.principal, risk, reason="影响可控", review_on=later)
    risk.refresh_from_db()
    assert risk.status == "accepted" and risk.accepted_by == org.principal
    with pytest.raises(ValidationError):
        do_reopen_risk(org.staff, risk, reason="")
    do_reopen_risk(org.staff, risk, reason="情况出现变化")
    risk.refresh_from_db()
    assert risk.status == "rectifying" and risk.accepted_by is None
    assert list(RiskHistory.objects.filter(risk=risk).values_list("event", flat=True)) == ["登记", "风险接受", "重新打开"]


def test_a_county_neither_sees_nor_changes_another_countys_or_the_citys_register(org):
    city_risk = make_risk(org)
    county_risk = make_risk(org, unit=org.county_a, actor=org.county_staff, title="县区风险")
    assert set(Risk.objects.visible_to(org.county_staff)) == {county_risk}
    assert not Risk.objects.visible_to(org.other_county_staff).exists()
    assert set(Risk.objects.visible_to(org.principal)) == {city_risk, county_risk}
    assert not Risk.objects.visible_to(org.cadre).exists()
    before = state(county_risk)
    with pytest.raises(PermissionDenied):
        do_update_risk(org.other_county_staff, county_risk, title="篡改")
    with pytest.raises(PermissionDenied):
        make_risk(org, unit=org.county_a, actor=org.other_county_staff)
    assert state(county_risk) == before


def test_only_the_leaders_of_the_risks_own_organ_accept_it(org, client):
    county_risk = make_risk(org, unit=org.county_a, actor=org.county_staff, title="县区风险")
    later = timezone.localdate() + timedelta(days=60)
    before = state(county_risk)
    with pytest.raises(PermissionDenied):  # the city's head is not the county bureau's leader
        do_accept_risk(org.principal, county_risk, reason="可控", review_on=later)
    city_risk = make_risk(org)
    client.force_login(org.staff, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(f"/risks/{city_risk.pk}/accept/", {"reason": "可控", "review_on": later.isoformat()})
    assert response.status_code == 403
    assert state(county_risk) == before and Risk.objects.get(pk=city_risk.pk).status == "open"


def test_a_risk_links_the_record_it_came_from_and_the_one_it_carries_on(org):
    from django.contrib.contenttypes.models import ContentType

    earlier = make_risk(org, title="上季度风险")
    risk = make_risk(org, title="本季度延续", source="opinion", source_record=earlier, carried_from=earlier)
    assert risk.source_type == ContentType.objects.get_for_model(earlier) and risk.source_id == earlier.pk
    assert list(earlier.carried_into.all()) == [risk]
