"""Events (舆情事件): the same story, however many outlets carry it, as one record a unit handles.

An event belongs to the unit that watches it: the unit of the scheme whose matches formed it
(``ItemMatch.event``), so that scoping reads one column — a unit sees its own events and those of
the units below it. Two units watching the same story each have their own event. The figures
(items, outlets, reprints, first and last seen, sentiment and grade) are kept on the row by the
events service, so that list pages read no aggregate; the spread curve is read from the matches.

``status`` is where the handling stands (研判 → 处置 → 回应 → 销号); ``assigned_unit`` and
``deadline`` say who handles it by when; ``reported_at`` is set when a county reports it upward.
An event merged into another keeps its row, with ``merged_into`` set and no matches of its own.
"""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from ideowork.core.choices import BUSINESS_ROLES, Role
from ideowork.core.models import CreatedAt, person_field
from ideowork.core.scoping import Allow

from ..choices import EventStatus, Grade, Sentiment
from .handling import HandlingMixin
from .scoping import OpinionQuerySet

__all__ = ["Event", "LIVE", "ASSIGNED_AWAY"]

LIVE = Q(merged_into__isnull=True)
# Assigned to a unit other than its own (the city's event to a county bureau): few, and indexed apart.
ASSIGNED_AWAY = Q(assigned_unit__isnull=False) & ~Q(assigned_unit=F("org_unit"))


class EventQuerySet(OpinionQuerySet):
    # "change" (judge, assign, report, escalate): the handling staff of the watching unit's subtree;
    # "handle" (respond, joint handling, ask for 销号): also those of the unit it is assigned to.
    actions = {"change": "opinion.handle", "handle": Allow("opinion.handle", at="assigned_unit")}

    def viewable_by(self, user):
        """Also the events assigned to a unit of the user's subtree (the city assigns to a county bureau)."""
        visible = super().viewable_by(user)
        root = user.scope_root if user.is_authenticated and user.is_active else None
        if root is None or user.role not in BUSINESS_ROLES or user.role == Role.CADRE:
            return visible
        return visible | self.filter(assigned_unit__path__startswith=root.path)

    def live(self):
        """Events not merged into another."""
        return self.filter(LIVE)


class Event(CreatedAt, HandlingMixin, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="opinion_events")
    # The analyser's event key (``analysis.events.Assignment.key``), unique within the unit.
    key = models.CharField("事件指纹", max_length=40)
    title = models.CharField("事件名称", max_length=500)
    first_item = models.ForeignKey("opinion.Item", verbose_name="首发信息", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    first_source_name = models.CharField("首发来源", max_length=200, blank=True)
    first_seen_at = models.DateTimeField("首次发现", default=timezone.now)
    last_seen_at = models.DateTimeField("最近发现", default=timezone.now)
    item_count = models.PositiveIntegerField("信息数", default=0)
    reprint_count = models.PositiveIntegerField("转载数", default=0)
    outlet_count = models.PositiveIntegerField("媒体数", default=0)
    sentiment = models.CharField("倾向", max_length=8, choices=Sentiment.choices, blank=True)
    grade = models.CharField("等级", max_length=1, choices=Grade.choices, blank=True)
    # Why the grade: the lead item, the points and the reasons (``actions/events.py``), for the event page.
    analysis = models.JSONField("定级依据", default=dict, blank=True)

    status = models.CharField("处置状态", max_length=12, choices=EventStatus.choices, default=EventStatus.JUDGING)
    assigned_unit = models.ForeignKey("core.OrgUnit", verbose_name="处置单位", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="opinion_events_assigned")
    deadline = models.DateTimeField("处置时限", null=True, blank=True)
    reported_at = models.DateTimeField("上报时间", null=True, blank=True)
    # Indexed only where set (``opinion_event_merged``): a full index, nearly all NULL, misleads SQLite's
    # planner into reading every live event through it for ``merged_into IS NULL``.
    merged_into = models.ForeignKey("self", verbose_name="并入事件", null=True, blank=True, db_index=False,
                                    on_delete=models.SET_NULL, related_name="merged")
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = person_field("最后修改人")

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "舆情事件"
        ordering = ["-last_seen_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "key"], name="opinion_event_unit_key_unique")]
        # The list (``event_listing.py``) reads the live events of one unit in order, and finds the units
        # whose events were assigned into a reader's subtree from outside it.
        indexes = [models.Index(fields=["org_unit", "-last_seen_at", "-id"], name="opinion_event_live_seen",
                                condition=LIVE),
                   models.Index(fields=["org_unit", "status", "-last_seen_at"], name="opinion_event_unit_status"),
                   models.Index(fields=["assigned_unit", "status"], name="opinion_event_assigned",
                                condition=Q(assigned_unit__isnull=False)),
                   models.Index(fields=["assigned_unit", "org_unit"], name="opinion_event_assigned_away",
                                condition=LIVE & ASSIGNED_AWAY),
                   models.Index(fields=["merged_into"], name="opinion_event_merged",
                                condition=Q(merged_into__isnull=False))]

    def __str__(self) -> str:
        return self.title
