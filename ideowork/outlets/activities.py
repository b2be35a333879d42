"""An outlets record's one ledger activity: created the first time, brought up to date after.

Content, placements, press conferences, interpretations and answered questions each keep their
activity in ``activity`` and name themselves in ``source_ref`` ("<prefix>:<pk>"). The targets are
chosen again every time (``outlets.counting.targets_for``), so a changed date, unit, plan item or
media level moves the record to the targets it now counts toward.
"""

from datetime import date
from typing import Iterable

from ideowork.core.models import User
from ideowork.ledger.actions import do_record_activity, do_update_activity
from ideowork.ledger.choices import ActivitySource
from ideowork.ledger.models import Activity

from .counting import targets_for

__all__ = ["sync_activity", "KEEP"]

# ``item=KEEP``: leave the activity's plan item as it is (records without a plan item of their own).
KEEP = object()


def sync_activity(user: User, obj, *, prefix: str, kind: str, title: str, day: date, summary: str = "",
                  place: str = "", host: str = "", participants: Iterable[User] = (), item=KEEP,
                  media_level: str | None = None, evidence_files: Iterable = ()) -> Activity:
    """Make ``obj``'s ledger activity match it (create it the first time). Caller is in a transaction."""
    chosen_item = None if item is KEEP else item
    targets = targets_for(user, kind=kind, day=day, unit=obj.org_unit, item=chosen_item, media_level=media_level)
    fields = {"org_unit": obj.org_unit, "kind": kind, "title": title[:200], "date": day, "place": place[:200],
              "host": host[:100], "summary": summary}
    if item is not KEEP:
        fields["item"] = item
    activity = Activity.objects.filter(pk=obj.activity_id).first() if obj.activity_id else None
    if activity is None:
        activity = do_record_activity(user, participants=list(participants), targets=targets,
                                      evidence_files=list(evidence_files), source=ActivitySource.OUTLETS,
                                      source_ref=f"{prefix}:{obj.pk}", **fields)
        obj.activity = activity
        obj.save(update_fields=["activity"])
    else:
        activity = do_update_activity(user, activity, participants=list(participants), targets=targets,
                                      evidence_files=list(evidence_files), **fields)
    return activity
