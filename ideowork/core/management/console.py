"""What the console commands that print for other programs share (``parse_plan``, ``proofread``,
``match_scheme``, ``opinion_analyze``)."""

import sys

__all__ = ["write_utf8"]


def write_utf8(stream, text: str) -> None:
    """Write ``text`` and a newline to a command's ``stdout``/``stderr`` as UTF-8 whatever the console's
    locale, so that ``> out.json`` is always readable."""
    out = getattr(stream, "_out", sys.stdout)
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write((text + "\n").encode("utf-8"))
        buffer.flush()
    else:
        out.write(text + "\n")
