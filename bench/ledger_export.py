"""Ledger export benchmark: 100,000 activities to Excel through the export view.

Builds a fresh database (SQLite in a temporary directory, or the database DATABASE_URL names —
give it a throwaway one), generates a city office and a county bureau with their 2026 plans and
100,000 activities (three participants and one target each, a summary, evidence on every fourth)
with ``bench.generate``, then downloads /ledger/export/ as the head of the city office with the test
client, through middleware, view, query and workbook, writing the streamed response to a file.

Prints one JSON object on its last line:
{"seconds": …, "peak_mb": …, "rows": 100000, "python_peak_mb": …, "baseline_rss_mb": …, …}

- seconds: wall time of the request with the whole response consumed (cpu_seconds: the process's
  CPU time over the same span, which a busy machine does not inflate).
- peak_mb: the peak resident set (VmHWM) of the process that serves the export — a fresh one, as a
  web worker is, started after the data was generated; reset just before the request, so it is the
  interpreter, Django and the export together.
- python_peak_mb: tracemalloc's peak of Python allocations during a second, traced export
  (tracing slows Python down, so this run is not timed).
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.runner import reset_peak_rss, run_child, setup_django, status_mb  # noqa: E402

ACTIVITIES = 100_000


def _download(client, url: str, path: Path) -> int:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    size = 0
    with path.open("wb") as out:
        for chunk in response.streaming_content:
            out.write(chunk)
            size += len(chunk)
    response.close()
    return size


def _data_rows(path: Path) -> int:
    """Rows in the first sheet, less the title and header rows, counted without loading it."""
    count, tail = 0, b""
    with zipfile.ZipFile(path) as book, book.open("xl/worksheets/sheet1.xml") as sheet:
        while chunk := sheet.read(1 << 20):
            data = tail + chunk
            count += data.count(b"<row ")
            tail = data[-4:]
    return count - 2


def _enrich() -> None:
    """Give the generated activities what a real ledger has: summaries and some evidence."""
    from django.db.models import F, Value
    from django.db.models.functions import Concat

    from ideowork.core.models import Attachment
    from ideowork.ledger.models import Activity, Evidence

    Activity.objects.update(
        place="机关三楼会议室", host="基准主任",
        summary=Concat(Value("围绕年度意识形态工作要点，组织集中学习研讨，交流心得体会，部署下一阶段工作。活动编号"),
                       F("id")))
    head = Activity.objects.order_by("pk").first()
    attachment = Attachment.objects.create(file="attachments/bench.png", original_name="现场照片.png", kind="png",
                                           size=1024, sha256="0" * 64, org_unit=head.org_unit)
    ids = Activity.objects.order_by("pk").values_list("pk", flat=True)
    Evidence.objects.bulk_create((Evidence(activity_id=pk, attachment=attachment) for pk in ids[::4]),
                                 batch_size=5000)


def main() -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="ideowork-bench-export-"))
    try:
        return measure(workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def measure(workdir: Path) -> dict:
    """Generate the ledger here, then time the export in a fresh process of its own, as a web worker
    serves it (this process's memory is full of the generation's objects and database pages)."""
    os.environ["IDEOWORK_VAR_DIR"] = str(workdir)
    setup_django()
    from django.core.management import call_command

    from bench.generate import generate_city
    from ideowork.ledger.models import Activity

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    world = generate_city(units=20, users=400, activities=ACTIVITIES)
    _enrich()
    generated = time.perf_counter() - started
    assert Activity.objects.count() == ACTIVITIES
    result = run_child(__file__, {}, drop=(), args=(str(workdir), str(world.head.pk)))
    return {**result, "generate_seconds": round(generated, 1)}

def export(workdir: Path, head_pk: int) -> dict:
    """In a fresh process: download the export as the head, timed, then once more under tracemalloc."""
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from ideowork.core.models import User

    client = Client()
    client.force_login(User.objects.get(pk=head_pk), backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("ledger:export")
    out = workdir / "ledger.xlsx"
    gc.collect()
    baseline = status_mb("VmRSS")
    reset = reset_peak_rss()
    started, cpu_started = time.perf_counter(), time.process_time()
    size = _download(client, url, out)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak_rss = status_mb("VmHWM")
    rows = _data_rows(out)

    gc.collect()
    tracemalloc.start()
    _download(client, url, workdir / "ledger-traced.xlsx")
    python_peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_rss, 1), "rows": rows,
            "cpu_seconds": round(cpu_seconds, 2),
            "python_peak_mb": round(python_peak, 1), "baseline_rss_mb": round(baseline, 1),
            "peak_rss_reset": reset, "file_mb": round(size / 1024 / 1024, 1), "db": connection.vendor}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(export(Path(sys.argv[2]), int(sys.argv[3])), ensure_ascii=False))
    else:
        print(json.dumps(main(), ensure_ascii=False))
