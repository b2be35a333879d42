"""The outlets part of the demo: the register, content under review, briefings and external publicity,
each built by its own module through the outlets services, in the order they depend on each other."""

from __future__ import annotations

from . import demo_outlets_briefings, demo_outlets_content, demo_outlets_publicity, demo_outlets_register

__all__ = ["build_outlets_demo", "OUTLET_KINDS"]

# The city plan's activities of these kinds come from the outlets demo (published articles, issued
# briefings, board refreshes, placements), not from the generic year of ledger records.
OUTLET_KINDS = frozenset({"publication", "briefing", "board_update"})


def build_outlets_demo(ctx, log=print) -> None:
    from ideowork.outlets.actions.proofreading import do_sync_shipped_rules

    do_sync_shipped_rules()
    demo_outlets_register.build(ctx, log)
    demo_outlets_content.build(ctx, log)
    demo_outlets_briefings.build(ctx, log)
    demo_outlets_publicity.build(ctx, log)
