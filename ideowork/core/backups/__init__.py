"""Backups: a consistent snapshot of the database and the uploaded files, checked before restoring.

A backup is a directory ``ideowork-backup-<time>`` holding the database (SQLite through the online
backup API, PostgreSQL through ``pg_dump`` in custom format), the files of ``MEDIA_ROOT`` under
``media/``, and ``manifest.json``: what was backed up (versions, time, database kind, rows per table,
applied migrations) and the size and SHA-256 of every file. A restore checks all of it first and
changes nothing when anything is wrong (``BackupError``, a Chinese message with its English).

``ideowork backup`` and ``ideowork restore PATH`` are the commands; ``core.tasks.daily_backup`` runs
one a day on the task queue and keeps the newest ``BACKUP_KEEP``.
"""

from .archive import create_backup, prune_backups, restore_backup
from .errors import BackupError
from .fingerprint import database_fingerprint
from .manifest import read_verified_manifest

__all__ = ["create_backup", "restore_backup", "prune_backups", "read_verified_manifest", "BackupError",
           "database_fingerprint"]
