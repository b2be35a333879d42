"""Risks' part in the review workflow: close-out (销号) goes through core's 销号 purpose (科室审核,
then the leader's 销号确认), edited by the holders of ``risks.manage``; approval is refused while the
risk has no evidence (a registered blocker)."""

from ideowork.core.actions.review_registry import register_blocker, register_reviewable

__all__ = ["register_reviews"]


def _evidence_blocker(risk, stage) -> list[str]:
    from .actions.closeout import closeout_blockers

    return closeout_blockers(risk, stage)


def register_reviews() -> None:
    from .models import Risk

    register_reviewable(Risk, purpose="closeout", editors="risks.manage")
    register_blocker(Risk, _evidence_blocker)
