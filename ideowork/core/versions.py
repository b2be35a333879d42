"""Data versions: the one way a writer tells cached figures that an organ's data has moved.

A writer calls ``bump_versions(topic, organs)`` inside the transaction of its change; a reader
calls ``read_versions(topic, organs)`` *before* computing a figure and names the result in the
figure's cache key (``core/caching.py: cached_figure``). Once the write commits, no reader can
build the old key again, so nothing is invalidated and nothing stale is read. Topics are plain
names owned by the area that writes the data (``ledger``, ``points``; later ``opinion``, ``risks``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F

from .models import DataVersion

__all__ = ["bump_versions", "read_versions"]


def _organs(organ_ids: Iterable[int | None]) -> list[int]:
    return sorted({pk for pk in organ_ids if pk})


def bump_versions(topic: str, organ_ids: Iterable[int | None]) -> None:
    """Raise the ``topic`` version of each organ. The caller is inside the transaction of the change."""
    organ_ids = _organs(organ_ids)
    if not organ_ids:
        return
    DataVersion.objects.bulk_create([DataVersion(topic=topic, organ_id=pk) for pk in organ_ids],
                                    ignore_conflicts=True)
    DataVersion.objects.filter(topic=topic, organ_id__in=organ_ids).update(version=F("version") + 1)


def read_versions(topic: str, organ_ids: Iterable[int | None]) -> tuple:
    """((organ, version), …) of ``topic`` for the organs, in order; an organ never changed is at 0."""
    organ_ids = _organs(organ_ids)
    found = dict(DataVersion.objects.filter(topic=topic, organ_id__in=organ_ids).values_list("organ_id", "version"))
    return tuple((pk, found.get(pk, 0)) for pk in organ_ids)
