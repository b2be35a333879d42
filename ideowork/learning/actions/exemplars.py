"""The 学习标兵 selection: nominate from the rankings, submit, a leader decides each nominee and
approves, publish.

Submitting opens the selection's sign-off in the core workflow (a one-step 审批 by the organ's
leaders, ``learning/reviews.py``), which asks the leaders to decide, with its due date and
reminders. While that step is open its deciders record a decision on each nominee
(``do_decide_nominee``) and then approve the step on the review panel; approval with an undecided
nominee is refused (``approval_blockers``). The approval is what allows publishing; a return sends
the selection back to its organiser as a draft, and the next submission starts the nominees'
decisions afresh.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from ideowork.core import audit
from ideowork.core.actions.reviews import (can_decide, do_decide_current, do_submit_for_review, latest_review,
                                           open_review, review_state)
from ideowork.core.models import User
from ideowork.core.models.reviews import Decision, ReviewStatus
from ideowork.core.notify import notify
from ideowork.core.permissions import require
from ideowork.core.access import can

from ..models import ExemplarNominee, ExemplarSelection, PointsEntry
from ..models.exemplars import NomineeDecision, SelectionStatus

__all__ = ["do_create_selection", "do_nominate_from_rankings", "do_add_nominee", "do_remove_nominee",
           "do_submit_selection", "do_decide_nominee", "do_sign_off_selection", "do_publish_selection",
           "approval_blockers", "points_between", "can_organise", "can_review", "is_editable", "can_decide_nominees", "can_publish_selection"]

# Review states in which the organiser may change the nominees: never submitted, returned, withdrawn, refused.
EDITABLE_STATES = ("", ReviewStatus.RETURNED, ReviewStatus.WITHDRAWN, ReviewStatus.REJECTED)


def can_organise(user, selection=None) -> bool:
    """Start a selection (``selection`` None: a learning manager of an organ), or change one: its
    declared "change"."""
    if selection is None:
        return user.has_capability("learning.manage") and user.scope_root is not None
    return can(user, "change", selection)


def can_review(user, selection) -> bool:
    """The organ's leaders: they decide its selections (as the workflow's deciders) and publish them —
    the selection's declared "decide"."""
    return can(user, "decide", selection)


def is_editable(selection) -> bool:
    """A draft whose review is not running or approved: its organiser may change the nominees."""
    return selection.status == SelectionStatus.DRAFT and review_state(selection) in EDITABLE_STATES


def can_decide_nominees(user, selection) -> bool:
    """Whoever may decide the open sign-off step records the decision on each nominee."""
    review = open_review(selection)
    return review is not None and review.status == ReviewStatus.IN_REVIEW and can_decide(user, review)


def can_publish_selection(user, selection) -> bool:
    return (can_review(user, selection) and selection.status == SelectionStatus.DRAFT
            and review_state(selection) == ReviewStatus.APPROVED)


def approval_blockers(selection, stage) -> list[str]:
    """Why the sign-off may not be approved now (registered with the workflow as a blocker)."""
    counts = {d: 0 for d in NomineeDecision.values}
    for decision in selection.nominees.values_list("decision", flat=True):
        counts[decision] += 1
    if counts[NomineeDecision.PENDING]:
        return [f"还有{counts[NomineeDecision.PENDING]}名提名人选未审核，请对每位人选选择同意或不同意后再通过。"]
    if not counts[NomineeDecision.APPROVED]:
        return ["没有同意的人选，不能通过；如需重新提名，请退回修改。"]
    if counts[NomineeDecision.APPROVED] > selection.quota:
        return [f"同意的人选（{counts[NomineeDecision.APPROVED]}人）超过评选名额（{selection.quota}人）。"]
    return []


def _url(selection) -> str:
    return reverse("learning:exemplar_detail", args=[selection.pk])


def points_between(organ, start: date, end: date):
    """{user_id: points} earned from ``start`` to ``end`` by the people of ``organ`` (not the organs below)."""
    return dict(PointsEntry.objects.filter(org_unit__organ=organ, date__range=(start, end))
                .values_list("user").annotate(n=Sum("points")).order_by())


@transaction.atomic
def do_create_selection(actor, *, title: str, start: date, end: date, quota: int, note: str = ""):
    require(can_organise(actor), "您无权发起学习标兵评选。")
    if end < start:
        raise ValidationError({"end": "截止日不能早于起始日。"})
    if not 1 <= quota <= 100:
        raise ValidationError({"quota": "评选名额须在1至100之间。"})
    selection = ExemplarSelection(org_unit=actor.scope_root, title=title.strip(), start=start, end=end, quota=quota,
                                  note=note, created_by=actor)
    selection.full_clean()
    selection.save()
    audit.record("learning.exemplar.create", selection, actor=actor, new=audit.snapshot(selection))
    return selection


def _editable(actor, selection) -> None:
    require(can_organise(actor, selection), "您无权修改此评选。")
    if not is_editable(selection):
        raise ValidationError("评选已提交审核或已发布，不能再修改提名。")


@transaction.atomic
def do_nominate_from_rankings(actor, selection) -> list[ExemplarNominee]:
    """Nominate the top of the period's ranking up to the quota (people already nominated stay)."""
    selection = ExemplarSelection.objects.select_for_update().get(pk=selection.pk)
    _editable(actor, selection)
    totals = points_between(selection.org_unit, selection.start, selection.end)
    people = set(User.objects.business().filter(pk__in=list(totals)).values_list("pk", flat=True))
    ranked = sorted(((points, pk) for pk, points in totals.items() if pk in people and points > 0),
                    key=lambda pair: (-pair[0], pair[1]))
    existing = set(selection.nominees.values_list("user_id", flat=True))
    added = []
    for rank, (points, pk) in enumerate(ranked, 1):
        if len(existing) + len(added) >= selection.quota:
            break
        if pk not in existing:
            added.append(ExemplarNominee(selection=selection, user_id=pk, points=points, rank=rank,
                                         reason=f"积分排名第{rank}位"))
    ExemplarNominee.objects.bulk_create(added)
    audit.record("learning.exemplar.nominate", selection, actor=actor,
                 new={"提名": [str(n.user_id) for n in added]})
    return added


@transaction.atomic
def do_add_nominee(actor, selection, user, *, reason: str = "") -> ExemplarNominee:
    selection = ExemplarSelection.objects.select_for_update().get(pk=selection.pk)
    _editable(actor, selection)
    if not user.is_business or not user.org_unit or user.org_unit.organ_id != selection.org_unit_id:
        raise ValidationError({"user": "只能提名本单位的干部职工。"})
    if selection.nominees.filter(user=user).exists():
        raise ValidationError({"user": "此人已被提名。"})
    totals = points_between(selection.org_unit, selection.start, selection.end)
    points = totals.get(user.pk, 0)
    rank = 1 + sum(1 for p in totals.values() if p > points)
    nominee = ExemplarNominee.objects.create(selection=selection, user=user, points=points, rank=rank,
                                             reason=reason.strip())
    audit.record("learning.exemplar.add_nominee", selection, actor=actor, new={"被提名人": str(user)})
    return nominee


@transaction.atomic
def do_remove_nominee(actor, nominee) -> None:
    _editable(actor, nominee.selection)
    audit.record("learning.exemplar.remove_nominee", nominee.selection, actor=actor, old={"被提名人": str(nominee.user)})
    nominee.delete()


@transaction.atomic
def do_submit_selection(actor, selection):
    """Submit the nominees for the leaders' sign-off; after a return, as the next version with the
    nominees' earlier decisions cleared."""
    selection = ExemplarSelection.objects.select_for_update().get(pk=selection.pk)
    _editable(actor, selection)
    if not selection.nominees.exists():
        raise ValidationError("请先提名人选，再提交审核。")
    if latest_review(selection) is not None:
        selection.version += 1
        selection.nominees.update(decision=NomineeDecision.PENDING, comment="", decided_by=None, decided_at=None)
    selection.submitted_at = timezone.now()
    selection.save(update_fields=["version", "submitted_at"])
    audit.record("learning.exemplar.submit", selection, actor=actor, new={"状态": "待审核", "版本": selection.version})
    do_submit_for_review(actor, selection)
    return selection


@transaction.atomic
def do_decide_nominee(actor, nominee, *, decision: str, comment: str = "") -> ExemplarNominee:
    """A decider of the open sign-off step records their decision on one nominee."""
    nominee = ExemplarNominee.objects.select_for_update().select_related("selection").get(pk=nominee.pk)
    selection = nominee.selection
    review = open_review(selection)
    if review is None or review.status != ReviewStatus.IN_REVIEW:
        require(can_review(actor, selection), "只有本单位领导可以审核学习标兵。")
        raise ValidationError("该评选不在审核阶段。")
    require(can_decide(actor, review), "只有本单位领导可以审核学习标兵。")
    if nominee.user_id == actor.pk:
        raise ValidationError("不能审核本人的提名。")
    if decision not in (NomineeDecision.APPROVED, NomineeDecision.REJECTED):
        raise ValidationError({"decision": "请选择同意或不同意。"})
    if decision == NomineeDecision.REJECTED and not comment.strip():
        raise ValidationError({"comment": "不同意时请填写理由。"})
    old = {"审核意见": nominee.get_decision_display()}
    nominee.decision, nominee.comment = decision, comment.strip()
    nominee.decided_by, nominee.decided_at = actor, timezone.now()
    nominee.save(update_fields=["decision", "comment", "decided_by", "decided_at"])
    audit.record("learning.exemplar.decide", selection, actor=actor, old=old,
                 new={"被提名人": str(nominee.user), "审核意见": nominee.get_decision_display(), "说明": nominee.comment})
    return nominee


def do_sign_off_selection(actor, selection, *, approve: bool, comment: str = ""):
    """Approve, or return to its organiser with ``comment``, the selection's open sign-off step (the
    one-click form of the workflow's ``do_decide``, which checks who may decide and the blockers)."""
    do_decide_current(actor, selection, comment=comment, not_open="该评选不在审核阶段。",
                      decision=Decision.APPROVE if approve else Decision.RETURN_AUTHOR)
    return selection


@transaction.atomic
def do_publish_selection(actor, selection):
    selection = ExemplarSelection.objects.select_for_update().get(pk=selection.pk)
    require(can_review(actor, selection), "只有本单位领导可以发布评选结果。")
    if selection.status == SelectionStatus.PUBLISHED:
        raise ValidationError("评选结果已发布。")
    if review_state(selection) != ReviewStatus.APPROVED:
        raise ValidationError("评选尚未经领导审核通过，不能发布。")
    approved = list(selection.nominees.filter(decision=NomineeDecision.APPROVED).select_related("user"))
    selection.status, selection.published_at, selection.published_by = SelectionStatus.PUBLISHED, timezone.now(), actor
    selection.save(update_fields=["status", "published_at", "published_by"])
    audit.record("learning.exemplar.publish", selection, actor=actor,
                 new={"学习标兵": [str(n.user) for n in approved]})
    for nominee in approved:
        notify(nominee.user, f"恭喜您被评为{selection.title}学习标兵", url=_url(selection), kind="success")
    return selection
