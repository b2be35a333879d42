"""Panels the opinion area adds to other pages (registered through ``core.panels``).

``OFFICE_DASHBOARD`` (the office dashboard): the opinion card — today's new items matched by the
reader's units' schemes and their negative share (cached under the ``opinion.items`` versions of every
organ whose sources those schemes reach, and the day), the events in hand by grade and those past their
deadline (read live: a handful of indexed counts, and "overdue" moves with the clock).
"""

from datetime import datetime, time

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from ideowork.core.caching import cached_figure
from ideowork.core.models import OrgUnit
from ideowork.core.panels import OFFICE_DASHBOARD, register_panel
from ideowork.core.versions import read_versions

__all__ = ["opinion_card", "item_figures"]


def _organs_in_reach(root: OrgUnit) -> list[int]:
    """The organs whose sources the schemes of ``root``'s subtree reach: those of the subtree and above."""
    below = OrgUnit.objects.filter(path__startswith=root.path).values_list("organ_id", "pk")
    above = [int(part) for part in root.path.split(".") if part]
    return sorted({organ or pk for organ, pk in below} | set(above))


def item_figures(user, root: OrgUnit) -> dict:
    """Today's new items the user's schemes matched, and how many of them are negative."""
    from .actions.ingest import ITEMS_TOPIC
    from .choices import Sentiment
    from .models import ItemMatch

    today = timezone.localdate()
    versions = read_versions(ITEMS_TOPIC, _organs_in_reach(root))

    def compute() -> dict:
        since = datetime.combine(today, time.min, timezone.get_current_timezone())
        matches = ItemMatch.objects.visible_to(user).filter(arrived_at__gte=since)
        total = matches.values("item_id").distinct().count()
        negative = (matches.filter(item__sentiment=Sentiment.NEGATIVE).values("item_id").distinct().count()
                    if total else 0)
        return {"total": total, "negative": negative}

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
    events = Event.objects.visible_to(user).live().filter(status__in=OPEN_STATUSES)
    by_grade = dict(events.values("grade").annotate(n=Count("id")).order_by().values_list("grade", "n"))
    grades = [{"code": code, "label": label, "count": by_grade.get(code, 0)} for code, label in reversed(Grade.choices)]
    if by_grade.get(""):
        grades.append({"code": "", "label": "未定级", "count": by_grade[""]})
    overdue = events.filter(deadline__lt=timezone.now()).count()
    latest = Briefing.objects.visible_to(user).filter(org_unit=root).order_by("-period_end", "-id").first()
    share = round(100 * items["negative"] / items["total"]) if items["total"] else 0
    return render_to_string("opinion/opinion_card.html", {
        "items": items, "share": share, "grades": grades, "open": sum(by_grade.values()), "overdue": overdue,
        "latest": latest,
    }, request=request)


register_panel(OFFICE_DASHBOARD, opinion_card, order=45)
