"""The uploaded files (``MEDIA_ROOT``): copied into a backup, and put back in two steps.

Restoring first stages every file that differs beside its destination (the slow part, which may
fail on a full disk and then changes nothing), and only after the database has been restored
moves the staged files into place and deletes the files the backup does not have. ``MEDIA_ROOT``
itself is never replaced, so it may be a mount point (NFS shared by several web machines).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .manifest import sha256_file

__all__ = ["PREFIX", "copy_media", "MediaRestore"]

PREFIX = "media/"
STAGED = ".restoring-"


def _files(root: Path):
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink() and not path.name.startswith(STAGED):
                yield path


def copy_media(media_root: Path, target: Path) -> dict:
    files = size = 0
    for path in _files(media_root):
        destination = target / path.relative_to(media_root)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
        files += 1
        size += path.stat().st_size
    return {"files": files, "bytes": size}


@dataclass
class MediaRestore:
    """Bring ``media_root`` to the backup's files: ``stage()``, then ``commit()`` or ``discard()``."""

    backup_dir: Path
    media_root: Path
    listed: dict  # the manifest's entries under media/
    staged: list = field(default_factory=list)  # (staged file, destination)

    def stage(self) -> None:
        try:
            for name, entry in self.listed.items():
                destination = self.media_root / name[len(PREFIX):]
                if destination.is_file() and destination.stat().st_size == entry["size"] \
                        and sha256_file(destination) == entry["sha256"]:
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                staged = destination.with_name(STAGED + destination.name)
                shutil.copyfile(self.backup_dir / name, staged)
                self.staged.append((staged, destination))
        except BaseException:
            self.discard()
            raise

    def commit(self) -> dict:
        for staged, destination in self.staged:
            os.replace(staged, destination)
        wanted = {self.media_root / name[len(PREFIX):] for name in self.listed}
        removed = 0
        for path in list(_files(self.media_root)):
            if path not in wanted:
                path.unlink()
                removed += 1
        for directory in sorted((p for p in self.media_root.rglob("*") if p.is_dir()), reverse=True):
            if not any(directory.iterdir()):
                directory.rmdir()
        return {"written": len(self.staged), "removed": removed}

    def discard(self) -> None:
        for staged, _ in self.staged:
            staged.unlink(missing_ok=True)
        self.staged.clear()
