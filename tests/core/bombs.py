"""Hostile files for the upload-limit tests and the zip-bomb benchmark: archives that expand far beyond
their size (honestly, with a lying directory, or with parts that share their bytes), huge images in a few
bytes, long PDFs."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from tests.core.document_files import docx_bytes, pdf_from_objects

__all__ = ["word_with", "zip_of", "expanding_word", "lying_word", "overlapping_word", "png_header", "jpeg_header", "gif_header",
           "bmp_header", "webp_header", "pages_pdf", "padded_xml"]


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def word_with(extra: dict[str, bytes] | None = None, *, text: str = "正文") -> bytes:
    """A real .docx with ``extra`` parts added."""
    return zip_of({**_members(docx_bytes(lambda document: document.add_paragraph(text))), **(extra or {})})


def padded_xml(xml: bytes, size: int) -> bytes:
    """``xml`` followed by blanks up to ``size`` bytes: still the same XML, expanding a thousandfold."""
    return xml + b" " * max(size - len(xml), 0)


def _patch_sizes(data: bytearray, name: str, size: int, crc: int) -> None:
    """Make the local header and the central directory claim ``size`` and ``crc`` for ``name``."""
    encoded = name.encode()
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) >= 0:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46:position + 46 + length] == encoded:
            struct.pack_into("<I", data, position + 16, crc)
            struct.pack_into("<I", data, position + 24, size)
            local = struct.unpack_from("<I", data, position + 42)[0]
            struct.pack_into("<I", data, local + 14, crc)
            struct.pack_into("<I", data, local + 22, size)
            return
        position += 4
    raise KeyError(name)


def expanding_word(expanded: int, *, lie: bool = False) -> bytes:
    """A .docx whose document.xml (its real XML, then blanks) expands to ``expanded`` bytes, written a
    megabyte at a time. ``lie``: its directory and local header declare only the real XML (and that
    prefix's CRC), so the file passes any check of declared sizes; Python's zipfile then reads the whole
    expansion into memory before cutting it to the declared size."""
    members = _members(docx_bytes(lambda document: document.add_paragraph("正文")))
    xml = members.pop("word/document.xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        with archive.open("word/document.xml", "w") as part:
            part.write(xml)
            left = expanded - len(xml)
            blanks = b" " * (1024 * 1024)
            while left > 0:
                part.write(blanks[:left])
                left -= len(blanks)
    data = bytearray(buffer.getvalue())
    if lie:
        _patch_sizes(data, "word/document.xml", len(xml), zlib.crc32(xml))
    return bytes(data)


def lying_word(expanded: int) -> bytes:
    """``expanding_word(expanded, lie=True)``."""
    return expanding_word(expanded, lie=True)


def overlapping_word(copies: int, part: bytes) -> bytes:
    """A .docx with ``copies`` directory entries that all point at the bytes of one ``part`` (the
    overlapping-entries bomb: each entry is honest about its size, the file holds the bytes once)."""
    base = word_with({"word/media/part0000.bin": part})
    data = bytearray(base)
    eocd = data.rfind(b"PK\x05\x06")
    count, directory_size, directory_offset = struct.unpack_from("<HIL", data, eocd + 10)
    directory = bytes(data[directory_offset:directory_offset + directory_size])
    name = b"word/media/part0000.bin"
    start = directory.find(name) - 46
    entry = directory[start:start + 46 + len(name)]
    extra = b"".join(entry[:46] + f"word/media/part{n:04d}.bin".encode() for n in range(1, copies))
    directory += extra
    out = bytes(data[:directory_offset]) + directory
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count + copies - 1, count + copies - 1, len(directory),
                       directory_offset, 0)
    return out


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` (its pixel data is a few bytes that would never decode)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b""))


def jpeg_header(width: int, height: int) -> bytes:
    """A JPEG's start, an EXIF-like segment, then a baseline frame header for ``width`` × ``height``."""
    app1 = b"Exif\x00\x00" + b"\x00" * 2000
    frame = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return (b"\xff\xd8" + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
            + b"\xff\xc0" + struct.pack(">H", len(frame) + 2) + frame + b"\xff\xda\x00\x02" + b"\x00" * 64)


def gif_header(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" + b";"


def bmp_header(width: int, height: int) -> bytes:
    return (b"BM" + struct.pack("<IHHI", 54, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, width, -height, 1, 24, 0,
                                                                          0, 2835, 2835, 0, 0))


def webp_header(width: int, height: int) -> bytes:
    body = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") \
        + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


def pages_pdf(pages: int) -> bytes:
    """A PDF of ``pages`` pages, each with a line of text, xref offsets computed for real."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * n) for n in range(pages))
               + b"] /Count %d >>" % pages,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for n in range(pages):
        stream = b"BT /F1 24 Tf 72 720 Td (Page %d) Tj ET" % (n + 1)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * n))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return pdf_from_objects(objects)
