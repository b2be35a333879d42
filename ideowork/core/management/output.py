"""What a console command prints goes out as UTF-8 whatever the console's locale, so that
``ideowork parse_plan … --json > out.json`` is always readable."""

import sys

__all__ = ["write_utf8"]


def write_utf8(stream, text: str) -> None:
    """Write ``text`` and a newline to a command's ``stdout`` or ``stderr`` (an ``OutputWrapper``)."""
    out = getattr(stream, "_out", sys.stdout)
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write((text + "\n").encode("utf-8"))
        buffer.flush()
    else:
        out.write(text + "\n")
