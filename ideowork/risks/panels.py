"""Panels the risks area adds to other pages (registered through ``core.panels``).

``OFFICE_DASHBOARD`` (the office dashboard, given the selected plan): the risk card — open risks by
level, overdue rectifications, the county bureaus (and sections) that have not reported in the organ's
current screening campaign, and early signs from below waiting to be acknowledged. The figures are
cached under every organ's ``risks`` version (``signals.py``; the counties' risks count on the city's
card, and one read of the versions costs less than finding the organs below) and the day ("overdue"
moves with the date): one query when cached, a fixed handful when not, whatever the register's size.
"""

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from ideowork.core.caching import cached_figure
from ideowork.core.choices import OrgKind
from ideowork.core.models import DataVersion
from ideowork.core.panels import OFFICE_DASHBOARD, register_panel

__all__ = ["risk_card", "risk_card_figures"]


def risk_card_figures(user, organ, today) -> dict:
    from .signals import RISKS_TOPIC

    versions = tuple(DataVersion.objects.filter(topic=RISKS_TOPIC).order_by("organ_id")
                     .values_list("organ_id", "version"))
    return cached_figure("risk_card", (user.pk, user.role, user.org_unit_id, organ.pk, today, versions),
                         lambda: _compute_figures(user, organ, today))


def _compute_figures(user, organ, today) -> dict:
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
