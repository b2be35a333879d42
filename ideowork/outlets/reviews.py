"""Outlets' part in the review workflow: content goes through 发布审核 (三审三校 by default).

The purpose's default steps seed each organ's default publishing flow the first time it is needed;
the organ's publicity staff then edit it like any other flow. Approval at the signing step is
refused while the proofreader has open errors (a registered blocker, so core imports nothing here).
"""

from ideowork.core.actions.review_registry import register_blocker, register_purpose, register_reviewable

__all__ = ["PUBLISH_STEPS", "register_reviews"]

# 三审三校: each 审 by a higher level, a 校 before each 审; the 终审 leader signs.
PUBLISH_STEPS = [
    {"name": "一校", "kind": "proofread", "role": "staff", "due_days": 1, "signs": False},
    {"name": "初审", "kind": "review", "role": "section_chief", "due_days": 2, "signs": False},
    {"name": "二校", "kind": "proofread", "role": "staff", "due_days": 1, "signs": False},
    {"name": "复审", "kind": "review", "role": "deputy", "due_days": 2, "signs": False},
    {"name": "三校", "kind": "proofread", "role": "staff", "due_days": 1, "signs": False},
    {"name": "终审", "kind": "review", "role": "head", "due_days": 2, "signs": True},
]


def _proofreading_blocker(content, stage) -> list[str]:
    from .actions.content import review_blockers

    return review_blockers(content, stage)


def register_reviews() -> None:
    from .models import ContentItem

    register_purpose("publish", "发布审核", steps=PUBLISH_STEPS, flow_name="三审三校（默认流程）")
    register_reviewable(ContentItem, purpose="publish", editors="outlets.publish")
    register_blocker(ContentItem, _proofreading_blocker)
