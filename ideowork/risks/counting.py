"""How the risks area's records count toward targets (registered with the ledger's counting rules).

A drill counts as 演练 toward the plan's drill requirement (每年不少于1次演练) — under the item the user
names, or by its kind alone when a single item of the nearest plan asks for drills. A joint meeting is
a 研判 only where the user names the item it belongs to: judging the situation is asked for by several
items (办务会专题研判, 年度形势分析研判, 联席会议), so its kind alone never decides.

A screening campaign is one activity of the ledger's kind 排查, in the organiser's organ: it counts
toward a target that asks for 排查 (每季度开展1次意识形态风险隐患排查) under the campaign's own plan
item when the organiser chose one, else by its kind alone where a single item of the nearest plan
asks for screening — the ledger's one rule, with its reason shown beside the target.
"""

from ideowork.ledger.counting import register_counting_rule

__all__ = ["register_risks_counting"]


def register_risks_counting() -> None:
    register_counting_rule("risks.drill")
    register_counting_rule("risks.jointmeeting", by_kind_alone=False)
    register_counting_rule("risks.screeningcampaign")
