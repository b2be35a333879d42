"""Getting the text to check: decoding uploaded bytes, reading Word files, finding the document's date."""

from __future__ import annotations

import codecs
import re
from datetime import date
from pathlib import PurePath

from django.core.exceptions import ValidationError

__all__ = ["decode_text", "extract_text", "document_date", "MAX_BYTES", "BROKEN_ENCODING"]

MAX_BYTES = 10 * 1024 * 1024
BROKEN_ENCODING = ("文件编码无法识别：内容既不是有效的UTF-8编码，也不是有效的GB18030（GBK）编码，"
                   "可能已损坏。请用文本编辑器另存为UTF-8编码后重试。")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Characters GB18030 produces when it decodes bytes that were never GB text (C1 controls, Latin
# extensions, scripts outside GBK, private use); Greek, Cyrillic, ①, ·, × and the like are GBK and pass.
_ODD = re.compile(r"[\u0080-\u009f\u0100-\u024f\u0500-\u1fff\ue000-\uf8ff]")


def decode_text(raw: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), else GB18030.

    A UTF-8 BOM is kept as the character U+FEFF and line ends become ``\n``, exactly as Python's
    ``open(path, encoding="utf-8").read()`` gives the text, so offsets into the result are offsets
    into the file's text as a reader of it sees them. Raises ``ValueError`` with a Chinese message when the bytes are neither (a UTF-8 file with a
    damaged byte is refused rather than read as GB18030 gibberish).
    """
    if raw.startswith(codecs.BOM_UTF8):
        return "\ufeff" + _checked(_strict(raw[len(codecs.BOM_UTF8):], "utf-8"))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_strict(raw, "utf-16"))
    try:
        return _checked(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        raise ValueError(BROKEN_ENCODING)
    text = _checked(_strict(raw, "gb18030"))
    if len(_ODD.findall(text)) > max(2, _non_ascii(text) // 50):
        raise ValueError(BROKEN_ENCODING)
    return text


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise ValueError(BROKEN_ENCODING) from None


def _checked(text: str) -> str:
    if _CONTROL.search(text):
        raise ValueError("文件含有二进制控制字符，不是纯文本文件，请上传.txt或.docx文件。")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mostly_utf8(raw: bytes) -> bool:
    """True when most multi-byte sequences are valid UTF-8: a UTF-8 text with damaged bytes."""
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    wide = _non_ascii(text) - broken
    return wide > 0 and broken * 4 <= wide


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def extract_text(uploaded_file) -> str:
    """The text of an uploaded .txt or .docx file (type and size checked).

    Raises ``ValidationError`` with a Chinese message on a wrong type, an oversized file, broken
    encoding or an unreadable Word document.
    """
    from ideowork.core.uploads import check_upload

    try:
        kind = check_upload(uploaded_file, allowed={"txt", "docx"}, max_bytes=MAX_BYTES)
    except ValidationError:
        _explain_broken_text(uploaded_file)
        raise
    uploaded_file.seek(0)
    if kind == "txt":
        try:
            return decode_text(uploaded_file.read())
        except ValueError as exc:
            raise ValidationError(f"无法读取“{PurePath(uploaded_file.name).name}”：{exc}") from None
    return _docx_text(uploaded_file)


def _explain_broken_text(uploaded_file) -> None:
    """A refused .txt whose bytes are not text in a known encoding: say that, not "wrong type"."""
    name = PurePath(uploaded_file.name or "").name
    if not name.lower().endswith(".txt") or not 0 < uploaded_file.size <= MAX_BYTES:
        return
    uploaded_file.seek(0)
    raw = uploaded_file.read()
    uploaded_file.seek(0)
    try:
        decode_text(raw)
    except ValueError as exc:
        raise ValidationError(f"无法读取“{name}”：{exc}") from None


def _docx_text(stream) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(stream)
    except Exception:  # python-docx raises assorted errors (zip, XML, KeyError) on damaged files
        raise ValidationError("Word文档无法读取，可能已损坏或不是.docx格式，请另存为.docx后重试。") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines)


_DIGITS = {ch: n for n, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}
_DATE = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
                   r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if "十" not in token:
        return int("".join(str(_DIGITS[ch]) for ch in token))
    tens, _, units = token.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def document_date(text: str) -> date | None:
    """The date of the document's 落款: a short line among the last ones that ends with a full date."""
    for line in reversed(text.rstrip().splitlines()[-8:]):
        line = line.strip()
        if len(line) > 40:
            continue
        for match in _DATE.finditer(line):
            if match.end() != len(line):
                continue
            try:
                return date(*(_number(part) for part in match.groups()))
            except (KeyError, ValueError):
                pass  # not a real date: 十十日, 2026年2月30日
    return None
