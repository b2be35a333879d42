"""The activity kinds outlets records in the ledger, with the words of a target's phrase asking for each."""

from ideowork.core.activity_kinds import register_activity_kind

from .choices import OutletActivityKind as Kind

__all__ = ["register_outlet_kinds"]

# kind: (keywords, rank, order) — see ``ledger.kinds``. A board update is asked for by "宣传栏"
# early, and by a bare "更新" only after every other kind had its chance.
_KINDS = {
    Kind.PUBLICATION: (("刊发", "稿件"), 180, 100),
    Kind.BRIEFING: (("简报",), 190, 110),
    Kind.BOARD_UPDATE: (("宣传栏", "展板", "专栏更新", ("更新", 200)), 70, 120),
    Kind.PRESS_CONFERENCE: (("新闻发布",), 40, 160),
    Kind.INTERPRETATION: (("政策解读", "解读"), 50, 170),
    Kind.PUBLIC_RESPONSE: (("回应关切", "答复", "回应"), 60, 180),
}


def register_outlet_kinds() -> None:
    for kind, (words, rank, order) in _KINDS.items():
        register_activity_kind(kind.value, kind.label, "outlets", keywords=words, rank=rank, order=order)
