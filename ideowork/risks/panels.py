"""Panels the risks area adds to other pages (registered through ``core.panels``).

``OFFICE_DASHBOARD`` (the office dashboard, given the selected plan): the risk card — open risks by
level, overdue rectifications, the county bureaus (and sections) that have not reported in the organ's
current screening campaign, and early signs from below waiting to be acknowledged. A fixed handful of
queries whatever the size of the register.
"""

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from ideowork.core.choices import OrgKind
from ideowork.core.panels import OFFICE_DASHBOARD, register_panel

__all__ = ["risk_card", "risk_card_figures"]


def risk_card_figures(user, organ, today) -> dict:
    from .actions.matrix import current_matrix
    from .choices import OPEN_STATUSES, CampaignStatus, UpwardStatus
    from .models import CampaignReturn, Risk, ScreeningCampaign, UpwardReport

    visible = Risk.objects.visible_to(user)
    risks = visible.filter(org_unit__organ=organ)
    by_level = dict(risks.filter(status__in=OPEN_STATUSES).values_list("inherent_level").annotate(n=Count("id"))
                    .order_by())
    matrix = current_matrix(organ)
    levels = [{"rank": rank, "level": level, "count": by_level.get(rank, 0)}
              for rank, level in reversed(list(enumerate(matrix.levels)))]
    campaign = (ScreeningCampaign.objects.visible_to(user).filter(org_unit=organ, status=CampaignStatus.OPEN)
                .order_by("-opened_at").first())
    pending = []
    if campaign is not None:
        pending = list(CampaignReturn.objects.visible_to(user).filter(campaign=campaign).pending()
                       .select_related("org_unit"))
    return {
        "levels": levels, "open": sum(by_level.values()), "overdue": risks.overdue(today).count(),
        "below_open": visible.in_unit(organ).exclude(org_unit__organ=organ).filter(status__in=OPEN_STATUSES).count(),
        "campaign": campaign, "pending_counties": [r for r in pending if r.org_unit.kind == OrgKind.COUNTY],
        "pending_sections": [r for r in pending if r.org_unit.kind != OrgKind.COUNTY],
        "early_signs": UpwardReport.objects.visible_to(user).exclude(org_unit=organ)
        .filter(status=UpwardStatus.REPORTED).count(),
    }


def risk_card(request, plan) -> str | None:
    from .actions.matrix import organ_of

    if request is None or not request.user.is_authenticated or not request.user.is_manager:
        return None
    root = request.user.scope_root
    if root is None:
        return None
    organ = organ_of(plan.org_unit if plan is not None else root)
    return render_to_string("risks/risk_card.html", {
        **risk_card_figures(request.user, organ, timezone.localdate()), "organ": organ,
    }, request=request)


register_panel(OFFICE_DASHBOARD, risk_card, order=60)
