"""Where items come from (信息来源): a feed polled by the queue, a file import, a collector pushing
through the HTTP API, or entry by hand. Each source belongs to a unit, whose schemes and people see
what arrives from it. Written only by ``opinion.actions``.
"""

from django.db import models

from ideowork.core.models import CreatedBy
from ideowork.core.scoping import Allow

from ..choices import SourceKind, SourceLevel
from .scoping import OpinionQuerySet

__all__ = ["Source"]


class SourceQuerySet(OpinionQuerySet):
    # An upstream collector (an API client) holds the client-only ``opinion.ingest``, never
    # ``opinion.monitor``: it pushes items into its unit's sources and changes nothing else.
    actions = {"change": "opinion.monitor", "ingest": Allow("opinion.ingest")}


class Source(CreatedBy, models.Model):
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name="所属单位", on_delete=models.PROTECT,
                                 related_name="opinion_sources")
    name = models.CharField("来源名称", max_length=100)
    kind = models.CharField("接入方式", max_length=16, choices=SourceKind.choices)
    level = models.CharField("来源级别", max_length=16, choices=SourceLevel.choices)
    active = models.BooleanField("启用", default=True)
    description = models.CharField("说明", max_length=300, blank=True)

    # Feeds: polled by the queue with a conditional GET; the state of the last poll is shown.
    feed_url = models.URLField("订阅地址", max_length=1000, blank=True)
    poll_minutes = models.PositiveSmallIntegerField("抓取间隔（分钟）", default=30)
    etag = models.CharField("缓存标识（ETag）", max_length=300, blank=True)
    last_modified = models.CharField("最后修改时间标识", max_length=100, blank=True)
    polled_at = models.DateTimeField("最近抓取", null=True, blank=True)
    succeeded_at = models.DateTimeField("最近成功", null=True, blank=True)
    last_error = models.CharField("最近错误", max_length=500, blank=True)
    failures = models.PositiveIntegerField("连续失败次数", default=0)

    # File imports: the column mapping the user picked once, remembered for the next file.
    column_mapping = models.JSONField("导入列对应", default=dict, blank=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "信息来源"
        ordering = ["org_unit__path", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "name"], name="opinion_source_unit_name_unique",
                                               violation_error_message="本单位已有同名来源。")]

    def __str__(self) -> str:
        return self.name
