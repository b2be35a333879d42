"""Risks' part in the review workflow.

- Close-out (销号) of a risk goes through core's 销号 purpose (科室审核, then the leader's 销号确认);
  approval is refused while the risk has no evidence (a registered blocker).
- An assessment of a proposed measure is signed off through core's 签批 (the head by default);
  approval is refused while a checklist item, the findings or the conclusion is missing.
- Each version of an emergency plan is approved through core's 签批; the approved one becomes the
  plan's current version.

All flows are edited by the holders of ``risks.manage``.
"""

from ideowork.core.actions.review_registry import register_blocker, register_reviewable

__all__ = ["register_reviews"]


def _evidence_blocker(risk, stage) -> list[str]:
    from .actions.closeout import closeout_blockers

    return closeout_blockers(risk, stage)


def _assessment_blocker(assessment, stage) -> list[str]:
    from .actions.assessments import submission_blockers

    return submission_blockers(assessment, stage)


def register_reviews() -> None:
    from .models import Assessment, PlanVersion, Risk

    register_reviewable(Risk, purpose="closeout", editors="risks.manage")
    register_blocker(Risk, _evidence_blocker)
    register_reviewable(Assessment, purpose="signoff", editors="risks.manage")
    register_blocker(Assessment, _assessment_blocker)
    register_reviewable(PlanVersion, purpose="signoff", editors="risks.manage")
