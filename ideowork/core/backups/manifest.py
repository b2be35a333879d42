"""The manifest of a backup: what it holds, and the size and SHA-256 of every file in it.

``read_verified_manifest(path)`` is the one check before a restore: the manifest is readable and of
this format, every file it lists is there with its size and checksum, and nothing else is there.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .errors import BackupError

__all__ = ["FORMAT", "MANIFEST", "sha256_file", "file_entries", "write_manifest", "read_verified_manifest"]

FORMAT = "ideowork-backup/1"
MANIFEST = "manifest.json"
CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _files_under(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def file_entries(root: Path) -> dict[str, dict]:
    """``{relative posix path: {"size", "sha256"}}`` of every file under ``root`` but the manifest."""
    return {path.relative_to(root).as_posix(): {"size": path.stat().st_size, "sha256": sha256_file(path)}
            for path in _files_under(root) if path.relative_to(root).as_posix() != MANIFEST}


def write_manifest(root: Path, manifest: dict) -> None:
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True),
                                 encoding="utf-8")


def read_verified_manifest(root: Path | str) -> dict:
    """The manifest of the backup at ``root`` once every file has been checked; ``BackupError`` if not."""
    root = Path(root)
    if not root.is_dir():
        raise BackupError(f"找不到备份目录：{root}", f"no backup directory at {root}")
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError("备份缺少清单文件 manifest.json，无法确认其完整性，已拒绝恢复。",
                          "the backup has no manifest.json; refused") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BackupError("备份的清单文件 manifest.json 已损坏，已拒绝恢复。",
                          "manifest.json is damaged; refused") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not _well_formed(manifest):
        raise BackupError(f"不是本系统可识别的备份（应为 {FORMAT} 格式），已拒绝恢复。",
                          f"not a backup in the {FORMAT} format; refused")
    listed = manifest["files"]
    present = {path.relative_to(root).as_posix() for path in _files_under(root)} - {MANIFEST}
    missing, extra = sorted(set(listed) - present), sorted(present - set(listed))
    if missing:
        raise BackupError(f"备份不完整，缺少 {len(missing)} 个文件（如 {missing[0]}），已拒绝恢复。",
                          f"the backup lacks {len(missing)} file(s), e.g. {missing[0]}; refused")
    if extra:
        raise BackupError(f"备份中有清单未列出的文件（如 {extra[0]}），可能已被改动，已拒绝恢复。",
                          f"the backup holds file(s) its manifest does not list, e.g. {extra[0]}; refused")
    for name, expected in listed.items():
        path = root / name
        if path.stat().st_size != expected.get("size") or sha256_file(path) != expected.get("sha256"):
            raise BackupError(f"备份文件 {name} 的校验值与清单不符，备份已损坏，已拒绝恢复。",
                              f"{name} does not match its SHA-256 in the manifest: the backup is damaged; refused")
    return manifest


def _well_formed(manifest: dict) -> bool:
    database, media, files = manifest.get("database"), manifest.get("media"), manifest.get("files")
    return (isinstance(files, dict) and all(isinstance(entry, dict) for entry in files.values())
            and isinstance(database, dict) and isinstance(database.get("tables"), dict)
            and database.get("file") in files and isinstance(media, dict) and isinstance(manifest.get("created"), str))
