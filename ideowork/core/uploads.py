"""Checking uploaded files by content and size, and storing them as attachments.

The name a browser sends proves nothing: the type is decided from the file's content (the one
detection, ``core.documents.detect_kind``), and a file whose content does not match its extension is
refused with a message that says so. Then the content is held to the document limits of the settings
(``document_limits``: what a zip-based file expands to, a PDF's pages, an image's pixels, a text's
length) before anything reads it. ``read_upload`` checks an upload and reads it as a document.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError

from .documents import (KIND_LABELS, Document, DocumentError, Limits, check_content, detect_kind, extension_of,
                        read_document)

__all__ = ["KIND_GROUPS", "EVIDENCE_KINDS", "check_upload", "read_upload", "store_attachment", "human_size",
           "document_limits", "refusal", "check_pasted_text"]

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

# The kinds ``detect_kind`` reports, mapped to the extensions we accept for them.
_DETECTED_TO_EXTENSIONS = {
    "jpg": {"jpg", "jpeg"}, "png": {"png"}, "gif": {"gif"}, "webp": {"webp"}, "bmp": {"bmp"},
    "pdf": {"pdf"}, "docx": {"docx"}, "xlsx": {"xlsx"}, "doc": {"doc"}, "xls": {"xls"}, "txt": {"txt", "tsv", "csv", "jsonl"},
    "mp3": {"mp3"}, "m4a": {"m4a"}, "wav": {"wav"}, "ogg": {"ogg"}, "mp4": {"mp4"}, "webm": {"webm"},
}


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} 字节"


def document_limits() -> Limits:
    """The limits of the settings (read on every call, so that a changed setting applies at once)."""
    return Limits(max_expanded_bytes=settings.DOCUMENT_MAX_EXPANDED_BYTES, max_members=settings.DOCUMENT_MAX_MEMBERS,
                  max_ratio=settings.DOCUMENT_MAX_RATIO, max_pdf_pages=settings.DOCUMENT_MAX_PDF_PAGES,
                  max_image_pixels=settings.DOCUMENT_MAX_IMAGE_PIXELS, max_chars=settings.DOCUMENT_MAX_CHARS)


def refusal(name: str, exc: DocumentError) -> ValidationError:
    """A document reader's refusal as the form error of the upload ``name``."""
    return ValidationError(f"文件“{name}”无法读取：{exc.message}", code=exc.code)


def check_pasted_text(text: str) -> None:
    """Refuse pasted text longer than a document may be (``DOCUMENT_MAX_CHARS``), in Chinese."""
    limit = settings.DOCUMENT_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(f"粘贴的文字过长（共{len(text)}字，上限{limit}字）：请拆分后提交。", code="too_large")


def check_upload(uploaded, *, allowed: set[str], max_bytes: int | None = None) -> str:
    """Validate an uploaded file; return its kind (the canonical extension: "txt" for any plain
    text, .tsv included, as "jpg" for .jpeg).

    Raises ``ValidationError`` with a Chinese message naming the file and what is wrong: its type, its
    size, or what it would expand to (``document_limits``), decided before anything reads it.
    """
    name = PurePath(uploaded.name or "").name
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    extension = extension_of(name)
    extension = "jpg" if extension == "jpeg" else extension
    accepted = "、".join(sorted({KIND_LABELS.get(k, k) for k in allowed}))
    if uploaded.size == 0:
        raise ValidationError(f"文件“{name}”是空文件。")
    if uploaded.size > max_bytes:
        raise ValidationError(
            f"文件“{name}”大小为{human_size(uploaded.size)}，超过上限{human_size(max_bytes)}。"
        )
    if extension not in allowed:
        raise ValidationError(f"文件“{name}”的类型不受支持，允许的类型：{accepted}。")
    detected = detect_kind(uploaded, hint=extension)
    if detected is None or extension not in _DETECTED_TO_EXTENSIONS.get(detected, {detected}):
        raise ValidationError(
            f"文件“{name}”的内容与扩展名不符（扩展名为.{extension}，"
            f"内容{'无法识别' if detected is None else '是' + KIND_LABELS.get(detected, detected)}），请检查后重新上传。"
        )
    try:
        check_content(uploaded, detected, limits=document_limits())
    except DocumentError as exc:
        raise refusal(name, exc) from None
    return detected


def read_upload(uploaded, *, allowed: set[str], max_bytes: int | None = None) -> Document:
    """Check an upload (``check_upload``) and read it with the one document reader.

    ``allowed`` are document kinds (txt, tsv, docx, pdf). Raises ``ValidationError`` with a Chinese
    message naming the file; the reader's reasons (encoding, damage, a scan) are said as such.
    """
    kind = check_upload(uploaded, allowed=allowed, max_bytes=max_bytes)
    name = PurePath(uploaded.name or "").name
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    try:
        return read_document(name, data, kinds=(kind,), limits=document_limits())
    except DocumentError as exc:
        raise refusal(name, exc) from None


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


# Content types a browser may show inline; everything else is named from the file's original name.
INLINE_TYPES = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
                "bmp": "image/bmp", "pdf": "application/pdf"}


def attachment_response(attachment, *, inline: bool = False):
    """Serve a stored ``Attachment`` whose reader the caller has already authorised (and recorded):
    downloaded by its original name, or shown in the page when ``inline``; 404 in Chinese when the file
    has gone from the storage."""
    import mimetypes

    from django.http import FileResponse, Http404

    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("文件已不存在。") from None
    content_type = INLINE_TYPES.get(attachment.kind) or mimetypes.guess_type(attachment.original_name)[0]
    response = FileResponse(handle, as_attachment=not inline, filename=attachment.original_name,
                            content_type=content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    return response

