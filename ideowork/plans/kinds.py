"""Which ledger activity kinds count toward a target, suggested from the target's phrase.

The one keyword table for this: the import sets ``Target.activity_kinds`` from it and the ledger
suggests targets for a new activity with it.
"""

from __future__ import annotations

__all__ = ["suggest_activity_kinds"]

# (keywords, kind). Longer, more specific keywords come first: a matched keyword is blanked out
# of the phrase so that "微学习" is not also read as "学习" and "调研报告" not also as "调研".
_RULES: list[tuple[tuple[str, ...], str]] = [
    (("微学习",), "micro_study"),
    (("学习心得", "心得体会", "心得"), "reflection"),
    (("述职",), "debriefing"),
    (("新闻发布",), "press_conference"),
    (("政策解读", "解读"), "interpretation"),
    (("回应关切", "答复", "回应"), "public_response"),
    (("宣传栏", "展板", "专栏更新"), "board_update"),
    (("专题研究", "专题会", "会议"), "meeting"),
    (("研判",), "analysis"),
    (("学习", "研讨"), "study"),
    (("培训",), "training"),
    (("宣讲",), "lecture"),
    (("调研",), "research"),
    (("巡查",), "patrol"),
    (("检查", "检测"), "inspection"),
    (("排查",), "screening"),
    (("演练",), "drill"),
    (("刊发", "稿件"), "publication"),
    (("简报",), "briefing"),
    (("更新",), "board_update"),
    (("考核",), "assessment"),
]
# Written reports count as reflections when each person writes one (or the phrase says 撰写).
_REPORT_WORDS = ("调研报告", "报告")


def suggest_activity_kinds(text: str, per: str | None = None) -> list[str]:
    """The activity kinds a target phrase suggests, most specific first; [] when nothing matches.

    ``per`` is the target's counting mode ("person" or "org"), when known: a per-person report is
    a reflection, an organisation's report is not an activity kind of its own.
    """
    remaining = text or ""
    kinds: list[str] = []

    def take(kind: str) -> None:
        if kind not in kinds:
            kinds.append(kind)

    if per == "person" or "撰写" in remaining:
        for word in _REPORT_WORDS:
            if word in remaining:
                take("reflection")
                remaining = remaining.replace(word, "　" * len(word))
    for keywords, kind in _RULES:
        for word in keywords:
            if word in remaining:
                take(kind)
                remaining = remaining.replace(word, "　" * len(word))
    return kinds
