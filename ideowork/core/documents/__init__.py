"""The one document reader: .txt, .docx or text .pdf bytes → ``Document`` (text, paragraphs, date).

    document = read_document(upload.name, upload.read())
    document.text, document.paragraphs, document.date, document.kind

The type is decided from the content; the name is only a hint, and a file whose name claims another
type is refused. Nothing is expanded or decoded before the file is held to ``Limits`` (what a .docx
expands to, a PDF's pages, the text's length; ``check_content`` for every upload). Every refusal is a ``DocumentError`` with a Chinese message. Pure Python, no Django:
the plan parser's command, views and tests read documents alike (``core.uploads.read_upload`` adds the
upload checks for views).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date

from .archives import check_archive, check_zip
from .checks import check_content, check_text_length
from .dates import document_date
from .errors import DocumentError
from .kinds import KIND_LABELS, ZIP_KINDS, detect_kind, extension_of, kind_of_extension
from .limits import DEFAULT_LIMITS, Limits
from .text import BROKEN_ENCODING, decode_text

__all__ = ["Document", "DocumentError", "read_document", "document_date", "detect_kind", "decode_text",
           "check_archive", "check_zip", "check_content", "check_text_length", "Limits", "DEFAULT_LIMITS",
           "extension_of", "kind_of_extension", "KIND_LABELS", "ZIP_KINDS", "READABLE_KINDS", "BROKEN_ENCODING"]

READABLE_KINDS = ("txt", "docx", "pdf")
_EXTENSIONS = {"txt": ".txt", "docx": ".docx", "pdf": ".pdf"}
_OLD_WORD = "该文件是旧版 Word（.doc）或 WPS 文档，不是 .docx：请在 Word 或 WPS 中另存为 .docx 后上传。"


@dataclass(frozen=True)
class Document:
    """A document's text as its reader sees it.

    ``text``: the characters, lines joined by ``\\n`` (a .txt exactly as Python decodes it, a UTF-8 BOM
    kept as U+FEFF so that offsets agree with ``open(path, encoding="utf-8")``; a .docx one line per
    paragraph and table cell, list numbers written out). ``paragraphs``: its non-blank lines, stripped.
    ``date``: the date its 落款 states, else None. ``kind``: "txt", "docx" or "pdf"; ``encoding`` for
    a .txt.
    """

    name: str
    kind: str
    text: str
    encoding: str | None = None
    paragraphs: list[str] = field(init=False)
    date: Date | None = field(init=False)

    def __post_init__(self):
        lines = self.text.lstrip("\ufeff").split("\n")
        object.__setattr__(self, "paragraphs", [line.strip() for line in lines if line.strip()])
        object.__setattr__(self, "date", document_date(self.text))


def read_document(name: str, data: bytes, *, kinds: Iterable[str] = READABLE_KINDS,
                  limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read ``data`` (a file called ``name``) as one of ``kinds``.

    Raises ``DocumentError`` for an empty file, a type outside ``kinds``, a name that claims another
    type than the content, a broken encoding, a damaged archive, a file beyond ``limits``, a scanned
    PDF, or a file with no text.
    """
    kinds = tuple(kinds)
    data = bytes(data)
    if not data.strip():
        raise DocumentError("文件为空，没有可读取的文字。", code="empty")
    extension = extension_of(name)
    claimed = kind_of_extension(extension)
    kind = detect_kind(data, hint=claimed)
    _check_kind(kind, claimed, extension, kinds)
    encoding = None
    if kind == "txt":
        check_content(data, kind, limits=limits)
        text, encoding = decode_text(data)
    elif kind == "docx":
        from .word import docx_lines  # imported here: lxml is only needed for Word files

        text = "\n".join(docx_lines(data, limits=limits))
    else:
        from .pdf import pdf_text

        text = pdf_text(data, limits=limits)
    check_text_length(text, limits=limits)
    if not text.strip("\ufeff \t\n\u3000"):
        raise DocumentError("文件中没有可读取的文字。", code="empty")
    return Document(name=name, kind=kind, text=text, encoding=encoding)


def _accepted(kinds: tuple[str, ...]) -> str:
    return "、".join(_EXTENSIONS[k] for k in READABLE_KINDS if k in kinds)


def _check_kind(kind: str | None, claimed: str | None, extension: str, kinds: tuple[str, ...]) -> None:
    accepted = _accepted(kinds)
    if kind == "doc" and claimed in (None, "doc", "docx"):
        raise DocumentError(_OLD_WORD, code="unsupported")
    if claimed is not None and claimed not in kinds:
        hint = "；.doc 或 .wps 请在 Word 或 WPS 中另存为 .docx 后上传" if claimed == "doc" else ""
        raise DocumentError(f"不支持的文件类型“.{extension}”：请上传 {accepted} 文件{hint}。", code="unsupported")
    if claimed is not None and kind != claimed:
        if claimed == "txt" and kind is None:
            raise DocumentError("文件内容不是文字，或编码无法识别：请将文件另存为 UTF-8 编码的 .txt，"
                                "或上传 .docx 文件。", code="encoding")
        content = "无法识别" if kind is None else "是" + KIND_LABELS.get(kind, kind)
        raise DocumentError(f"文件内容与扩展名不符：扩展名为.{extension}，内容{content}。"
                            f"请确认文件未被改名，或另存为 {accepted} 格式后重新上传。", code="mismatch")
    if kind not in kinds:
        content = "无法识别" if kind is None else "是" + KIND_LABELS.get(kind, kind)
        raise DocumentError(f"不支持的文件类型（内容{content}）：请上传 {accepted} 文件。", code="unsupported")
