"""How outlets' records count toward targets (registered with the ledger's counting rules).

A target that names a media level (全年在市级以上媒体刊发稿件不少于20篇, read once into
``Target.media_level``) counts only placements in media of that level or above; an inspection of an
outlet counts only toward the targets of the outlet's own plan item — never, by its kind alone,
toward another item's checks such as 网络安全检测.
"""

from ideowork.ledger.counting import register_counting_rule
from ideowork.plans.choices import MediaLevel
from ideowork.plans.qualifiers import level_reaches

__all__ = ["register_outlet_counting"]


def _media_level_reached(target, placement) -> str | None:
    if not level_reaches(placement.level, target.media_level):
        return None
    if not target.media_level:
        return ""
    return f"刊发媒体为{MediaLevel(placement.level).label}，达到指标要求的{MediaLevel(target.media_level).label}以上"


def register_outlet_counting() -> None:
    register_counting_rule("outlets.externalplacement", qualifier=_media_level_reached)
    register_counting_rule("outlets.outletinspection", by_kind_alone=False)
