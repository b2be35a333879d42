"""Matching stored items against every active scheme: on arrival and when a scheme is run back.

All active schemes of all units are compiled into one matcher (``matching.Matcher``) held per
process; its revision is the sum of the ``opinion.schemes`` data versions, which every scheme change
raises inside its transaction, so a change reaches every worker on its next item without a restart.

Which items a scheme may match (its *reach*): those of the sources of its own unit's subtree and of
the units above it — a county bureau's scheme sees its own sources, its sections' and the city's,
never another county's; the city's scheme sees the city's sources and every county's below it.
The rule is the tree relation between the scheme's unit and the item's (its source's) unit: one
lies within the other (``in_reach``).
"""

import threading

from django.db.models import Sum
from django.utils import timezone

from ideowork.core.models import DataVersion, OrgUnit

from ..matching import Matcher
from ..models import ItemMatch, Scheme

__all__ = ["SCHEMES_TOPIC", "current_matcher", "match_items", "scheme_revision", "in_reach"]

SCHEMES_TOPIC = "opinion.schemes"

_lock = threading.Lock()
# (revision, matcher, each scheme's unit id, each scheme's unit path)
_current: tuple[int, Matcher, dict[int, int], dict[int, str]] | None = None


def scheme_revision() -> int:
    return DataVersion.objects.filter(topic=SCHEMES_TOPIC).aggregate(n=Sum("version"))["n"] or 0


def _compile(schemes) -> tuple[Matcher, dict[int, int], dict[int, str]]:
    pairs, units, paths = [], {}, {}
    for scheme in schemes.select_related("org_unit").order_by("pk"):
        pairs.append((scheme.pk, scheme.as_expression()))
        units[scheme.pk] = scheme.org_unit_id
        paths[scheme.pk] = scheme.org_unit.path
    return Matcher.compile(pairs), units, paths


def _current_state() -> tuple[Matcher, dict[int, int], dict[int, str]]:
    global _current
    revision = scheme_revision()
    with _lock:
        if _current is not None and _current[0] == revision:
            return _current[1:]
    state = _compile(Scheme.objects.filter(active=True))
    with _lock:
        _current = (revision, *state)
    return state


def current_matcher() -> tuple[Matcher, dict[int, int]]:
    """The matcher of the active schemes now, and each scheme's unit. The revision is read before
    loading, so a change landing meanwhile is seen as newer on the next call."""
    matcher, units, _ = _current_state()
    return matcher, units


def in_reach(scheme_path: str, item_path: str) -> bool:
    """Whether a scheme of the unit at ``scheme_path`` may match an item of the unit at ``item_path``:
    the item's source is in the scheme's subtree, or belongs to a unit above the scheme's."""
    return item_path.startswith(scheme_path) or scheme_path.startswith(item_path)


def match_items(items, *, scheme_ids=None) -> int:
    """Match ``items`` (stored ``Item`` rows) against every active scheme, or only against the schemes
    ``scheme_ids`` (a back-run: active or not, compiled on their own); each scheme matches only the
    items in its reach (``in_reach``). Records each new match once; returns how many matches were
    found (recorded now or before). The caller holds the transaction."""
    if scheme_ids is None:
        matcher, units, paths = _current_state()
    else:
        matcher, units, paths = _compile(Scheme.objects.filter(pk__in=list(scheme_ids)))
    items = list(items)
    if not len(matcher) or not items:
        return 0
    item_paths = dict(OrgUnit.objects.filter(pk__in={item.org_unit_id for item in items}).values_list("pk", "path"))
    now = timezone.now()
    found = [ItemMatch(item=item, scheme_id=sid, org_unit_id=units[sid], arrived_at=item.arrived_at, matched_at=now)
             for item in items for sid in matcher.match(item.title, item.text)
             if in_reach(paths[sid], item_paths[item.org_unit_id])]
    ItemMatch.objects.bulk_create(found, ignore_conflicts=True, batch_size=500)
    return len(found)
