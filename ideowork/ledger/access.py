"""Fetch and authorise ledger records in one step (see ``core/access.py``): 404 when not visible, a
Chinese 403 when visible but not allowed (``action="change"``: recorders whose scope holds the unit)."""

from ideowork.core.access import access

from .models import Activity, Evidence

__all__ = ["access_activity", "access_evidence"]

CHANGE_DENIED = "您无权修改该台账记录。"


def access_activity(user, pk, action: str = "view") -> Activity:
    return access(Activity.objects.select_related("org_unit", "item__plan", "created_by"), user, pk, action,
                  CHANGE_DENIED)


def access_evidence(user, pk, action: str = "view") -> Evidence:
    return access(Evidence.objects.select_related("activity__org_unit", "attachment"), user, pk, action,
                  CHANGE_DENIED)
