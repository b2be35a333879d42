"""Risk register benchmark: 300 units (the city office and 29 county bureaus with 9 sections each),
20,000 risks carrying 200,000 history rows over eighteen months. Timed through the whole Django stack
with the test client, as the city office's head: the register filtered by level and status (page 2),
the as-of view at a past quarter end (page 5), and the as-of view filtered by the level and status the
risks had then (page 2).

Runs on a fresh SQLite database in a temporary directory, then on a fresh PostgreSQL database
(``BENCH_DATABASES=sqlite`` for SQLite alone). Data is bulk-inserted (the services would take an hour);
its shape is what the services write: one history row in force per risk at any moment. Prints one
JSON object on its last line: {"register_p95_ms": …, "asof_p95_ms": …, "queries": …} (the worse of
the databases), with each database's figures.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.runner import postgres_database, postgres_url, run_child, time_requests  # noqa: E402

COUNTIES, SECTIONS = 29, 9
RISKS = int(os.environ.get("BENCH_RISKS", 20_000))
HISTORY_PER_RISK = 10
REQUESTS = 40
AREAS = ["reform", "staffing", "policy", "online", "positions", "other"]
STATUSES = ["open", "rectifying", "closing", "closed", "accepted"]


def child() -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.utils import timezone

    from ideowork.core.choices import OrgKind, Role
    from ideowork.core.models import OrgUnit, User
    from ideowork.risks import matrix as logic
    from ideowork.risks.models import MatrixSnapshot, Risk, RiskHistory

    call_command("migrate", verbosity=0)
    rng = random.Random(14)
    started = time.perf_counter()
    with transaction.atomic():
        city = OrgUnit.objects.create(name="基准市委编办", kind=OrgKind.ORGAN)
        organs = [city] + [OrgUnit.objects.create(name=f"基准县{i:02d}编办", parent=city, kind=OrgKind.COUNTY)
                           for i in range(COUNTIES)]
        units = list(organs)
        for organ in organs:
            units += [OrgUnit.objects.create(name=f"第{j}科", parent=organ, kind=OrgKind.SECTION)
                      for j in range(1, SECTIONS + 1)]
        head = User.objects.create(username="head", role=Role.HEAD, org_unit=city, display_name="张主任")
        data = logic.default_matrix()
        snapshots = {o.pk: MatrixSnapshot.objects.create(org_unit=o, digest=logic.digest(data), data=data)
                     for o in organs}
        tz = timezone.get_current_timezone()
        start = datetime(2025, 1, 2, 9, 0, tzinfo=tz)
        span = timedelta(days=540)
        risks, history = [], []
        for n in range(RISKS):
            unit = units[n % len(units)]
            likelihood, impact = rng.randint(1, 5), rng.randint(1, 5)
            status = rng.choice(STATUSES)
            risks.append(Risk(org_unit=unit, area=rng.choice(AREAS), title=f"风险隐患{n:05d}：机构改革人员思想波动",
                              source="screening", matrix=snapshots[unit.organ_id], likelihood=likelihood, impact=impact,
                              inherent_level=data["cells"][likelihood - 1][impact - 1], owner=head,
                              measures="谈心谈话，政策解读", deadline=(start + span).date(), status=status,
                              created_by=head))
        Risk.objects.bulk_create(risks, batch_size=2000)
        for risk in risks:
            first = start + timedelta(seconds=rng.randint(0, int(span.total_seconds() * 0.6)))
            moments = sorted(first + timedelta(seconds=rng.randint(0, int(span.total_seconds() * 0.4)))
                             for _ in range(HISTORY_PER_RISK - 1))
            moments = [first, *moments]
            for k, moment in enumerate(moments):
                level = rng.randint(0, 3)
                history.append(RiskHistory(
                    risk_id=risk.pk, org_unit_id=risk.org_unit_id, valid_from=moment,
                    valid_to=moments[k + 1] if k + 1 < len(moments) else None, event="修改" if k else "登记",
                    area=risk.area, title=risk.title, source="screening", likelihood=risk.likelihood,
                    impact=risk.impact, inherent_level=level, level_name=data["levels"][level]["name"],
                    level_colour=data["levels"][level]["colour"], owner_name="张主任", measures=risk.measures,
                    deadline=risk.deadline, status=STATUSES[min(k // 3, 4)], progress=f"第{k}次整改进展"))
            if len(history) >= 20_000:
                RiskHistory.objects.bulk_create(history)
                history = []
        RiskHistory.objects.bulk_create(history)
        with connection.cursor() as cursor:  # bulk_create stamped "now": the risk was registered at its first row
            cursor.execute("UPDATE risks_risk SET created_at = (SELECT MIN(h.valid_from) FROM risks_riskhistory h "
                           "WHERE h.risk_id = risks_risk.id)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    build_s = time.perf_counter() - started

    client = Client()
    client.force_login(head, backend="django.contrib.auth.backends.ModelBackend")
    register_url = "/risks/?level=3&status=rectifying&page=2"
    asof_url = "/risks/as-of/?at=2025-12-31&page=5"
    filtered_url = "/risks/as-of/?at=2025-12-31&level=3&status=active&page=2"
    status_url = "/risks/as-of/?at=2025-12-31&status=active&page=2"   # the status alone
    for url, needle in ((register_url, "风险隐患"), (asof_url, "风险隐患"), (filtered_url, "风险隐患"),
                        (status_url, "风险隐患")):
        for _ in range(3):
            response = client.get(url)
            assert response.status_code == 200, response.status_code
        assert needle in response.content.decode()
    counts = {}
    for name, url in (("register", register_url), ("asof", asof_url), ("asof_filtered", filtered_url),
                      ("asof_status", status_url)):
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
            client.get(url)
        counts[name] = len(queries)
    register = time_requests(client, register_url, REQUESTS)
    asof = time_requests(client, asof_url, REQUESTS)
    filtered = time_requests(client, filtered_url, REQUESTS)
    by_status = time_requests(client, status_url, REQUESTS)
    return {"register_p95_ms": register["p95"], "asof_p95_ms": asof["p95"],
            "asof_filtered_p95_ms": filtered["p95"], "asof_status_p95_ms": by_status["p95"], "queries": counts,
            "register": register, "asof": asof, "asof_filtered": filtered, "asof_status": by_status, "units": len(units), "risks": Risk.objects.count(),
            "history": RiskHistory.objects.count(), "database": connection.vendor, "build_s": round(build_s, 1),
            "requests": REQUESTS}


def main() -> None:
    results = {}
    databases = os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",")
    if "sqlite" in databases:
        with tempfile.TemporaryDirectory() as tmp:
            results["sqlite"] = run_child(__file__, {"IDEOWORK_VAR_DIR": tmp})
    if "postgres" in databases:
        with postgres_database(postgres_url("ideowork_bench_risks")) as url, tempfile.TemporaryDirectory() as tmp:
            results["postgres"] = run_child(__file__, {"IDEOWORK_VAR_DIR": tmp, "DATABASE_URL": url}, drop=())
    print(json.dumps({
        "register_p95_ms": max(r["register_p95_ms"] for r in results.values()),
        "asof_p95_ms": max(r["asof_p95_ms"] for r in results.values()),
        "queries": max(max(r["queries"].values()) for r in results.values()),
        "asof_filtered_p95_ms": max(r["asof_filtered_p95_ms"] for r in results.values()),
        "asof_status_p95_ms": max(r["asof_status_p95_ms"] for r in results.values()),
        **{db: {k: r[k] for k in ("register_p95_ms", "asof_p95_ms", "asof_filtered_p95_ms", "asof_status_p95_ms",
                                  "queries")}
           for db, r in results.items()},
    }, ensure_ascii=False))


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(child(), ensure_ascii=False))
    else:
        main()
