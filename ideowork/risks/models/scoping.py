"""What the risks area's records share in the scoping policy."""

from django.db.models import Q

from ideowork.core.scoping import CHANGE, ORGAN, Allow, ScopedQuerySet

__all__ = ["RisksQuerySet", "ManagedQuerySet", "MANAGE", "DECIDE_RULE"]

MANAGE = "risks.manage"
# Close-out is confirmed and a risk accepted by the leaders of the risk's own organ (a county
# bureau's by its own leaders, not the city's).
DECIDE_RULE = Allow(leaders=True, within=ORGAN)


class RisksQuerySet(ScopedQuerySet):
    """Risk prevention is the office's work, not a cadre's: a cadre sees none of it. A county bureau
    sees its own records, the city office its own and its county bureaus' (core's "view")."""

    def cadre_filter(self, user) -> Q:
        return Q(pk__in=[])


class ManagedQuerySet(RisksQuerySet):
    """Records the holders of ``risks.manage`` change in their subtree (assessments, plans, incidents,
    drills, meetings, tasks)."""

    actions = {CHANGE: MANAGE}
