"""Word (.docx) files: paragraphs and table cells in reading order, with the list numbering shown.

The archive is checked before anything is expanded (``archives.check_archive``: its directory, then
what its parts really expand to), and only the parts the text needs are read: the main document, its styles and its numbering. Tracked insertions are read as
accepted, deletions left out; hidden text, drawings and text boxes are not part of the flow of text.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib

from lxml import etree

from .errors import DocumentError
from .archives import check_archive
from .limits import DEFAULT_LIMITS, Limits
from .numbering import W, ListNumbering

__all__ = ["docx_lines"]

CORRUPT = "Word 文档已损坏或无法读取：请用 Word 打开后重新保存为 .docx 再上传。"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})$")
# Run content that is not in the flow of text a reader sees.
_SKIPPED = {f"{W}{tag}" for tag in ("pPr", "rPr", "sdtPr", "del", "moveFrom", "drawing", "pict", "object",
                                    "footnoteReference", "endnoteReference", "commentReference", "fldData")}
_SKIPPED.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
_CHARACTERS = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def docx_lines(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """The text of a .docx, one line per paragraph (a table row numbered in its first cell reads "1.任务")."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, what="Word 文档", limits=limits)
            main = _main_part(archive)
            related = _related(archive, main)
            document = _xml(archive, main)
            numbering = ListNumbering(_xml(archive, related.get("numbering")), _xml(archive, related.get("styles")))
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, ValueError, etree.XMLSyntaxError,
            RuntimeError, NotImplementedError):
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method
        raise DocumentError(CORRUPT, code="corrupt") from None
    body = document.find(f"{W}body") if document is not None else None
    if body is None:
        raise DocumentError(CORRUPT, code="corrupt")
    lines: list[str] = []
    _blocks(body, lines, numbering)
    return lines


def _xml(archive: zipfile.ZipFile, name: str | None):
    if not name or name not in archive.NameToInfo:
        return None
    return etree.fromstring(archive.read(name), _PARSER)


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part named by the package relationships (usually word/document.xml)."""
    rels = _xml(archive, "_rels/.rels")
    for rel in rels.iter(_REL) if rels is not None else ():
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
            return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _related(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Parts related to ``part`` by relationship type's last word ("styles", "numbering")."""
    folder, name = posixpath.split(part)
    rels = _xml(archive, posixpath.join(folder, "_rels", name + ".rels"))
    found = {}
    for rel in rels.iter(_REL) if rels is not None else ():
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], path)
    return found


def _blocks(container, lines: list[str], numbering: ListNumbering) -> None:
    for child in container:
        if child.tag == f"{W}p":
            lines.append(numbering.label(child) + _text(child))
        elif child.tag == f"{W}tbl":
            _table(child, lines, numbering)
        elif child.tag in (f"{W}customXml", f"{W}ins", f"{W}moveTo"):
            _blocks(child, lines, numbering)
        elif child.tag == f"{W}sdt" and child.find(f"{W}sdtContent") is not None:
            _blocks(child.find(f"{W}sdtContent"), lines, numbering)


def _children(element, tag: str):
    """``element``'s children with ``tag``, content controls around them unwrapped."""
    for child in element:
        if child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == tag:
            yield child


def _table(table, lines: list[str], numbering: ListNumbering) -> None:
    for row in _children(table, f"{W}tr"):
        cells = []
        for cell in _children(row, f"{W}tc"):
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(f"{W}val") != "restart":
                continue  # the continuation of a vertically merged cell: its text is above
            cell_lines: list[str] = []
            _blocks(cell, cell_lines, numbering)
            cells.append(cell_lines)
        lines.extend(_row_lines(cells))


def _row_lines(cells: list[list[str]]) -> list[str]:
    """A row whose first cell is a bare sequence number (序号 | 工作任务 | 具体措施 | 责任单位) reads as
    the numbered paragraph "1.工作任务" followed by its other cells, as a reader of the table takes it.

    Other rows are read cell by cell.
    """
    first = "".join(cells[0]).strip() if cells else ""
    if len(cells) > 1 and _ROW_NUMBER.match(first):
        title = " ".join(line.strip() for line in cells[1] if line.strip())
        marker = "、" if not first.isdigit() else "."
        return [f"{first}{marker}{title}", *(line for cell in cells[2:] for line in cell)]
    return [line for cell in cells for line in cell]


def _text(paragraph) -> str:
    parts: list[str] = []
    _runs(paragraph, parts)
    return "".join(parts)


def _runs(element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])
        elif tag == f"{W}br":
            if child.get(f"{W}type") in (None, "textWrapping"):
                parts.append("\n")
        elif tag == f"{W}r" and _hidden(child):
            continue
        else:
            _runs(child, parts)


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off")
