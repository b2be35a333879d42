"""A 销号 request the reviewer returns (or the author withdraws) is no longer 待销号: the risk is being
rectified again (整改中) with the reviewer's comment in its history and on its page; resubmitting
sends it back to the stage that returned it."""

from django.urls import reverse

from ideowork.core.actions.reviews import active_stage, do_decide, do_withdraw, open_review
from ideowork.core.models import AuditEvent
from ideowork.risks.actions import do_request_closeout, do_update_risk
from ideowork.risks.models import Risk, RiskHistory
from tests.risks.builders import make_risk, with_evidence

COMMENT = "佐证材料只有谈话记录，请补充整改前后的对比材料。"


def returned(org):
    risk = with_evidence(org, make_risk(org))
    review = do_request_closeout(org.staff, risk)
    stage = active_stage(review)
    do_decide(org.section_chief, review, stage_id=stage.pk, version=review.version, decision="return_author",
              comment=COMMENT)
    return Risk.objects.get(pk=risk.pk), review


def test_a_returned_close_out_puts_the_risk_back_to_rectifying_with_the_comment(org, client):
    risk, review = returned(org)
    assert risk.status == "rectifying"
    row = RiskHistory.objects.get(risk=risk, valid_to__isnull=True)
    assert row.event == "销号退回" and row.note == COMMENT and row.status == "rectifying"
    assert AuditEvent.objects.filter(event_type="risks.risk.closeout_returned").count() == 1
    client.force_login(org.staff, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("risks:detail", args=[risk.pk])).content.decode()
    assert "整改中" in page and COMMENT in page and "重新申请销号" in page
    do_update_risk(org.staff, risk, measures="补充整改前后对比材料")  # editable again
    do_request_closeout(org.staff, Risk.objects.get(pk=risk.pk))
    review.refresh_from_db()
    assert Risk.objects.get(pk=risk.pk).status == "closing" and review.status == "in_review"
    assert active_stage(review).role == "section_chief"


def test_a_withdrawn_close_out_request_puts_the_risk_back_to_rectifying(org):
    risk = with_evidence(org, make_risk(org))
    review = do_request_closeout(org.staff, risk)
    do_withdraw(org.staff, review, comment="补充材料后再报")
    risk.refresh_from_db()
    assert risk.status == "rectifying" and open_review(risk) is None
    assert RiskHistory.objects.get(risk=risk, valid_to__isnull=True).event == "撤回销号申请"
