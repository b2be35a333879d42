"""How a risk's handling ends, and starts again: close-out (销号) through the review workflow with
evidence required, acceptance (风险接受) by a leader with a reason and a review date, reopening."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.actions.reviews import do_submit_for_review, is_locked
from ideowork.core.audit import record
from ideowork.core.models import User

from ..choices import ENDED_STATUSES, RiskStatus
from ..models import Risk, RiskEvidence
from .history import risk_state, write_history

__all__ = ["closeout_blockers", "do_request_closeout", "close_risk", "refuse_closeout", "closeout_comes_back",
           "do_accept_risk",
           "do_reopen_risk", "can_accept"]

NO_EVIDENCE = "尚未上传整改佐证材料，不能销号：请先在整改进展中上传佐证材料。"


def closeout_blockers(risk: Risk, stage=None) -> list[str]:
    """Why close-out may not be approved now (registered as the workflow's blocker, and asked before
    a request)."""
    return [] if RiskEvidence.objects.filter(risk=risk).exists() else [NO_EVIDENCE]


def _locked(risk: Risk) -> Risk:
    return Risk.objects.select_for_update(of=("self",)).select_related("matrix", "owner").get(pk=risk.pk)


def _locked_in_hand(risk: Risk, ended: str, in_review: str) -> Risk:
    """``risk`` locked for a change that needs it neither ended (``ended`` follows its state) nor under
    its 销号 review (``in_review``). Caller holds a transaction."""
    risk = _locked(risk)
    if risk.is_ended:
        raise ValidationError(f"该风险{risk.get_status_display()}，{ended}")
    if is_locked(risk):
        raise ValidationError(in_review)
    return risk


def do_request_closeout(actor: User, risk: Risk):
    """Ask for close-out: the risk waits (待销号) while the organ's 销号 flow runs. Refused without
    evidence. A request that was returned is resubmitted where it was returned."""
    require_can(actor, "change", risk, "您无权申请该风险销号。")
    with transaction.atomic():
        risk = _locked_in_hand(risk, "不能申请销号。", "该风险已在销号审核中，不能重复申请。")
        blockers = closeout_blockers(risk)
        if blockers:
            raise ValidationError(blockers)
        old = risk_state(risk)
        risk.status, risk.closeout_requested_by = RiskStatus.CLOSING, actor
        risk.save()
        review = do_submit_for_review(actor, risk)
        write_history(risk, actor, "申请销号")
        record("risks.risk.request_closeout", risk, actor=actor, old=old, new=risk_state(risk))
    return review


def close_risk(risk: Risk, review, actor: User) -> None:
    """The 销号 flow approved (inside the workflow's transaction): the risk is closed out."""
    risk = _locked(risk)
    old = risk_state(risk)
    risk.status, risk.closed_on = RiskStatus.CLOSED, timezone.localdate()
    risk.save()
    write_history(risk, actor, "销号", note=f"经{review.flow_name}审核同意销号")
    record("risks.risk.close", risk, actor=actor, old=old, new=risk_state(risk))


def refuse_closeout(risk: Risk, review, actor: User) -> None:
    """The 销号 flow refused: rectification goes on."""
    risk = _locked(risk)
    old = risk_state(risk)
    risk.status = RiskStatus.RECTIFYING
    risk.save()
    write_history(risk, actor, "销号未通过")
    record("risks.risk.closeout_refused", risk, actor=actor, old=old, new=risk_state(risk))


def closeout_comes_back(risk: Risk, actor: User, event: str, comment: str) -> None:
    """The 销号 review came back to the author (returned by a decider, or withdrawn): the risk is being
    rectified again (整改中) and the comment shows in its history. Inside the workflow's transaction."""
    risk = _locked(risk)
    if risk.status != RiskStatus.CLOSING:
        return
    old = risk_state(risk)
    risk.status = RiskStatus.RECTIFYING
    risk.save()
    write_history(risk, actor, event, note=comment)
    record("risks.risk.closeout_returned", risk, actor=actor, old=old, new={**risk_state(risk), "comment": comment})


def can_accept(user: User, risk: Risk) -> bool:
    return Risk.objects.visible_to(user, "decide").filter(pk=risk.pk).exists()


def do_accept_risk(actor: User, risk: Risk, *, reason: str, review_on: date) -> Risk:
    """Accept the risk instead of rectifying it (风险接受): the actor is the approver and must be a
    leader of the risk's organ; the reason and the date it is looked at again are required."""
    require_can(actor, "decide", risk, "只有本单位领导可以批准接受风险。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写接受该风险的理由。"})
    today = timezone.localdate()
    if review_on is None or review_on <= today:
        raise ValidationError({"review_on": "请填写今天以后的复查日期。"})
    with transaction.atomic():
        risk = _locked_in_hand(risk, "不能再接受。", "该风险正在销号审核中，不能改为接受。")
        old = risk_state(risk)
        risk.status, risk.accepted_reason, risk.accepted_by = RiskStatus.ACCEPTED, reason, actor
        risk.accepted_on, risk.accept_review_on = today, review_on
        risk.revision += 1
        risk.save()
        write_history(risk, actor, "风险接受", note=reason)
        record("risks.risk.accept", risk, actor=actor, old=old,
               new={**risk_state(risk), "reason": reason, "review_on": review_on.isoformat()})
    return risk


def do_reopen_risk(actor: User, risk: Risk, *, reason: str) -> Risk:
    """Reopen a closed-out or accepted risk: rectification starts again, its history kept."""
    require_can(actor, "change", risk, "您无权重新打开该风险。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写重新打开的理由。"})
    with transaction.atomic():
        risk = _locked(risk)
        if risk.status not in ENDED_STATUSES:
            raise ValidationError("只有已销号或已接受的风险可以重新打开。")
        old = risk_state(risk)
        risk.status, risk.closed_on = RiskStatus.RECTIFYING, None
        risk.accepted_reason, risk.accepted_by, risk.accepted_on, risk.accept_review_on = "", None, None, None
        risk.closeout_requested_by = None
        risk.revision += 1
        risk.save()
        write_history(risk, actor, "重新打开", note=reason)
        record("risks.risk.reopen", risk, actor=actor, old=old, new={**risk_state(risk), "reason": reason})
    return risk
