"""The days a demo story's handling took. The handling services stamp each timeline step, the event's
deadline and its 销号 review with the moment they ran and take no time of their own (a deadline they
refuse in the past), so the demo walks a story through them all in one go and then, here and only
here, moves the times it left to the story's own hours: each step at the story's hour for it after the
event was first seen, the deadlines the organ gives the grade from the judgement and the assignment,
and everything that carries the same moments. Audit events keep the moment the demo ran: the trail
is what happened.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from ideowork.core.actions.reviews import add_working_days, latest_review
from ideowork.core.models.reviews import Decision, Review, ReviewStage, StageStatus
from ideowork.ledger.actions import do_update_activity
from ideowork.ledger.models import Activity
from ideowork.opinion.actions.events import events_changed
from ideowork.opinion.actions.handling import deadline_for
from ideowork.opinion.choices import HandlingStepKind
from ideowork.opinion.models import Event, Handling, HandlingStep

__all__ = ["moments", "due_by_grade", "as_the_days_went"]


def moments(hours: dict[str, float], event: Event, now: datetime) -> dict[str, datetime]:
    """Each handling step's moment (by step kind): ``hours`` after the event was first seen."""
    found = {kind: event.first_seen_at + timedelta(hours=h) for kind, h in hours.items()}
    late = sorted(kind for kind, moment in found.items() if moment > now)
    if late:
        raise ValueError(f"{event.title}: {', '.join(late)} would fall after now; shorten the story's hours")
    return found


def due_by_grade(event: Event, grade: str, at: dict[str, datetime], now: datetime) -> datetime | None:
    """The deadline of the story's assignment, by its grade from the moment it was assigned, to give
    ``do_assign_event`` (so that its notice names it); None when it has passed, which the service
    refuses: ``as_the_days_went`` sets it after."""
    due = deadline_for(event, grade, at["assign"])
    return due if due > now else None


def as_the_days_went(event: Event, at: dict[str, datetime], recorder) -> None:
    """Move the times the services left on ``event``'s handling to the moments ``at`` (by step kind):
    its timeline steps (a joint step's day too), the deadlines of its judgement and assignment and the
    event's, the county's report, when it was judged and closed, its 销号 review (submitted, each stage
    opened, due and decided, the review finished) and, through the ledger's service as ``recorder``,
    the day of the ledger activity a closed event entered. The caller holds the transaction."""
    deadline = None
    for step in HandlingStep.objects.filter(event=event).order_by("pk"):
        moment = at[step.kind]
        fields = {"at": moment}
        if step.deadline is not None:
            deadline = fields["deadline"] = deadline_for(event, step.grade or event.grade, moment)
        if step.kind == HandlingStepKind.JOINT:
            fields["happened_on"] = timezone.localdate(moment)
        HandlingStep.objects.filter(pk=step.pk).update(**fields)
    event.refresh_from_db()
    Event.objects.filter(pk=event.pk).update(deadline=deadline if event.deadline is not None else None,
                                             reported_at=at.get(HandlingStepKind.REPORT, event.reported_at))
    judged = at.get(HandlingStepKind.JUDGE) or at.get(HandlingStepKind.DISMISS)
    closed = at.get(HandlingStepKind.CLOSE)
    Handling.objects.filter(event=event).update(judged_at=judged, closed_at=closed)
    if HandlingStepKind.REQUEST_CLOSEOUT in at:
        _review_as_it_went(event, at[HandlingStepKind.REQUEST_CLOSEOUT], closed)
    if closed is not None:
        for activity in Activity.objects.for_source(event):
            do_update_activity(recorder, activity, date=timezone.localdate(closed))
    events_changed([event.org_unit_id])   # the opinion card's figures are cached under the unit's version


def _review_as_it_went(event: Event, submitted: datetime, closed: datetime | None) -> None:
    """The 销号 review submitted at ``submitted``; its decided stages decided a couple of hours apart,
    the last when the event was ``closed``; each stage due by its working days from when it opened."""
    review = latest_review(event)
    stages = list(review.stages.exclude(status=StageStatus.SKIPPED).order_by("order"))
    decided = [stage for stage in stages if stage.decided_at is not None]
    gap = min(timedelta(hours=2), (closed - submitted) / (len(decided) + 1)) if closed and decided else None
    opened = submitted
    for n, stage in enumerate(stages):
        fields = {}
        if stage.activated_at is not None:
            fields["activated_at"] = opened
            fields["due_at"] = add_working_days(timezone.localtime(opened), stage.due_days) if stage.due_days else None
        if stage.decided_at is not None and gap is not None:
            opened = fields["decided_at"] = closed - gap * (len(decided) - 1 - n)
            review.decisions.filter(stage=stage).update(created_at=opened)
        ReviewStage.objects.filter(pk=stage.pk).update(**fields)
    review.decisions.filter(decision=Decision.SUBMIT).update(created_at=submitted)
    Review.objects.filter(pk=review.pk).update(submitted_at=submitted, finished_at=closed if review.finished_at else None)
