"""Matching stored items against every active scheme: on arrival and when a scheme is run back.

All active schemes of all units are compiled into one matcher (``matching.Matcher``) held per
process; its revision is the sum of the ``opinion.schemes`` data versions, which every scheme change
raises inside its transaction, so a change reaches every worker on its next item without a restart.
"""

import threading

from django.db.models import Sum
from django.utils import timezone

from ideowork.core.models import DataVersion

from ..matching import Matcher
from ..models import ItemMatch, Scheme

__all__ = ["SCHEMES_TOPIC", "current_matcher", "match_items", "scheme_revision"]

SCHEMES_TOPIC = "opinion.schemes"

_lock = threading.Lock()
_current: tuple[int, Matcher, dict[int, int]] | None = None


def scheme_revision() -> int:
    return DataVersion.objects.filter(topic=SCHEMES_TOPIC).aggregate(n=Sum("version"))["n"] or 0


def _compile() -> tuple[Matcher, dict[int, int]]:
    pairs, units = [], {}
    for scheme in Scheme.objects.filter(active=True).order_by("pk"):
        pairs.append((scheme.pk, scheme.as_expression()))
        units[scheme.pk] = scheme.org_unit_id
    return Matcher.compile(pairs), units


def current_matcher() -> tuple[Matcher, dict[int, int]]:
    """The matcher of the active schemes now, and each scheme's unit. The revision is read before
    loading, so a change landing meanwhile is seen as newer on the next call."""
    global _current
    revision = scheme_revision()
    with _lock:
        if _current is not None and _current[0] == revision:
            return _current[1], _current[2]
    matcher, units = _compile()
    with _lock:
        _current = (revision, matcher, units)
    return matcher, units


def match_items(items) -> int:
    """Match ``items`` (stored ``Item`` rows) against every active scheme; record each new match once.
    Returns how many matches were recorded. The caller holds the transaction."""
    matcher, units = current_matcher()
    if not len(matcher):
        return 0
    now = timezone.now()
    found = [ItemMatch(item=item, scheme_id=sid, org_unit_id=units[sid], arrived_at=item.arrived_at, matched_at=now)
             for item in items for sid in matcher.match(item.title, item.text)]
    ItemMatch.objects.bulk_create(found, ignore_conflicts=True, batch_size=500)
    return len(found)
