"""What the console commands print: UTF-8 whatever the console's locale, so that ``> out.json`` is
always readable (``ideowork parse_plan``, ``ideowork proofread``, the opinion commands)."""

import sys

__all__ = ["write_line"]


def write_line(stream, text: str) -> None:
    """Write ``text`` and a newline to a command's ``stdout``/``stderr`` (an ``OutputWrapper``) as UTF-8."""
    out = getattr(stream, "_out", sys.stdout)
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write((text + "\n").encode("utf-8"))
        buffer.flush()
    else:
        out.write(text + "\n")
