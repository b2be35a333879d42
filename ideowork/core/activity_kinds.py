"""Activity kinds: what an activity recorded in the ledger was (学习研讨, 检查, 刊发 …).

Each area registers the kinds it records, with the Chinese label, in its ``AppConfig.ready``::

    register_activity_kind("press_conference", "新闻发布会", area="outlets", keywords=("新闻发布",))

``keywords`` are the words of a target's phrase that ask for the kind (plans reads them to suggest
the kinds a target counts, so plans never retypes a kind); ``rank`` orders the keyword matching —
lower first, so "微学习" is matched before "学习" (``keyword_table``). ``reports=True`` marks the kind that a
per-person written report (调研报告) counts as. Adding an area touches no lower layer.
"""

from dataclasses import dataclass

__all__ = ["ActivityKindSpec", "register_activity_kind", "activity_kinds", "activity_kind",
           "activity_kind_choices", "activity_kind_label", "activity_areas", "keyword_table"]


@dataclass(frozen=True)
class ActivityKindSpec:
    code: str
    label: str
    area: str  # the registering app's label: "ledger", "learning", "outlets" …
    keywords: tuple[tuple[str, int], ...] = ()  # (word, rank)
    order: int = 100
    reports: bool = False


_kinds: dict[str, ActivityKindSpec] = {}


def register_activity_kind(code: str, label: str, area: str, *, keywords=(), rank: int = 100, order: int = 100,
                           reports: bool = False) -> ActivityKindSpec:
    """Register a kind; a keyword may be given as ``(word, rank)`` to match it at another rank.

    ``order`` places the kind in choice lists (ties keep registration order).
    """
    words = tuple((word, rank) if isinstance(word, str) else (word[0], word[1]) for word in keywords)
    spec = ActivityKindSpec(code, str(label), area, words, order, reports)
    existing = _kinds.get(code)
    if existing is not None and existing != spec:
        raise ValueError(f"activity kind {code!r} is already registered by {existing.area}")
    _kinds[code] = spec
    return spec


def activity_kinds() -> list[ActivityKindSpec]:
    """Every registered kind, in display order."""
    return sorted(_kinds.values(), key=lambda spec: spec.order)


def keyword_table() -> list[tuple[str, str]]:
    """``(word, kind code)`` pairs in matching order: lower rank first, then registration order."""
    pairs = [(rank, word, spec.code) for spec in _kinds.values() for word, rank in spec.keywords]
    return [(word, code) for _, word, code in sorted(pairs, key=lambda triple: triple[0])]


def activity_kind(code: str) -> ActivityKindSpec | None:
    return _kinds.get(code)


def activity_kind_choices() -> list[tuple[str, str]]:
    """Choices for fields and forms (callable, so the list is read after every app registered)."""
    return [(spec.code, spec.label) for spec in activity_kinds()]


def activity_kind_label(code: str) -> str:
    spec = _kinds.get(code)
    return spec.label if spec else code


def activity_areas() -> list[str]:
    """The app labels of the areas that registered kinds, in registration order."""
    return list(dict.fromkeys(spec.area for spec in activity_kinds()))
