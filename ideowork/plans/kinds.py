"""Which activity kinds count toward a target, suggested from the target's phrase.

The import and the target form set ``Target.activity_kinds`` from it. The words that ask for a
kind are registered with the kind itself (``core.activity_kinds``), so no kind is named here.
"""

from __future__ import annotations

from ideowork.core.activity_kinds import activity_kinds, keyword_table

__all__ = ["suggest_activity_kinds"]

# Written reports count as the registered "reports" kind (心得体会) when each person writes one
# (or the phrase says 撰写); an organisation's report is not an activity kind of its own.
_REPORT_WORDS = ("调研报告", "报告")


def suggest_activity_kinds(text: str, per: str | None = None) -> list[str]:
    """The activity kinds a target phrase suggests, most specific first; [] when nothing matches.

    A matched keyword is blanked out of the phrase so that "微学习" is not also read as "学习" and
    "调研报告" not also as "调研". ``per`` is the target's counting mode ("person" or "org").
    """
    remaining = text or ""
    kinds: list[str] = []

    def take(kind: str, word: str) -> None:
        nonlocal remaining
        if kind not in kinds:
            kinds.append(kind)
        remaining = remaining.replace(word, "　" * len(word))

    report_kind = next((spec.code for spec in activity_kinds() if spec.reports), None)
    if report_kind and (per == "person" or "撰写" in remaining):
        for word in _REPORT_WORDS:
            if word in remaining:
                take(report_kind, word)
    for word, kind in keyword_table():
        if word in remaining:
            take(kind, word)
    return kinds
