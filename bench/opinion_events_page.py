"""The 舆情事件 list at a large store: a city office (and one county bureau under it) with 1,000,000
stored items, one in ten matched by a scheme and grouped into events — 40,000 events of the city and
5,000 of the county, a few hundred of them merged away — and the list timed through the test client as
the city's staff (who sees both units): the first page, a page far down by keyset, and filtered by
status, grade, sentiment and period.

    BENCH_ITEMS=1000000 BENCH_DATABASES=sqlite,postgres /work/main/.venv/bin/python bench/opinion_events_page.py

Each database runs in a child process with a fresh database (see bench/runner.py). Rows are
bulk-loaded (COPY / executemany) in the shape the services write. Prints one JSON object on its last
line: {"sqlite": {"first_p95_ms": …, …}, "postgres": {…}}.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone as dt_timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bulk import bulk_insert  # noqa: E402
from bench.opinion_world import analyse_tables, db_moment, opinion_world, page_bench_main, time_pages  # noqa: E402

ITEMS = int(os.environ.get("BENCH_ITEMS", 1_000_000))
CITY_EVENTS, COUNTY_EVENTS = ITEMS // 25, ITEMS // 200
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 30))
STATUSES = ["judging"] * 3 + ["handling", "responding", "closing"] + ["closed"] * 6 + ["dismissed"] * 2
MOODS = ["negative", "neutral", "neutral", "positive"]
GRADES = ["1"] * 12 + ["2"] * 5 + ["3"] * 2 + ["4"]


def child() -> dict:
    connection, city, county, staff = opinion_world()
    from django.test import Client

    from ideowork.opinion.actions.sources import do_create_source
    from ideowork.opinion.listing import cursor_for
    from ideowork.opinion.models import Event, Item, ItemMatch, Scheme

    rng = random.Random(7)
    source = do_create_source(staff, org_unit=city, name="采集网关", kind="api", level="city")
    schemes = {unit.pk: Scheme.objects.create(org_unit=unit, name="方案", expression="词") for unit in (city, county)}
    start = datetime(2025, 1, 1, tzinfo=dt_timezone.utc)
    t0 = time.perf_counter()
    # The events first (ids 1…), each over a stretch of the items' time; then the items and matches.
    event_cols = ["id", "org_unit_id", "key", "title", "first_source_name", "first_seen_at", "last_seen_at",
                  "item_count", "reprint_count", "outlet_count", "sentiment", "grade", "analysis", "status",
                  "merged_into_id", "assigned_unit_id", "created_at", "updated_at"]
    events, total = [], CITY_EVENTS + COUNTY_EVENTS
    span = ITEMS * 20
    for pk in range(1, total + 1):
        unit = city if pk <= CITY_EVENTS else county
        first = start + timedelta(seconds=span * (pk - 1) / total)
        last = first + timedelta(hours=rng.randint(1, 96))
        merged = rng.randint(1, pk - 1) if pk > 10 and rng.random() < 0.01 else None
        status = rng.choice(STATUSES)
        # Judged events are handled by their own unit; one in a hundred of the city's by the county bureau.
        assigned = None if status == "judging" else (county if unit == city and rng.random() < 0.01 else unit)
        events.append((pk, unit.pk, f"e{pk:016x}", f"第{pk}号事件：某地道路改造引发关注", "市融媒体中心",
                       db_moment(connection, first), db_moment(connection, last), rng.randint(1, 40), rng.randint(0, 10),
                       rng.randint(1, 12), rng.choice(MOODS), rng.choice(GRADES), "{}", status, merged,
                       assigned.pk if assigned else None, db_moment(connection, first), db_moment(connection, last)))
    for at in range(0, len(events), 50_000):
        bulk_insert(connection, Event._meta.db_table, event_cols, events[at:at + 50_000])
    item_cols = ["id", "source_id", "org_unit_id", "outlet_name", "url", "url_key", "content_key", "title", "text",
                 "published_at", "arrived_at", "reads", "reposts", "comments", "likes", "sentiment", "grade",
                 "analysis", "signature", "text_purged_at"]
    match_cols = ["item_id", "scheme_id", "org_unit_id", "arrived_at", "matched_at", "event_id", "joined"]
    pk = 0
    while pk < ITEMS:
        rows, matches = [], []
        for _ in range(min(50_000, ITEMS - pk)):
            pk += 1
            moment = db_moment(connection, start + timedelta(seconds=pk * 20))
            key = hashlib.sha256(str(pk).encode()).hexdigest()
            rows.append((pk, source.pk, city.pk, "市融媒体中心", f"https://n.example.cn/{pk}", key, key,
                         f"第{pk}条：城区道路改造进展通报", "正文从略", moment, moment, 0, 0, 0, 0,
                         rng.choice(MOODS), "1", "{}", None, None))
            if pk % 10 == 0:
                event = events[min(int((pk - 1) / ITEMS * total), total - 1)]
                matches.append((pk, schemes[event[1]].pk, event[1], moment, moment, event[0], "event"))
        bulk_insert(connection, Item._meta.db_table, item_cols, rows)
        bulk_insert(connection, ItemMatch._meta.db_table, match_cols, matches)
    analyse_tables(connection, (Item, ItemMatch, Event))
    load_s = time.perf_counter() - t0
    client = Client()
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    middle = Event.objects.filter(pk=CITY_EVENTS // 2).values_list("last_seen_at", flat=True).get()
    urls = {"first": "/opinion/events/", "deep": f"/opinion/events/?before={cursor_for(middle, CITY_EVENTS // 2)}",
            "handling": "/opinion/events/?status=handling", "grave": "/opinion/events/?grade=4",
            "negative_major": "/opinion/events/?sentiment=negative&grade=3",
            "period": "/opinion/events/?since=2025-03-01&until=2025-03-31"}
    deep_page = client.get(urls["deep"]).content.decode()
    assert deep_page.count("data-event=") == 50 and f"第{total}号事件" not in deep_page, "the keyset page is wrong"
    return {"items": ITEMS, "events": total, "matches": ITEMS // 10, "load_s": round(load_s, 1),
            **time_pages(client, staff, urls, REQUESTS)}


if __name__ == "__main__":
    page_bench_main(__file__, child, "ideowork_bench_events_page")
