"""Backup and restore: a round trip gives back the same rows and files; a damaged backup is refused
and changes nothing; the daily task keeps the newest backups. Runs on the suite's database (SQLite,
or PostgreSQL with DATABASE_URL: the test database is dumped with pg_dump and restored into)."""

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ideowork.core.backups import create_backup, database_fingerprint, prune_backups
from ideowork.core.audit_verify import verify_chain
from ideowork.core.backups.archive import list_backups
from ideowork.core.models import Attachment, AuditEvent
from ideowork.ledger.actions import do_record_activity
from ideowork.plans.models import Target
from tests.factories import build_org, make_plan
from tests.ledger.files import photo, png_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def media_files(settings) -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def records():
    """Real records: an organisation, a plan, and activities with uploaded evidence (and their audit rows)."""
    org = build_org()
    plan = make_plan(org.city, creator=org.staff)
    item = plan.items.get(number=1)
    target = Target.objects.filter(item=item).first()
    for n in range(3):
        do_record_activity(org.staff, org_unit=org.office, kind="study", title=f"集中学习{n}", date=date(2026, 3, 3 + n),
                           participants=[org.cadre], targets=[target], item=item,
                           evidence_files=[photo(f"photo{n}.png")])
    return org


AUDIT_TABLES = {"core_auditevent", "core_auditchainhead"}


def restored_as(before: dict) -> bool:
    """The database is ``before`` again, plus the one audit event the restore appended to the chain."""
    after = database_fingerprint()
    if {t: v for t, v in after.items() if t not in AUDIT_TABLES} != {t: v for t, v in before.items() if t not in AUDIT_TABLES}:
        return False
    last = AuditEvent.objects.order_by("-seq").first()
    return (after["core_auditevent"][0] == before["core_auditevent"][0] + 1 and last.event_type == "core.backup.restore"
            and verify_chain().ok)


def wipe(settings):
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)


def test_a_backup_restores_the_same_rows_and_files(records, settings, tmp_path):
    before, files = database_fingerprint(), media_files(settings)
    assert Attachment.objects.count() == 3 and len(files) == 3
    assert verify_chain().ok
    path = create_backup(tmp_path / "backups")

    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["database"]["vendor"] in ("sqlite", "postgresql")
    assert manifest["database"]["tables"]["ledger_activity"] == 3
    assert manifest["database"]["tables"] == {table: rows for table, (rows, _) in before.items()}
    assert manifest["media"] == {"files": 3, "bytes": sum(map(len, files.values()))}
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())
    assert {name for name in manifest["files"] if name.startswith("media/")} == {f"media/{n}" for n in files}

    wipe(settings)
    assert database_fingerprint() != before
    call_command("restore", str(path), interactive=False, verbosity=0)
    assert restored_as(before)
    assert media_files(settings) == files
    report = verify_chain()  # the audit trail's HMAC chain verifies after the restore
    assert report.ok and report.checked >= 3


def test_restore_replaces_what_changed_after_the_backup(records, settings, tmp_path):
    before, files = database_fingerprint(), media_files(settings)
    path = create_backup(tmp_path)
    org = records
    do_record_activity(org.staff, org_unit=org.office, kind="study", title="备份之后", date=date(2026, 4, 1),
                       evidence_files=[photo("later.png")])
    first = Path(settings.MEDIA_ROOT) / next(iter(files))
    first.write_bytes(png_bytes(rgb=(0, 0, 0)))  # an uploaded file changed on disk
    call_command("restore", str(path), interactive=False, verbosity=0)
    assert restored_as(before)
    assert media_files(settings) == files


@pytest.mark.parametrize("damage", ["database", "media", "manifest", "manifest_fields", "missing", "extra"])
def test_a_damaged_backup_is_refused_and_changes_nothing(records, settings, tmp_path, damage):
    path = create_backup(tmp_path)
    org = records
    do_record_activity(org.staff, org_unit=org.office, kind="study", title="备份之后", date=date(2026, 4, 1),
                       evidence_files=[photo("later.png")])
    before, files = database_fingerprint(), media_files(settings)
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    database = path / manifest["database"]["file"]
    media = sorted((path / "media").rglob("*.png"))[0]
    if damage == "database":
        data = bytearray(database.read_bytes())
        data[len(data) // 2] ^= 0xFF
        database.write_bytes(bytes(data))
    elif damage == "media":
        media.write_bytes(media.read_bytes()[:-10])
    elif damage == "manifest":
        (path / "manifest.json").write_text("{\"format\": ", encoding="utf-8")
    elif damage == "manifest_fields":
        del manifest["database"]
        (path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    elif damage == "missing":
        media.unlink()
    else:
        (path / "media" / "planted.txt").write_text("x")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), interactive=False, verbosity=0)
    message = str(refused.value)
    assert "拒绝恢复" in message and "refused" in message
    assert database_fingerprint() == before
    assert media_files(settings) == files


def test_a_backup_of_another_database_kind_is_refused(records, settings, tmp_path):
    path = create_backup(tmp_path)
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    manifest["database"]["vendor"] = "postgresql" if manifest["database"]["vendor"] == "sqlite" else "sqlite"
    (path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    before = database_fingerprint()
    with pytest.raises(CommandError, match="不能恢复到不同类型的数据库"):
        call_command("restore", str(path), interactive=False, verbosity=0)
    assert database_fingerprint() == before


def test_backups_are_private_and_never_inside_the_uploaded_files(records, settings, tmp_path):
    from ideowork.core.backups import BackupError

    assert create_backup(tmp_path).stat().st_mode & 0o077 == 0
    with pytest.raises(BackupError, match="MEDIA_ROOT"):
        create_backup(Path(settings.MEDIA_ROOT) / "backups")


def test_the_backup_command_and_check_only(records, settings, tmp_path, capsys):
    call_command("backup", "--dir", str(tmp_path))
    [path] = list_backups(tmp_path)
    assert "备份完成" in capsys.readouterr().out
    event = AuditEvent.objects.order_by("-seq").first()
    assert event.event_type == "core.backup.create" and event.new["path"] == str(path) and event.new["rows"] > 0
    call_command("restore", str(path), "--check")
    assert "备份校验通过" in capsys.readouterr().out


def test_the_daily_backup_keeps_the_newest(settings, tmp_path):
    from ideowork.core.tasks import daily_backup

    build_org()
    settings.BACKUP_DIR, settings.BACKUP_KEEP = tmp_path, 2
    made = [Path(daily_backup.call_local()) for _ in range(3)]
    assert list_backups(tmp_path) == made[1:]
    settings.BACKUP_DAILY = False
    assert daily_backup.call_local() is None
    assert prune_backups(tmp_path, 1) == made[1:2]


def test_restore_asks_first_and_a_no_changes_nothing(records, settings, tmp_path, monkeypatch):
    path = create_backup(tmp_path)
    call_command("flush", interactive=False, verbosity=0)
    before = database_fingerprint()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="已取消"):
        call_command("restore", str(path))
    assert database_fingerprint() == before
