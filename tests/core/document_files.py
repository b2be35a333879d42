"""Small real documents for the tests: Word files (with list numbering written as numbering.xml), PDFs."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

W_NS = nsdecls("w")


def docx_bytes(build) -> bytes:
    """A .docx made by ``build(document)`` on a new python-docx document."""
    document = Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def level(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    """One ``w:lvl`` of an abstract numbering definition."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def set_numbering(document, abstracts: dict[int, list[str]], nums: dict[int, tuple[int, str]]) -> None:
    """Replace the document's numbering.xml: ``abstracts`` {id: levels}, ``nums`` {numId: (abstract, overrides)}."""
    root = document.part.numbering_part.element
    for child in list(root):
        root.remove(child)
    for abstract_id, levels in abstracts.items():
        root.append(parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{"".join(levels)}'
                              "</w:abstractNum>"))
    for num_id, (abstract_id, overrides) in nums.items():
        root.append(parse_xml(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                              f"{overrides}</w:num>"))


def numbered(document, text: str, num_id: int, ilvl: int = 0):
    """A paragraph numbered by list ``num_id`` at level ``ilvl``, as Word writes it."""
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def add_runs_xml(paragraph, xml: str) -> None:
    """Append raw run-level WordprocessingML (tracked changes, breaks) to a paragraph."""
    for child in parse_xml(f"<w:p {W_NS}>{xml}</w:p>"):
        paragraph._p.append(child)


def text_pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` (ASCII) in Helvetica, xref offsets computed for real."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_from_objects(objects)


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the first the catalogue) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def blank_pdf() -> bytes:
    """A PDF page with no text layer, as a scan has."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
