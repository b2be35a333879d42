"""Opinion's part in the review workflow: an event's 销号 goes through core's 销号 purpose (科室审核, then
the leader's 销号确认), edited by the holders of ``opinion.handle``; approval is refused while a response
to be published has not been published (a registered blocker)."""

from ideowork.core.actions.review_registry import register_blocker, register_reviewable

__all__ = ["register_reviews"]


def _closeout_blocker(event, stage) -> list[str]:
    from .actions.handling import closeout_blockers

    return closeout_blockers(event, stage)


def register_reviews() -> None:
    from .models import Event

    register_reviewable(Event, purpose="closeout", editors="opinion.handle")
    register_blocker(Event, _closeout_blocker)
