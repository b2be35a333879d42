"""What the structural checks share."""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding

__all__ = ["Context", "HAN", "finding"]

# CJK unified ideographs (basic block and extension A).
HAN = "\u3400-\u4dbf\u4e00-\u9fff"


@dataclass(frozen=True, slots=True)
class Context:
    date: date


def finding(text: str, start: int, end: int, *, rule: str, category: str, severity: str,
            suggestion: str | None, message: str) -> Finding:
    return Finding(start=start, end=end, text=text[start:end], rule=rule, category=category,
                   severity=severity, suggestion=suggestion, message=message)
