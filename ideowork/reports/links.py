"""URLs to the records behind a number: every figure on a dashboard is a link."""

from datetime import date
from urllib.parse import urlencode

from django.urls import reverse

__all__ = ["ledger_url", "progress_url"]


def ledger_url(**params) -> str:
    """The ledger list filtered by ``params`` (target, item, unit, person, kind, period_start, period_end, year)."""
    clean = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items() if v not in (None, "")}
    return f"{reverse('ledger:list')}?{urlencode(clean)}"


def progress_url(plan, **params) -> str:
    clean = {"plan": plan.pk, **{k: v for k, v in params.items() if v not in (None, "")}}
    return f"{reverse('reports:progress')}?{urlencode(clean)}"
