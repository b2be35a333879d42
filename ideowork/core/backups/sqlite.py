"""SQLite: snapshots through the online backup API, restored through it too.

The backup API copies the database page by page as one consistent state while other connections
go on reading and writing (WAL), and copying back into the live connection replaces its contents in
one transaction: readers see the old database or the restored one, never a mixture, and the WAL
and shared-memory files stay consistent, as they would not if the file were swapped underneath.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import BackupError

__all__ = ["FILENAME", "dump", "restore", "table_counts"]

FILENAME = "database.sqlite3"


def _live(connection) -> sqlite3.Connection:
    connection.ensure_connection()
    return connection.connection


def table_counts(db: sqlite3.Connection) -> dict[str, int]:
    names = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")]
    return {name: db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def dump(connection, directory: Path) -> tuple[str, dict[str, int]]:
    """Snapshot the database into ``directory``; returns the file's name and the snapshot's rows per table."""
    target = directory / FILENAME
    snapshot = sqlite3.connect(target)
    try:
        _live(connection).backup(snapshot)
        # A self-contained file: no -wal beside it when it is copied elsewhere.
        snapshot.execute("PRAGMA journal_mode=DELETE")
        _check_integrity(snapshot, FILENAME)
        counts = table_counts(snapshot)
    finally:
        snapshot.close()
    return FILENAME, counts


def restore(connection, backup_dir: Path, manifest: dict) -> None:
    """Replace the live database with the backup's. The backup is checked (integrity, rows per table)
    before anything is copied, so a bad one leaves the live database untouched."""
    name = manifest["database"]["file"]
    source = sqlite3.connect(f"{(backup_dir / name).resolve().as_uri()}?mode=ro", uri=True)
    try:
        _check_integrity(source, name)
        if table_counts(source) != manifest["database"]["tables"]:
            raise BackupError("备份数据库的表和行数与清单不符，已拒绝恢复。",
                              "the backup database's tables and row counts differ from the manifest; refused")
        live = _live(connection)
        if live.in_transaction:
            raise BackupError("当前数据库连接有未完成的事务，无法恢复。", "the database connection is in a transaction")
        source.backup(live)
    finally:
        source.close()


def _check_integrity(db: sqlite3.Connection, name: str) -> None:
    result = db.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"数据库文件 {name} 未通过完整性检查：{result}", f"{name} fails SQLite's integrity check: {result}")
