"""Making, restoring and pruning backups (see the package's docstring for what a backup holds)."""

from __future__ import annotations

import logging
import platform
import shutil
import time
from importlib import metadata
from pathlib import Path

import django
from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from ..caching import forget_cached_figures
from . import postgres, sqlite
from .errors import BackupError
from .manifest import FORMAT, file_entries, read_verified_manifest, write_manifest
from .media import PREFIX, MediaRestore, copy_media

__all__ = ["NAME_PREFIX", "create_backup", "restore_backup", "prune_backups", "list_backups"]

log = logging.getLogger(__name__)
NAME_PREFIX = "ideowork-backup-"
PARTIAL = ".partial-"
ENGINES = {"sqlite": sqlite, "postgresql": postgres}
LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def _engine(connection):
    if connection.vendor not in ENGINES:
        raise BackupError(f"不支持备份 {connection.vendor} 数据库。", f"{connection.vendor} databases are not supported")
    return ENGINES[connection.vendor]


def _version() -> str:
    try:
        return metadata.version("ideowork")
    except metadata.PackageNotFoundError:
        return "unknown"


def create_backup(directory: Path | str | None = None, *, using: str = "default") -> Path:
    """Write a backup into ``directory`` (``BACKUP_DIR`` by default) and return its path.

    It is written under a hidden name and renamed when complete, so a backup that is listed is whole."""
    directory = Path(directory or settings.BACKUP_DIR)
    if directory.resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
        raise BackupError("备份目录不能位于上传文件目录（MEDIA_ROOT）之内。", "the backup directory may not be inside MEDIA_ROOT")
    directory.mkdir(parents=True, exist_ok=True)
    connection = connections[using]
    engine = _engine(connection)
    started = timezone.localtime()
    name = NAME_PREFIX + started.strftime("%Y%m%d-%H%M%S")
    suffix = 1
    while (directory / name).exists():
        suffix += 1
        name = f"{NAME_PREFIX}{started:%Y%m%d-%H%M%S}-{suffix}"
    work = directory / (PARTIAL + name)
    work.mkdir(mode=0o700)  # a backup holds every record and password hash: for its owner only
    try:
        applied = MigrationRecorder(connection).applied_migrations()
        migrations = sorted(f"{app}.{migration}" for app, migration in applied)
        database_file, tables = engine.dump(connection, work)
        media = copy_media(Path(settings.MEDIA_ROOT), work / PREFIX)
        manifest = {
            "format": FORMAT,
            "created": started.isoformat(timespec="seconds"),
            "versions": {"ideowork": _version(), "django": django.get_version(), "python": platform.python_version(),
                         "database": _server_version(connection)},
            "database": {"vendor": connection.vendor, "file": database_file, "tables": tables,
                         "rows": sum(tables.values())},
            "migrations": migrations,
            "media": media,
            "files": file_entries(work),
        }
        write_manifest(work, manifest)
        work.rename(directory / name)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    log.info("backup written to %s", directory / name)
    return directory / name


def _server_version(connection) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        return cursor.fetchone()[0]


def restore_backup(path: Path | str, *, using: str = "default") -> dict:
    """Replace the database and the uploaded files with the backup's; returns its manifest.

    Everything is checked before anything changes: the manifest and every checksum, the database
    kind, that this version of ideowork knows every migration the backup's database has. The files
    are staged, the database restored in one transaction, then the staged files are moved into place.
    Run it with the web and queue services stopped."""
    path = Path(path)
    manifest = read_verified_manifest(path)
    connection = connections[using]
    engine = _engine(connection)
    vendor = manifest["database"].get("vendor")
    if vendor != connection.vendor:
        raise BackupError(
            f"这是 {LABELS.get(vendor, vendor)} 数据库的备份，当前配置的是 {LABELS[connection.vendor]}，不能恢复到不同类型的数据库。",
            f"a {vendor} backup cannot be restored into a {connection.vendor} database")
    known = {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    unknown = sorted(set(manifest.get("migrations", [])) - known)
    if unknown:
        raise BackupError(f"备份来自较新版本的系统（含本版本没有的数据库迁移 {unknown[0]}），请先升级系统再恢复。",
                          f"the backup comes from a newer version (unknown migration {unknown[0]}); upgrade first")
    media = MediaRestore(path, Path(settings.MEDIA_ROOT),
                         {name: entry for name, entry in manifest["files"].items() if name.startswith(PREFIX)})
    media.stage()
    try:
        engine.restore(connection, path, manifest)
    except BaseException:
        media.discard()
        raise
    media.commit()
    # The restored data may carry version numbers that figures computed from other data were
    # cached under: the only time cached figures are thrown away rather than outlived.
    forget_cached_figures()
    log.warning("database and uploaded files restored from %s", path)
    return manifest


def list_backups(directory: Path | str) -> list[Path]:
    """The complete backups in ``directory``, oldest first."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.is_dir() and p.name.startswith(NAME_PREFIX)
                  and (p / "manifest.json").is_file())


def prune_backups(directory: Path | str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups (and half-written ones older than a day)."""
    directory = Path(directory)
    backups = list_backups(directory)
    doomed = backups[:-keep] if keep > 0 else []
    if directory.is_dir():
        day_ago = time.time() - 24 * 3600
        doomed += [p for p in directory.iterdir() if p.name.startswith(PARTIAL) and p.stat().st_mtime < day_ago]
    for path in doomed:
        shutil.rmtree(path)
    return doomed
