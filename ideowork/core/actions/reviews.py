"""The one review workflow: submitting, deciding, withdrawing — every area uses these.

A subject is a record of a model registered with ``review_registry.register_reviewable`` (so
``core`` never imports an area); it goes through its organ's flow for the model's purpose unless a
flow is named. The record keeps none of the review's state (``review_state(record)`` reads it);
the workflow calls its ``on_review_approved`` / ``on_review_rejected`` inside its transaction, and
the registered blockers before an approval. Requests to decide a stage are marked read when the
stage is decided or the review ends, so nobody keeps an unread request for finished work.

Every decision is tied to the version it was made on; a decision on another version is refused.
Two people deciding one stage at once: a conditional UPDATE of the stage row lets exactly one win,
on SQLite and PostgreSQL alike. Flows are configured in ``review_flows``; reads (who may decide,
what awaits whom, the panel) live in ``review_queries``. This module re-exports both, so areas
import the whole workflow from here.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..audit import record
from ..models import User
from ..models import Notification
from ..models.reviews import (OWNER, Decision, Review, ReviewDecision, ReviewFlow, ReviewStage, ReviewStatus, StageStatus,
                              StepKind)
from ..notify import notify
from ..permissions import require
from .review_flows import MAX_STEPS, default_flow, do_save_flow, flow_editors, can_edit_flows, organ_flows, steps_for
from .review_queries import (active_stage, awaiting, can_decide, eligible_users, is_locked, latest_review,
                             can_decide_stage, open_review, review_panel, review_state, subject_url, submitted_by,
                             with_review_state, with_subjects)
from .review_registry import blockers_for, purpose as purpose_of, registration_for
from .review_staffing import staff_stages

__all__ = ["do_submit_for_review", "do_decide", "do_decide_current", "do_withdraw", "notify_overdue_stages", "add_working_days",
           # review_flows
           "steps_for", "organ_flows", "default_flow", "can_edit_flows", "flow_editors", "do_save_flow", "MAX_STEPS",
           # review_queries
           "review_state", "with_review_state", "open_review", "latest_review", "is_locked", "active_stage", "eligible_users",
           "can_decide_stage", "can_decide", "awaiting", "submitted_by", "with_subjects", "subject_url",
           "review_panel"]

MAX_COMMENT = 2000
DECISIONS = (Decision.APPROVE, Decision.RETURN_AUTHOR, Decision.RETURN_STEP, Decision.REJECT)
STALE_VERSION = "内容已更新，请刷新后按最新版本审核。"
TAKEN = "该环节已由他人办理。"


# --- helpers for the writes ------------------------------------------------------------------------
def add_working_days(start, days: int):
    """``start`` moved forward by ``days`` working days (Saturdays and Sundays skipped)."""
    moment = start
    while days > 0:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def _activate(stage: ReviewStage, now) -> None:
    stage.status = StageStatus.ACTIVE
    stage.activated_at = now
    stage.due_at = add_working_days(timezone.localtime(now), stage.due_days) if stage.due_days else None
    stage.decided_by = stage.decided_at = stage.decided_version = None
    stage.save(update_fields=["status", "activated_at", "due_at", "decided_by", "decided_at", "decided_version"])


def _stage_key(stage: ReviewStage) -> str:
    return f"review-stage:{stage.pk}:"


def _notify_stage(stage: ReviewStage, title: str, body: str = "") -> None:
    url = subject_url(stage.review)
    key = f"{_stage_key(stage)}{stage.activated_at:%Y%m%d%H%M%S%f}"
    for person in eligible_users(stage):
        notify(person, title, body=body, url=url, kind="review", dedup_key=key)


def _close_requests(stages) -> None:
    """Mark read the requests (and overdue reminders) to decide ``stages``: the work is done."""
    now = timezone.now()
    for stage in stages:
        Notification.objects.filter(kind="review", read_at__isnull=True).filter(
            dedup_key__startswith=_stage_key(stage)).update(read_at=now)
        Notification.objects.filter(kind="review", read_at__isnull=True).filter(
            dedup_key__startswith=f"review-overdue:{stage.pk}:").update(read_at=now)


def _check_stages_staffed(review: Review, stages) -> None:
    for stage in stages:
        if stage.status != StageStatus.SKIPPED and not eligible_users(stage).exists():
            raise ValidationError(f"环节“{stage.name}”当前没有可办理的人员，请联系本单位负责人调整审核流程。")


def _review_state(review: Review, stage: ReviewStage | None = None) -> dict:
    state = {"status": review.status, "version": review.version}
    if stage is not None:
        state["stage"] = stage.name
    return state


def _visible(user: User, subject) -> bool:
    manager = type(subject)._default_manager
    if not hasattr(manager, "visible_to"):
        return user.scope_root is not None and subject.org_unit.is_within(user.scope_root)
    return manager.visible_to(user).filter(pk=subject.pk).exists()


def _tell_subject(subject, hook: str, review: Review, user: User, comment: str) -> None:
    """Call one of the optional hooks of the Reviewable protocol (``on_review_returned``,
    ``on_review_withdrawn``): a subject that keeps a state of its own while under review (a risk
    waiting for close-out) takes it back when the review comes back to its author."""
    method = getattr(subject, hook, None)
    if method is not None:
        method(review, user, comment)


# --- submitting ------------------------------------------------------------------------------------
def do_submit_for_review(user: User, subject, *, flow: ReviewFlow | None = None) -> Review:
    """Submit ``subject``: a new review through ``flow`` (the organ's default flow for the subject's
    purpose when None), or, after a return to the author, the same review again with the subject's
    new version at the stage that returned it."""
    registration = registration_for(subject)
    require(user.is_authenticated and user.is_active and user.is_business and _visible(user, subject),
            "您无权提交该内容审核。")
    current = open_review(subject)
    if current is not None and current.status == ReviewStatus.IN_REVIEW:
        raise ValidationError("该内容已在审核中，不能重复提交。")
    if current is not None:
        return _resubmit(user, current, subject)
    organ = subject.org_unit.organ or subject.org_unit
    if flow is not None:
        require(flow.org_unit_id == organ.pk, "只能使用本单位的审核流程。")
        require(flow.purpose == registration.purpose, f"该流程不能用于“{purpose_of(registration.purpose).label}”。")
    else:
        flow = default_flow(organ, registration.purpose)
    number, digest = subject.review_version()
    now = timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                review = Review.objects.create(
                    org_unit=subject.org_unit, subject_type=ContentType.objects.get_for_model(subject),
                    subject_id=subject.pk, title=subject.review_title()[:200], author=user,
                    purpose=registration.purpose, flow_name=flow.name, version=number,
                    version_digest=digest, submitted_at=now)
        except IntegrityError:  # a concurrent submission won
            raise ValidationError("该内容已在审核中，不能重复提交。") from None
        review._subject = subject
        stages = [ReviewStage(review=review, order=i, **step) for i, step in enumerate(steps_for(flow), start=1)]
        staff_stages(review, stages, subject)
        owners = {stage.order: getattr(stage, "owner_ids", set()) for stage in stages}
        stages = ReviewStage.objects.bulk_create(stages)
        for stage in stages:
            stage.review = review
            if owners[stage.order] and stage.role == OWNER:
                stage.deciders.set(owners[stage.order])
        first = next((s for s in stages if s.status != StageStatus.SKIPPED), None)
        if first is None:
            raise ValidationError("审核流程的环节均无需办理，请调整审核流程。")
        _activate(first, now)
        ReviewDecision.objects.create(review=review, actor=user, decision=Decision.SUBMIT, version=number,
                                      version_digest=digest)
        record("core.review.submit", review, actor=user, new={**_review_state(review, first), "flow": review.flow_name})
        _notify_stage(first, f"待审核：《{review.title}》（{first.name}）", body=f"{user.name} 提交了第{number}版，请审核。")
    return review


def _resubmit(user: User, review: Review, subject) -> Review:
    require(review.author_id == user.pk, "只有提交人可以重新提交。")
    number, digest = subject.review_version()
    now = timezone.now()
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        if review.status != ReviewStatus.RETURNED:
            raise ValidationError("该内容已在审核中，不能重复提交。")
        review._subject = subject
        stage = review.stages.filter(status=StageStatus.RETURNED).first() or \
            review.stages.exclude(status=StageStatus.SKIPPED).first()
        stage.review = review
        later = list(review.stages.filter(order__gte=stage.order))
        for s in later:
            s.review = review
        _check_stages_staffed(review, later)
        old = _review_state(review)
        review.status, review.version, review.version_digest = ReviewStatus.IN_REVIEW, number, digest
        review.save(update_fields=["status", "version", "version_digest"])
        _activate(stage, now)
        ReviewDecision.objects.create(review=review, actor=user, decision=Decision.SUBMIT, comment="修改后重新提交",
                                      version=number, version_digest=digest)
        record("core.review.resubmit", review, actor=user, old=old, new=_review_state(review, stage))
        _notify_stage(stage, f"待审核：《{review.title}》已修改后重新提交（{stage.name}）",
                      body=f"{user.name} 提交了修改后的第{number}版，请审核。")
    return review


# --- deciding --------------------------------------------------------------------------------------
def _stage_for(review: Review, stage_id) -> ReviewStage:
    try:
        return review.stages.select_related("assignee").get(pk=stage_id)
    except (ReviewStage.DoesNotExist, ValueError, TypeError):
        raise ValidationError("审核环节不存在。") from None


def _claim(stage: ReviewStage, user: User, version: int, status: str, now) -> None:
    """Close the active stage for ``user``; exactly one of two concurrent deciders gets the row."""
    won = ReviewStage.objects.filter(pk=stage.pk, status=StageStatus.ACTIVE).update(
        status=status, decided_by=user, decided_at=now, decided_version=version)
    if won != 1:
        raise ValidationError(TAKEN)
    stage.status, stage.decided_by, stage.decided_at, stage.decided_version = status, user, now, version


def do_decide(user: User, review: Review, *, stage_id: int, version: int, decision: str, comment: str = "",
              return_to: int | None = None) -> Review:
    """Decide the active stage on ``version``: approve, return to the author, or return to an earlier stage."""
    comment = (comment or "").strip()
    if decision not in DECISIONS:
        raise ValidationError({"decision": "请选择审核意见。"})
    if decision in (Decision.RETURN_AUTHOR, Decision.RETURN_STEP) and not comment:
        raise ValidationError({"comment": "退回时请填写退回意见。"})
    if decision == Decision.REJECT and not purpose_of(review.purpose).rejects:
        raise ValidationError({"decision": "该流程不能直接不同意，请退回修改。"})
    if len(comment) > MAX_COMMENT:
        raise ValidationError({"comment": f"意见不能超过 {MAX_COMMENT} 个字。"})
    if review.status != ReviewStatus.IN_REVIEW:
        raise ValidationError("该内容当前不在审核中。")
    stage = _stage_for(review, stage_id)
    if stage.status in (StageStatus.APPROVED, StageStatus.RETURNED):
        raise ValidationError("该环节已办理，不能重复办理。")
    if stage.status != StageStatus.ACTIVE:
        raise ValidationError("尚未轮到该环节办理。")
    stage.review = review
    require(can_decide_stage(user, stage), "您不是该环节的办理人，不能办理。")
    subject = review.subject
    number, digest = subject.review_version()
    try:
        version = int(version)
    except (TypeError, ValueError):
        version = -1
    if version != number or version != review.version:
        raise ValidationError(STALE_VERSION)
    target = None
    if decision == Decision.RETURN_STEP:
        target = review.stages.filter(pk=return_to, order__lt=stage.order).exclude(status=StageStatus.SKIPPED).first() \
            if str(return_to or "").isdigit() else None
        if target is None:
            raise ValidationError({"return_to": "请选择要退回的之前环节。"})
    if decision == Decision.APPROVE:
        blockers = blockers_for(subject, stage)
        if blockers:
            raise ValidationError(list(blockers))
    now = timezone.now()
    with transaction.atomic():
        status = {Decision.APPROVE: StageStatus.APPROVED, Decision.RETURN_AUTHOR: StageStatus.RETURNED,
                  Decision.RETURN_STEP: StageStatus.WAITING, Decision.REJECT: StageStatus.RETURNED}[decision]
        _claim(stage, user, number, status, now)
        locked = Review.objects.select_for_update().get(pk=review.pk)
        if locked.status != ReviewStatus.IN_REVIEW or locked.version != number:
            raise ValidationError(STALE_VERSION if locked.version != number else "该内容当前不在审核中。")
        review = locked
        review._subject = subject
        stage.review = review
        old = _review_state(review, stage)
        ReviewDecision.objects.create(review=review, stage=stage, actor=user, decision=decision, comment=comment,
                                      version=number, version_digest=digest, returned_to=target)
        url = subject_url(review)
        _close_requests([stage])
        if decision == Decision.APPROVE:
            _approve(user, review, stage, now, url)
        elif decision == Decision.REJECT:
            review.status, review.finished_at = ReviewStatus.REJECTED, now
            review.save(update_fields=["status", "finished_at"])
            subject.on_review_rejected(review, user)
            notify(review.author, f"《{review.title}》{purpose_of(review.purpose).rejected}", body=comment, url=url,
                   kind="review")
        elif decision == Decision.RETURN_AUTHOR:
            review.status = ReviewStatus.RETURNED
            review.save(update_fields=["status"])
            _tell_subject(subject, "on_review_returned", review, user, comment)
            notify(review.author, f"《{review.title}》在“{stage.name}”环节被退回修改", body=comment, url=url,
                   kind="review")
        else:
            _return_to_stage(user, review, target, now, comment, url)
        record(f"core.review.{decision}", review, actor=user, old=old,
               new={**_review_state(review), "stage": stage.name, "comment": comment,
                    **({"returned_to": target.name} if target else {})})
    return review


def _approve(user: User, review: Review, stage: ReviewStage, now, url: str) -> None:
    following = review.stages.filter(order__gt=stage.order).exclude(status=StageStatus.SKIPPED).first()
    if following is not None:
        following.review = review
        _activate(following, now)
        _notify_stage(following, f"待审核：《{review.title}》（{following.name}）",
                      body=f"{stage.name}已由{user.name}审核通过，请办理{following.name}。")
        return
    stages = [s for s in review.stages.all() if s.status == StageStatus.APPROVED]
    signer = next((s for s in stages if s.signs), None) or [s for s in stages if s.kind == StepKind.REVIEW][-1]
    review.status, review.finished_at, review.signed_by_id = ReviewStatus.APPROVED, now, signer.decided_by_id
    review.save(update_fields=["status", "finished_at", "signed_by"])
    review.subject.on_review_approved(review, user)
    notify(review.author, f"《{review.title}》{purpose_of(review.purpose).approved}",
           body=f"第{review.version}版已通过全部审核环节。", url=url, kind="review")


def _return_to_stage(user: User, review: Review, target: ReviewStage, now, comment: str, url: str) -> None:
    review.stages.filter(order__gt=target.order).exclude(status=StageStatus.SKIPPED).update(
        status=StageStatus.WAITING, activated_at=None, due_at=None,
                                                        decided_by=None, decided_at=None, decided_version=None)
    target.review = review
    _activate(target, now)
    _notify_stage(target, f"《{review.title}》退回至“{target.name}”环节，请重新办理", body=comment)
    notify(review.author, f"《{review.title}》被退回至“{target.name}”环节", body=comment, url=url, kind="review")


def do_decide_current(user: User, subject, *, decision: str, comment: str = "",
                      not_open: str = "该事项不在待审核状态。") -> Review:
    """``do_decide`` on the subject's open review at its active stage and current version: the
    one-click form an area's own service offers (approve a leave request, accept a reflection)."""
    review = open_review(subject)
    stage = active_stage(review) if review is not None else None
    if stage is None:
        raise ValidationError(not_open)
    return do_decide(user, review, stage_id=stage.pk, version=review.version, decision=decision, comment=comment)


# --- withdrawing -----------------------------------------------------------------------------------
def do_withdraw(user: User, review: Review, *, comment: str = "") -> Review:
    """The author takes the subject back out of review (in review or returned); it becomes editable."""
    require(user.pk == review.author_id, "只有提交人可以撤回。")
    comment = (comment or "").strip()[:MAX_COMMENT]
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        if not review.is_open:
            raise ValidationError("该审核已结束，不能撤回。")
        old = _review_state(review)
        stage = active_stage(review)
        waiting = list(eligible_users(stage)) if stage is not None else []
        _close_requests(list(review.stages.all()))
        review.stages.filter(status__in=[StageStatus.ACTIVE, StageStatus.RETURNED]).update(
            status=StageStatus.WAITING, activated_at=None, due_at=None)
        review.status, review.finished_at = ReviewStatus.WITHDRAWN, timezone.now()
        review.save(update_fields=["status", "finished_at"])
        _tell_subject(review.subject, "on_review_withdrawn", review, user, comment)
        ReviewDecision.objects.create(review=review, stage=stage, actor=user, decision=Decision.WITHDRAW,
                                      comment=comment, version=review.version, version_digest=review.version_digest)
        record("core.review.withdraw", review, actor=user, old=old, new={**_review_state(review), "comment": comment})
        for person in waiting:
            notify(person, f"《{review.title}》已由提交人撤回，无需继续审核", body=comment, url=subject_url(review),
                   kind="review")
    return review


# --- reminders -------------------------------------------------------------------------------------
def notify_overdue_stages(now=None) -> int:
    """Tell the deciders and the author of every overdue active stage, once per activation."""
    now = now or timezone.now()
    sent = 0
    stages = (ReviewStage.objects.filter(status=StageStatus.ACTIVE, review__status=ReviewStatus.IN_REVIEW,
                                         due_at__lt=now).select_related("review", "review__author", "assignee"))
    for stage in stages:
        review = stage.review
        key = f"review-overdue:{stage.pk}:{stage.activated_at:%Y%m%d%H%M%S}"
        url = subject_url(review)
        due = timezone.localtime(stage.due_at).strftime("%Y-%m-%d %H:%M")
        for person in [*eligible_users(stage), review.author]:
            sent += notify(person, f"审核超期：《{review.title}》（{stage.name}）", body=f"办理期限为 {due}，已超期。",
                           url=url, kind="review", dedup_key=key) is not None
    return sent

