"""Points rankings by person and by unit, for a week, a month or a year, within a chosen scope.

Rankings read the running totals (``PointsTotal``, ``UnitPointsTotal``), never the entries, so a
page of the ranking of 50,000 people is one indexed range scan plus a count for the first rank.
Rankings are published figures: a learner may see the ranking of their section, their organ, and
the whole tree they belong to (学习强国 shows national rankings); nothing beyond name, unit and
points is shown.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, Sum

from ideowork.core.models import OrgUnit, User

from .actions.points import period_key
from .choices import RankingPeriod
from .models import PointsTotal, UnitPointsTotal

__all__ = ["SCOPES", "RankingScope", "scopes_for", "person_ranking", "unit_ranking", "rank_of", "organ_scope"]

SCOPES = {"section": "本科室", "organ": "本单位", "all": "全市"}


@dataclass(frozen=True)
class RankingScope:
    """Who is ranked: a section (and below), an organ's own people, or a whole tree."""

    code: str
    label: str
    unit: OrgUnit

    def units(self, prefix: str = "") -> Q:
        """The scope's units, as a filter on OrgUnit (``prefix`` leads from another model)."""
        if self.code == "organ":
            return Q(**{f"{prefix}organ": self.unit})
        return Q(**{f"{prefix}path__startswith": self.unit.path})

    def totals(self) -> Q:
        """The scope as a filter on ``PointsTotal``'s own columns (each has its ranking index)."""
        if self.code == "organ":
            return Q(organ=self.unit)
        if self.code == "all":
            return Q(root=self.unit)
        return Q(org_unit__in=list(OrgUnit.objects.subtree(self.unit).values_list("pk", flat=True)))


def scopes_for(user) -> list[RankingScope]:
    """The scopes a user may rank within: their section, their organ, the whole tree they are in."""
    if user.org_unit_id is None or not user.is_business:
        return []
    unit = user.org_unit
    organ = user.scope_root
    top_id = int(unit.path.split(".")[0])
    top = organ if organ.pk == top_id else OrgUnit.objects.get(pk=top_id)
    scopes = []
    if unit.pk != organ.pk:
        scopes.append(RankingScope("section", SCOPES["section"], unit))
    scopes.append(RankingScope("organ", SCOPES["organ"], organ))
    if OrgUnit.objects.filter(path__startswith=top.path).exclude(organ=organ).exists():
        scopes.append(RankingScope("all", SCOPES["all"], top))
    return scopes


def organ_scope(user) -> RankingScope:
    return RankingScope("organ", SCOPES["organ"], user.scope_root)


def _totals(period: str, day: date, scope: RankingScope):
    return PointsTotal.objects.filter(scope.totals(), period=period, key=period_key(period, day))


def person_ranking(period: str, day: date, scope: RankingScope, *, offset: int = 0, limit: int = 50):
    """(rows, total) — rows are (rank, PointsTotal with user and unit); equal points share a rank."""
    qs = _totals(period, day, scope)
    # The page's rows are picked on the ranking index alone, then fetched with their people: joining
    # first would make the database join every row before the offset.
    page = list(qs.order_by("-points", "user_id").values_list("pk", flat=True)[offset:offset + limit])
    rows = sorted(PointsTotal.objects.filter(pk__in=page).select_related("user", "org_unit"),
                  key=lambda row: (-row.points, row.user_id))
    total = _ranked_people(period, day, scope)
    if not rows:
        return [], total
    first_rank = qs.filter(points__gt=rows[0].points).count() + 1
    ranked, rank, previous = [], first_rank, rows[0].points
    for index, row in enumerate(rows):
        if row.points != previous:
            rank, previous = first_rank + index, row.points
        ranked.append((rank, row))
    return ranked, total


def _ranked_people(period: str, day: date, scope: RankingScope) -> int:
    """How many people the ranking has: the units' learner counts, kept with their totals."""
    return UnitPointsTotal.objects.filter(org_unit__in=OrgUnit.objects.filter(scope.units()), period=period,
                                          key=period_key(period, day)).aggregate(n=Sum("learners"))["n"] or 0


def rank_of(user, period: str, day: date, scope: RankingScope) -> tuple[int | None, int]:
    """The user's rank and points in the scope; (None, 0) when they have no points this period."""
    mine = PointsTotal.objects.filter(user=user, period=period, key=period_key(period, day)).first()
    if mine is None:
        return None, 0
    return _totals(period, day, scope).filter(points__gt=mine.points).count() + 1, mine.points


@dataclass
class UnitRow:
    rank: int
    unit: OrgUnit
    points: int
    learners: int
    members: int

    @property
    def per_capita(self) -> float:
        return round(self.points / self.members, 1) if self.members else 0.0

    @property
    def participation(self) -> int:
        return round(100 * self.learners / self.members) if self.members else 0


def unit_ranking(period: str, day: date, scope: RankingScope, *, order: str = "per_capita") -> list[UnitRow]:
    """The units of the scope ranked by points per member (or by total): sections within an organ,
    organs (the city office and each county bureau, with their sections) across a whole tree."""
    units = {unit.pk: unit for unit in OrgUnit.objects.filter(scope.units())}
    group_of = {pk: (unit.organ_id or pk) if scope.code == "all" else pk for pk, unit in units.items()}
    members, points, learners = {}, {}, {}
    for unit_id, n in (User.objects.business().filter(org_unit__in=list(units)).order_by()
                       .values_list("org_unit").annotate(n=Count("pk"))):
        members[group_of[unit_id]] = members.get(group_of[unit_id], 0) + n
    for unit_id, p, n in (UnitPointsTotal.objects.filter(org_unit__in=list(units), period=period,
                                                         key=period_key(period, day))
                          .values_list("org_unit", "points", "learners")):
        points[group_of[unit_id]] = points.get(group_of[unit_id], 0) + p
        learners[group_of[unit_id]] = learners.get(group_of[unit_id], 0) + n
    groups = OrgUnit.objects.in_bulk([pk for pk in members if pk not in units]) | units
    rows = [UnitRow(0, groups[pk], points.get(pk, 0), learners.get(pk, 0), n) for pk, n in members.items()]
    key = (lambda r: r.per_capita) if order == "per_capita" else (lambda r: r.points)
    rows.sort(key=lambda r: (-key(r), r.unit.path))
    previous, rank = None, 0
    for index, row in enumerate(rows, 1):
        if key(row) != previous:
            rank, previous = index, key(row)
        row.rank = rank
    return rows


def period_label(period: str, day: date) -> str:
    from ideowork.core.periods import period_of

    p = period_of(period, day)
    if period == RankingPeriod.WEEK:
        return f"{p.start:%m月%d日}—{p.end:%m月%d日}"
    if period == RankingPeriod.MONTH:
        return f"{p.start.year}年{p.start.month}月"
    return f"{p.start.year}年"
