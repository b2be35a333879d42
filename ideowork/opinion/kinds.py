"""The activity kinds opinion records in the ledger, with the words of a target's phrase asking for each:
the daily patrol (每日巡查 → ``opinion_patrol``) and a handled, closed event (``opinion_response``)."""

from ideowork.core.activity_kinds import register_activity_kind

__all__ = ["register_opinion_kinds"]


def register_opinion_kinds() -> None:
    register_activity_kind("opinion_patrol", "舆情巡查", "opinion", keywords=("舆情巡查", "巡查主流媒体", "巡查社交平台", "网络巡查"),
                           rank=55, order=200)
    register_activity_kind("opinion_response", "舆情处置", "opinion", keywords=("舆情处置", "舆情应对", "处置舆情"),
                           rank=45, order=210)
