"""Panels the outlets area adds to other pages (registered through ``core.panels``).

``OFFICE_DASHBOARD`` (the office dashboard, given the selected plan): the outlet register's figures and
the outlets that need attention — overdue, dormant or under rectification.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from ideowork.core.panels import OFFICE_DASHBOARD, register_panel

ATTENTION_ROWS = 6


def outlet_register_panel(request, plan) -> str | None:
    from .choices import OutletStatus
    from .models import Outlet
    from .upkeep import days_overdue, register_counts

    if request is None or not request.user.is_authenticated:
        return None
    today = timezone.localdate()
    outlets = Outlet.objects.visible_to(request.user).select_related("org_unit", "responsible")
    if plan is not None:
        outlets = outlets.in_unit(plan.org_unit)
    outlets = list(outlets)
    if not outlets:
        return None
    attention = [o for o in outlets if o.status != OutletStatus.CLOSED
                 and (o.is_overdue(today) or o.status in (OutletStatus.DORMANT, OutletStatus.RECTIFYING))]
    attention.sort(key=lambda o: (o.status == OutletStatus.NORMAL, -days_overdue(o, today), o.name))
    rows = [{"outlet": o, "overdue": o.is_overdue(today), "late_days": days_overdue(o, today)}
            for o in attention[:ATTENTION_ROWS]]
    return render_to_string("outlets/outlet_panel.html", {
        "counts": register_counts(outlets, today), "rows": rows, "more": max(0, len(attention) - ATTENTION_ROWS),
    }, request=request)


register_panel(OFFICE_DASHBOARD, outlet_register_panel, order=40)
