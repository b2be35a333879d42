"""The ledger's version per organ, and figures cached under it.

Every change that can move a figure computed from the ledger — an activity, its targets,
participants or evidence, a credit, a target — raises the version of each organ whose figures it
touches (the activity's organ, the organ of its item's plan, the organs of the plans of the
targets it counted or counts toward), in the same transaction. Figures are cached under keys
that name those versions (``core/caching.py``), so a page never shows a figure older than the last
committed write. ``ledger/signals.py`` raises versions on model changes; ``actions/credits.py``
(which writes credits in bulk, without signals) raises them itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

from ideowork.core.caching import cached_figure
from ideowork.core.versions import bump_versions, read_versions

from .models import Activity, ActivityTarget
from .progress import TargetProgress, compute_progress

__all__ = ["bump_ledger", "organs_of_activities", "organs_of_targets", "ledger_versions", "cached_progress"]


def bump_ledger(organ_ids: Iterable[int | None]) -> None:
    """Raise the ledger version of each organ. Caller is inside the transaction of the change."""
    bump_versions("ledger", organ_ids)


def organs_of_targets(target_ids: Iterable[int]) -> set[int]:
    from ideowork.plans.models import Target

    target_ids = list(target_ids)
    if not target_ids:
        return set()
    return set(Target.objects.filter(pk__in=target_ids).values_list("item__plan__org_unit__organ_id", flat=True))


def organs_of_activities(activity_ids: Iterable[int]) -> set[int]:
    """The organs whose figures these activities feed: their own, their items' and their targets'."""
    activity_ids = list(activity_ids)
    if not activity_ids:
        return set()
    organs = set()
    for own, of_item in Activity.objects.filter(pk__in=activity_ids).values_list(
            "org_unit__organ_id", "item__plan__org_unit__organ_id"):
        organs |= {own, of_item}
    organs |= organs_of_targets(ActivityTarget.objects.filter(activity_id__in=activity_ids)
                                .values_list("target_id", flat=True))
    return organs - {None}


def ledger_versions(organ_ids: Iterable[int | None]) -> tuple:
    """((organ, version), …) for the organs, in order; an organ never changed is at version 0."""
    return read_versions("ledger", organ_ids)


def cached_progress(targets: Iterable, *, year: int, today: date, organ_ids: Iterable[int] = (),
                    versions: tuple | None = None) -> dict[int, TargetProgress]:
    """``compute_progress`` of the targets, cached under the ledger versions of ``organ_ids`` (the
    organs of the targets' plans; or ``versions`` already read with ``ledger_versions``) and what
    the engine reads of each target. The returned progresses carry the caller's target objects."""
    targets = list(targets)
    if not targets:
        return {}
    shape = tuple((t.pk, t.period, t.per, t.count) for t in targets)

    def compute():
        return {pk: dataclasses.replace(p, target=None)
                for pk, p in compute_progress(targets, year=year, today=today).items()}

    if versions is None:
        versions = ledger_versions(organ_ids)
    figures = cached_figure("progress", (year, today, versions, shape), compute)
    by_pk = {t.pk: t for t in targets}
    return {pk: dataclasses.replace(p, target=by_pk[pk]) for pk, p in figures.items()}
