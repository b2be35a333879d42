"""Plans' endpoints on the HTTP API (``core/api``): ``GET /api/v1/plans/`` — the work plans the
client's unit sees, read through the scoping policy like the plan list page."""

from ninja import Router, Schema

from ideowork.core.api.auth import require_capability

from .models import WorkPlan

__all__ = ["router"]

router = Router(tags=["工作要点"])


class PlanOut(Schema):
    id: int
    year: int
    title: str
    unit: str
    status: str
    issuer: str
    doc_number: str


@router.get("/", response=list[PlanOut], summary="本单位可见的工作要点", url_name="plan_list")
def plan_list(request, year: int | None = None):
    require_capability(request, "plans.read")
    plans = WorkPlan.objects.visible_to(request.auth).select_related("org_unit").order_by("-year", "pk")
    if year is not None:
        plans = plans.filter(year=year)
    return [{"id": p.pk, "year": p.year, "title": p.title, "unit": p.org_unit.name, "status": p.status,
             "issuer": p.issuer, "doc_number": p.doc_number} for p in plans]
