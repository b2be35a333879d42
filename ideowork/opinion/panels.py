"""Panels the opinion area adds to other pages (registered through ``core.panels``).

``OFFICE_DASHBOARD`` (the office dashboard): the opinion card — today's new items matched by the
reader's units' schemes and their negative share, the events in hand by grade and those past their
deadline, and the latest briefing.

Both figures are cached (``core/caching.py``) under every organ's version of their data, read in one
query before either is computed — any organ's source may feed a scheme above it, and an event may be
seen from the unit it is assigned to, so one read of all the versions costs less than finding the
organs in reach:

- the items (``opinion.items``, raised by the ingestion) and the day;
- the events (``opinion.events``, raised by every write that changes an event's status, grade,
  deadline or merge: the events service, merge and split, every handling service). "Overdue" also
  moves with the clock, so the figures carry the earliest deadline still ahead of them (``until``) and
  are recomputed once it has passed: an event crossing its deadline shows as overdue at once, with no
  write.

Two queries with the figures cached (the versions, the latest briefing), four without.
"""

from datetime import datetime, time

from django.db.models import Count, Min, Q
from django.template.loader import render_to_string
from django.utils import timezone

from ideowork.core.caching import DAY, cache_set, cached_figure, figure_key
from ideowork.core.models import DataVersion, OrgUnit
from ideowork.core.panels import OFFICE_DASHBOARD, register_panel

__all__ = ["opinion_card", "item_figures", "event_figures"]


def _card_versions() -> dict[str, tuple]:
    """{topic: ((organ, version), …)} of the items and the events, in one query."""
    from .actions.events import EVENTS_TOPIC
    from .actions.ingest import ITEMS_TOPIC

    versions: dict[str, list] = {ITEMS_TOPIC: [], EVENTS_TOPIC: []}
    for topic, organ_id, version in (DataVersion.objects.filter(topic__in=list(versions))
                                     .order_by("topic", "organ_id").values_list("topic", "organ_id", "version")):
        versions[topic].append((organ_id, version))
    return {topic: tuple(rows) for topic, rows in versions.items()}


def _reader(user, root: OrgUnit) -> tuple:
    """What decides which records the reader sees: part of every key of the card."""
    return (user.pk, user.role, user.org_unit_id, root.pk)


def item_figures(user, root: OrgUnit, versions: tuple) -> dict:
    """Today's new items the user's schemes matched, and how many of them are negative; ``versions``: the
    items' (``_card_versions``)."""
    from .choices import Sentiment
    from .models import ItemMatch

    today = timezone.localdate()

    def compute() -> dict:
        since = datetime.combine(today, time.min, timezone.get_current_timezone())
        return (ItemMatch.objects.visible_to(user).filter(arrived_at__gte=since)
                .aggregate(total=Count("item_id", distinct=True),
                           negative=Count("item_id", distinct=True, filter=Q(item__sentiment=Sentiment.NEGATIVE))))

    return cached_figure("opinion_card_items", (*_reader(user, root), today, versions), compute)


def event_figures(user, root: OrgUnit, versions: tuple) -> dict:
    """The live events in hand the user sees: ``{"by_grade": {grade: n}, "overdue": n, "until": the
    earliest deadline not yet passed, or None}``; ``versions``: the events' (``_card_versions``).

    A stored figure is used up to ``until`` and recomputed (and stored again) after it."""
    from .briefing_figures import OPEN_STATUSES
    from .models import Event

    def compute() -> dict:
        now = timezone.now()
        rows = (Event.objects.visible_to(user).live().filter(status__in=OPEN_STATUSES).values("grade")
                .annotate(n=Count("id"), late=Count("id", filter=Q(deadline__lt=now)),
                          ahead=Min("deadline", filter=Q(deadline__gte=now))).order_by())
        ahead = [row["ahead"] for row in rows if row["ahead"] is not None]
        return {"by_grade": {row["grade"]: row["n"] for row in rows}, "overdue": sum(row["late"] for row in rows),
                "until": min(ahead, default=None)}

    parts = (*_reader(user, root), versions)
    figures = cached_figure("opinion_card_events", parts, compute)
    if figures["until"] is not None and timezone.now() > figures["until"]:
        figures = compute()
        cache_set(figure_key("opinion_card_events", parts), figures, DAY)
    return figures


def opinion_card(request, plan) -> str | None:
    from .actions.events import EVENTS_TOPIC
    from .actions.ingest import ITEMS_TOPIC
    from .choices import Grade
    from .models import Briefing

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_capability("opinion.monitor"):
        return None
    root = user.scope_root
    if root is None:
        return None
    versions = _card_versions()
    items = item_figures(user, root, versions[ITEMS_TOPIC])
    events = event_figures(user, root, versions[EVENTS_TOPIC])
    by_grade = events["by_grade"]
    grades = [{"code": code, "label": label, "count": by_grade.get(code, 0)} for code, label in reversed(Grade.choices)]
    if by_grade.get(""):
        grades.append({"code": "", "label": "未定级", "count": by_grade[""]})
    latest = Briefing.objects.visible_to(user).filter(org_unit=root).order_by("-period_end", "-id").first()
    share = round(100 * items["negative"] / items["total"]) if items["total"] else 0
    return render_to_string("opinion/opinion_card.html", {
        "items": items, "share": share, "grades": grades, "open": sum(by_grade.values()),
        "overdue": events["overdue"], "latest": latest,
    }, request=request)


register_panel(OFFICE_DASHBOARD, opinion_card, order=45)
