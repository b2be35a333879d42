"""What the structural checks share."""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding

__all__ = ["Context", "HAN", "finding", "sentence_around"]

# CJK unified ideographs (basic block and extension A).
HAN = "\u3400-\u4dbf\u4e00-\u9fff"


@dataclass(frozen=True, slots=True)
class Context:
    date: date


def finding(text: str, start: int, end: int, *, rule: str, category: str, severity: str,
            suggestion: str | None, message: str) -> Finding:
    return Finding(start=start, end=end, text=text[start:end], rule=rule, category=category,
                   severity=severity, suggestion=suggestion, message=message)


def sentence_around(text: str, start: int, end: int, marks: str = "。；\n") -> tuple[int, int]:
    """The sentence around text[start:end]: from after the last of ``marks`` before it to the first after it
    (the end of the text where there is none)."""
    begin = max(text.rfind(mark, 0, start) for mark in marks) + 1
    stop = min((i for i in (text.find(mark, end) for mark in marks) if i >= 0), default=len(text))
    return begin, stop
