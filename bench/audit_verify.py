"""Audit chain benchmark: verify 1,000,000 chained audit events with ``ideowork verify_audit``.

Each database runs in a child process with a fresh database (SQLite in a temporary directory;
PostgreSQL made and dropped on ``BENCH_POSTGRES_URL``, else on ``DATABASE_URL``'s server as
``<name>_bench``). The events are bulk-loaded (executemany on SQLite, COPY on PostgreSQL) after the
ones migrating wrote, each chained with the application's own ``link_mac`` — a realistic mix of
changes with old and new values, logins and reads, 400 actors, addresses in 10.0.0.0/16. Then
``call_command("verify_audit")`` verifies the whole chain (what the daily task runs).

Prints one JSON object on its last line:
{"sqlite": {"events": …, "verify_s": …, "verify_cpu_s": …, "load_s": …, "algorithm": …}, "postgres": {…}}

``BENCH_AUDIT_EVENTS`` changes the number of events, ``BENCH_DATABASES=sqlite|postgres`` runs one.
"""

from __future__ import annotations

import io
import json
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone as dt_timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bulk import bulk_insert  # noqa: E402
from bench.runner import child_or_main, run_databases, setup_django  # noqa: E402

EVENTS = int(os.environ.get("BENCH_AUDIT_EVENTS", 1_000_000))
BATCH = 20_000
TYPES = [("ledger.activity.update", "ledger.activity"), ("ledger.activity.create", "ledger.activity"),
         ("plans.item.assign", "plans.planitem"), ("core.auth.login", "core.user"),
         ("ledger.activity.export", ""), ("learning.exam.close", "learning.exam"),
         ("outlets.content.publish", "outlets.contentitem"), ("core.review.approve", "outlets.contentitem")]


def child() -> dict:
    setup_django()
    from django.core.management import call_command
    from django.db import connection, transaction

    from ideowork.core.audit_chain import CHAIN_FIELDS, audit_key, default_algorithm, link_mac
    from ideowork.core.models import AuditChainHead, AuditEvent

    call_command("migrate", verbosity=0)
    algorithm, key = default_algorithm(), audit_key()
    rng = random.Random(7)
    started = time.perf_counter()
    table = AuditEvent._meta.db_table
    columns = [*CHAIN_FIELDS, "mac", "mac_alg"]
    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().get(pk=1)
        seq, prev = head.last_seq, head.last_mac
        moment = datetime(2026, 1, 1, tzinfo=dt_timezone.utc)
        batch: list[tuple] = []

        def flush():
            bulk_insert(connection, table, columns, batch)
            batch.clear()

        for n in range(EVENTS):
            seq += 1
            moment += timedelta(microseconds=rng.randrange(1, 30_000_000))
            event_type, subject_type = TYPES[n % len(TYPES)]
            actor = rng.randrange(1, 401)
            old = {"title": f"集中学习研讨第{n % 97}次", "date": "2026-03-10", "participants": n % 40} \
                if event_type.endswith("update") else None
            new = {"title": f"集中学习研讨第{n % 101}次", "date": "2026-03-11", "participants": n % 41,
                   "summary": "围绕年度意识形态工作要点组织集中学习"} if subject_type else {"query": {"kind": "study"}}
            values = [seq, moment, actor, f"user{actor:04d}", event_type, subject_type,
                      str(rng.randrange(1, 200_000)) if subject_type else "",
                      f"记录{n}" if subject_type else "工作台账", rng.randrange(1, 300), old, new,
                      f"10.0.{rng.randrange(256)}.{rng.randrange(1, 255)}"]
            mac = link_mac(key, algorithm, values, prev)
            prev = mac
            stored = list(values)
            if connection.vendor == "postgresql":
                stored[9] = json.dumps(old, ensure_ascii=False) if old is not None else None
                stored[10] = json.dumps(new, ensure_ascii=False)
            else:
                stored[1] = moment.strftime("%Y-%m-%d %H:%M:%S.%f")
                stored[9] = json.dumps(old) if old is not None else None
                stored[10] = json.dumps(new)
            batch.append((*stored, mac, algorithm))
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
        AuditChainHead.objects.filter(pk=1).update(last_seq=seq, last_mac=prev)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {table}")
    load_s = time.perf_counter() - started
    events = AuditEvent.objects.count()

    out = io.StringIO()
    t0, c0 = time.perf_counter(), time.process_time()
    call_command("verify_audit", stdout=out)
    verify_s, verify_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    assert out.getvalue().startswith("审计链完整"), out.getvalue()
    return {"vendor": connection.vendor, "events": events, "verify_s": round(verify_s, 1),
            "verify_cpu_s": round(verify_cpu_s, 1), "per_event_us": round(verify_s / events * 1e6, 1),
            "load_s": round(load_s, 1), "algorithm": algorithm, "result": out.getvalue().strip()}


def main() -> None:
    print(json.dumps(run_databases(__file__, "ideowork_bench_audit"), ensure_ascii=False))


if __name__ == "__main__":
    child_or_main(child, main)
