"""PDF files with a text layer (pypdf); a scan has none and is refused as such."""

from __future__ import annotations

import io
import logging
import re

from .errors import DocumentError

__all__ = ["pdf_text", "MAX_PAGES"]

logger = logging.getLogger(__name__)
MAX_PAGES = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def pdf_text(data: bytes) -> str:
    """The text of every page, pages separated by a line end."""
    from pypdf import PdfReader  # imported here: only PDF files pay for it

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError("该PDF已加密：请上传未加密的PDF或Word文档。", code="encrypted")
        if len(reader.pages) > MAX_PAGES:
            raise DocumentError(f"该PDF超过{MAX_PAGES}页，无法读取：请拆分后上传。", code="too_large")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except Exception:  # pypdf raises assorted errors on damaged files
        logger.warning("unreadable pdf", exc_info=True)
        raise DocumentError("PDF 文件已损坏或无法读取：请重新导出PDF，或上传Word文档。", code="corrupt") from None
    text = _CONTROL.sub("", "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise DocumentError("该PDF没有可提取的文字，可能是扫描件，请上传文字版PDF或Word文档。", code="scanned")
    return text
