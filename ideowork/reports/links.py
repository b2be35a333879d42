"""URLs to the records behind a number: every figure on a dashboard is a link."""

from datetime import date
from functools import lru_cache
from urllib.parse import urlencode

from django.urls import get_script_prefix, get_urlconf, reverse

__all__ = ["ledger_url", "progress_url"]


def ledger_url(**params) -> str:
    """The ledger list filtered by ``params`` (target, item, unit, person, kind, period_start, period_end, year)."""
    clean = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items() if v not in (None, "")}
    return f"{_path('ledger:list')}?{urlencode(clean)}"


def progress_url(plan, **params) -> str:
    clean = {"plan": plan.pk, **{k: v for k, v in params.items() if v not in (None, "")}}
    return f"{_path('reports:progress')}?{urlencode(clean)}"


def _path(name: str) -> str:
    """``reverse(name)``, once per URL configuration and script prefix: a dashboard links dozens of
    numbers to the same two pages."""
    return _reversed(name, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=64)
def _reversed(name: str, prefix: str, urlconf) -> str:
    return reverse(name, urlconf=urlconf)
