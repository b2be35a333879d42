"""How the risks area's records count toward targets (registered with the ledger's counting rules).

A screening campaign is one activity of the ledger's kind 排查, in the organiser's organ: it counts
toward a target that asks for 排查 (每季度开展1次意识形态风险隐患排查) under the campaign's own plan
item when the organiser chose one, else by its kind alone where a single item of the nearest plan
asks for screening — the ledger's one rule, with its reason shown beside the target.
"""

from ideowork.ledger.counting import register_counting_rule

__all__ = ["register_risks_counting"]


def register_risks_counting() -> None:
    register_counting_rule("risks.screeningcampaign")
