"""Fetching the risks area's records authorised in one step (see ``core/access.py``): 404 when a
record is not visible, a Chinese 403 when it is visible but the action is not allowed."""

from ideowork.core.access import accessor

from .models import Risk, RiskEvidence

__all__ = ["access_risk", "access_evidence"]

access_risk = accessor(Risk, "org_unit", "owner", "matrix", "carried_from", "accepted_by",
                       message="您无权处置该风险隐患。")
access_evidence = accessor(RiskEvidence, "attachment", "risk")
