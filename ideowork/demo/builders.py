"""``ideowork demo``, area by area: each area's builder, in the order they depend on each other.

A builder is ``build(ctx, log)``: it writes its area's demo records through that area's own services,
finding what earlier builders made in ``ctx`` (units and users by key) or in the database, and reports
each step through ``log``. A later area (opinion, risks, oversight) adds its module beside these and
one entry to ``BUILDERS``; it edits no other builder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ideowork.ledger.reminders import send_target_reminders

from . import learning, opinion, outlets, people, plans, risks
from .context import DemoContext, png_photo

__all__ = ["Builder", "BUILDERS", "build_demo"]


@dataclass(frozen=True)
class Builder:
    area: str
    build: Callable[[DemoContext, Callable[[str], None]], None]
    # Activity kinds this builder records through its own services, by organ key ("city", "gov"), which
    # the plans builder's generic year of ledger records then leaves out of that organ's plan (nothing
    # is counted twice).
    own_kinds: dict[str, frozenset[str]] = field(default_factory=dict)


BUILDERS = [
    Builder("people", people.build),  # the organisation tree and a user for every role
    Builder("plans", plans.build),  # both seed plans, the responsibility lists, a year of ledger records
    Builder("learning", learning.build, own_kinds=learning.OWN_KINDS),
    Builder("outlets", outlets.build, own_kinds={"city": outlets.OUTLET_KINDS, "gov": outlets.OUTLET_KINDS}),
    Builder("opinion", opinion.build),  # sources of the city and 城关区, items through the ingestion service
    # the register (every status and level, in the city office and a county), the year's screening
    # campaigns, guidance down and reports up, assessments, plans, incidents, drills and joint meetings
    Builder("risks", risks.build, own_kinds=risks.OWN_KINDS),
]


def build_demo(today: date, log=print) -> DemoContext:
    own_kinds: dict[str, frozenset[str]] = {}
    for builder in BUILDERS:
        for organ, kinds in builder.own_kinds.items():
            own_kinds[organ] = own_kinds.get(organ, frozenset()) | kinds
    ctx = DemoContext(today=today, photo=png_photo(), own_kinds=own_kinds)
    for builder in BUILDERS:
        builder.build(ctx, log)
    # Reminders last, once every area has recorded its year.
    sent = send_target_reminders(today)
    log(f"已生成提醒 {sent.total} 条。")
    return ctx
