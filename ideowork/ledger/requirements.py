"""One requirement, one number: how far a person or a unit is toward a target of the plan.

Every page that shows a requirement's figure — the item page, 我的工作, the reflections page, a
study group — reads it here, from the ledger's credits (``compute_progress``), so the same
requirement never shows two numbers. A page without a target behind it (no plan asks for the
activity) keeps its own default count, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ideowork.core.models import OrgUnit, User
from ideowork.plans.choices import Per, PlanStatus
from ideowork.plans.models import Target

from .models import TargetCredit
from .progress import TargetProgress, compute_progress

__all__ = ["Requirement", "person_figures", "personal_requirement", "personal_requirements", "unit_requirement"]


@dataclass
class Requirement:
    target: Target
    progress: TargetProgress
    done: int
    required: int

    @property
    def percent(self) -> int:
        return 100 if self.required == 0 else min(100, self.done * 100 // self.required)

    @property
    def behind(self) -> bool:
        return self.done < self.required

    def done_by(self, person_id: int) -> int:
        """A tracked person's count toward a per-person target (0 when none)."""
        return self.progress.person_done.get(person_id, 0)


def person_figures(progress: TargetProgress, person_id: int) -> tuple[int, int]:
    """(done, required) of one person toward a per-person target, over its year."""
    return progress.person_done.get(person_id, 0), progress.target.count * len(progress.periods)


def _candidates(unit: OrgUnit, kind: str, year: int, per: str) -> list[Target]:
    ancestor_ids = [int(step) for step in unit.path.split(".") if step]
    targets = (Target.objects.filter(item__plan__org_unit__in=ancestor_ids, item__plan__year=year,
                                     item__plan__status=PlanStatus.ACTIVE, per=per)
               .select_related("item__plan__org_unit")
               .order_by("-item__plan__org_unit__depth", "item__order", "item__number", "order", "pk"))
    return [t for t in targets if kind in (t.activity_kinds or [])]


def personal_requirement(person: User, kind: str, *, year: int, today: date) -> Requirement | None:
    """The per-person target of the nearest plan that asks ``person`` for activities of ``kind``."""
    return personal_requirements([person], kind, year=year, today=today).get(person.pk)


def personal_requirements(persons, kind: str, *, year: int, today: date) -> dict[int, Requirement]:
    """``personal_requirement`` of several persons (a group's members), sharing the work per unit."""
    by_unit: dict[int, list[Target]] = {}
    tracked_of: dict[int, set[int]] = {}
    progress_of: dict[int, TargetProgress] = {}
    result = {}
    for person in persons:
        if person.org_unit_id is None:
            continue
        if person.org_unit_id not in by_unit:
            by_unit[person.org_unit_id] = _candidates(person.org_unit, kind, year, Per.PERSON)
        for target in by_unit[person.org_unit_id]:
            if target.pk not in tracked_of:
                tracked_of[target.pk] = set(target.persons.values_list("pk", flat=True))
            if tracked_of[target.pk] and person.pk not in tracked_of[target.pk]:
                continue
            if target.pk not in progress_of:
                progress_of[target.pk] = compute_progress([target], year=year, today=today)[target.pk]
            done, required = person_figures(progress_of[target.pk], person.pk)
            if not tracked_of[target.pk]:
                # A per-person target naming nobody counts everyone's credits (``rebuild_credits``);
                # the progress engine has no persons to split it by, so read this person's own.
                done = TargetCredit.objects.filter(target=target, person=person, date__year=year).count()
            result[person.pk] = Requirement(target, progress_of[target.pk], done, required)
            break
    return result


def unit_requirement(unit: OrgUnit, kind: str, *, year: int, today: date) -> Requirement | None:
    """The organisation-counted target of the nearest plan that asks ``unit`` for activities of ``kind``."""
    targets = _candidates(unit, kind, year, Per.ORG)
    if not targets:
        return None
    progress = compute_progress(targets[:1], year=year, today=today)[targets[0].pk]
    return Requirement(targets[0], progress, progress.done_year, progress.required_year)
