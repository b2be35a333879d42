"""Keeping ``TargetCredit`` — the tally the progress engine reads — in step with the activities.

This module is the only writer of credits: ``rebuild_credits`` when an activity changes,
``rebuild_target_credits`` when a target's counting mode or tracked persons change.
"""

from ideowork.plans.choices import Per
from ideowork.plans.models import Target

from ..figures import bump_ledger, organs_of_activities, organs_of_targets
from ..models import Activity, ActivityTarget, TargetCredit

__all__ = ["rebuild_credits", "rebuild_target_credits", "wanted_credits"]


def wanted_credits(activity: Activity) -> set[tuple[int, int | None]]:
    """The (target id, person id) pairs the activity should be credited with.

    A per-organisation target gets one credit. A per-person target gets one per participant who is
    among the target's persons; a per-person target without persons tracks everyone, so every
    participant counts. People outside the system (``extra_participants``) are never credited.
    """
    links = list(Target.objects.filter(activity_links__activity=activity).values_list("pk", "per"))
    person_targets = [pk for pk, per in links if per == Per.PERSON]
    participant_ids = set(activity.participants.values_list("pk", flat=True))
    tracked: dict[int, set[int]] = {pk: set() for pk in person_targets}
    rows = Target.persons.through.objects.filter(target_id__in=person_targets).values_list("target_id", "user_id")
    for target_id, user_id in rows:
        tracked[target_id].add(user_id)
    wanted: set[tuple[int, int | None]] = set()
    for pk, per in links:
        if per == Per.PERSON:
            persons = tracked[pk]
            wanted |= {(pk, person) for person in (participant_ids & persons if persons else participant_ids)}
        else:
            wanted.add((pk, None))
    return wanted


def rebuild_credits(activity: Activity) -> None:
    """Make the activity's credits match its targets, participants and date.

    The only writer of ``TargetCredit``. Precondition: the caller is inside a transaction and
    holds the activity's row lock (or has just created the activity).
    """
    wanted = wanted_credits(activity)
    existing = {(c.target_id, c.person_id): c.pk for c in TargetCredit.objects.filter(activity=activity)}
    stale = [pk for key, pk in existing.items() if key not in wanted]
    # Cached figures of every organ whose targets gain or lose a credit move on with this write.
    bump_ledger(organs_of_activities([activity.pk]) | organs_of_targets({t for t, _ in existing.keys() | wanted}))
    if stale:
        TargetCredit.objects.filter(pk__in=stale).delete()
    TargetCredit.objects.filter(activity=activity).exclude(date=activity.date).update(
        date=activity.date, month=activity.date.month)
    TargetCredit.objects.bulk_create(
        TargetCredit(activity=activity, target_id=target_id, person_id=person_id, date=activity.date,
                     month=activity.date.month)
        for target_id, person_id in sorted(wanted - existing.keys(), key=lambda k: (k[0], k[1] or 0))
    )


def rebuild_target_credits(target: Target) -> None:
    """Make every credit of one target match its activities, in a fixed number of queries.

    Same rules as ``wanted_credits``: one credit per activity for a per-organisation target; one
    per participant among the tracked persons (everyone, when none are tracked) for a per-person one.
    """
    bump_ledger(organs_of_targets([target.pk]))
    TargetCredit.objects.filter(target=target).delete()
    dates = dict(ActivityTarget.objects.filter(target=target).values_list("activity_id", "activity__date"))
    if target.per == Per.PERSON:
        tracked = set(target.persons.values_list("pk", flat=True))
        participants = (Activity.participants.through.objects.filter(activity_id__in=list(dates))
                        .values_list("activity_id", "user_id"))
        credits = [TargetCredit(target=target, activity_id=a, person_id=u, date=dates[a], month=dates[a].month)
                   for a, u in participants if not tracked or u in tracked]
    else:
        credits = [TargetCredit(target=target, activity_id=a, date=d, month=d.month) for a, d in dates.items()]
    TargetCredit.objects.bulk_create(credits, batch_size=2000)
