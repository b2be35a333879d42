"""Checking uploaded files by content and size, and storing them as attachments.

The name a browser sends proves nothing: the type is decided from the file's first bytes, and a
file whose content does not match its extension is refused with a message that says so.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError

__all__ = ["KIND_GROUPS", "EVIDENCE_KINDS", "check_upload", "store_attachment", "human_size"]

KIND_GROUPS = {
    "image": {"jpg", "png", "gif", "webp", "bmp"},
    "pdf": {"pdf"},
    "word": {"docx", "doc"},
    "excel": {"xlsx", "xls"},
    "text": {"txt", "tsv"},
    "audio": {"mp3", "m4a", "wav", "ogg"},
    "video": {"mp4", "webm"},
}
EVIDENCE_KINDS = KIND_GROUPS["image"] | KIND_GROUPS["pdf"] | KIND_GROUPS["word"] | KIND_GROUPS["excel"]

# What filetype reports, mapped to the extensions we accept for it.
_DETECTED_TO_EXTENSIONS = {
    "jpg": {"jpg", "jpeg"}, "png": {"png"}, "gif": {"gif"}, "webp": {"webp"}, "bmp": {"bmp"},
    "pdf": {"pdf"}, "docx": {"docx"}, "xlsx": {"xlsx"}, "doc": {"doc"}, "xls": {"xls"}, "txt": {"txt", "tsv"},
    "mp3": {"mp3"}, "m4a": {"m4a"}, "wav": {"wav"}, "ogg": {"ogg"}, "mp4": {"mp4"}, "webm": {"webm"},
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KIND_NAMES = {"jpg": "JPG图片", "png": "PNG图片", "gif": "GIF图片", "webp": "WebP图片", "bmp": "BMP图片",
               "pdf": "PDF", "docx": "Word", "doc": "Word(97-2003)", "xlsx": "Excel", "xls": "Excel(97-2003)",
               "txt": "文本", "tsv": "TSV文本", "mp3": "MP3音频", "m4a": "M4A音频", "wav": "WAV音频", "ogg": "OGG音频",
               "mp4": "MP4视频", "webm": "WebM视频"}


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} 字节"


def _detect(head: bytes, extension: str) -> str | None:
    if head.startswith(_OLE_MAGIC):
        # Legacy Office files share one container format; trust the extension between the two.
        return extension if extension in ("doc", "xls") else "doc"
    guess = filetype.guess(head)
    if guess is not None:
        ext = guess.extension
        if ext == "zip":
            return None
        return "jpg" if ext == "jpeg" else ext
    if b"\x00" not in head:
        for encoding in ("utf-8", "gb18030"):
            try:
                head.decode(encoding)
                return "txt"
            except UnicodeDecodeError as exc:
                # A multi-byte character cut at the end of the sample is still text.
                if exc.start >= len(head) - 4:
                    return "txt"
    return None


def check_upload(uploaded, *, allowed: set[str], max_bytes: int | None = None) -> str:
    """Validate an uploaded file; return its kind (the canonical extension: "txt" for any plain
    text, .tsv included, as "jpg" for .jpeg).

    Raises ``ValidationError`` with a Chinese message naming the file and what is wrong.
    """
    name = PurePath(uploaded.name or "").name
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    extension = PurePath(name).suffix.lower().lstrip(".")
    extension = "jpg" if extension == "jpeg" else extension
    accepted = "、".join(sorted({_KIND_NAMES.get(k, k) for k in allowed}))
    if uploaded.size == 0:
        raise ValidationError(f"文件“{name}”是空文件。")
    if uploaded.size > max_bytes:
        raise ValidationError(
            f"文件“{name}”大小为{human_size(uploaded.size)}，超过上限{human_size(max_bytes)}。"
        )
    if extension not in allowed:
        raise ValidationError(f"文件“{name}”的类型不受支持，允许的类型：{accepted}。")
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    detected = _detect(head, extension)
    if detected is None or extension not in _DETECTED_TO_EXTENSIONS.get(detected, {detected}):
        raise ValidationError(
            f"文件“{name}”的内容与扩展名不符（扩展名为.{extension}，"
            f"内容{'无法识别' if detected is None else '是' + _KIND_NAMES.get(detected, detected)}），请检查后重新上传。"
        )
    return detected


def store_attachment(uploaded, *, kind: str, unit, user):
    """Save an already checked upload as an ``Attachment``."""
    from .models import Attachment

    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return Attachment.objects.create(
        file=uploaded, original_name=PurePath(uploaded.name).name[:255], kind=kind, size=uploaded.size,
        sha256=digest.hexdigest(), org_unit=unit, uploaded_by=user,
    )
