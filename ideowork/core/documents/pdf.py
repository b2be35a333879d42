"""PDF files with a text layer (pypdf); a scan has none and is refused as such."""

from __future__ import annotations

import io
import logging
import re

from .errors import DocumentError
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["pdf_text", "pdf_pages", "check_pdf"]

logger = logging.getLogger(__name__)
CORRUPT = "PDF 文件已损坏或无法读取：请重新导出PDF，或上传Word文档。"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def pdf_pages(reader, limits: Limits) -> list:
    """The pages of an open ``PdfReader``, refused beyond the limit before any page is read."""
    if reader.is_encrypted and not reader.decrypt(""):
        raise DocumentError("该PDF已加密：请上传未加密的PDF或Word文档。", code="encrypted")
    count = len(reader.pages)
    if count > limits.max_pdf_pages:
        raise DocumentError(f"该PDF共{count}页，超过上限{limits.max_pdf_pages}页，无法读取：请拆分后上传。",
                            code="too_large")
    return list(reader.pages)


def check_pdf(source, *, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a PDF of more pages than the limit (``source``: bytes or a seekable binary file, left where it
    was). A PDF whose page tree cannot be read is left to whoever reads it (``pdf_text`` refuses it)."""
    from pypdf import PdfReader

    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray, memoryview)) else source
    position = stream.tell()
    try:
        stream.seek(0)
        pdf_pages(PdfReader(stream), limits)
    except DocumentError as exc:
        if exc.code == "too_large":
            raise
    except Exception:  # a damaged file: not this check's refusal
        logger.info("pdf page count unreadable", exc_info=True)
    finally:
        stream.seek(position)


def pdf_text(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text of every page, pages separated by a line end."""
    from pypdf import PdfReader  # imported here: only PDF files pay for it

    try:
        pages = [page.extract_text() or "" for page in pdf_pages(PdfReader(io.BytesIO(data)), limits)]
    except DocumentError:
        raise
    except Exception:  # pypdf raises assorted errors on damaged files
        logger.warning("unreadable pdf", exc_info=True)
        raise DocumentError(CORRUPT, code="corrupt") from None
    text = _CONTROL.sub("", "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise DocumentError("该PDF没有可提取的文字，可能是扫描件，请上传文字版PDF或Word文档。", code="scanned")
    return text
