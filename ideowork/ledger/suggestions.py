"""Which targets an activity should count toward, suggested from its kind, date, unit and item.

An activity may count toward any target of a plan whose unit contains the activity's unit, in the
activity's year (``eligible_targets``). Only some are suggested (pre-checked): those whose
``activity_kinds`` include the activity's kind, taken from the nearest plan-holding unit — a
county's study session counts toward the county's own programme, not automatically toward the
city's — plus any of the chosen item's. The user may check or uncheck any of them.
"""

from dataclasses import dataclass, field
from datetime import date

from ideowork.core.models import OrgUnit, User
from ideowork.plans.choices import PlanStatus
from ideowork.plans.models import PlanItem, Target

__all__ = ["eligible_targets", "suggest_targets", "merge_checked", "TargetChoices", "target_choices"]


def eligible_targets(user: User, *, unit: OrgUnit, year: int):
    """Targets of the year's active plans, visible to ``user``, whose plan's unit contains ``unit``.

    The nearest plan comes first, then items and targets in document order.
    """
    ancestor_ids = [int(step) for step in unit.path.split(".") if step]
    return (Target.objects.visible_to(user)
            .filter(item__plan__org_unit__in=ancestor_ids, item__plan__year=year,
                    item__plan__status=PlanStatus.ACTIVE)
            .select_related("item__plan__org_unit", "item__section")
            .order_by("-item__plan__org_unit__depth", "item__plan_id", "item__order", "item__number",
                      "order", "pk"))


def suggest_targets(user: User, *, kind: str, day: date, unit: OrgUnit,
                    item: PlanItem | None = None, eligible: list[Target] | None = None) -> list[Target]:
    """The targets to pre-check, those of the chosen item first."""
    if not kind or day is None or unit is None:
        return []
    if eligible is None:
        eligible = list(eligible_targets(user, unit=unit, year=day.year))
    matching = [t for t in eligible if kind in (t.activity_kinds or [])]
    nearest_depth = max((t.item.plan.org_unit.depth for t in matching), default=None)
    chosen = item.pk if item is not None else None
    suggested = [t for t in matching if t.item_id == chosen or t.item.plan.org_unit.depth == nearest_depth]
    return sorted(suggested, key=lambda t: t.item_id != chosen)


def merge_checked(suggested: set[int], previous_suggested: set[int], checked: set[int]) -> set[int]:
    """What stays checked when the suggestions change.

    The user's own decisions survive — a target they checked that was not suggested stays checked,
    a suggestion they unchecked stays unchecked — while the suggestions themselves are replaced.
    """
    added_by_user = checked - previous_suggested
    removed_by_user = previous_suggested - checked
    return (suggested - removed_by_user) | added_by_user


@dataclass
class TargetChoices:
    """The target checkboxes of the activity form."""

    suggested: list[Target] = field(default_factory=list)
    others: list[tuple[PlanItem, list[Target]]] = field(default_factory=list)
    checked: set[int] = field(default_factory=set)
    ready: bool = False  # False until unit and date are known

    @property
    def suggested_ids(self) -> str:
        return ",".join(str(t.pk) for t in self.suggested)

    @property
    def others_count(self) -> int:
        return sum(len(targets) for _, targets in self.others)

    @property
    def others_checked(self) -> int:
        return sum(1 for _, targets in self.others for t in targets if t.pk in self.checked)


def target_choices(user: User, *, unit: OrgUnit | None, day: date | None, kind: str, item: PlanItem | None,
                   checked: set[int], previous_suggested: set[int], linked: list[Target] = ()) -> TargetChoices:
    """Build the checkboxes: suggestions first, then every other eligible target grouped by item.

    Targets the activity already counts toward (``linked``) are always offered, so editing an old
    activity never silently drops one.
    """
    if unit is None or day is None:
        return TargetChoices(checked=set(checked))
    eligible = list(eligible_targets(user, unit=unit, year=day.year))
    known = {t.pk for t in eligible}
    eligible += [t for t in linked if t.pk not in known]
    suggested = suggest_targets(user, kind=kind, day=day, unit=unit, item=item, eligible=eligible)
    suggested_ids = {t.pk for t in suggested}
    offered = {t.pk for t in eligible}
    result = TargetChoices(suggested=suggested, ready=True,
                           checked=merge_checked(suggested_ids, previous_suggested, checked) & offered)
    for target in eligible:
        if target.pk in suggested_ids:
            continue
        if result.others and result.others[-1][0].pk == target.item_id:
            result.others[-1][1].append(target)
        else:
            result.others.append((target.item, [target]))
    return result
