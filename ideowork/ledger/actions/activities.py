"""Recording, changing and deleting activities."""

from collections.abc import Iterable
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.plans.models import PlanItem, Target

from ..choices import ActivitySource
from ..models import Activity, ActivityTarget
from .checks import check_activity_date, require_can_record, check_item, check_participants, check_targets
from .credits import rebuild_credits
from .evidence import attach_files, check_evidence_files, discard_attachments, files_discarded_on_error

__all__ = ["do_record_activity", "do_update_activity", "do_delete_activity", "activity_snapshot",
           "EDITABLE_FIELDS"]

AUDITED_FIELDS = ["org_unit", "kind", "title", "date", "place", "host", "summary", "extra_participants",
                  "item", "source", "source_type", "source_id"]
# What do_update_activity may change; the source of an activity never changes.
EDITABLE_FIELDS = frozenset({"org_unit", "kind", "title", "date", "place", "host", "summary",
                             "extra_participants", "item"})


def activity_snapshot(activity: Activity) -> dict:
    data = snapshot(activity, AUDITED_FIELDS)
    data["participants"] = sorted(activity.participants.values_list("display_name", flat=True))
    data["targets"] = list(activity.targets.order_by("pk").values_list("text", flat=True))
    data["evidence"] = list(activity.evidence.values_list("attachment__original_name", flat=True))
    return data


def _validated(user: User, activity: Activity, participants: list[User], targets: list[Target]) -> list[Target]:
    """Run every check on the unsaved state of ``activity``; return the targets re-read."""
    require_can_record(user, activity.org_unit)
    check_activity_date(activity.date)
    check_item(user, activity.org_unit, activity.item)
    check_participants(user, participants)
    fresh = check_targets(user, activity.org_unit, activity.date, targets)
    activity.full_clean()
    return fresh


def _set_targets(activity: Activity, targets: list[Target]) -> None:
    wanted = {t.pk for t in targets}
    current = set(activity.target_links.values_list("target_id", flat=True))
    activity.target_links.filter(target_id__in=current - wanted).delete()
    ActivityTarget.objects.bulk_create(ActivityTarget(activity=activity, target_id=pk)
                                       for pk in sorted(wanted - current))


def do_record_activity(user: User, *, org_unit: OrgUnit, kind: str, title: str, date: date, place: str = "",
                       host: str = "", summary: str = "", extra_participants: int = 0,
                       item: PlanItem | None = None, participants: Iterable[User] = (),
                       targets: Iterable[Target] = (), evidence_files: Iterable = (),
                       source: str = ActivitySource.LEDGER, source_record=None) -> Activity:
    """Record an activity, link its targets, credit them and store its evidence — all or nothing.

    ``source_record`` is the area's record the activity stands for (areas go through
    ``do_sync_activity``); the activity's source is then that record's area.

    Raises ``PermissionDenied`` when the user may not record for the unit or use a target, and
    ``ValidationError`` (Chinese messages, keyed by field) for bad data or a bad evidence file.
    """
    participants, targets = list(participants), list(targets)
    origin = {"source": source}
    if source_record is not None:
        origin = {"source": source_record._meta.app_label, "source_id": source_record.pk,
                  "source_type": ContentType.objects.get_for_model(source_record)}
    activity = Activity(org_unit=org_unit, kind=kind, title=title.strip(), date=date, place=place.strip(),
                        host=host.strip(), summary=summary.strip(), extra_participants=extra_participants,
                        item=item, created_by=user, **origin)
    targets = _validated(user, activity, participants, targets)
    checked = check_evidence_files(evidence_files)
    with files_discarded_on_error() as stored, transaction.atomic():
        activity.save()
        activity.participants.set(participants)
        _set_targets(activity, targets)
        rebuild_credits(activity)
        attach_files(user, activity, checked, stored)
        record("ledger.activity.create", activity, actor=user, new=activity_snapshot(activity))
    return activity


def do_update_activity(user: User, activity: Activity, *, participants: Iterable[User] | None = None,
                       targets: Iterable[Target] | None = None, evidence_files: Iterable = (),
                       **changes) -> Activity:
    """Change an activity; ``None`` for participants or targets leaves them as they are.

    New evidence files are added; removing evidence is ``do_remove_evidence``.
    """
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"do_update_activity() cannot change {', '.join(sorted(unknown))}")
    require_can_record(user, activity.org_unit)
    checked = check_evidence_files(evidence_files)
    with files_discarded_on_error() as stored, transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        require_can_record(user, activity.org_unit)
        old = activity_snapshot(activity)
        for name, value in changes.items():
            setattr(activity, name, value.strip() if isinstance(value, str) else value)
        participants = list(activity.participants.all()) if participants is None else list(participants)
        targets = list(activity.targets.all()) if targets is None else list(targets)
        targets = _validated(user, activity, participants, targets)
        activity.save()
        activity.participants.set(participants)
        _set_targets(activity, targets)
        rebuild_credits(activity)
        attach_files(user, activity, checked, stored)
        new = activity_snapshot(activity)
        if new != old:
            record("ledger.activity.update", activity, actor=user, old=old, new=new)
    return activity


def do_delete_activity(user: User, activity: Activity) -> None:
    """Delete an activity with its links, credits and evidence files."""
    require_can_record(user, activity.org_unit)
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        require_can_record(user, activity.org_unit)
        old = activity_snapshot(activity)
        attachment_ids = list(activity.evidence.values_list("attachment_id", flat=True))
        record("ledger.activity.delete", activity, actor=user, old=old)
        activity.delete()
        discard_attachments(attachment_ids)
