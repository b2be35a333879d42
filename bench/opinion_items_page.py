"""The 舆情信息 list at a large store: 1,000,000 items of one city office (five sources, 5% of them
matched by one of 20 schemes, some matched for another organ's scheme) and the page timed through the
test client — the first page, a page far down by keyset, and filtered by source, scheme and sentiment.

    BENCH_ITEMS=1000000 BENCH_DATABASES=sqlite,postgres /work/main/.venv/bin/python bench/opinion_items_page.py

Each database runs in a child process with a fresh database (see bench/runner.py). Items are
bulk-loaded (COPY / executemany) with short texts (the list reads no text). Prints one JSON object on
its last line: {"sqlite": {"first_p95_ms": …, …}, "postgres": {…}}.
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
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 30))


def child() -> dict:
    connection, city, county, staff = opinion_world()
    from django.test import Client

    from ideowork.opinion.actions.sources import do_create_source
    from ideowork.opinion.listing import cursor_for
    from ideowork.opinion.models import Item, ItemMatch, Scheme

    rng = random.Random(5)
    sources = [do_create_source(staff, org_unit=city if n < 4 else county, name=f"来源{n}", kind="api", level="city")
               for n in range(5)]
    schemes = [Scheme.objects.create(org_unit=city if n < 15 else county, name=f"方案{n}", expression=f"词{n}")
               for n in range(20)]
    start = datetime(2025, 1, 1, tzinfo=dt_timezone.utc)
    item_cols = ["id", "source_id", "org_unit_id", "outlet_name", "url", "url_key", "content_key", "title", "text",
                 "published_at", "arrived_at", "reads", "reposts", "comments", "likes", "sentiment", "grade",
                 "analysis", "text_purged_at"]
    match_cols = ["item_id", "scheme_id", "org_unit_id", "arrived_at", "matched_at", "joined"]
    t0 = time.perf_counter()
    pk = 0
    while pk < ITEMS:
        rows, matches = [], []
        for _ in range(min(50_000, ITEMS - pk)):
            pk += 1
            source = sources[pk % 5]
            moment = db_moment(connection, start + timedelta(seconds=pk * 20))
            key = hashlib.sha256(str(pk).encode()).hexdigest()
            rows.append((pk, source.pk, source.org_unit_id, "市融媒体中心", f"https://n.example.cn/{pk}", key, key,
                         f"第{pk}条：城区道路改造进展通报", "正文从略", moment, moment, rng.randint(0, 9999), 0, 0, 0,
                         rng.choice(["negative", "neutral", "neutral", "positive"]), "1", "{}", None))
            if pk % 20 == 0:
                scheme = schemes[rng.randrange(20)]
                matches.append((pk, scheme.pk, scheme.org_unit_id, moment, moment, ""))
        bulk_insert(connection, Item._meta.db_table, item_cols, rows)
        bulk_insert(connection, ItemMatch._meta.db_table, match_cols, matches)
    analyse_tables(connection, (Item, ItemMatch))
    load_s = time.perf_counter() - t0
    client = Client()
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    deep = Item.objects.filter(pk=ITEMS // 2).values_list("arrived_at", flat=True).get()
    urls = {"first": "/opinion/items/", "deep": f"/opinion/items/?before={cursor_for(deep, ITEMS // 2)}",
            "by_source": f"/opinion/items/?source={sources[1].pk}", "by_scheme": f"/opinion/items/?scheme={schemes[3].pk}",
            "negative": "/opinion/items/?sentiment=negative"}
    deep_page = client.get(urls["deep"]).content.decode()
    assert f"第{ITEMS // 2 - 1}条" in deep_page and f"第{ITEMS}条" not in deep_page, "the keyset page is not half-way"
    return {"items": ITEMS, "load_s": round(load_s, 1), **time_pages(client, staff, urls, REQUESTS)}


if __name__ == "__main__":
    page_bench_main(__file__, child, "ideowork_bench_items_page")
