"""The ledger's own activity kinds, with the words of a target's phrase that ask for each."""

from ideowork.core.activity_kinds import register_activity_kind

from .choices import ActivityKind

__all__ = ["register_ledger_kinds"]

# kind: (keywords, rank, order). Ranks interleave with other areas' kinds (lower ranks match first);
# ``order`` places the kind in choice lists among theirs.
_KINDS = {
    ActivityKind.STUDY: (("学习", "研讨"), 100, 0),
    ActivityKind.MICRO_STUDY: (("微学习",), 10, 10),
    ActivityKind.TRAINING: (("培训",), 110, 20),
    ActivityKind.LECTURE: (("宣讲",), 120, 30),
    ActivityKind.RESEARCH: (("调研",), 130, 40),
    ActivityKind.MEETING: (("专题研究", "专题会", "会议"), 80, 50),
    ActivityKind.INSPECTION: (("检查", "检测"), 150, 60),
    ActivityKind.PATROL: (("巡查",), 140, 70),
    ActivityKind.SCREENING: (("排查",), 160, 80),
    ActivityKind.DRILL: (("演练",), 170, 90),
    ActivityKind.ASSESSMENT: (("考核",), 210, 140),
    ActivityKind.DEBRIEFING: (("述职",), 30, 150),
    ActivityKind.ANALYSIS: (("研判",), 90, 190),
    ActivityKind.OTHER: ((), 999, 999),
}


def register_ledger_kinds() -> None:
    for kind, (words, rank, order) in _KINDS.items():
        register_activity_kind(kind.value, kind.label, "ledger", keywords=words, rank=rank, order=order)
