"""External publicity (对外宣传): articles placed in outside media, with the medium's level.

A placement counts toward targets such as 全年在市级以上媒体刊发稿件不少于20篇 only when its medium
reaches the level the target names (``outlets.counting``). Recording one creates a ledger activity
(kind 刊发, one activity, ``do_sync_activity``) with the clipping or screenshot as its evidence; editing or
deleting the placement keeps that activity in step. An outward material the leader approved through
the review workflow (a ``ContentItem`` of kind 对外宣传材料) may be named as its origin.
Written only by ``outlets.actions.publicity``.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from ideowork.core.models import RecordedBy, UpdatedAt
from ideowork.core.scoping import ScopedQuerySet

from ..choices import MediaLevel

__all__ = ["ExternalPlacement"]


class PlacementQuerySet(ScopedQuerySet):
    actions = {"change": "outlets.publish"}
    cadre_needs_distinct = True

    def cadre_filter(self, user):
        # Articles in outside media are public: a cadre sees those of their organ, and those they wrote.
        return models.Q(org_unit__organ=user.scope_root) | models.Q(authors=user)


class ExternalPlacement(RecordedBy, UpdatedAt, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("稿件标题", max_length=200)
    medium = models.CharField("媒体名称", max_length=100)
    level = models.CharField("媒体级别", max_length=16, choices=MediaLevel.choices)
    column = models.CharField("栏目/版面", max_length=100, blank=True)
    published_on = models.DateField("刊发日期")
    link = models.URLField("链接", max_length=500, blank=True)
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="本单位作者", blank=True,
                                     related_name="external_placements")
    author_names = models.CharField("作者署名", max_length=200, blank=True,
                                    help_text="刊发时的署名，含外单位作者。")
    content = models.ForeignKey("outlets.ContentItem", verbose_name="对应对外宣传材料", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="placements")
    note = models.TextField("备注", blank=True)
    activity = models.OneToOneField("ledger.Activity", verbose_name="台账活动", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="external_placement")

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "对外宣传刊发"
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["org_unit", "published_on"], name="placement_unit_date_idx")]

    def __str__(self) -> str:
        return f"{self.medium}：{self.title}"

    def get_absolute_url(self) -> str:
        return reverse("outlets:placement_detail", args=[self.pk])

    @property
    def byline(self) -> str:
        """Who wrote it, as printed: the byline if given, else the names of the authors in the system."""
        return self.author_names or "、".join(a.name for a in self.authors.all())
