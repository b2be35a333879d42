"""What the opinion benchmarks share: a fresh database with a city office, a county bureau under it and
the city's staff member, times written as each database takes them, the pages timed, a page benchmark's
command line, and texts made of sentences."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime

from bench.runner import run_databases, time_requests

__all__ = ["opinion_world", "db_moment", "time_pages", "analyse_tables", "page_bench_main", "sentences_up_to"]


def opinion_world():
    """Django set up and migrated; (connection, city, county, staff)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from ideowork.core.choices import OrgKind, Role
    from ideowork.core.models import OrgUnit, User

    call_command("migrate", verbosity=0)
    city = OrgUnit.objects.create(name="市委宣传部", kind=OrgKind.ORGAN)
    county = OrgUnit.objects.create(name="甲县委宣传部", parent=city, kind=OrgKind.COUNTY)
    staff = User.objects.create(username="bench_staff", role=Role.STAFF, org_unit=city, display_name="赵专干")
    return connection, city, county, staff


def db_moment(connection, value: datetime) -> str:
    text = value.isoformat(sep=" ")
    return text.replace("+00:00", "") if connection.vendor == "sqlite" else text


def analyse_tables(connection, models) -> None:
    """Fresh planner statistics after a bulk load (and the id sequences moved past the loaded ids)."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("ANALYZE")
            return
        for model in models:
            table = model._meta.db_table
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            cursor.execute(f"ANALYZE {table}")


def time_pages(client, staff, urls: dict, requests: int) -> dict:
    """p50, p95 and CPU p95 (ms) of each page, signed in as ``staff``."""
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    result = {}
    for name, url in urls.items():
        figures = time_requests(client, url, requests)
        result[f"{name}_p50_ms"], result[f"{name}_p95_ms"] = figures["p50"], figures["p95"]
        result[f"{name}_cpu_p95_ms"] = figures["cpu_p95"]
    return result


def page_bench_main(script: str, child, postgres_name: str) -> None:
    """A page benchmark's command: ``--child`` runs ``child()`` here, else once per database."""
    if "--child" in sys.argv:
        print(json.dumps(child(), ensure_ascii=False))
    else:
        print(json.dumps(run_databases(script, postgres_name), ensure_ascii=False))


def sentences_up_to(rng, pool: list[str], length: int) -> list[str]:
    """Sentences drawn from ``pool`` until they hold at least ``length`` characters."""
    parts, size = [], 0
    while size < length:
        part = rng.choice(pool)
        parts.append(part)
        size += len(part)
    return parts
