"""The one error a document reader raises."""

__all__ = ["DocumentError"]


class DocumentError(ValueError):
    """A file that cannot be read as a document. ``message`` is Simplified Chinese, ready for the user;
    ``code`` says why: "empty", "unsupported", "mismatch", "encoding", "corrupt", "scanned", "encrypted",
    "too_large"."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code
