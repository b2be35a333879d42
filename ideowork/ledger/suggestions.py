"""The target checkboxes of the activity form: suggestions first, each with its reason.

What is suggested (pre-checked) is decided by ``ledger.counting``; the user may check or uncheck
any eligible target.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.html import format_html
from django.utils.safestring import SafeString

from ideowork.core.forms.pickers import TickListPicker
from ideowork.core.models import OrgUnit, User
from ideowork.plans.models import PlanItem, Target

from .counting import Suggestion, counted_targets, eligible_targets

__all__ = ["merge_checked", "TargetChoices", "target_choices"]


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

    suggestions: list[Suggestion] = field(default_factory=list)
    others: list[tuple[PlanItem, list[Target]]] = field(default_factory=list)
    checked: set[int] = field(default_factory=set)
    ready: bool = False  # False until unit and date are known
    item_chosen: bool = False

    @property
    def suggested(self) -> list[Target]:
        return [s.target for s in self.suggestions]

    @property
    def suggested_ids(self) -> str:
        return ",".join(str(t.pk) for t in self.suggested)

    @property
    def others_count(self) -> int:
        return sum(len(targets) for _, targets in self.others)

    @property
    def others_checked(self) -> int:
        return sum(1 for _, targets in self.others for t in targets if t.pk in self.checked)

    @property
    def others_picker(self) -> SafeString:
        """The other eligible targets as a tick list under a search box, one heading per item."""
        picker = TickListPicker(placeholder="输入指标或要点筛选", label="其他可计入指标")
        picker.choices = [(f"{item.plan.org_unit.display_name} · 要点{item.number}：{item.title}",
                           [(t.pk, format_html('{} <span class="tag">{}</span>', t.text, t.summary))
                            for t in targets]) for item, targets in self.others]
        return picker.render("targets", [t.pk for _, targets in self.others for t in targets if t.pk in self.checked],
                             attrs={"id": "id_targets_others"})


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
    suggestions = counted_targets(user, kind=kind, day=day, unit=unit, item=item, eligible=eligible)
    suggested_ids = {s.target.pk for s in suggestions}
    offered = {t.pk for t in eligible}
    result = TargetChoices(suggestions=suggestions, ready=True, item_chosen=item is not None,
                           checked=merge_checked(suggested_ids, previous_suggested, checked) & offered)
    for target in eligible:
        if target.pk in suggested_ids:
            continue
        if result.others and result.others[-1][0].pk == target.item_id:
            result.others[-1][1].append(target)
        else:
            result.others.append((target.item, [target]))
    return result
