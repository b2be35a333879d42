"""What kind of file a byte string is, decided from its content: the one type detection for uploads and
documents alike (a file's name proves nothing; it is only a hint between formats that share a container).
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import PurePath

import filetype

from .text import bomless_utf16


__all__ = ["detect_kind", "extension_of", "kind_of_extension", "KIND_LABELS", "ZIP_KINDS", "IMAGE_KINDS"]

KIND_LABELS = {"jpg": "JPG图片", "png": "PNG图片", "gif": "GIF图片", "webp": "WebP图片", "bmp": "BMP图片",
               "pdf": "PDF", "docx": "Word", "doc": "Word(97-2003)", "xlsx": "Excel", "xls": "Excel(97-2003)",
               "pptx": "PowerPoint", "zip": "ZIP压缩包", "txt": "文本", "tsv": "TSV文本", "mp3": "MP3音频",
               "m4a": "M4A音频", "wav": "WAV音频", "ogg": "OGG音频", "mp4": "MP4视频", "webm": "WebM视频",
               "exe": "可执行程序", "rtf": "RTF文档"}
ZIP_KINDS = {"docx", "xlsx", "pptx", "zip"}
IMAGE_KINDS = {"jpg", "png", "gif", "webp", "bmp"}
# Extensions whose kind has another canonical name (the rest name their kind themselves).
_EXTENSION_KINDS = {"jpeg": "jpg", "tsv": "txt", "text": "txt", "docm": "docx", "dotx": "docx", "dot": "doc",
                    "wps": "doc", "et": "xls", "xlsm": "xlsx"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD = 8192


def extension_of(name: str) -> str:
    """The lower-case extension of a file name, without the dot ("" when it has none)."""
    return PurePath(name or "").suffix.lower().lstrip(".")


def kind_of_extension(extension: str) -> str | None:
    """The kind a name's extension claims ("txt" for .tsv, "doc" for .wps); None when it names no kind
    we know (no extension, .md, .csv …): then the content alone decides."""
    kind = _EXTENSION_KINDS.get(extension, extension)
    return kind if kind in KIND_LABELS else None


def detect_kind(source, *, hint: str | None = None) -> str | None:
    """The kind of ``source`` (bytes, or a seekable binary file left at position 0) from its content.

    Returns a canonical kind ("txt", "docx", "pdf", "xlsx", "doc", "jpg", "zip" …) or None when the
    content is not recognised. ``hint`` (the kind the name claims) only chooses between legacy Office
    formats, which share one container.
    """
    head = _head(source)
    if head.startswith(_OLE_MAGIC):
        return hint if hint in ("doc", "xls") else "doc"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(source)
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and not _is_clean_text(head)):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _is_clean_text(head):  # before the weaker two-byte signatures ("BM", "MZ") a text may start with
        return "txt"
    guess = filetype.guess(head)
    if guess is not None:
        return "jpg" if guess.extension == "jpeg" else guess.extension
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" not in head or bomless_utf16(head):
        return "txt"  # text in some encoding, or damaged text: the decoder says which
    return None


def _head(source) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source[:_HEAD])
    source.seek(0)
    head = source.read(_HEAD)
    source.seek(0)
    return head


def _is_clean_text(head: bytes) -> bool:
    """Valid UTF-8 with no control characters but line ends and tabs: no binary format looks like that."""
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if len(head) < _HEAD or exc.start < len(head) - 3:
            return False
        text = head[:exc.start].decode("utf-8", errors="replace")  # a character cut at the end of the sample
    return not any(ord(ch) < 32 and ch not in "\t\n\r\x0c" for ch in text)


def _zip_kind(source) -> str | None:
    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray, memoryview)) else source
    try:
        with zipfile.ZipFile(stream) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return None
    finally:
        if stream is source:
            source.seek(0)
    if "[Content_Types].xml" in names:
        for folder, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
            if any(name.startswith(folder) for name in names):
                return kind
    return "zip"

