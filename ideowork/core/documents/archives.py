"""Zip-based files (.docx, .xlsx, .pptx, .zip) are checked before anything reads them.

First the central directory: how many parts, what they claim to expand to, how far they claim to be
compressed, and that no two parts share their bytes (the overlapping-entries bomb). Then, because the
directory can lie, every part's compressed bytes are expanded once, a chunk at a time and thrown away,
counting what they really give: a part that gives more than it declared, or a total beyond the limit, is
refused as soon as it is seen, with memory independent of the file. Only then may a reader (python-docx's
parts, ``word.py``, openpyxl) expand the file, and what it expands is no more than was counted.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from .errors import DocumentError
from .limits import DEFAULT_LIMITS, MB, Limits

__all__ = ["check_archive", "check_zip"]

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile's own layout of a local file header
_LOCAL_SIGNATURE = b"PK\x03\x04"
_CHUNK = 64 * 1024
_MALICIOUS = "可能是恶意构造的文件，已拒绝读取。"


def check_zip(source, *, what: str = "压缩文件", limits: Limits = DEFAULT_LIMITS) -> None:
    """Check the zip-based file ``source`` (bytes, or a seekable binary file, left where it was)."""
    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray, memoryview)) else source
    position = stream.tell()
    try:
        with zipfile.ZipFile(stream) as archive:
            check_archive(archive, what=what, limits=limits)
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise DocumentError(f"{what}已损坏或无法读取：请重新保存后上传。", code="corrupt") from None
    finally:
        stream.seek(position)


def check_archive(archive: zipfile.ZipFile, *, what: str = "压缩文件", limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse ``archive`` when it would expand beyond ``limits``: from its directory before anything is
    expanded, then from what its parts really expand to. Raises ``DocumentError`` (code "too_large", or
    "corrupt" for a part that cannot be read)."""
    members = archive.infolist()
    _check_directory(members, what, limits)
    _check_expansion(archive, members, what, limits)


def _too_large(message: str) -> DocumentError:
    return DocumentError(message, code="too_large")


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB"


def _check_directory(members, what: str, limits: Limits) -> None:
    if len(members) > limits.max_members:
        raise _too_large(f"{what}包含的部件过多（{len(members)}个，上限{limits.max_members}个），{_MALICIOUS}")
    total = sum(member.file_size for member in members)
    if total > limits.max_expanded_bytes:
        raise _too_large(f"{what}解压后达{_mb(total)}，超过上限{_mb(limits.max_expanded_bytes)}，{_MALICIOUS}")
    for member in members:
        _check_ratio(member.filename, member.file_size, member.compress_size, what, limits)
    _check_ratio(None, total, sum(member.compress_size for member in members), what, limits)


def _check_ratio(name: str | None, expanded: int, compressed: int, what: str, limits: Limits) -> None:
    if expanded > limits.ratio_floor and expanded > limits.max_ratio * max(compressed, 1):
        part = f"中的部件“{name}”" if name is not None else "整体"
        raise _too_large(f"{what}{part}压缩比超过{limits.max_ratio}倍，{_MALICIOUS}")


def _check_expansion(archive: zipfile.ZipFile, members, what: str, limits: Limits) -> None:
    """Expand every part's bytes as stored, counting what they give; nothing is kept."""
    stream = archive.fp
    end = getattr(archive, "start_dir", None)
    ordered = sorted(members, key=lambda member: member.header_offset)
    total = 0
    previous_end = 0
    for index, member in enumerate(ordered):
        if member.header_offset < previous_end:
            raise _too_large(f"{what}的部件相互重叠，{_MALICIOUS}")
        start = _data_offset(stream, member, what)
        previous_end = start + member.compress_size
        limit = ordered[index + 1].header_offset if index + 1 < len(ordered) else end
        if limit is not None and previous_end > limit:
            raise _too_large(f"{what}的部件相互重叠，{_MALICIOUS}")
        stream.seek(start)
        expanded = _expanded_size(stream, member, what, limits.max_expanded_bytes - total)
        if total + expanded > limits.max_expanded_bytes:
            raise _too_large(f"{what}实际解压后超过上限{_mb(limits.max_expanded_bytes)}"
                             f"（与文件目录中声明的大小不符），{_MALICIOUS}")
        if expanded > member.file_size:
            raise _too_large(f"{what}中的部件“{member.filename}”实际解压大小超过其声明的大小，{_MALICIOUS}")
        _check_ratio(member.filename, expanded, member.compress_size, what, limits)
        total += expanded


def _data_offset(stream, member: zipfile.ZipInfo, what: str) -> int:
    stream.seek(member.header_offset)
    header = stream.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
        raise DocumentError(f"{what}已损坏或无法读取：请重新保存后上传。", code="corrupt")
    fields = _LOCAL_HEADER.unpack(header)
    if fields[3] & 0x1:
        raise DocumentError(f"{what}中的部件已加密，无法读取：请取消加密后上传。", code="encrypted")
    return member.header_offset + _LOCAL_HEADER.size + fields[10] + fields[11]


def _expanded_size(stream, member: zipfile.ZipInfo, what: str, budget: int) -> int:
    """What the part's stored bytes expand to; the count stops soon after it passes ``budget``."""
    if member.compress_type == zipfile.ZIP_STORED:
        return member.compress_size
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise DocumentError(f"{what}使用了不支持的压缩方式：请用 Office 或 WPS 重新保存后上传。", code="corrupt")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size, left, pending = 0, member.compress_size, b""
    try:
        while not inflater.eof:
            if not pending and left > 0:
                pending = stream.read(min(_CHUNK, left))
                left -= len(pending)
                if not pending:
                    break
            out = inflater.decompress(pending, _CHUNK)  # at most one chunk out, whatever the input
            pending = inflater.unconsumed_tail
            size += len(out)
            if size > budget or (not out and not pending and left <= 0):
                break
    except zlib.error:
        raise DocumentError(f"{what}已损坏或无法读取：请重新保存后上传。", code="corrupt") from None
    return size
