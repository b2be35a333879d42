"""Generated data for benchmarks: a city office with county bureaus, users, plans and activities.

Rows are bulk-created (the services are exercised by the tests; a benchmark needs volume). Credits
are derived exactly as ``ledger.actions.rebuild_credits`` would: one per activity and target, and one
per tracked participant for a per-person target.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import transaction

from ideowork.core.choices import OrgKind, Role
from ideowork.core.models import OrgUnit, User
from ideowork.ledger.figures import bump_ledger
from ideowork.ledger.models import Activity, ActivityTarget, TargetCredit
from ideowork.plans.actions.imports import do_import_plan
from ideowork.plans.drafts import new_draft
from ideowork.plans.models import PlanItem, Target
from ideowork.plans.parser import parse_text

SEED = Path(__file__).resolve().parents[1] / "ideowork" / "demo" / "data" / "city_office_2026.txt"
BATCH = 5000


@dataclass
class World:
    city: OrgUnit
    head: User
    staff: User
    organs: list = field(default_factory=list)  # (organ, [units], [users], [targets])
    item: PlanItem | None = None

    def activity_count(self) -> int:
        return Activity.objects.count()


def generate_city(*, units: int, users: int, activities: int, world: World | None = None) -> World:
    rng = random.Random(7)
    if world is None:
        world = _organisation(units, users, rng)
    if activities:
        _activities(world, activities, rng)
        # The services raise each organ's ledger version with every change; a bulk load does it
        # once, so that figures cached before it are not read after it.
        bump_ledger(organ.pk for organ, *_ in world.organs)
        _analyze()
    return world


def _analyze() -> None:
    """Refresh PostgreSQL's planner statistics after the bulk load, as autovacuum does within
    minutes in production; without them the planner takes a 300-unit subtree for one unit.
    SQLite is left as it is (it keeps no statistics unless told to)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _organisation(units: int, users: int, rng) -> World:
    hashed = make_password("Bench@2026pass")
    with transaction.atomic():
        city = OrgUnit.objects.create(name="基准市委编办", kind=OrgKind.ORGAN)
        per_organ = 10
        organs = [city] + [OrgUnit.objects.create(name=f"基准县{i:02d}编办", parent=city, kind=OrgKind.COUNTY)
                           for i in range(units // per_organ - 1)]
        tree = {}
        for organ in organs:
            sections = [OrgUnit.objects.create(name=f"科室{j}", parent=organ, kind=OrgKind.SECTION)
                        for j in range(per_organ - 1)]
            tree[organ.pk] = [organ] + sections
        head = User.objects.create(username="bench_head", display_name="基准主任", role=Role.HEAD, org_unit=city,
                                   password=hashed)
        staff = User.objects.create(username="bench_staff", display_name="基准专干", role=Role.STAFF,
                                    org_unit=city, password=hashed)
        people = []
        roles = [Role.CADRE] * 6 + [Role.SECTION_CHIEF, Role.STAFF, Role.SUPERVISOR, Role.DEPUTY]
        all_units = [u for organ in organs for u in tree[organ.pk]]
        for n in range(users - 2):
            unit = all_units[n % len(all_units)]
            people.append(User(username=f"u{n:05d}", display_name=f"用户{n:05d}", role=roles[n % len(roles)],
                               org_unit=unit, password=hashed))
        User.objects.bulk_create(people, batch_size=BATCH)
    world = World(city=city, head=head, staff=staff)
    text = SEED.read_text(encoding="utf-8")
    parsed = parse_text(text).to_dict()
    members_of = {}
    for user in User.objects.filter(role__in=[Role.CADRE, Role.SECTION_CHIEF, Role.DEPUTY, Role.HEAD,
                                              Role.STAFF, Role.SUPERVISOR]).select_related("org_unit"):
        members_of.setdefault(user.org_unit.organ_id, []).append(user.pk)
    for organ in organs:
        draft = new_draft(parsed, org_unit_id=organ.pk, year=2026, source_name="seed", source_text="")
        draft["title"] = f"2026年{organ.name}意识形态工作要点"
        plan = do_import_plan(staff, draft)
        targets = list(Target.objects.filter(item__plan=plan).prefetch_related("persons"))
        world.organs.append((organ, tree[organ.pk], members_of.get(organ.pk, []), targets))
        if organ is city:
            world.item = PlanItem.objects.get(plan=plan, number=1)
    return world


def _activities(world: World, total: int, rng) -> None:
    start = date(2026, 1, 1)
    days = 326  # to 22 November
    share = [0.1] + [0.9 / (len(world.organs) - 1)] * (len(world.organs) - 1)
    for (organ, units, members, targets), fraction in zip(world.organs, share):
        n = int(total * fraction)
        persons_of = {t.pk: {p.pk for p in t.persons.all()} for t in targets}
        created = 0
        while created < n:
            size = min(BATCH, n - created)
            with transaction.atomic():
                batch = []
                plans = []
                for _ in range(size):
                    target = rng.choice(targets)
                    kind = (target.activity_kinds or ["other"])[0]
                    day = start + timedelta(days=rng.randrange(days))
                    batch.append(Activity(org_unit=rng.choice(units), kind=kind, title=f"基准活动{kind}", date=day,
                                          item_id=target.item_id, created_by=world.staff))
                    participants = rng.sample(members, min(len(members), 3)) if members else []
                    plans.append((target, participants))
                Activity.objects.bulk_create(batch, batch_size=BATCH)
                links, credits, parts = [], [], []
                through = Activity.participants.through
                for activity, (target, participants) in zip(batch, plans):
                    links.append(ActivityTarget(activity=activity, target=target))
                    for pid in participants:
                        parts.append(through(activity_id=activity.pk, user_id=pid))
                    if target.per == "person":
                        tracked = persons_of[target.pk]
                        for pid in participants:
                            if not tracked or pid in tracked:
                                credits.append(TargetCredit(target=target, activity=activity, person_id=pid,
                                                            date=activity.date, month=activity.date.month))
                    else:
                        credits.append(TargetCredit(target=target, activity=activity, date=activity.date,
                                                    month=activity.date.month))
                ActivityTarget.objects.bulk_create(links, batch_size=BATCH)
                through.objects.bulk_create(parts, batch_size=BATCH)
                TargetCredit.objects.bulk_create(credits, batch_size=BATCH)
            created += size
