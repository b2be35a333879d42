"""What any upload is held to before anything reads it, by the kind its content has: zip-based files by
what they expand to, PDFs by their pages, images by their pixels, text by its length."""

from __future__ import annotations

from .archives import check_zip
from .errors import DocumentError
from .images import check_image
from .kinds import IMAGE_KINDS, ZIP_KINDS
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["check_content", "check_text_length", "ARCHIVE_NAMES"]

ARCHIVE_NAMES = {"docx": "Word 文档", "xlsx": "Excel 工作簿", "pptx": "PowerPoint 演示文稿", "zip": "压缩文件"}
_BYTES_PER_CHARACTER = 4  # at most, in UTF-8, GB18030 and UTF-32 alike


def check_content(source, kind: str, *, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse ``source`` (bytes, or a seekable binary file, left where it was) of the detected ``kind`` when
    it passes ``limits``. Raises ``DocumentError``; kinds with nothing to expand pass."""
    if kind in ZIP_KINDS:
        check_zip(source, what=ARCHIVE_NAMES[kind], limits=limits)
    elif kind in IMAGE_KINDS:
        check_image(source, kind, limits=limits)
    elif kind == "pdf":
        from .pdf import check_pdf  # imported here: pypdf is only needed for PDF files

        check_pdf(source, limits=limits)
    elif kind == "txt":
        size = len(source) if isinstance(source, (bytes, bytearray, memoryview)) else _size(source)
        if size > limits.max_chars * _BYTES_PER_CHARACTER:
            _too_long(None, limits)


def check_text_length(text: str, *, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a document's text longer than ``limits.max_chars`` characters."""
    if len(text) > limits.max_chars:
        _too_long(len(text), limits)


def _too_long(length: int | None, limits: Limits):
    count = f"共{length}字，" if length is not None else ""
    raise DocumentError(f"文件的文字过长（{count}上限{limits.max_chars}字）：请拆分后上传。", code="too_large")


def _size(stream) -> int:
    position = stream.tell()
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(position)
    return size
