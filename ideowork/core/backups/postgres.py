"""PostgreSQL: ``pg_dump`` in custom format, restored with ``pg_restore --clean`` in one transaction.

The dump and the manifest's row counts come from one snapshot: a repeatable-read transaction exports
it (``pg_export_snapshot``), counts the rows in it and hands it to ``pg_dump --snapshot``, so the counts
describe exactly the rows in the dump while users go on working.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .errors import BackupError

__all__ = ["FILENAME", "dump", "restore"]

FILENAME = "database.pgdump"
TABLES = ("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")


def _client_args(connection) -> tuple[list[str], dict]:
    settings = connection.settings_dict
    args = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        args += ["--host", str(settings["HOST"])]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", settings["USER"]]
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    if settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = settings["OPTIONS"]["sslmode"]
    return args, env


def _run(command: list[str], env: dict, what: str) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"找不到 {command[0]}，请安装与数据库版本一致的 PostgreSQL 客户端。",
                          f"{command[0]} is not installed") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise BackupError(f"{what}失败：{detail}", f"{command[0]} failed: {detail}")


def _counts(cursor) -> dict[str, int]:
    cursor.execute(TABLES)
    names = [row[0] for row in cursor.fetchall()]
    counts = {}
    for name in names:
        cursor.execute(f'SELECT COUNT(*) FROM "{name}"')
        counts[name] = cursor.fetchone()[0]
    return counts


def dump(connection, directory: Path) -> tuple[str, dict[str, int]]:
    target = directory / FILENAME
    args, env = _client_args(connection)
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = True
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _counts(cursor)
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                  "--file", str(target), *args], env, "数据库导出（pg_dump）")
            cursor.execute("COMMIT")
    finally:
        raw.close()
    return FILENAME, counts


def restore(connection, backup_dir: Path, manifest: dict) -> None:
    """Restore the dump into the configured database in one transaction: on any error nothing changes."""
    dump_file = backup_dir / manifest["database"]["file"]
    args, env = _client_args(connection)
    _run(["pg_restore", "--list", str(dump_file)], env, "读取备份数据库（pg_restore --list）")
    connection.close()
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
          "--exit-on-error", *args, str(dump_file)], env, "数据库恢复（pg_restore）")
    with connection.cursor() as cursor:
        restored = _counts(cursor)
    expected = manifest["database"]["tables"]
    if any(restored.get(table) != rows for table, rows in expected.items()):
        raise BackupError("恢复后的行数与备份清单不符，请检查数据库日志。",
                          "row counts after the restore differ from the manifest")
