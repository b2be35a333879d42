"""Reading the register: the filtered list, the heat map's counts, and the register as it stood at a
past quarter end. Every read starts from ``visible_to``; none grows its number of queries with the data.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone

from ideowork.core.forms.filters import filter_by

from .choices import OPEN_STATUSES
from .forms import ACTIVE
from .models import Risk, RiskHistory

__all__ = ["filtered_register", "in_force", "heat_counts", "quarter_ends", "as_of_moment", "AsOfPage", "as_of_page", "PAGE_SIZE"]

PAGE_SIZE = 30


def filtered_register(user, data: dict, today: date):
    """The risks ``user`` sees, narrowed by a filter form's cleaned ``data``."""
    risks = Risk.objects.visible_to(user).select_related("org_unit", "owner", "matrix")
    status = data.get("status")
    if status == ACTIVE:
        risks = risks.filter(status__in=OPEN_STATUSES)
    elif status:
        risks = risks.filter(status=status)
    if data.get("level") is not None:
        risks = risks.filter(inherent_level=data["level"])
    if data.get("unit"):
        risks = risks.filter(org_unit__path__startswith=data["unit"].path)
    if data.get("organ"):
        risks = risks.filter(org_unit__organ=data["organ"])
    if data.get("overdue"):
        risks = risks.overdue(today)
    return filter_by(risks, data, {"area": "area", "likelihood": "likelihood", "impact": "impact",
                                   "q": "title__icontains"})


def heat_counts(user, organ) -> dict[tuple[int, int], int]:
    """Open risks of ``organ``'s register by (likelihood, impact): one grouped query."""
    rows = (Risk.objects.visible_to(user).filter(org_unit__organ=organ, status__in=OPEN_STATUSES)
            .values_list("likelihood", "impact").annotate(n=Count("id")).order_by())
    return {(l, i): n for l, i, n in rows}


def quarter_ends(today: date, years: int = 3) -> list[date]:
    """The past quarter ends, latest first, over the last ``years`` years."""
    ends = []
    for year in range(today.year, today.year - years, -1):
        for month, day in ((12, 31), (9, 30), (6, 30), (3, 31)):
            end = date(year, month, day)
            if end < today:
                ends.append(end)
    return ends


def as_of_moment(day: date) -> datetime:
    """The end of ``day`` (local time): the register "as at 31 March" includes that day's changes."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


@dataclass
class AsOfPage:
    page: object  # a Paginator page of risk ids
    rows: list  # RiskHistory rows in force, in the page's order


def in_force(user, moment):
    """The history rows in force at ``moment``: what the register said then."""
    return (RiskHistory.objects.visible_to(user).filter(valid_from__lt=moment)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=moment)))


def as_of_page(user, day: date, page_number, unit=None, level: int | None = None, status: str = "") -> AsOfPage:
    """The register as it stood at the end of ``day``: the risks registered by then (a page of them,
    counted on the register's own index), and for each the history row in force then — found by its
    (risk, valid_from) index, one short range per risk of the page. Four queries whatever the data.

    Filtered by the level or the status the risks had *then* (``level``, ``status``: 未办结 is
    ``ACTIVE``), the page is of the rows in force that match, read from the history itself."""
    moment = as_of_moment(day)
    if level is not None or status:
        rows = in_force(user, moment)
        if unit is not None:
            rows = rows.filter(org_unit__path__startswith=unit.path)
        if level is not None:
            rows = rows.filter(inherent_level=level)
        if status == ACTIVE:
            rows = rows.filter(status__in=OPEN_STATUSES)
        elif status:
            rows = rows.filter(status=status)
        page = Paginator(rows.order_by("risk_id").values_list("id", flat=True), PAGE_SIZE).get_page(page_number)
        rows = RiskHistory.objects.visible_to(user).filter(pk__in=list(page)).select_related("org_unit")
        by_id = {row.pk: row for row in rows}
        return AsOfPage(page, [by_id[pk] for pk in page if pk in by_id])
    risks = Risk.objects.visible_to(user).filter(created_at__lt=moment)
    if unit is not None:
        risks = risks.filter(org_unit__path__startswith=unit.path)
    page = Paginator(risks.order_by("id").values_list("id", flat=True), PAGE_SIZE).get_page(page_number)
    ids = list(page)
    rows = in_force(user, moment).filter(risk_id__in=ids).select_related("org_unit")
    by_risk = {row.risk_id: row for row in rows}
    return AsOfPage(page, [by_risk[pk] for pk in ids if pk in by_risk])
