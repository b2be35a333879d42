"""Rankings benchmark: the points ranking pages for 50,000 users and 5,000,000 points entries,
on SQLite and on PostgreSQL.

Prints one JSON object on its last line:
{"p95_ms_sqlite": …, "p95_ms_postgres": …, "users": 50000, "entries": 5000000, "pages": {…}}

Each database runs in a child process with a fresh database (as bench/dashboard.py). Entries are
bulk-loaded (the points service itself is exercised by the tests) across 2026 up to 22 November,
and the running totals are derived from them with one INSERT … SELECT per period, exactly what
``learning.actions.points`` keeps incrementally. Requests go through the whole Django stack
in-process with the test client; the learner is a county cadre, so the "whole city" scope ranks
all 50,000 people.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bulk import bulk_insert  # noqa: E402
from bench.runner import child_or_main, run_databases, setup_django  # noqa: E402
USERS = int(os.environ.get("BENCH_USERS", 50_000))
ENTRIES = int(os.environ.get("BENCH_ENTRIES", 5_000_000))
COUNTIES, SECTIONS = 30, 9
REQUESTS = 40
TODAY = date(2026, 11, 22)
ACTIONS = ["login", "read", "view", "quiz", "challenge", "session", "reflection", "exam", "match", "course"]


def child() -> dict:
    setup_django()
    from unittest import mock

    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client

    from ideowork.core.choices import OrgKind, Role
    from ideowork.core.models import OrgUnit, User

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with transaction.atomic():
        city = OrgUnit.objects.create(name="基准市委编办", kind=OrgKind.ORGAN)
        organs = [city] + [OrgUnit.objects.create(name=f"基准县{i:02d}编办", parent=city, kind=OrgKind.COUNTY)
                           for i in range(COUNTIES)]
        units = [s for organ in organs for s in
                 [organ] + [OrgUnit.objects.create(name=f"科室{j}", parent=organ, kind=OrgKind.SECTION)
                            for j in range(SECTIONS)]]
        hashed = make_password("Bench@2026pass")
        User.objects.bulk_create([User(username=f"u{n:05d}", display_name=f"用户{n:05d}", role=Role.CADRE,
                                       org_unit=units[n % len(units)], password=hashed) for n in range(USERS)],
                                 batch_size=5000)
    people = list(User.objects.values_list("pk", "org_unit_id"))
    _load_entries(connection, people)
    _derive_totals(connection, city.pk)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    load_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM learning_pointsentry")
        entries = cursor.fetchone()[0]
        cursor.execute("SELECT COUNT(*) FROM learning_pointstotal")
        totals = cursor.fetchone()[0]

    county_cadre = User.objects.filter(org_unit__organ=organs[5]).exclude(org_unit=organs[5]).first()
    city_cadre = User.objects.filter(org_unit__organ=city).exclude(org_unit=city).first()
    pages = {
        "city_people_month": (county_cadre, "/learning/rankings/?scope=all&period=month"),
        "city_people_year_page_100": (county_cadre, "/learning/rankings/?scope=all&period=year&page=100"),
        "organ_people_week": (city_cadre, "/learning/rankings/?scope=organ&period=week"),
        "city_units_year": (county_cadre, "/learning/rankings/?scope=all&period=year&view=units"),
        "my_points": (county_cadre, "/learning/points/"),
        "learning_home": (county_cadre, "/learning/"),
    }
    client = Client()
    timings = {}
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        for name, (user, url) in pages.items():
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            for _ in range(5):
                assert client.get(url).status_code == 200, (name, url)
            samples, cpu = [], []
            for _ in range(REQUESTS):
                t0, c0 = time.perf_counter(), time.process_time()
                response = client.get(url)
                samples.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                assert response.status_code == 200
            samples.sort()
            cpu.sort()
            # CPU time of this process (on SQLite the database's work too), which a busy machine
            # inflates far less than the wall clock.
            timings[name] = {"p50": round(samples[len(samples) // 2], 1),
                             "p95": round(samples[int(len(samples) * 0.95) - 1], 1),
                             "cpu_p50": round(cpu[len(cpu) // 2], 1),
                             "cpu_p95": round(cpu[int(len(cpu) * 0.95) - 1], 1)}
    return {"vendor": connection.vendor, "timings": timings, "entries": entries, "totals": totals,
            "users": len(people), "load_s": round(load_s, 1)}


def _load_entries(connection, people) -> None:
    """ENTRIES rows spread over the year, ~ENTRIES/USERS per person, unique per (user, action, ref)."""
    rng = random.Random(11)
    days = (TODAY - date(2026, 1, 1)).days + 1
    per_person = ENTRIES // len(people)
    columns = ["user_id", "org_unit_id", "action", "ref", "points", "date", "note", "created_at"]
    now = "2026-11-22 08:00:00+08:00"
    batch = []

    def flush():
        bulk_insert(connection, "learning_pointsentry", columns, batch)
        batch.clear()

    with connection.cursor():
        pass
    from django.db import transaction

    with transaction.atomic():
        for index, (user_id, unit_id) in enumerate(people):
            count = per_person + (1 if index < ENTRIES - per_person * len(people) else 0)
            for n in range(count):
                day = date(2026, 1, 1) + timedelta(days=rng.randrange(days))
                batch.append((user_id, unit_id, ACTIONS[n % len(ACTIONS)], f"b:{n}", rng.randint(1, 5),
                              day.isoformat(), "", now))
            if len(batch) >= 20_000:
                flush()
        if batch:
            flush()


def _derive_totals(connection, root_id: int) -> None:
    """The running totals the points service keeps, computed in bulk from the entries."""
    if connection.vendor == "postgresql":
        keys = {"week": "to_char(greatest(date_trunc('week', e.date)::date, date_trunc('year', e.date)::date), "
                        "'YYYY-MM-DD')",
                "month": "to_char(date_trunc('month', e.date), 'YYYY-MM-DD')",
                "year": "to_char(date_trunc('year', e.date), 'YYYY-MM-DD')"}
    else:
        keys = {"week": "max(date(e.date, '-' || ((CAST(strftime('%w', e.date) AS INTEGER) + 6) % 7) || ' days'), "
                        "strftime('%Y-01-01', e.date))",
                "month": "strftime('%Y-%m-01', e.date)", "year": "strftime('%Y-01-01', e.date)"}
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cursor:
        for period, key in keys.items():
            cursor.execute(f"""
                INSERT INTO learning_pointstotal (user_id, org_unit_id, organ_id, root_id, period, key, points)
                SELECT e.user_id, e.org_unit_id, u.organ_id, {int(root_id)}, '{period}', {key}, SUM(e.points)
                FROM learning_pointsentry e JOIN core_orgunit u ON u.id = e.org_unit_id
                GROUP BY e.user_id, e.org_unit_id, u.organ_id, {key}""")
            cursor.execute(f"""
                INSERT INTO learning_unitpointstotal (org_unit_id, period, key, points, learners)
                SELECT t.org_unit_id, t.period, t.key, SUM(t.points), COUNT(*)
                FROM learning_pointstotal t WHERE t.period = '{period}' GROUP BY t.org_unit_id, t.period, t.key""")


def main() -> None:
    results = run_databases(__file__, "ideowork_bench_rankings")
    if "postgres" not in results:
        print(json.dumps(results, ensure_ascii=False))
        return
    print(json.dumps({
        **{f"p95_ms_{db}": max(t["p95"] for t in r["timings"].values()) for db, r in results.items()},
        "users": results["postgres"]["users"], "entries": results["postgres"]["entries"],
        "pages": {db: r["timings"] for db, r in results.items()},
    }, ensure_ascii=False))


if __name__ == "__main__":
    child_or_main(child, main)
