"""The one way an area's record enters the ledger: ``do_sync_activity``.

A study session, an exam, a placement, a press conference … is recorded once in the ledger as one
activity, keyed by the record's content type and id (``Activity.source_type``/``source_id``).
Calling ``do_sync_activity`` again brings the activity up to date — a changed date, unit, item or
media level moves it to the targets it now counts toward — and ``withdraw=True`` removes it.

The targets come from the counting rules (``ledger.counting``), and the activity's plan item is the
record's own item or, when the record has none, the item of the targets it counts toward, so an
entry from another area never shows 对应要点 "—" while it counts toward an item.
"""

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from ideowork.core.models import OrgUnit, User
from ideowork.plans.models import PlanItem, Target

from ..counting import counted_targets
from ..models import Activity
from .activities import do_delete_activity, do_record_activity, do_update_activity

__all__ = ["do_sync_activity", "do_record_source_activity", "item_of_targets"]


def item_of_targets(targets: list[Target]) -> PlanItem | None:
    """The one item all ``targets`` belong to, or None when they span several (or there are none)."""
    items = {t.item_id: t.item for t in targets}
    return next(iter(items.values())) if len(items) == 1 else None


def _fields_and_targets(actor: User, source, *, org_unit: OrgUnit, kind: str, day: date,
                        item: PlanItem | None, targets) -> tuple[dict, list[Target]]:
    if targets is None:
        targets = [s.target for s in counted_targets(actor, kind=kind, day=day, unit=org_unit, item=item,
                                                     record=source)]
    targets = list(targets)
    return {"item": item if item is not None else item_of_targets(targets)}, targets


def _activity_fields(title: str, place: str, host: str, summary: str) -> dict:
    return {"title": title[:200], "place": place[:200], "host": host[:100], "summary": summary}


def do_sync_activity(actor: User, *, source, kind: str = "", title: str = "", date: date | None = None,
                     org_unit: OrgUnit | None = None, item: PlanItem | None = None, summary: str = "",
                     place: str = "", host: str = "", participants: Iterable[User] = (),
                     targets: Iterable[Target] | None = None, evidence_files: Iterable = (),
                     withdraw: bool = False) -> Activity | None:
    """Make ``source``'s one ledger activity match it: create, update, or (``withdraw``) delete it.

    ``org_unit`` defaults to ``source.org_unit``; ``targets=None`` lets the counting rules choose.
    A source with an ``activity`` field gets it pointed at the activity (cleared on withdrawal).
    Runs in one transaction; the caller's own transaction, when there is one, contains it.
    """
    with transaction.atomic():
        existing = Activity.objects.for_source(source).select_for_update().order_by("pk").first()
        if withdraw:
            if existing is not None:
                do_delete_activity(actor, existing)
            _point_at(source, None)
            return None
        unit = org_unit if org_unit is not None else source.org_unit
        linked, targets = _fields_and_targets(actor, source, org_unit=unit, kind=kind, day=date, item=item,
                                              targets=targets)
        fields = {"org_unit": unit, "kind": kind, "date": date, **linked,
                  **_activity_fields(title, place, host, summary)}
        if existing is None:
            activity = do_record_activity(actor, participants=list(participants), targets=targets,
                                          evidence_files=list(evidence_files), source_record=source, **fields)
        else:
            activity = do_update_activity(actor, existing, participants=list(participants), targets=targets,
                                          evidence_files=list(evidence_files), **fields)
        _point_at(source, activity)
    return activity


def do_record_source_activity(actor: User, *, source, kind: str, title: str, date: date,
                              org_unit: OrgUnit | None = None, item: PlanItem | None = None, summary: str = "",
                              place: str = "", host: str = "", participants: Iterable[User] = (),
                              evidence_files: Iterable = ()) -> Activity:
    """Record one more activity of a record that gathers many (an outlet's successive updates)."""
    unit = org_unit if org_unit is not None else source.org_unit
    linked, targets = _fields_and_targets(actor, source, org_unit=unit, kind=kind, day=date, item=item,
                                          targets=None)
    return do_record_activity(actor, participants=list(participants), targets=targets,
                              evidence_files=list(evidence_files), source_record=source, org_unit=unit, kind=kind,
                              date=date, **linked, **_activity_fields(title, place, host, summary))


def _point_at(source, activity: Activity | None) -> None:
    """Keep the source's own ``activity`` field (when it has one) pointing at its activity."""
    if source.pk is None or not any(f.name == "activity" for f in source._meta.concrete_fields):
        return
    type(source)._default_manager.filter(pk=source.pk).update(activity=activity)
    source.activity = activity
