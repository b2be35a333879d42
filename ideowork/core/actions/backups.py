"""Backing up and restoring, as audited operations: the commands and the nightly task call these."""

import getpass
from pathlib import Path

from ..audit import record
from ..backups import create_backup, prune_backups, read_verified_manifest, restore_backup

__all__ = ["do_back_up", "do_restore"]


def _operator() -> str:
    """Who ran a command: the operating-system account (commands have no signed-in user)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def do_back_up(directory: Path | str | None = None, *, keep: int | None = None, actor=None) -> tuple[Path, list[Path]]:
    """Write a backup (and, with ``keep``, remove all but the newest ``keep``); record both. ``actor``
    is the system actor for the nightly task, None for the command (the operator is recorded)."""
    path = create_backup(directory)
    pruned = prune_backups(path.parent, keep) if keep else []
    manifest = read_verified_manifest(path)
    record("core.backup.create", None, actor=actor, subject_repr="数据库和上传文件备份",
           new={"operator": _operator(), "path": str(path), "rows": manifest["database"]["rows"], "files": manifest["media"]["files"],
                "removed": [p.name for p in pruned]})
    return path, pruned


def do_restore(path: Path | str) -> dict:
    """Restore a verified backup, then record it in the restored audit trail (whose chain continues).
    Only the command restores (the services are stopped): no signed-in actor, the operator is recorded."""
    manifest = read_verified_manifest(path)
    restore_backup(path)
    record("core.backup.restore", None, actor=None, subject_repr="数据库和上传文件恢复",
           new={"operator": _operator(), "path": str(path), "created": manifest["created"], "rows": manifest["database"]["rows"]})
    return manifest
