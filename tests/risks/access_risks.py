"""Records for the access walk (tests/test_access.py): a city office risk with evidence."""

from ideowork.risks.models import RiskEvidence
from tests.risks.builders import make_risk, with_evidence

RISK_PAGES = ["detail", "edit", "progress", "closeout", "accept", "reopen"]
CITY_RECORD_PAGES = {f"risks:{name}" for name in RISK_PAGES} | {"risks:evidence_download"}


def objects(org) -> dict:
    risk = with_evidence(org, make_risk(org))
    evidence = RiskEvidence.objects.get(risk=risk)
    return {**{f"risks:{name}": risk.pk for name in RISK_PAGES}, "risks:evidence_download": evidence.pk}
