"""Qualifiers a target's phrase states beyond the activity kind, read once when the target is saved.

"全年在市级以上媒体刊发稿件不少于20篇" asks for placements in municipal media or above: the level is
stored in ``Target.media_level`` when the target is imported, added or its text edited, and the
counting rules read the field, never the text.
"""

import re

from .choices import MediaLevel

__all__ = ["LEVEL_RANK", "required_media_level", "level_reaches"]

# Higher rank = higher level.
LEVEL_RANK = {MediaLevel.COUNTY: 1, MediaLevel.MUNICIPAL: 2, MediaLevel.PROVINCIAL: 3, MediaLevel.CENTRAL: 4}
_LEVEL_WORDS = [("中央", MediaLevel.CENTRAL), ("国家级", MediaLevel.CENTRAL), ("省", MediaLevel.PROVINCIAL),
                ("市", MediaLevel.MUNICIPAL), ("县", MediaLevel.COUNTY)]
_MEDIA_PHRASE = re.compile(r"(中央|国家级|省级?|市级?|县级?)(?:以上|及以上)?(?:主流)?(?:新闻)?媒体")


def required_media_level(text: str) -> str:
    """The lowest media level a target counts, or "" when the phrase names no media level."""
    match = _MEDIA_PHRASE.search(text or "")
    if not match:
        return ""
    word = match.group(1)
    return next(level for prefix, level in _LEVEL_WORDS if word.startswith(prefix)).value


def level_reaches(level: str | None, minimum: str | None) -> bool:
    """A medium of ``level`` is at ``minimum`` or above (any level when no minimum)."""
    if not minimum:
        return True
    return bool(level) and LEVEL_RANK[level] >= LEVEL_RANK[minimum]
