"""Panels the opinion area adds to other pages (registered through ``core.panels``).

``OFFICE_DASHBOARD`` (the office dashboard): the opinion card — today's new items matched by the
reader's units' schemes and their negative share (cached under every organ's ``opinion.items``
version — any organ's source may feed a scheme above it, and one read of the versions costs less than
finding the organs in reach — and the day), the events in hand by grade and those past their deadline
(one indexed aggregate, read live: "overdue" moves with the clock), and the latest briefing. Three
queries with the figures cached, four without.
"""

from datetime import datetime, time

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone

from ideowork.core.caching import cached_figure
from ideowork.core.models import DataVersion, OrgUnit
from ideowork.core.panels import OFFICE_DASHBOARD, register_panel

__all__ = ["opinion_card", "item_figures"]


def item_figures(user, root: OrgUnit) -> dict:
    """Today's new items the user's schemes matched, and how many of them are negative."""
    from .actions.ingest import ITEMS_TOPIC
    from .choices import Sentiment
    from .models import ItemMatch

    today = timezone.localdate()
    versions = tuple(DataVersion.objects.filter(topic=ITEMS_TOPIC).order_by("organ_id")
                     .values_list("organ_id", "version"))

    def compute() -> dict:
        since = datetime.combine(today, time.min, timezone.get_current_timezone())
        return (ItemMatch.objects.visible_to(user).filter(arrived_at__gte=since)
                .aggregate(total=Count("item_id", distinct=True),
                           negative=Count("item_id", distinct=True, filter=Q(item__sentiment=Sentiment.NEGATIVE))))

    return cached_figure("opinion_card_items", (user.pk, user.role, user.org_unit_id, root.pk, today, versions), compute)


def opinion_card(request, plan) -> str | None:
    from .briefing_figures import OPEN_STATUSES
    from .choices import Grade
    from .models import Briefing, Event

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_capability("opinion.monitor"):
        return None
    root = user.scope_root
    if root is None:
        return None
    items = item_figures(user, root)
    rows = (Event.objects.visible_to(user).live().filter(status__in=OPEN_STATUSES).values("grade")
            .annotate(n=Count("id"), late=Count("id", filter=Q(deadline__lt=timezone.now()))).order_by())
    by_grade = {row["grade"]: row["n"] for row in rows}
    overdue = sum(row["late"] for row in rows)
    grades = [{"code": code, "label": label, "count": by_grade.get(code, 0)} for code, label in reversed(Grade.choices)]
    if by_grade.get(""):
        grades.append({"code": "", "label": "未定级", "count": by_grade[""]})
    latest = Briefing.objects.visible_to(user).filter(org_unit=root).order_by("-period_end", "-id").first()
    share = round(100 * items["negative"] / items["total"]) if items["total"] else 0
    return render_to_string("opinion/opinion_card.html", {
        "items": items, "share": share, "grades": grades, "open": sum(by_grade.values()), "overdue": overdue,
        "latest": latest,
    }, request=request)


register_panel(OFFICE_DASHBOARD, opinion_card, order=45)
