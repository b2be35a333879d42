"""What arrives (舆情信息): one row per story per source, stored once.

The same item arriving twice — the same URL, or the same normalised title and text from the same
source — is stored once (``url_key`` and ``content_key`` are unique per source). ``org_unit`` is the
source's unit, copied so that a unit's list pages read one index. No author handle or user id of a
source is kept, and phone and ID numbers are masked before the text is stored (privacy by design);
the text itself is purged after the retention period while the row and its figures stay.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..choices import EventJoin, Grade, Sentiment
from .scoping import OpinionQuerySet

__all__ = ["Item", "ItemMatch"]


class ItemQuerySet(OpinionQuerySet):
    actions = {"change": "opinion.monitor"}


class Item(models.Model):
    source = models.ForeignKey("opinion.Source", verbose_name="来源", on_delete=models.PROTECT,
                               related_name="items")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="opinion_items")
    outlet_name = models.CharField("发布媒体/账号", max_length=200, blank=True)
    url = models.URLField("原文链接", max_length=1000, blank=True)
    url_key = models.CharField("链接指纹", max_length=64, blank=True)
    content_key = models.CharField("内容指纹", max_length=64)
    title = models.CharField("标题", max_length=500)
    text = models.TextField("正文", blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    arrived_at = models.DateTimeField("接收时间", default=timezone.now)
    reads = models.PositiveIntegerField("阅读数", null=True, blank=True)
    reposts = models.PositiveIntegerField("转发数", null=True, blank=True)
    comments = models.PositiveIntegerField("评论数", null=True, blank=True)
    likes = models.PositiveIntegerField("点赞数", null=True, blank=True)

    sentiment = models.CharField("倾向", max_length=8, choices=Sentiment.choices, blank=True)
    grade = models.CharField("等级", max_length=1, choices=Grade.choices, blank=True)
    # Why the item got its sentiment and grade, for the item page.
    analysis = models.JSONField("研判依据", default=dict, blank=True)
    # What the event index keeps of the item (``analysis.events.Signature`` as ``signature_to_json``
    # writes it), so that a worker rebuilds a unit's index from the database; set when a scheme first
    # matches the item (the items no scheme matches join no event).
    signature = models.JSONField("事件特征", null=True, blank=True)
    text_purged_at = models.DateTimeField("正文清理时间", null=True, blank=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "舆情信息"
        ordering = ["-arrived_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "url_key"], condition=~Q(url_key=""),
                                    name="opinion_item_source_url_unique"),
            models.UniqueConstraint(fields=["source", "content_key"], name="opinion_item_source_content_unique"),
        ]
        indexes = [models.Index(fields=["org_unit", "-arrived_at", "-id"], name="opinion_item_unit_arrived"),
                   models.Index(fields=["source", "-arrived_at"], name="opinion_item_source_arrived")]

    def __str__(self) -> str:
        return self.title


class ItemMatchQuerySet(OpinionQuerySet):
    actions = {"change": "opinion.monitor"}


class ItemMatch(models.Model):
    """An item matched by a scheme; the scheme's unit sees it (``org_unit`` is the scheme's unit and
    ``arrived_at`` the item's, copied so that a unit's matched-items list reads one index)."""

    item = models.ForeignKey(Item, verbose_name="信息", on_delete=models.CASCADE, related_name="matches")
    scheme = models.ForeignKey("opinion.Scheme", verbose_name="监测方案", on_delete=models.CASCADE, related_name="matches")
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="方案单位", on_delete=models.CASCADE, related_name="+")
    arrived_at = models.DateTimeField("接收时间")
    matched_at = models.DateTimeField("命中时间", default=timezone.now)
    # The event of the scheme's unit this item belongs to (see ``models/events.py``); set by the
    # events service after matching.
    event = models.ForeignKey("opinion.Event", verbose_name="所属事件", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="matches")
    # How the item joined its event (``analysis.events.Assignment.how``: 新事件, 完全转载, 近似重复,
    # 同一事件); a reprint is an exact or near-duplicate.
    joined = models.CharField("归并方式", max_length=8, choices=EventJoin.choices, blank=True)

    objects = ItemMatchQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "方案命中"
        ordering = ["-arrived_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["item", "scheme"], name="opinion_match_item_scheme_unique")]
        indexes = [models.Index(fields=["org_unit", "-arrived_at"], name="opinion_match_unit_arrived"),
                   models.Index(fields=["scheme", "-arrived_at"], name="opinion_match_scheme_arrived"),
                   models.Index(fields=["event", "arrived_at"], name="opinion_match_event_arrived")]
