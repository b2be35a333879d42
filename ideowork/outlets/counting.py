"""Which plan targets an outlets record counts toward.

The ledger suggests targets by activity kind; a target that names a media level (全年在市级以上媒体
刊发稿件不少于20篇) only counts placements in media of that level or above, so an article in the
office's own account or in a county paper is not counted there. The one place this is decided.
"""

import re
from datetime import date

from ideowork.core.models import OrgUnit, User
from ideowork.ledger.suggestions import suggest_targets
from ideowork.plans.models import PlanItem, Target

from .choices import MediaLevel

__all__ = ["LEVEL_RANK", "required_level", "level_counts", "targets_for"]

# Higher rank = higher level.
LEVEL_RANK = {MediaLevel.COUNTY: 1, MediaLevel.MUNICIPAL: 2, MediaLevel.PROVINCIAL: 3, MediaLevel.CENTRAL: 4}
_LEVEL_WORDS = [("中央", MediaLevel.CENTRAL), ("国家级", MediaLevel.CENTRAL), ("省级", MediaLevel.PROVINCIAL),
                ("省", MediaLevel.PROVINCIAL), ("市级", MediaLevel.MUNICIPAL), ("市", MediaLevel.MUNICIPAL),
                ("县级", MediaLevel.COUNTY), ("县", MediaLevel.COUNTY)]
_MEDIA_PHRASE = re.compile(r"(中央|国家级|省级?|市级?|县级?)(?:以上|及以上)?(?:主流)?(?:新闻)?媒体")


def required_level(text: str) -> str | None:
    """The lowest media level a target counts, or None when the target names no media level."""
    match = _MEDIA_PHRASE.search(text or "")
    if not match:
        return None
    word = match.group(1)
    return next(level for prefix, level in _LEVEL_WORDS if word.startswith(prefix))


def level_counts(level: str | None, minimum: str | None) -> bool:
    if minimum is None:
        return True
    return level is not None and LEVEL_RANK[level] >= LEVEL_RANK[minimum]


def targets_for(user: User, *, kind: str, day: date, unit: OrgUnit, item: PlanItem | None = None,
                media_level: str | None = None) -> list[Target]:
    """The ledger's suggested targets for an outlets record, without those its media level does not reach."""
    suggested = suggest_targets(user, kind=kind, day=day, unit=unit, item=item)
    return [t for t in suggested if level_counts(media_level, required_level(t.text))]
