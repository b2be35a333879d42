"""The text to check from an uploaded file: .txt or .docx, read by the one document reader."""

from __future__ import annotations

from ideowork.core.uploads import read_upload

__all__ = ["extract_text", "MAX_BYTES", "TEXT_KINDS"]

MAX_BYTES = 10 * 1024 * 1024
TEXT_KINDS = {"txt", "docx"}


def extract_text(uploaded_file) -> str:
    """The text of an uploaded .txt or .docx file (type, size and content checked).

    Raises ``ValidationError`` with a Chinese message on a wrong type, an oversized file, broken
    encoding or an unreadable Word document.
    """
    return read_upload(uploaded_file, allowed=TEXT_KINDS, max_bytes=MAX_BYTES).text
