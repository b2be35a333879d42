"""The proofreader for a unit's texts: its enabled rules from the database, compiled once per revision.

Before the shipped rules are loaded into the ``ProofRule`` table (or when the database is not there at
all, e.g. ``ideowork proofread`` on a fresh checkout) the shipped rule files are used directly.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from datetime import date as Date

from django.db import DatabaseError, transaction

from .engine import Proofreader
from .findings import Finding
from .rules import RuleSpec, shipped_rules

__all__ = ["proofreader_for", "rules_revision", "proofread", "spec_from_rule"]

_SHIPPED = "shipped"
_CACHE_SIZE = 8
_cache: dict[str, Proofreader] = {}
_lock = threading.Lock()


def _applying(unit):
    from ..models import ProofRule

    return ProofRule.objects.applying_to(unit).filter(enabled=True)


@functools.cache
def _shipped_revision() -> str:
    digest = hashlib.sha256(repr(shipped_rules()).encode()).hexdigest()[:16]
    return f"{_SHIPPED}:{digest}"


def rules_revision(unit) -> str:
    """A string that changes whenever the rules that check ``unit``'s texts change."""
    from django.db.models import Count, Max, Sum

    from ..models import ProofRule

    try:
        with transaction.atomic():
            if not ProofRule.objects.exists():
                return _shipped_revision()
            applying = _applying(unit)
            figures = applying.aggregate(count=Count("id"), latest=Max("updated_at"), ids=Sum("id"))
            # The units whose own rules take part: two units see the same rules exactly when these agree.
            owners = sorted(set(applying.exclude(org_unit=None).values_list("org_unit_id", flat=True)))
    except DatabaseError:
        return _shipped_revision()
    latest = figures["latest"].isoformat() if figures["latest"] else "-"
    return f"db:{figures['count']}:{latest}:{figures['ids'] or 0}:{','.join(map(str, owners))}"


def spec_from_rule(rule) -> RuleSpec:
    """The ``RuleSpec`` of a ``ProofRule`` row."""
    return RuleSpec(code=rule.code, category=rule.category, pattern=rule.pattern,
                    suggestion=rule.suggestion or None, severity=rule.severity, note=rule.note,
                    exceptions=tuple(p.strip() for p in rule.exceptions.splitlines() if p.strip()),
                    outdated_after=rule.outdated_after)


def proofreader_for(unit) -> Proofreader:
    """The compiled proofreader for texts of ``unit`` (None: the shipped and global rules only)."""
    revision = rules_revision(unit)
    with _lock:
        cached = _cache.get(revision)
    if cached is not None:
        return cached
    if revision.startswith(_SHIPPED):
        proofreader = Proofreader(shipped_rules())
    else:
        try:
            with transaction.atomic():
                proofreader = Proofreader([spec_from_rule(rule) for rule in _applying(unit)])
        except DatabaseError:
            proofreader = Proofreader(shipped_rules())
    with _lock:
        if len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[revision] = proofreader
    return proofreader


def proofread(text: str, *, unit=None, date: Date | None = None) -> list[Finding]:
    """Check ``text`` with the rules that apply to ``unit``."""
    return proofreader_for(unit).check(text, date=date)
