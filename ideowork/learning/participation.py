"""Who has studied: participation and points by unit over the last days, and who has not studied.

"Studied" means earned any learning points (reading, viewing, quizzes, sessions, exams,
reflections) in the window; the office overview and the dashboard card both read this.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum

from ideowork.core.caching import cached_figure
from ideowork.core.models import OrgUnit, User
from ideowork.core.versions import read_versions

from .actions.points import period_key
from .choices import RankingPeriod
from .models import PointsEntry, PointsTotal

__all__ = ["UnitParticipation", "Participation", "participation"]


@dataclass
class UnitParticipation:
    unit: object
    members: int = 0
    active: int = 0
    points: int = 0
    idle: list = field(default_factory=list)  # ids of the people who have not studied

    @property
    def percent(self) -> int:
        return round(100 * self.active / self.members) if self.members else 0

    @property
    def average(self) -> float:
        return round(self.points / self.members, 1) if self.members else 0.0


@dataclass
class Participation:
    since: date
    units: list[UnitParticipation]

    @property
    def members(self) -> int:
        return sum(u.members for u in self.units)

    @property
    def active(self) -> int:
        return sum(u.active for u in self.units)

    @property
    def percent(self) -> int:
        return round(100 * self.active / self.members) if self.members else 0

    @property
    def idle(self) -> list[int]:
        """Ids of the people who have not studied."""
        return [person for unit in self.units for person in unit.idle]

    def idle_people(self) -> list:
        """The people who have not studied, in unit and name order (one query)."""
        return list(User.objects.filter(pk__in=self.idle).select_related("org_unit")
                    .order_by("org_unit__path", "username"))


def participation(user, organ, today: date, days: int = 30) -> Participation:
    """The people of ``organ`` (its own sections, not the organs below) that ``user`` may see.

    Reads ids, not people: the organ's whole staff is counted on every dashboard load. Who studied
    and the units' month points are cached under the organ's ``points`` version (raised with every
    award, ``actions/points.py``) and the people counted, so the card is never older than the last
    award or staff change."""
    since = today - timedelta(days=days - 1)
    people = list(User.objects.visible_to(user).business().filter(org_unit__organ=organ)
                  .order_by("org_unit__path", "username").values_list("pk", "org_unit_id"))
    month = period_key("month", today)
    parts = (organ.pk, read_versions("points", [organ.pk]), since, month, user.pk, user.role, user.org_unit_id,
             hashlib.blake2b(repr(people).encode(), digest_size=16).hexdigest())
    active, month_points = cached_figure("participation", parts, lambda: _studied(user, organ, since, month))
    units: dict[int, UnitParticipation] = {}
    for person_id, unit_id in people:
        row = units.setdefault(unit_id, UnitParticipation(unit_id, points=month_points.get(unit_id, 0)))
        row.members += 1
        if person_id in active:
            row.active += 1
        else:
            row.idle.append(person_id)
    for unit in OrgUnit.objects.filter(pk__in=list(units)):
        units[unit.pk].unit = unit
    return Participation(since=since, units=list(units.values()))


def _studied(user, organ, since: date, month: str) -> tuple[frozenset, dict]:
    """Who of the organ earned points since ``since``, and each unit's points of ``month``."""
    # No ordering: the model's ordering would make DISTINCT run over every entry, not every person.
    active = frozenset(PointsEntry.objects.visible_to(user).filter(org_unit__organ=organ, date__gte=since)
                       .order_by().values_list("user_id", flat=True).distinct())
    month_points = dict(PointsTotal.objects.visible_to(user)
                        .filter(org_unit__organ=organ, period=RankingPeriod.MONTH, key=month)
                        .values_list("org_unit").annotate(n=Sum("points")).order_by())
    return active, month_points
