"""Writing the register's history: the one writer of ``RiskHistory``."""

from django.utils import timezone

from ..models import Risk, RiskHistory, RiskProgress

__all__ = ["write_history", "risk_state"]


def risk_state(risk: Risk) -> dict:
    """The register's columns of ``risk`` now, for the audit trail's old/new."""
    return {"title": risk.title, "description": risk.description, "area": risk.area, "source": risk.source, "likelihood": risk.likelihood,
            "impact": risk.impact, "level": risk.level["name"],
            "residual_level": risk.residual["name"] if risk.residual else None,
            "owner": risk.owner.name if risk.owner_id else "", "measures": risk.measures,
            "deadline": risk.deadline.isoformat() if risk.deadline else None, "status": risk.status}


def write_history(risk: Risk, actor, event: str, note: str = "", now=None) -> RiskHistory:
    """End the risk's current history row and start the one for its state now. Caller is inside the
    transaction of the change, after saving ``risk``."""
    now = now or timezone.now()
    RiskHistory.objects.filter(risk=risk, valid_to__isnull=True).update(valid_to=now)
    latest = RiskProgress.objects.filter(risk=risk).order_by("-date", "-id").values_list("text", flat=True).first()
    level = risk.level
    return RiskHistory.objects.create(
        risk=risk, org_unit_id=risk.org_unit_id, valid_from=now, event=event, note=note[:300], actor=actor,
        area=risk.area, title=risk.title, source=risk.source, likelihood=risk.likelihood, impact=risk.impact,
        inherent_level=risk.inherent_level, residual_level=risk.residual_level, level_name=level["name"],
        level_colour=level["colour"], owner_name=risk.owner.name if risk.owner_id else "", measures=risk.measures,
        deadline=risk.deadline, status=risk.status, progress=latest or "")
