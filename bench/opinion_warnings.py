"""Opinion warnings benchmark: what evaluating warning rules on arrival adds to ingestion, and how many
warnings a burst raises.

    /work/main/.venv/bin/python bench/opinion_warnings.py [--items 5000] [--batch 500]

A child process with a fresh SQLite database (a temporary directory) sets up the ingestion
benchmark's city office (one source, 60 schemes, the same generated items: bench/opinion_ingest.py),
then ingests ``--items`` items in batches of ``--batch`` through ``do_ingest_items`` three ways: with
no warning rule, with three unit-wide rules (by grade, negative, spike) and a scheme's recipients,
and a burst of 1,000 items that all match one scheme with a spike rule and a grade rule (their
grade set by the analyser's stand-in), counting the warnings, deliveries and notifications it made.
E-mail and webhooks are queued, not sent (the queue is not running), as in production.

Last line: {"items_per_s_no_rules": …, "items_per_s_rules": …, "overhead_ms_per_item": …,
"burst_items": 1000, "burst_warnings": …, "burst_deliveries": …}
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.opinion_ingest import monitoring_office, texts  # noqa: E402
from bench.runner import run_child  # noqa: E402


def ingest_rate(actor, source, records: list[dict], batch: int) -> float:
    from ideowork.opinion.actions.ingest import do_ingest_items

    t0 = time.perf_counter()
    for start in range(0, len(records), batch):
        do_ingest_items(actor, source, records[start:start + batch])
    return len(records) / (time.perf_counter() - t0)


def child(items: int, batch: int) -> dict:
    rng = random.Random(13)
    _, city, staff, source = monitoring_office(rng, email="staff@example.gov.cn")
    from ideowork.core.models import Notification
    from ideowork.core.versions import bump_versions
    from ideowork.opinion.actions.matching import SCHEMES_TOPIC
    from ideowork.opinion.actions.warning_rules import do_add_warning_recipient, do_create_warning_rule
    from ideowork.opinion.models import Delivery, Item, Scheme, Warning

    ingest_rate(staff, source, list(texts(rng, 50, 9_000_000)), batch)  # warm up: normalisation, matcher
    plain = ingest_rate(staff, source, list(texts(rng, items, 10_000_000)), batch)
    for kind, extra in (("grade", {"min_grade": "3"}), ("negative", {}), ("spike", {"spike_min_count": 100})):
        do_create_warning_rule(staff, org_unit=city, name=f"全部方案{kind}", kind=kind,
                               channels=["inapp", "email", "webhook"], **extra)
    with_rules = ingest_rate(staff, source, list(texts(rng, items, 20_000_000)), batch)

    burst_scheme = Scheme.objects.create(org_unit=city, name="突发", expression="突发事件")
    bump_versions(SCHEMES_TOPIC, [city.pk])
    do_add_warning_recipient(staff, burst_scheme, user=staff)
    do_add_warning_recipient(staff, burst_scheme, webhook_kind="wecom",
                             webhook_url="http://127.0.0.1:9/cgi-bin/webhook/send?key=bench")
    before = (Warning.objects.count(), Delivery.objects.count(), Notification.objects.count())
    burst = [{"title": f"某地突发事件第{n}报", "text": f"现场第{n}条消息。"} for n in range(1000)]
    from ideowork.opinion.actions import ingest

    analysed = ingest._rows  # the analyser on ingest is another part: grade the burst as it would

    def graded(source, records, now):
        return [setattr(row, "grade", "3") or setattr(row, "sentiment", "negative") or row
                for row in analysed(source, records, now)]

    ingest._rows = graded
    try:
        ingest_rate(staff, source, burst, 100)
    finally:
        ingest._rows = analysed
    after = (Warning.objects.count(), Delivery.objects.count(), Notification.objects.count())
    return {"items_per_s_no_rules": round(plain), "items_per_s_rules": round(with_rules),
            "overhead_ms_per_item": round(1000 / with_rules - 1000 / plain, 3),
            "burst_items": 1000, "burst_warnings": after[0] - before[0], "burst_deliveries": after[1] - before[1],
            "burst_notifications": after[2] - before[2], "stored_items": Item.objects.count()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:  # run_child passes no arguments: the sizes come in the environment
        items, batch = map(int, os.environ["BENCH_WARNINGS_ARGS"].split(","))
        print(json.dumps(child(items, batch), ensure_ascii=False))
        return
    with tempfile.TemporaryDirectory() as tmp:  # run_child prints the result as the last line
        run_child(__file__, {"IDEOWORK_VAR_DIR": tmp, "BENCH_WARNINGS_ARGS": f"{args.items},{args.batch}"},
                  drop=("DATABASE_URL", "REDIS_URL"))


if __name__ == "__main__":
    main()
