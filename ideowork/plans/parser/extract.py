"""Text of an uploaded document: .txt, .docx or .pdf bytes → str, checked by content, not by name.

Every refusal is a `ParseError` whose Chinese message tells the user what to upload instead.
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import PurePath

from .errors import ParseError

__all__ = ["extract_text", "ACCEPTED"]

logger = logging.getLogger(__name__)

ACCEPTED = (".txt", ".docx", ".pdf")
_ACCEPTED_ZH = "、".join(ACCEPTED)
_EMPTY = "文件为空：请上传包含工作要点正文的文件。"


def extract_text(filename: str, data: bytes) -> str:
    """Decode `data` according to the extension of `filename`, after checking the content matches."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in ACCEPTED:
        hint = "；.doc 请在 Word 中另存为 .docx 后上传" if suffix in (".doc", ".wps") else ""
        raise ParseError(f"不支持的文件类型“{suffix or '无扩展名'}”：请上传 {_ACCEPTED_ZH} 文件{hint}。")
    if not data or not data.strip():
        raise ParseError(_EMPTY)
    reader = {".txt": _txt, ".docx": _docx, ".pdf": _pdf}[suffix]
    text = reader(data)
    if not text.strip():
        raise ParseError("文件中没有可读取的文字：请确认文件内容为工作要点正文。")
    return text


def _mismatch(expected: str) -> ParseError:
    return ParseError(f"文件内容与扩展名不符：该文件不是有效的{expected}，请确认文件未被改名，"
                      f"或另存为 {_ACCEPTED_ZH} 格式后重新上传。")


def _looks_binary(data: bytes) -> bool:
    if data.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return True
    sample = data[:4096]
    # UTF-16 text is full of NULs; it is recognised by its BOM before this check.
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\x0c")
    return b"\x00" in sample or controls > len(sample) // 100 + 1


def _txt(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif not _looks_binary(data):
        for encoding in ("utf-8-sig", "utf-8", "gb18030"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _mostly_text(text):
                return text
    if data.startswith(b"PK\x03\x04") or data.startswith(b"%PDF"):
        raise _mismatch("文本（.txt）文件")
    raise ParseError("无法识别文本文件的编码或内容不是文字：请将文件另存为 UTF-8 编码的 .txt，"
                     "或直接上传 .docx / .pdf 文件。")


def _mostly_text(text: str) -> bool:
    # gb18030 decodes almost any byte string; real text is mostly CJK, ASCII and punctuation.
    if not text:
        return False
    odd = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\x0c")
              or 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd")
    return odd <= len(text) // 200


def _docx(data: bytes) -> str:
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ParseError("该文件是旧版 Word（.doc）文档而不是 .docx：请在 Word 中另存为 .docx 后上传。")
    if not data.startswith(b"PK\x03\x04"):
        raise _mismatch("Word（.docx）文档")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise _mismatch("Word（.docx）文档")
    except zipfile.BadZipFile:
        raise _mismatch("Word（.docx）文档") from None
    from .docx_text import docx_text  # imported here: python-docx and lxml are slow to load

    try:
        return docx_text(data)
    except ParseError:
        raise
    except Exception:  # python-docx/lxml raise many kinds on damaged files
        logger.warning("unreadable docx", exc_info=True)
        raise ParseError("Word 文档已损坏或无法读取：请用 Word 打开后重新保存为 .docx 再上传。") from None


def _pdf(data: bytes) -> str:
    if b"%PDF-" not in data[:1024]:
        raise _mismatch("PDF 文件")
    from pypdf import PdfReader  # imported here: only PDF uploads pay for it

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError("该PDF已加密：请上传未加密的PDF或Word文档。")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except Exception:  # pypdf raises assorted errors on damaged files
        logger.warning("unreadable pdf", exc_info=True)
        raise ParseError("PDF 文件已损坏或无法读取：请重新导出PDF，或上传Word文档。") from None
    text = "\n".join(pages)
    if not text.strip():
        raise ParseError("该PDF没有可提取的文字，可能是扫描件，请上传文字版PDF或Word文档。")
    return text
