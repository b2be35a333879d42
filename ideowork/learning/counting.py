"""How learning's records count toward targets (registered with the ledger's counting rules)."""

from ideowork.ledger.counting import register_counting_rule
from ideowork.plans.choices import Per

__all__ = ["register_learning_counting"]


def _per_person(target, reflection) -> str | None:
    """A reflection is one person's writing: it counts toward targets counted per person."""
    return "每人撰写的心得计入按人统计的指标" if target.per == Per.PERSON else None


def register_learning_counting() -> None:
    register_counting_rule("learning.reflection", qualifier=_per_person)
