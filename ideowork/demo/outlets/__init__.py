"""The outlets part of the demo: the register, content under review, briefings and external publicity,
each built by its own module through the outlets services, in the order they depend on each other."""

from __future__ import annotations

from . import briefings, content, publicity, register

__all__ = ["build", "OUTLET_KINDS"]

# The city plan's activities of these kinds come from the outlets demo (published articles, issued
# briefings, board refreshes, placements), not from the generic year of ledger records.
OUTLET_KINDS = frozenset({"publication", "briefing", "board_update"})


def build(ctx, log=print) -> None:
    from ideowork.outlets.actions.proofreading import do_sync_shipped_rules

    do_sync_shipped_rules()
    register.build(ctx, log)
    content.build(ctx, log)
    briefings.build(ctx, log)
    publicity.build(ctx, log)
