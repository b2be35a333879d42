"""Who has studied: participation and points by unit over the last days, and who has not studied.

"Studied" means earned any learning points (reading, viewing, quizzes, sessions, exams,
reflections) in the window; the office overview and the dashboard card both read this.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum

from ideowork.core.models import User

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
    idle: list = field(default_factory=list)

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
    def idle(self) -> list:
        return [person for unit in self.units for person in unit.idle]


def participation(user, organ, today: date, days: int = 30) -> Participation:
    """The people of ``organ`` (its own sections, not the organs below) that ``user`` may see."""
    since = today - timedelta(days=days - 1)
    people = User.objects.visible_to(user).business().filter(org_unit__organ=organ).select_related("org_unit")
    active = set(PointsEntry.objects.visible_to(user).filter(org_unit__organ=organ, date__gte=since)
                 .values_list("user_id", flat=True).distinct())
    month_points = dict(PointsTotal.objects.visible_to(user)
                        .filter(org_unit__organ=organ, period=RankingPeriod.MONTH, key=period_key("month", today))
                        .values_list("org_unit").annotate(n=Sum("points")).order_by())
    units: dict[int, UnitParticipation] = {}
    for person in people.order_by("org_unit__path", "username"):
        row = units.setdefault(person.org_unit_id, UnitParticipation(person.org_unit,
                                                                     points=month_points.get(person.org_unit_id, 0)))
        row.members += 1
        if person.pk in active:
            row.active += 1
        else:
            row.idle.append(person)
    return Participation(since=since, units=list(units.values()))
