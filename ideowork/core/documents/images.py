"""An image's width and height, read from its header without decoding it, and the pixel limit.

A 30000×30000 picture is a few hundred kilobytes on disk and gigabytes in any program that shows it;
its header says so in its first bytes (a JPEG's frame header follows its metadata segments).
"""

from __future__ import annotations

import io
import struct

from .errors import DocumentError
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["image_dimensions", "check_image"]

_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_JPEG_MAX_SEGMENTS = 1000


def check_image(source, kind: str, *, limits: Limits = DEFAULT_LIMITS) -> tuple[int, int]:
    """Refuse an image whose header cannot be read or whose width × height passes the limit; return its
    (width, height). ``source``: bytes, or a seekable binary file (left where it was)."""
    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray, memoryview)) else source
    position = stream.tell()
    try:
        stream.seek(0)
        size = image_dimensions(stream, kind)
    finally:
        stream.seek(position)
    if size is None or min(size) <= 0:
        raise DocumentError("图片文件已损坏，无法读取其尺寸：请重新导出图片后上传。", code="corrupt")
    width, height = size
    if width * height > limits.max_image_pixels:
        raise DocumentError(f"图片尺寸为{width}×{height}像素（{width * height / 1e6:.0f}百万像素），超过上限"
                            f"{limits.max_image_pixels / 1e6:.0f}百万像素：请缩小后上传。", code="too_large")
    return size


def image_dimensions(stream, kind: str) -> tuple[int, int] | None:
    """(width, height) from the header of a "jpg", "png", "gif", "webp" or "bmp"; None if unreadable."""
    try:
        if kind == "jpg":
            return _jpeg(stream)
        head = stream.read(32)
        if kind == "png" and head[12:16] == b"IHDR":
            return struct.unpack(">II", head[16:24])
        if kind == "gif" and len(head) >= 10:
            return struct.unpack("<HH", head[6:10])
        if kind == "bmp" and len(head) >= 26:
            width, height = struct.unpack("<ii", head[18:26])
            return abs(width), abs(height)
        if kind == "webp":
            return _webp(head)
    except struct.error:
        return None
    return None


def _webp(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8X":
        return 1 + int.from_bytes(head[24:27], "little"), 1 + int.from_bytes(head[27:30], "little")
    if chunk == b"VP8L" and head[20:21] == b"\x2f":
        bits = int.from_bytes(head[21:25], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


def _jpeg(stream) -> tuple[int, int] | None:
    """Walk the segments to the first frame header (SOFn), skipping metadata by its stated length."""
    if stream.read(2) != b"\xff\xd8":
        return None
    for _ in range(_JPEG_MAX_SEGMENTS):
        byte = stream.read(1)
        if byte != b"\xff":
            return None
        while byte == b"\xff":  # fill bytes before a marker
            byte = stream.read(1)
        if not byte or byte == b"\xda":  # the image data starts before any frame header: damaged
            return None
        marker = byte[0]
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a segment
            continue
        length = struct.unpack(">H", stream.read(2))[0]
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack(">xHH", stream.read(5))
            return width, height
        if length < 2:
            return None
        stream.seek(length - 2, io.SEEK_CUR)
    return None
