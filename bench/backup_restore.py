"""Backup and restore benchmark: the demo plus 100,000 generated activities, backed up with
``ideowork.core.backups.create_backup``, the database emptied and the uploaded files deleted, then
restored with ``restore_backup``; the restored rows (a digest of every table) and files must be
identical to those backed up.

Each database runs in a child process on a fresh database (SQLite in a temporary directory;
PostgreSQL in a database made and dropped for the run, see ``bench/runner.py: postgres_url``).
BENCH_DATABASES=sqlite or postgres runs one.

Prints one JSON object on its last line:
{"backup_s_sqlite": …, "restore_s_sqlite": …, "identical_sqlite": true, …, "rows": …, "activities": …}
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.runner import child_or_main, run_databases, setup_django  # noqa: E402

ACTIVITIES = 100_000
PHOTOS = 300  # extra uploaded files of 64 KiB (incompressible) beside the demo's evidence


def _media_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _photos(activities) -> None:
    from django.conf import settings

    from ideowork.core.models import Attachment
    from ideowork.ledger.models import Evidence

    folder = Path(settings.MEDIA_ROOT) / "attachments" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for n, activity in enumerate(activities[:PHOTOS]):
        data = os.urandom(64 * 1024)
        (folder / f"photo{n:04d}.jpg").write_bytes(data)
        attachment = Attachment.objects.create(file=f"attachments/bench/photo{n:04d}.jpg", original_name=f"现场{n}.jpg",
                                               kind="jpg", size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                                               org_unit=activity.org_unit)
        Evidence.objects.create(activity=activity, attachment=attachment)


def child() -> dict:
    setup_django()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from bench.generate import generate_city
    from ideowork.core.backups import create_backup, database_fingerprint, restore_backup
    from ideowork.demo.builders import build_demo
    from ideowork.ledger.models import Activity

    call_command("migrate", verbosity=0)
    cache.clear()
    started = time.perf_counter()
    build_demo(timezone.localdate(), log=lambda message: None)
    world = generate_city(units=20, users=400, activities=ACTIVITIES)
    _photos(list(Activity.objects.filter(org_unit__organ=world.city).order_by("pk")[:PHOTOS]))
    generated = time.perf_counter() - started

    media = Path(settings.MEDIA_ROOT)
    before, files_before = database_fingerprint(), _media_digest(media)
    started = time.perf_counter()
    path = create_backup(Path(settings.VAR_DIR) / "bench-backups")
    backup_s = time.perf_counter() - started
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())

    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    assert Activity.objects.count() == 0

    started = time.perf_counter()
    restore_backup(path)
    restore_s = time.perf_counter() - started
    after, files_after = database_fingerprint(), _media_digest(media)
    return {"vendor": connection.vendor, "backup_s": round(backup_s, 1), "restore_s": round(restore_s, 1),
            "identical": before == after and files_before == files_after,
            "rows": sum(rows for rows, _ in before.values()), "tables": len(before),
            "activities": before["ledger_activity"][0], "media_files": sum(1 for p in media.rglob("*") if p.is_file()),
            "backup_mb": round(size / 1024 / 1024, 1), "generate_s": round(generated, 1)}


def main() -> None:
    results = run_databases(__file__, "ideowork_bench_backup")
    summary = {}
    for db, result in results.items():
        for key in ("backup_s", "restore_s", "identical", "backup_mb"):
            summary[f"{key}_{db}"] = result[key]
    any_result = next(iter(results.values()))
    summary.update({key: any_result[key] for key in ("rows", "tables", "activities", "media_files")})
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    child_or_main(child, main)
