"""What the proofreader reports: one ``Finding`` per suspicious span of the checked text."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["Finding", "ERROR", "WARNING"]

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """A span ``text[start:end]`` that breaks ``rule``; ``message`` explains it in Chinese."""

    start: int
    end: int
    text: str
    rule: str
    category: str
    severity: str
    suggestion: str | None
    message: str

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def sort_key(self) -> tuple:
        return (self.start, self.end, self.rule)
