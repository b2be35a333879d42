"""The one exception the parser raises; its message is shown to the uploading user as is."""

__all__ = ["ParseError"]


class ParseError(ValueError):
    """A document the parser cannot read; `message` is Simplified Chinese, ready for the UI."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
