"""What the parser returns: a plan, its sections, their items and the items' quantified targets.

`ParsedPlan.to_dict()` is the JSON printed by `ideowork parse_plan PATH --json`; outside checks read
that shape, so keys are added to it only deliberately.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ParsedTarget", "ParsedItem", "ParsedSection", "ParsedPlan", "STRUCTURES", "PERIODS", "COMPARATORS", "PERS"]

PERIODS = ("day", "week", "month", "quarter", "halfyear", "year")
COMPARATORS = (">=", "=", "<=")
PERS = ("org", "person")


@dataclass
class ParsedTarget:
    """A counted requirement found in an item's text.

    `start`/`end` are offsets of `text` within the item's `text` (so `item.text[start:end] == text`).
    `count` is None only for frequency words the parser could not quantify (it does not emit those
    today, but consumers must not assume otherwise).
    """

    text: str
    count: int | None
    unit: str
    period: str
    comparator: str
    per: str
    explicit: bool
    start: int = 0
    end: int = 0

    def to_dict(self, offsets: bool = False) -> dict:
        data = {"text": self.text, "count": self.count, "unit": self.unit, "period": self.period,
                "comparator": self.comparator, "per": self.per, "explicit": self.explicit}
        if offsets:
            data.update(start=self.start, end=self.end)
        return data


@dataclass
class ParsedItem:
    number: int
    title: str
    text: str = ""
    targets: list[ParsedTarget] = field(default_factory=list)
    # Back-reference for callers that walk items flat; left out of repr/eq to avoid recursion.
    section: ParsedSection | None = field(default=None, repr=False, compare=False)

    def to_dict(self, offsets: bool = False) -> dict:
        return {"number": self.number, "title": self.title, "text": self.text,
                "targets": [target.to_dict(offsets) for target in self.targets]}


@dataclass
class ParsedSection:
    """A 一、… part of the plan; `number` and `title` are None when the plan has no sections."""

    number: str | None
    title: str | None
    items: list[ParsedItem] = field(default_factory=list)

    def to_dict(self, offsets: bool = False) -> dict:
        return {"number": self.number, "title": self.title,
                "items": [item.to_dict(offsets) for item in self.items]}


STRUCTURES = ("numbered", "paragraphs")


@dataclass
class ParsedPlan:
    """`structure`: "numbered" when items were read from numbered headings, "paragraphs" when the
    document had none and its duty paragraphs stand in as candidate items (to be checked by a user).
    It is not part of `to_dict()` (the `parse_plan --json` contract); callers read the attribute."""

    title: str | None
    year: int | None
    issuer: str | None
    sections: list[ParsedSection] = field(default_factory=list)
    structure: str = "numbered"

    @property
    def items(self) -> list[ParsedItem]:
        return [item for section in self.sections for item in section.items]

    @property
    def targets(self) -> list[ParsedTarget]:
        return [target for item in self.items for target in item.targets]

    def to_dict(self, offsets: bool = False) -> dict:
        """The `parse_plan --json` shape; `offsets=True` adds "start"/"end" to each target."""
        return {"title": self.title, "year": self.year, "issuer": self.issuer,
                "sections": [section.to_dict(offsets) for section in self.sections]}
