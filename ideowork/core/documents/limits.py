"""How much a file may hold before it is read: the limits every document, archive and image is held to.

The reader is pure Python; the web application builds its ``Limits`` from settings
(``core.uploads.document_limits``), the command line and the tests use ``DEFAULT_LIMITS``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits", "DEFAULT_LIMITS", "MB"]

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """``max_expanded_bytes``: what all parts of a zip-based file (.docx, .xlsx, .pptx, .zip) may expand to;
    ``max_members``: how many parts it may have; ``max_ratio``: how far a part, or the whole, may expand
    compared with its compressed size (above ``ratio_floor`` bytes expanded: small repetitive parts compress
    well without harm); ``max_pdf_pages``; ``max_image_pixels`` (width × height, read from the header);
    ``max_chars``: the characters of text a document may give."""

    max_expanded_bytes: int = 50 * MB
    max_members: int = 2000
    max_ratio: int = 100
    ratio_floor: int = 1 * MB
    max_pdf_pages: int = 2000
    max_image_pixels: int = 100_000_000
    max_chars: int = 1_000_000


DEFAULT_LIMITS = Limits()
