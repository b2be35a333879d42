"""Dashboard benchmark: the office overview and an item page, on a generated city of 300 units,
5,000 users and 200,000 activities, on SQLite and on PostgreSQL.

Prints one JSON object on its last line:
{"p95_ms_sqlite": …, "p95_ms_postgres": …, "queries_small": …, "queries_large": …, …}

Each database runs in a child process with a fresh database (SQLite in a temporary directory;
PostgreSQL in a database created for the run on BENCH_POSTGRES_URL, default
postgres://postgres@127.0.0.1:5432/ideowork_bench). Requests go through the whole Django stack
in-process (middleware, views, templates) with the test client.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNITS, USERS, ACTIVITIES = 300, 5000, 200_000
SMALL = 300  # activities in the small stage
REQUESTS = 60


def child() -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from bench.generate import generate_city

    call_command("migrate", verbosity=0)
    # The small stage already has a few activities, so that both stages run the same queries
    # (a prefetch over no rows is skipped) and the counts compare like with like.
    world = generate_city(units=UNITS, users=USERS, activities=SMALL)
    client = Client()
    client.force_login(world.head, backend="django.contrib.auth.backends.ModelBackend")
    pages = {"dashboard": reverse("reports:home"), "item": reverse("plans:item", args=[world.item.pk])}

    def query_counts():
        counts = {}
        for name, url in pages.items():
            client.get(url)  # warm
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            assert response.status_code == 200, (name, response.status_code)
            counts[name] = len(ctx)
        return counts

    small = query_counts()
    started = time.perf_counter()
    generate_city(units=UNITS, users=USERS, activities=ACTIVITIES - SMALL, world=world)
    generated_s = time.perf_counter() - started
    large = query_counts()
    timings = {}
    for name, url in pages.items():
        for _ in range(5):
            client.get(url)
        samples = []
        for _ in range(REQUESTS):
            t0 = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200
        samples.sort()
        timings[name] = {"p50": round(samples[len(samples) // 2], 1),
                         "p95": round(samples[int(len(samples) * 0.95) - 1], 1)}
    return {"vendor": connection.vendor, "queries_small": small, "queries_large": large, "timings": timings,
            "generate_s": round(generated_s, 1), "activities": world.activity_count()}


def run_child(env_extra: dict) -> dict:
    env = {**os.environ, **env_extra}
    out = subprocess.run([sys.executable, __file__, "--child"], env=env, capture_output=True, text=True,
                         cwd=ROOT)
    if out.returncode != 0:
        sys.stderr.write(out.stdout + out.stderr)
        raise SystemExit(f"benchmark child failed ({env_extra})")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(json.dumps(result, ensure_ascii=False))
    return result


def main() -> None:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {"IDEOWORK_VAR_DIR": tmp}
        env.pop("DATABASE_URL", None)
        os.environ.pop("DATABASE_URL", None)
        results["sqlite"] = run_child(env)
    pg_url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/ideowork_bench")
    name = pg_url.rsplit("/", 1)[-1]
    admin_url = pg_url.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin_url, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run(["psql", admin_url, "-qc", f"CREATE DATABASE {name}"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        results["postgres"] = run_child({"IDEOWORK_VAR_DIR": tmp, "DATABASE_URL": pg_url})
    subprocess.run(["psql", admin_url, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=False)
    summary = {
        "p95_ms_sqlite": max(t["p95"] for t in results["sqlite"]["timings"].values()),
        "p95_ms_postgres": max(t["p95"] for t in results["postgres"]["timings"].values()),
        "queries_small": max(results["sqlite"]["queries_small"].values()),
        "queries_large": max(results["sqlite"]["queries_large"].values()),
        "pages": {db: r["timings"] for db, r in results.items()},
        "activities": results["sqlite"]["activities"], "units": UNITS, "users": USERS,
    }
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(child(), ensure_ascii=False))
    else:
        main()
