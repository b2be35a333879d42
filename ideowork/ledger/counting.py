"""Which targets a record counts toward: the one place this is decided.

A target lists the activity kinds it counts (``Target.activity_kinds``). A record of such a kind
counts toward the targets of the plan item it belongs to — the item the user chose, or the item of
the area's record. Without an item, it counts toward a kind's targets only when a single item of the
nearest plan asks for that kind, so one training never counts toward two items by its kind alone.

Areas register rules for their records in ``AppConfig.ready``::

    register_counting_rule("outlets.placement", qualifier=media_level_reached, by_kind_alone=True)

A *qualifier* is a condition a target states beyond the kind (``Target.media_level``: 市级以上媒体);
the rule's ``qualifier(target, record)`` returns the reason text when the record meets it, ``None``
when it does not. ``by_kind_alone=False`` keeps the record to its own item's targets.
Every suggestion carries the reason shown beside it on the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from ideowork.core.activity_kinds import activity_kind_label
from ideowork.core.models import OrgUnit, User
from ideowork.core.system import is_system_actor
from ideowork.plans.choices import PlanStatus
from ideowork.plans.models import PlanItem, Target

__all__ = ["CountingRule", "Suggestion", "register_counting_rule", "counting_rule", "eligible_targets",
           "counted_targets"]

Qualifier = Callable[[Target, object], "str | None"]


@dataclass(frozen=True)
class CountingRule:
    model_label: str  # "app_label.modelname" of the record, "" for activities recorded by hand
    qualifier: Qualifier | None = None
    by_kind_alone: bool = True


@dataclass(frozen=True)
class Suggestion:
    target: Target
    reason: str


_DEFAULT = CountingRule("")
_rules: dict[str, CountingRule] = {}


def register_counting_rule(model_label: str, *, qualifier: Qualifier | None = None,
                           by_kind_alone: bool = True) -> CountingRule:
    rule = CountingRule(model_label.lower(), qualifier, by_kind_alone)
    _rules[rule.model_label] = rule
    return rule


def counting_rule(record=None) -> CountingRule:
    if record is None:
        return _DEFAULT
    return _rules.get(record._meta.label_lower, _DEFAULT)


def eligible_targets(user: User, *, unit: OrgUnit, year: int):
    """Targets of the year's active plans, visible to ``user``, whose plan's unit contains ``unit``.

    The nearest plan comes first, then items and targets in document order. The system actor (work
    of the task queue) reads every plan; the unit is what limits it.
    """
    ancestor_ids = [int(step) for step in unit.path.split(".") if step]
    targets = Target.objects.all() if is_system_actor(user) else Target.objects.visible_to(user)
    return (targets.filter(item__plan__org_unit__in=ancestor_ids, item__plan__year=year,
                           item__plan__status=PlanStatus.ACTIVE)
            .select_related("item__plan__org_unit", "item__section")
            .order_by("-item__plan__org_unit__depth", "item__plan_id", "item__order", "item__number",
                      "order", "pk"))


def _qualified(rule: CountingRule, target: Target, record) -> tuple[bool, str]:
    """Whether the record meets what the target asks beyond its kind, and why."""
    if rule.qualifier is not None:
        reason = rule.qualifier(target, record)
        return reason is not None, reason or ""
    # A target naming a media level counts only records that declare one (registered by their area).
    return not target.media_level, ""


def counted_targets(user: User, *, kind: str, day: date | None, unit: OrgUnit | None,
                    item: PlanItem | None = None, record=None,
                    eligible: list[Target] | None = None) -> list[Suggestion]:
    """The targets a record of ``kind`` on ``day`` in ``unit`` counts toward, each with its reason."""
    if not kind or day is None or unit is None:
        return []
    if eligible is None:
        eligible = list(eligible_targets(user, unit=unit, year=day.year))
    rule, label = counting_rule(record), activity_kind_label(kind)
    matching = []
    for target in eligible:
        if kind not in (target.activity_kinds or []):
            continue
        ok, qualified = _qualified(rule, target, record)
        if ok:
            matching.append((target, qualified))
    if item is not None:
        reason = f"属于所选要点，指标计入“{label}”类活动"
        return [Suggestion(t, reason + (f"；{q}" if q else "")) for t, q in matching if t.item_id == item.pk]
    if not rule.by_kind_alone or not matching:
        return []
    nearest = max(t.item.plan.org_unit.depth for t, _ in matching)
    nearest_matching = [(t, q) for t, q in matching if t.item.plan.org_unit.depth == nearest]
    if len({t.item_id for t, _ in nearest_matching}) != 1:
        return []  # several items ask for this kind: the user (or the record's item) must choose
    reason = f"未选要点；本单位工作要点中只有该要点计入“{label}”类活动"
    return [Suggestion(t, reason + (f"；{q}" if q else "")) for t, q in nearest_matching]
