"""Small real files for upload tests: a PNG, a PDF, a DOCX, and impostors."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def png_bytes(width: int = 120, height: int = 80, rgb=(183, 28, 28)) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


def pdf_bytes() -> bytes:
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("学习研讨会议记录")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def photo(name: str = "现场照片.png") -> SimpleUploadedFile:
    return upload(name, png_bytes(), "image/png")


def fake_png(name: str = "伪装图片.png") -> SimpleUploadedFile:
    """Text with a .png name: refused because the content does not match."""
    return upload(name, "这其实是一段文字，不是图片。".encode(), "image/png")
