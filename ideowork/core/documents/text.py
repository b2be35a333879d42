"""Plain-text files: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without one (recognised by
its zero bytes), else GB18030, tried in that order."""

from __future__ import annotations

import codecs
import re

from .errors import DocumentError

__all__ = ["decode_text", "bomless_utf16", "BROKEN_ENCODING"]

BROKEN_ENCODING = ("文件编码无法识别：内容既不是有效的UTF-8编码，也不是有效的GB18030（GBK）编码，"
                   "可能已损坏。请用文本编辑器另存为UTF-8编码后重试。")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Characters GB18030 produces when it decodes bytes that were never GB text (C1 controls, Latin
# extensions, scripts outside GBK, private use); Greek, Cyrillic, ①, ·, × and the like are GBK and pass.
_ODD = re.compile(r"[\u0080-\u009f\u0100-\u024f\u0500-\u1fff\ue000-\uf8ff]")
# Longest first: a UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(raw: bytes) -> tuple[str, str]:
    """(text, encoding) of a text file.

    A UTF-8 BOM is kept as the character U+FEFF and line ends become ``\\n``, exactly as Python's
    ``open(path, encoding="utf-8").read()`` gives the text, so offsets into the result are offsets into
    the file's text as a program reading it sees them. A UTF-8 file with a damaged byte is refused rather
    than read as GB18030 gibberish. Raises ``DocumentError`` (code "encoding").
    """
    if raw.startswith(codecs.BOM_UTF8):
        return "\ufeff" + _checked(_strict(raw[len(codecs.BOM_UTF8):], "utf-8")), "utf-8-sig"
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(_strict(raw, encoding)), encoding
    bomless = bomless_utf16(raw)
    if bomless:
        return _checked(_strict(raw, bomless)), bomless
    try:
        return _checked(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        raise DocumentError(BROKEN_ENCODING, code="encoding")
    text = _checked(_strict(raw, "gb18030"))
    if len(_ODD.findall(text)) > max(2, _non_ascii(text) // 50):
        raise DocumentError(BROKEN_ENCODING, code="encoding")
    return text, "gb18030"


def bomless_utf16(raw: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 saved without its BOM, else None. Such a file has a zero
    byte in every code unit of an ASCII character (line ends, digits, punctuation) and almost never
    elsewhere: zeros on one side of the pairs and none on the other. UTF-8 and GB18030 text has no
    zero bytes at all."""
    raw = raw[:len(raw) // 2 * 2]  # a file's head may end inside a code unit
    if len(raw) < 4:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    pairs = len(raw) // 2
    if odd >= max(2, pairs // 20) and even == 0:
        return "utf-16-le"
    if even >= max(2, pairs // 20) and odd == 0:
        return "utf-16-be"
    return None


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise DocumentError(BROKEN_ENCODING, code="encoding") from None


def _checked(text: str) -> str:
    if _CONTROL.search(text):
        raise DocumentError("文件含有二进制控制字符，不是纯文本文件，请上传.txt或.docx文件。", code="encoding")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mostly_utf8(raw: bytes) -> bool:
    """True when most multi-byte sequences are valid UTF-8: a UTF-8 text with damaged bytes."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    wide = _non_ascii(text) - broken
    return wide > 0 and broken * 4 <= wide


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))
