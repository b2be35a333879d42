"""The page benchmarks' common run: the office dashboard and the plan item page on a generated
city of 300 units, 5,000 users and 200,000 activities, on SQLite and on PostgreSQL
(``bench/dashboard.py`` times both pages, ``bench/item_page.py`` the item page).

Each database runs in a child process with a fresh database (SQLite in a temporary directory;
PostgreSQL in a database created and dropped for the run: BENCH_POSTGRES_URL, else DATABASE_URL's
server with ``_bench`` after the database name, else postgres://postgres@127.0.0.1:5432/ideowork_bench).
BENCH_DATABASES=sqlite or postgres runs one. The PostgreSQL child keeps REDIS_URL (the cache on
Redis, as a PostgreSQL deployment runs); the SQLite child has the per-process memory cache.
Requests go through the whole Django stack in-process (middleware, views, templates) with the
test client, as the city's head.

Timings: ``warm`` is the steady state (figures cached since the last write); ``after_write`` is
the first request after a ledger write, the cache emptied before each request so that every
figure is computed again.
"""

from __future__ import annotations

import json
import time

from bench.runner import child_or_main, run_databases, setup_django, time_requests

UNITS, USERS, ACTIVITIES = 300, 5000, 200_000
SMALL = 300  # activities in the small stage
REQUESTS = 60
AFTER_WRITE_REQUESTS = 30

__all__ = ["main"]


def child(page_names: list[str]) -> dict:
    setup_django()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from bench.generate import generate_city

    call_command("migrate", verbosity=0)
    cache.clear()  # a fresh database: nothing cached for an earlier one under the same name may be read
    # The small stage already has a few activities, so that both stages run the same queries
    # (a prefetch over no rows is skipped) and the counts compare like with like.
    world = generate_city(units=UNITS, users=USERS, activities=SMALL)
    client = Client()
    client.force_login(world.head, backend="django.contrib.auth.backends.ModelBackend")
    urls = {"dashboard": reverse("reports:office"), "item": reverse("plans:item", args=[world.item.pk])}
    pages = {name: urls[name] for name in page_names}

    def query_counts(cold: bool):
        counts = {}
        for name, url in pages.items():
            client.get(url)  # warm
            if cold:
                cache.clear()
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            assert response.status_code == 200, (name, response.status_code)
            counts[name] = len(ctx)
        return counts

    small = query_counts(cold=True)
    started = time.perf_counter()
    generate_city(units=UNITS, users=USERS, activities=ACTIVITIES - SMALL, world=world)
    generated_s = time.perf_counter() - started
    large = query_counts(cold=True)
    cached = query_counts(cold=False)
    timings, after_write = {}, {}
    for name, url in pages.items():
        for _ in range(5):
            client.get(url)
        timings[name] = time_requests(client, url, REQUESTS)
        after_write[name] = time_requests(client, url, AFTER_WRITE_REQUESTS, before=cache.clear)
    return {"vendor": connection.vendor, "queries_small": small, "queries_large": large, "queries_cached": cached,
            "timings": timings, "after_write": after_write, "generate_s": round(generated_s, 1),
            "activities": world.activity_count()}


def main(script: str, page_names: list[str]) -> None:
    child_or_main(lambda: child(page_names), lambda: _run(script))


def _run(script: str) -> None:
    results = run_databases(script, "ideowork_bench")
    any_result = next(iter(results.values()))
    summary = {
        **{f"p95_ms_{db}": max(t["p95"] for t in r["timings"].values()) for db, r in results.items()},
        **{f"after_write_p95_ms_{db}": max(t["p95"] for t in r["after_write"].values()) for db, r in results.items()},
        "queries_small": max(any_result["queries_small"].values()),
        "queries_large": max(any_result["queries_large"].values()),
        "queries_cached": max(any_result["queries_cached"].values()),
        "pages": {db: r["timings"] for db, r in results.items()},
        "pages_after_write": {db: r["after_write"] for db, r in results.items()},
        "activities": any_result["activities"], "units": UNITS, "users": USERS,
    }
    print(json.dumps(summary, ensure_ascii=False))
